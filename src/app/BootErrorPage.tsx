import { isChunkLoadError, reloadFresh } from '../shared/browser/offlineShell';

export interface BootErrorPageProps {
  error: unknown;
}

/**
 * The app could not start: a script chunk did not load (often a new deployment replaced it, or the
 * network dropped) or configuring sign-in threw. Says so and offers a reload instead of a blank page;
 * after a chunk failed, the reload fetches the dashboard afresh instead of from what the browser kept.
 */
export function BootErrorPage({ error }: BootErrorPageProps) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <main className="page" id="main">
      <h1>The dashboard could not start</h1>
      <section className="panel panel--error" role="alert">
        <p>Something failed while the page was starting, before any job was loaded. Reloading usually fixes it.</p>
        {isChunkLoadError(error) && (
          <p>Part of the dashboard did not load, often because a new version was being published. Reloading fetches it afresh.</p>
        )}
        <p className="mono">{message}</p>
      </section>
      <div className="actions">
        <button type="button" className="button" onClick={() => void reloadFresh(error)}>
          Reload the page
        </button>
      </div>
    </main>
  );
}
