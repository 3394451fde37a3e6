import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DemoUsersHint } from '../features/auth/DemoUsersHint';
import { DEMO_USERS } from '../simulated-aws/demoUsers';
import { DemoBanner } from './DemoBanner';

describe('the demo banner', () => {
  it('says "Demo" in one line; "More" opens the rest and says it is open, and closes it again', async () => {
    const user = userEvent.setup();
    render(<DemoBanner user={DEMO_USERS[0]} />);
    const banner = screen.getByRole('note', { name: 'Demo mode' });
    const more = within(banner).getByRole('button', { name: 'More' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    expect(within(banner).getByText('Demo-password-1')).not.toBeVisible();

    await user.click(more);
    const less = within(banner).getByRole('button', { name: 'Less' });
    expect(less).toHaveAttribute('aria-expanded', 'true');
    expect(within(banner).getByText('Demo-password-1')).toBeVisible();
    expect(banner).toHaveTextContent('nothing here reaches a real account');

    less.focus();
    await user.keyboard('{Enter}');
    expect(within(banner).getByRole('button', { name: 'More' })).toHaveAttribute('aria-expanded', 'false');
    expect(within(banner).getByText('Demo-password-1')).not.toBeVisible();
  });
});

describe('the demo users on the sign-in screen', () => {
  it('lists each user once: name and password, then what signing in as them does', () => {
    render(<DemoUsersHint users={DEMO_USERS} />);
    const items = screen.getAllByRole('listitem', { hidden: true });
    expect(items).toHaveLength(DEMO_USERS.length);
    for (const [index, user] of DEMO_USERS.entries()) {
      const text = items[index]?.textContent ?? '';
      expect(text).toBe(`${user.username} / ${user.password}: ${user.description}`);
      // Each name and password once, not again in the description.
      expect(text.split(user.password)).toHaveLength(2);
      expect(text.split(`${user.username} /`)).toHaveLength(2);
    }
  });
});
