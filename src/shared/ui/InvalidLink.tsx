import { APP_TITLE, useDocumentTitle } from '../browser/documentTitle';
import { Link } from '../browser/history';

export interface InvalidLinkProps {
  /** "job" or "environment". */
  what: string;
  problems: string[];
}

/** A link refused before any request: every problem in words, and a way home. */
export function InvalidLink({ what, problems }: InvalidLinkProps) {
  useDocumentTitle(`Invalid link · ${APP_TITLE}`);
  return (
    <article className="page">
      <h1>This {what} link is not valid</h1>
      <section className="panel panel--error" role="alert">
        <ul>
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
        <p>Nothing was sent to AWS. Check the link you were given, or start again from the home page.</p>
      </section>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </article>
  );
}
