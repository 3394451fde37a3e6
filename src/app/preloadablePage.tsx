import { lazy, useState, type ComponentType } from 'react';

/**
 * A page loaded when first shown (React.lazy), which can also be loaded ahead: once `preload()` has
 * settled, the page renders at once instead of suspending. The app preloads the page of the link it
 * opened on, so its first render draws the page itself, never a "Loading…" in place of what the
 * entry already drew there (a board's first rows).
 */
export function preloadablePage<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  const preload = () =>
    load().then((component) => {
      loaded = component;
      return component;
    });
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Page(props: P) {
    // Chosen once per mount: switching from Lazy to the loaded component later would mount it anew.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Component {...props} />;
  }
  return Object.assign(Page, { preload });
}
