/** Steps this dashboard cannot take further: the person is told what to do instead. */
export function NotConfirmedStep() {
  return (
    <p className="panel panel--warning" role="alert">
      This account is not confirmed yet. Confirm it with the code Cognito sent when it was created, or ask an administrator of the
      user pool.
    </p>
  );
}

export function UnsupportedStep({ step }: { step: string }) {
  return (
    <p className="panel panel--warning" role="alert">
      Cognito asked for a sign-in step this dashboard does not handle ({step}). Sign in with the hosted sign-in page or ask an
      administrator.
    </p>
  );
}
