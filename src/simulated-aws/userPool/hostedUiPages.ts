/** The simulated Hosted UI's HTML: its sign-in form and its error pages. Every value is escaped. */

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function htmlPage(status: number, body: string): Response {
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Simulated Cognito</title></head><body><main><p>${escapeHtml(body)}</p></main></body></html>`,
    { status, headers: { 'content-type': 'text/html;charset=UTF-8' } },
  );
}

export function loginForm(search: string, username: string, error?: string): Response {
  return new Response(
    [
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in (simulated Cognito Hosted UI)</title></head>',
      '<body><main><h1>Sign in</h1><p>Simulated Amazon Cognito Hosted UI</p>',
      error ? `<p role="alert">${escapeHtml(error)}</p>` : '',
      `<form method="post" action="/login${escapeHtml(search)}">`,
      `<label>Username <input name="username" autocomplete="username" required value="${escapeHtml(username)}"></label>`,
      '<label>Password <input name="password" type="password" autocomplete="current-password" required></label>',
      '<button type="submit">Sign in</button></form></main></body></html>',
    ].join(''),
    { status: error ? 400 : 200, headers: { 'content-type': 'text/html;charset=UTF-8' } },
  );
}
