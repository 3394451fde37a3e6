import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** A render error anywhere shows a way out instead of a white page. */
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
        </section>
        <div className="actions">
          <button type="button" className="button" onClick={() => window.location.reload()}>
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
