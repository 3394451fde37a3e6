/**
 * The `amplify-job-watch` process: real arguments, environment, streams, the AWS SDK's credential
 * chain and Ctrl-C, handed to run(). Built by vite.cli.config.ts into dist-cli/.
 */
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { EXIT } from './exitCodes';
import { run } from './run';

declare const __CLI_VERSION__: string;

const interrupt = new AbortController();
process.on('SIGINT', () => {
  // A second Ctrl-C does not wait for the watch to wind down.
  if (interrupt.signal.aborted) process.exit(EXIT.interrupted);
  interrupt.abort();
});

// A reader that went away (`| head -1`) is not a reason to stop watching or to print a stack trace:
// the exit code still tells the outcome.
process.stdout.on('error', () => undefined);

function finish(code: number): void {
  process.exitCode = code;
  // Idle keep-alive sockets must not hold the process open once the outcome is known.
  setTimeout(() => process.exit(code), 200).unref();
}

run({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  version: __CLI_VERSION__,
  credentials: () => fromNodeProviderChain(),
  interrupt: interrupt.signal,
}).then(finish, (error: unknown) => {
  // Not an expected error (those end in run() with their own words): one line, no stack trace.
  process.stderr.write(`amplify-job-watch: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  finish(EXIT.failed);
});
