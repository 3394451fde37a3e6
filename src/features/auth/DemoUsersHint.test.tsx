import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_GUIDE } from '../../simulated-aws/demoGuide';
import { DEMO_PASSWORD } from '../../simulated-aws/demoUsers';
import { DemoUsersHint } from './DemoUsersHint';

describe('the demo users as the sign-in screen lists them', () => {
  it('gives reset no password: any password leads to the reset, as the simulated pool does', () => {
    render(<DemoUsersHint users={DEMO_GUIDE.users} />);
    const reset = screen.getAllByRole('listitem', { hidden: true }).find((item) => item.textContent?.startsWith('reset'));
    expect(reset?.textContent).toBe('reset: any sign-in asks for a password reset; the emailed code is 123456.');
    expect(reset?.textContent).not.toContain(DEMO_PASSWORD);
  });

  it('says what signing in adds in the demo', () => {
    render(<DemoUsersHint users={DEMO_GUIDE.users} />);
    expect(
      screen.getByText(/In the demo you can watch every job without signing in; signing in lets you try the sign-in steps\./),
    ).toBeVisible();
  });
});
