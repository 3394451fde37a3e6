import { Component, type ErrorInfo, type ReactNode } from 'react';
import { isChunkLoadError, reloadFresh } from '../shared/browser/offlineShell';

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * A render error anywhere shows a way out instead of a white page. A page's chunk that did not load
 * (a lazy route during a deployment) lands here too; its Reload then fetches afresh.
 */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    // Only the message and component stack: never request data, which may carry credentials.
    console.error('Amplify Job Watch crashed while rendering:', error.message, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="page" id="main">
        <h1>Something broke on this page</h1>
        <section className="panel panel--error" role="alert">
          <p>The dashboard hit an unexpected error while drawing this page.</p>
          <p className="mono">{this.state.error.message}</p>
          {isChunkLoadError(this.state.error) && (
            <p>
              Part of the dashboard did not load, often because a new version was being published. Reloading fetches it afresh.
            </p>
          )}
        </section>
        <div className="actions">
          <button type="button" className="button" onClick={() => void reloadFresh(this.state.error)}>
            Reload the page
          </button>
          <a className="button" href="/">
            Go to the home page
          </a>
        </div>
      </main>
    );
  }
}
