export interface BootErrorPageProps {
  error: unknown;
}

/**
 * The app could not start: a script chunk did not load (often a new deployment replaced it, or the
 * network dropped) or configuring sign-in threw. Says so and offers a reload instead of a blank page.
 */
export function BootErrorPage({ error }: BootErrorPageProps) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <main className="page" id="main">
      <h1>The dashboard could not start</h1>
      <section className="panel panel--error" role="alert">
        <p>Something failed while the page was starting, before any job was loaded. Reloading usually fixes it.</p>
        <p className="mono">{message}</p>
      </section>
      <div className="actions">
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    </main>
  );
}
