import { describe, expect, it } from 'vitest';
import { getBackendJobCommand, shellQuote } from './cliCommand';

/** Characters a POSIX shell gives no meaning to anywhere inside an argument word. */
const INERT = /^[A-Za-z0-9._\/:@%+=,-]$/;

/**
 * Reads one word the way a POSIX shell does, for the forms shellQuote may produce: single-quoted
 * runs (taken literally, no escapes inside), a backslash escaping the next character, and inert
 * characters. Anything else left unquoted would be interpreted by the shell, so it throws.
 */
function unquoteWord(word: string): string {
  let out = '';
  let i = 0;
  while (i < word.length) {
    const ch = word[i]!;
    if (ch === "'") {
      const end = word.indexOf("'", i + 1);
      if (end === -1) throw new Error(`unterminated single quote in ${JSON.stringify(word)}`);
      out += word.slice(i + 1, end);
      i = end + 1;
    } else if (ch === '\\') {
      const next = word[i + 1];
      if (next === undefined || next === '\n') throw new Error(`dangling backslash in ${JSON.stringify(word)}`);
      out += next;
      i += 2;
    } else if (INERT.test(ch)) {
      out += ch;
      i += 1;
    } else {
      throw new Error(`unquoted ${JSON.stringify(ch)} in ${JSON.stringify(word)}`);
    }
  }
  return out;
}

/** Splits a command line at unquoted spaces and unquotes each word. */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let current = '';
  let quoted = false;
  let escaped = false;
  for (const ch of command) {
    if (escaped) {
      escaped = false;
      current += ch;
      continue;
    }
    if (ch === '\\' && !quoted) escaped = true;
    if (ch === "'") quoted = !quoted;
    if (ch === ' ' && !quoted) {
      words.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (quoted) throw new Error('unterminated quote');
  words.push(current);
  return words.map(unquoteWord);
}

describe('the test’s own unquoter', () => {
  it('refuses what a shell would interpret, so the checks below can fail', () => {
    expect(() => unquoteWord('a b')).toThrow();
    expect(() => unquoteWord('$HOME')).toThrow();
    expect(() => unquoteWord("'a")).toThrow();
    expect(() => unquoteWord("'a'$(id)")).toThrow();
    expect(unquoteWord("'it'\\''s'")).toBe("it's");
  });
});

describe('shellQuote', () => {
  it.each(['d2k9xq7v1ab3cd', 'staging', '7f3c9e2a-5b1d-4c8e-9f0a-1b2c3d4e5f60', 'us-east-1', 'ap-southeast-2', 'dev_env.2'])(
    'leaves the plain ID %s as it is, so the command stays readable',
    (id) => {
      expect(shellQuote(id)).toBe(id);
    },
  );

  it.each([
    ['the empty string', '', "''"],
    ['a space', 'my env', "'my env'"],
    ['a single quote', "it's", "'it'\\''s'"],
    ['only a single quote', "'", "''\\'''"],
    ['a dollar sign', '$HOME', "'$HOME'"],
    ['a command substitution', '$(id)', "'$(id)'"],
    ['backticks', '`id`', "'`id`'"],
    ['a semicolon', 'a;rm -rf ~', "'a;rm -rf ~'"],
    ['a newline', 'a\nb', "'a\nb'"],
  ])('quotes %s exactly', (_label, value, quoted) => {
    expect(shellQuote(value)).toBe(quoted);
  });

  it.each([
    ['a space', 'my env'],
    ['a tab', 'a\tb'],
    ['a newline', 'line1\nline2'],
    ['a carriage return', 'a\rb'],
    ['a single quote', "it's"],
    ['several single quotes', "''a''"],
    ['a double quote', 'say "hi"'],
    ['a dollar sign', '$HOME'],
    ['a parameter expansion', '${PATH}'],
    ['a command substitution', '$(touch /tmp/pwned)'],
    ['backticks', '`touch /tmp/pwned`'],
    ['a semicolon', 'x; touch /tmp/pwned'],
    ['an ampersand', 'a&&b'],
    ['a pipe', 'a|b'],
    ['redirections', '<in >out 2>&1'],
    ['globs', '*?[a-z]'],
    ['a leading tilde', '~root'],
    ['a leading hash', '#comment'],
    ['an exclamation mark', 'hi!'],
    ['a backslash', 'a\\b'],
    ['a trailing backslash', 'a\\'],
    ['braces', '{a,b}'],
    ['parentheses', '(sub)'],
    ['non-ASCII', 'Überprüfung-日本-🚀'],
    ['a quote then a substitution', "'$(id)'"],
    ['the empty string', ''],
  ])('quotes a value with %s so a shell reads it back unchanged as one word', (_label, value) => {
    const quoted = shellQuote(value);
    expect(quoted).not.toBe(value);
    expect(unquoteWord(quoted)).toBe(value);
    expect(shellWords(`cmd ${quoted}`)).toEqual(['cmd', value]);
  });

  it('round-trips many generated values made of awkward characters', () => {
    const alphabet = ['a', 'Z', '0', '-', ' ', "'", '"', '$', '`', ';', '\n', '\\', '|', '&', '*', '(', ')', '#', '~', '!', 'é'];
    let state = 12345;
    const next = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state;
    };
    for (let n = 0; n < 500; n++) {
      const length = next() % 12;
      const value = Array.from({ length }, () => alphabet[next() % alphabet.length]).join('');
      expect(unquoteWord(shellQuote(value))).toBe(value);
    }
  });
});

describe('getBackendJobCommand', () => {
  it('gives the exact AWS CLI command for plain IDs', () => {
    expect(
      getBackendJobCommand({
        region: 'eu-west-1',
        appId: 'd2k9xq7v1ab3cd',
        envName: 'staging',
        jobId: '7f3c9e2a-5b1d-4c8e-9f0a-1b2c3d4e5f60',
      }),
    ).toBe(
      'aws amplifybackend get-backend-job --app-id d2k9xq7v1ab3cd --backend-environment-name staging --job-id 7f3c9e2a-5b1d-4c8e-9f0a-1b2c3d4e5f60 --region eu-west-1',
    );
  });

  it('quotes each ID on its own', () => {
    expect(getBackendJobCommand({ region: 'us-east-1', appId: 'my app', envName: "it's", jobId: '$(id)' })).toBe(
      "aws amplifybackend get-backend-job --app-id 'my app' --backend-environment-name 'it'\\''s' --job-id '$(id)' --region us-east-1",
    );
  });

  it('keeps hostile IDs as single arguments in their own places', () => {
    const key = { region: 'us-east-1; rm -rf ~', appId: 'a b', envName: '`whoami`', jobId: "x' ; echo pwned '" };
    expect(shellWords(getBackendJobCommand(key))).toEqual([
      'aws',
      'amplifybackend',
      'get-backend-job',
      '--app-id',
      key.appId,
      '--backend-environment-name',
      key.envName,
      '--job-id',
      key.jobId,
      '--region',
      key.region,
    ]);
  });

  it('is a single line even when an ID contains a newline outside of quotes', () => {
    const command = getBackendJobCommand({ region: 'us-east-1', appId: 'a', envName: 'e', jobId: 'j\nk' });
    // The newline is inside single quotes, where a shell treats it as part of the word.
    expect(shellWords(command)[8]).toBe('j\nk');
  });
});
