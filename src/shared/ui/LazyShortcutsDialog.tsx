import { lazy, Suspense } from 'react';
import type { ShortcutsDialogProps } from './ShortcutsDialog';

// Opened with "?" only: its code loads the first time, never on a page's first load.
const ShortcutsDialog = lazy(() => import('./ShortcutsDialog').then((module) => ({ default: module.ShortcutsDialog })));

/** The page's shortcut list while `shown`. */
export function LazyShortcutsDialog({ shown, ...props }: ShortcutsDialogProps & { shown: boolean }) {
  if (!shown) return null;
  return (
    <Suspense fallback={null}>
      <ShortcutsDialog {...props} />
    </Suspense>
  );
}
