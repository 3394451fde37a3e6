import { DEMO_USERS } from '../../simulated-aws/demoUsers';

/** The simulated user pool's accounts, listed on the sign-in screen in demo mode only. */
export function DemoUsersHint() {
  return (
    <details className="panel">
      <summary>Demo users</summary>
      <ul>
        {DEMO_USERS.map((user) => (
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
