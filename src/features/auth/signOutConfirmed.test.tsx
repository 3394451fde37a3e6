import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD } from '../../simulated-aws/demoUsers';
import { renderAppWithConfig, userPoolConfig } from '../../test/userPoolApp';

vi.setConfig({ testTimeout: 20_000 });

describe('signing out is confirmed', () => {
  it('a polite status says “Signed out.”, and the focus goes from Sign out to Sign in, not to the page body', async () => {
    const { user } = await renderAppWithConfig(userPoolConfig({ allowGuestAccess: true, authFlowType: 'USER_PASSWORD_AUTH' }), {
      path: '/',
    });
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign in' });
    await user.click(await within(dialog).findByLabelText('Username'));
    await user.paste('demo');
    await user.click(within(dialog).getByLabelText('Password'));
    await user.paste(DEMO_PASSWORD);
    await user.keyboard('{Enter}');

    const header = screen.getByRole('banner');
    const status = within(header).getByRole('status');
    await user.click(await within(header).findByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(status).toHaveTextContent('Signed out.'));
    expect(within(header).getByRole('button', { name: 'Sign in' })).toHaveFocus();

    // Signing in again puts the confirmation away.
    await user.click(within(header).getByRole('button', { name: 'Sign in' }));
    const again = await screen.findByRole('dialog', { name: 'Sign in' });
    await user.click(await within(again).findByLabelText('Username'));
    await user.paste('demo');
    await user.click(within(again).getByLabelText('Password'));
    await user.paste(DEMO_PASSWORD);
    await user.keyboard('{Enter}');
    await within(header).findByRole('button', { name: 'Sign out' });
    expect(status).toHaveTextContent('');
  });
});
