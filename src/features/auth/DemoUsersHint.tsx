import type { DemoGuide } from '../../shared/config/demoGuide';

/**
 * The simulated user pool's accounts, listed on the sign-in screen in demo mode only, after what
 * signing in adds there: nothing to watch (guests watch every sample), only the steps to try.
 */
export function DemoUsersHint({ users }: { users: DemoGuide['users'] }) {
  return (
    <>
      <p className="muted small">
        In the demo you can watch every job without signing in; signing in lets you try the sign-in steps. With your own
        deployment, it is what gives this browser read access to your account’s jobs.
      </p>
      <details className="panel">
        <summary>Demo users</summary>
        <ul>
          {users.map((user) => (
            <li key={user.username}>
              <span className="mono">{user.username}</span>
              {user.password ? (
                <>
                  {' '}
                  / <span className="mono">{user.password}</span>
                </>
              ) : null}
              : {user.description}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
