import { useId, useState } from 'react';
import type { DemoGuide } from '../shared/config/demoGuide';

/**
 * Demo mode, said in one short line (it sits above every page, also on a phone); "More" opens the
 * rest: where the data comes from, the demo sign-in, how to watch real jobs.
 */
export function DemoBanner({ user }: { user: DemoGuide['users'][number] | undefined }) {
  const [open, setOpen] = useState(false);
  const moreId = useId();
  return (
    <div className="demo-banner" role="note" aria-label="Demo mode">
      <p className="demo-banner__line">
        <strong>Demo:</strong> simulated AWS, sample data.{' '}
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          aria-controls={moreId}
          onClick={() => setOpen((shown) => !shown)}
        >
          {open ? 'Less' : 'More'}
        </button>
      </p>
      <p id={moreId} className="demo-banner__more" hidden={!open}>
        A simulated AWS runs inside the page with sample jobs; nothing here reaches a real account.{' '}
        {user ? (
          <>
            Sign in as <span className="mono">{user.username}</span>
            {user.password ? (
              <>
                {' '}
                / <span className="mono">{user.password}</span>
              </>
            ) : null}{' '}
            to try signing in.{' '}
          </>
        ) : null}
        Add a <span className="mono">config.json</span> to watch real jobs.
      </p>
    </div>
  );
}
