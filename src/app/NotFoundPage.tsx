import { APP_TITLE, useDocumentTitle } from '../shared/browser/documentTitle';
import { Link } from '../shared/browser/history';

export function NotFoundPage() {
  useDocumentTitle(`Page not found · ${APP_TITLE}`);
  return (
    <article className="page">
      <h1>Page not found</h1>
      <p>There is no page at this address. Job links look like /apps/…/environments/…/jobs/….</p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </article>
  );
}
