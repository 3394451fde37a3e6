import type { ConfigProblem } from '../shared/config/appConfig';

export interface ConfigErrorPageProps {
  problems: ConfigProblem[];
}

/** A config that is present but wrong: name every bad field and what it should hold. */
export function ConfigErrorPage({ problems }: ConfigErrorPageProps) {
  return (
    <main className="page" id="main">
      <h1>config.json needs fixing</h1>
      <section className="panel panel--error" role="alert">
        <p>
          The dashboard read <span className="mono">/config.json</span> and cannot use it. Nothing was sent to AWS.
        </p>
        <ul>
          {problems.map((problem) => (
            <li key={`${problem.field}:${problem.expected}`}>
              <span className="mono">{problem.field}</span>: expected {problem.expected}.
            </li>
          ))}
        </ul>
        <p>Every field is described in the README under “Configuration”. Remove the file to run the demo instead.</p>
      </section>
    </main>
  );
}
