import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { useShortcuts, type Shortcut } from './useShortcuts';

function Harness({ shortcuts, enabled = true }: { shortcuts: Shortcut[]; enabled?: boolean }) {
  useShortcuts(shortcuts, enabled);
  return (
    <div>
      <label>
        Job ID <input type="text" />
      </label>
      <label>
        Notes <textarea />
      </label>
      <label>
        Interval{' '}
        <select>
          <option>1</option>
        </select>
      </label>
      <div contentEditable suppressContentEditableWarning aria-label="Editable">
        text
      </div>
      <label>
        Paused <input type="checkbox" />
      </label>
      <button type="button">Other</button>
    </div>
  );
}

function setup(enabled = true) {
  const refresh = vi.fn();
  const pause = vi.fn();
  const help = vi.fn();
  const shortcuts: Shortcut[] = [
    { key: 'r', description: 'Refresh now', run: refresh },
    { key: 'p', description: 'Pause or resume', run: pause },
    { key: '?', description: 'List the shortcuts', run: help },
  ];
  const view = render(<Harness shortcuts={shortcuts} enabled={enabled} />);
  return { refresh, pause, help, view, user: userEvent.setup() };
}

describe('useShortcuts', () => {
  it('runs the shortcut for a key typed on the page', async () => {
    const { refresh, pause, help, user } = setup();
    await user.keyboard('r');
    await user.keyboard('p');
    await user.keyboard('?');
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(pause).toHaveBeenCalledTimes(1);
    expect(help).toHaveBeenCalledTimes(1);
  });

  it('still works with focus on a button or a checkbox', async () => {
    const { refresh, user } = setup();
    screen.getByRole('button', { name: 'Other' }).focus();
    await user.keyboard('r');
    screen.getByRole('checkbox', { name: 'Paused' }).focus();
    await user.keyboard('r');
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('never fires while typing in a field', async () => {
    const { refresh, pause, user } = setup();
    await user.type(screen.getByRole('textbox', { name: 'Job ID' }), 'rp');
    await user.type(screen.getByRole('textbox', { name: 'Notes' }), 'rp');
    screen.getByRole('combobox', { name: 'Interval' }).focus();
    await user.keyboard('r');
    screen.getByLabelText('Editable').focus();
    await user.keyboard('r');
    expect(refresh).not.toHaveBeenCalled();
    expect(pause).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: 'Job ID' })).toHaveValue('rp');
  });

  it('never fires from inside a dialog over the page', async () => {
    const { refresh, user } = setup();
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    const button = document.createElement('button');
    dialog.append(button);
    document.body.append(dialog);
    button.focus();
    await user.keyboard('r');
    dialog.remove();
    expect(refresh).not.toHaveBeenCalled();
  });

  it('never fires while a dialog is open over the page, even with focus outside it (on the body)', async () => {
    const { refresh, user } = setup();
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    document.body.append(dialog);
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('r');
    dialog.remove();
    expect(refresh).not.toHaveBeenCalled();
    await user.keyboard('r');
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('leaves Ctrl, Alt and Meta combinations and held-down keys to the browser', async () => {
    const { refresh, user } = setup();
    await user.keyboard('{Control>}r{/Control}');
    await user.keyboard('{Meta>}r{/Meta}');
    await user.keyboard('{Alt>}r{/Alt}');
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'r', repeat: true, bubbles: true }));
    expect(refresh).not.toHaveBeenCalled();
  });

  it('does nothing when disabled, and stops listening when unmounted', async () => {
    const disabled = setup(false);
    await disabled.user.keyboard('r');
    expect(disabled.refresh).not.toHaveBeenCalled();
    disabled.view.unmount();

    const { refresh, view, user } = setup();
    view.unmount();
    await user.keyboard('r');
    expect(refresh).not.toHaveBeenCalled();
  });
});
