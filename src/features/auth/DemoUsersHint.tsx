import type { DemoGuide } from '../../shared/config/demoGuide';

/** The simulated user pool's accounts, listed on the sign-in screen in demo mode only. */
export function DemoUsersHint({ users }: { users: DemoGuide['users'] }) {
  return (
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
  );
}
