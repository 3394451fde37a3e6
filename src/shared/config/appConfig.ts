import * as v from 'valibot';
import { AMPLIFY_BACKEND_REGIONS, isAwsServiceHost, type AwsService } from './regions';

/** The runtime config (`config.json`) as `parseAppConfig` returns it; the type follows from the rules in `fields`. */
export type AppConfig = v.InferOutput<v.ObjectSchema<ReturnType<typeof fields>, undefined>>;
/** Amplify's `ResourcesConfig.Auth`: the part this dashboard reads is checked, the rest passes through untouched. */
export type CognitoAuthConfig = AppConfig['Auth'];
/** Amplify's Hosted UI settings (`Auth.Cognito.loginWith.oauth`). */
export type OAuthConfig = NonNullable<NonNullable<CognitoAuthConfig['Cognito']['loginWith']>['oauth']>;
export type AuthFlowType = AppConfig['authFlowType'];
export type TokenStorage = AppConfig['tokenStorage'];

export interface ConfigProblem {
  /** Dotted path of the offending field, e.g. `Auth.Cognito.identityPoolId`. */
  field: string;
  /** What the field should hold, in words. */
  expected: string;
}

export type ConfigParseResult = { ok: true; config: AppConfig } | { ok: false; problems: ConfigProblem[] };

export interface ConfigParseOptions {
  /**
   * The origin the dashboard is served from (`location.origin`): endpoints may point at it. Unknown
   * when `npm run config` writes the file (give `--site-origin`); then only AWS's own hosts and
   * loopback emulators pass, and the app applies the full rule when it starts.
   */
  pageOrigin?: string;
}

export const DEFAULT_POLL_INTERVAL_SECONDS = 5;
export const MIN_POLL_INTERVAL_SECONDS = 1;
export const MAX_POLL_INTERVAL_SECONDS = 300;

const IDENTITY_POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const USER_POOL_ID = /^[a-z]{2}(?:-[a-z]+)+-\d_[0-9A-Za-z]+$/;
const USER_POOL_CLIENT_ID = /^[0-9A-Za-z]{1,128}$/;
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?::\d{1,5})?$/i;
/** Cognito's own Hosted UI domain: `<prefix>.auth.<region>.amazoncognito.com`. */
const COGNITO_HOSTED_UI_DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.auth\.[a-z]{2}(?:-[a-z]+)+-\d\.amazoncognito\.com$/i;

const POLL = `a number of seconds from ${MIN_POLL_INTERVAL_SECONDS} to ${MAX_POLL_INTERVAL_SECONDS}`;
const SCOPES = 'a list of scopes such as ["openid", "email"]';
const REDIRECTS = 'a list of https:// URLs of this dashboard';
const PROVIDERS = 'a list of identity providers such as ["Google", { "custom": "Okta" }]';
const POOL_PAIR = 'userPoolId and userPoolClientId together, or neither';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isLoopback = (hostname: string) => hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
const matching = (pattern: RegExp, expected: string) => v.pipe(v.string(expected), v.check(pattern.test.bind(pattern), expected));
const trimSlashes = (value: string) => value.replace(/\/+$/, '');
const lowerCase = (value: string) => value.toLowerCase();
const isProvider = (value: unknown) => typeof value === 'string' || (isRecord(value) && typeof value.custom === 'string');
const isPollInterval = (seconds: number) => seconds >= MIN_POLL_INTERVAL_SECONDS && seconds <= MAX_POLL_INTERVAL_SECONDS;
const flag = () => v.optional(v.boolean('true or false'));

/**
 * A JSON object (not a list) with these members; others pass through untouched, since Amplify reads
 * them. A member it lacks is reported with that member's own message, as if it were there but wrong.
 */
function record<const TEntries extends v.ObjectEntries>(expected: string, entries: TEntries) {
  return v.pipe(v.custom<Record<string, unknown>>(isRecord, expected), v.looseObject(entries, lacking(entries)));
}

function lacking(entries: v.ObjectEntries) {
  return (issue: v.BaseIssue<unknown>) => {
    const member = entries[String(issue.path?.[0]?.key)];
    return member && 'message' in member && typeof member.message === 'string' ? member.message : issue.message;
  };
}

/** Issue path items naming `field`, a dotted path below `input`. */
function pathTo(input: Record<string, unknown>, field: string): [v.UnknownPathItem, ...v.UnknownPathItem[]] {
  const item = (key: string): v.UnknownPathItem => ({ type: 'unknown', origin: 'value', input, key, value: undefined });
  const [first = field, ...rest] = field.split('.');
  return [item(first), ...rest.map(item)];
}

/**
 * A rule between an object's members, judged whatever else is wrong with them (a member that did not
 * parse reads as written). When `broken`, it names `field`, a dotted path below the object.
 */
function rule<TInput>(field: string, broken: (members: Record<string, unknown>) => boolean, expected: string) {
  return v.rawCheck<TInput>(({ dataset, addIssue }) => {
    const members: unknown = dataset.value;
    if (isRecord(members) && broken(members)) addIssue({ message: expected, path: pathTo(members, field) });
  });
}

/** An endpoint must be https, or http on a loopback host (an emulator or dev proxy on this machine). */
function urlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'an absolute https:// URL';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    return 'an https:// URL (http:// only for localhost)';
  }
  if (url.username || url.password) return 'a URL without user name or password';
  // A bare "?" or "#" leaves url.search/url.hash empty but would still swallow the request path.
  if (url.search || url.hash || value.includes('?') || value.includes('#')) return 'a URL without query or fragment';
  return undefined;
}

/**
 * Where signed requests may go, for fear of sending the Authorization header and session token to a
 * stranger: the service's own regional host, the page's own origin (a proxy route), or a loopback
 * emulator when the page itself is served from this machine (development and the end-to-end tests).
 */
function endpointProblem(value: string, service: AwsService, pageOrigin: string | undefined): string | undefined {
  const problem = urlProblem(value);
  if (problem) return problem;
  const url = new URL(value);
  if (url.protocol === 'https:' && isAwsServiceHost(url.host, service) && !url.port) {
    return url.pathname === '/' ? undefined : `https://${service}.<region>.amazonaws.com without a path`;
  }
  if (pageOrigin !== undefined && url.origin === pageOrigin) return undefined;
  const pageOnLoopback = pageOrigin === undefined || isLoopback(new URL(pageOrigin).hostname);
  if (isLoopback(url.hostname) && pageOnLoopback) return undefined;
  return `https://${service}.<region>.amazonaws.com or a path on the dashboard's own origin${pageOrigin ? ` (${pageOrigin})` : ''}`;
}

const endpoint = (service: AwsService, pageOrigin: string | undefined) =>
  v.pipe(
    v.string('an absolute https:// URL'),
    v.rawCheck(({ dataset, addIssue }) => {
      const message = dataset.typed ? endpointProblem(dataset.value, service, pageOrigin) : undefined;
      if (message) addIssue({ message });
    }),
  );

/** A service's endpoint override, kept without trailing slashes so paths can be appended directly. */
const override = (service: AwsService, pageOrigin: string | undefined) =>
  v.optional(v.pipe(endpoint(service, pageOrigin), v.transform(trimSlashes)));

/** The host to sign for when the endpoint override is a proxy: exactly `<service>.<region>.amazonaws.com`. */
function signingHost(service: AwsService, name: string) {
  const expected = `an ${name} host: "${service}.<region>.amazonaws.com"`;
  const isHost = (host: string) => isAwsServiceHost(host, service);
  return v.optional(v.pipe(v.string(expected), v.check(isHost, expected), v.transform(lowerCase)));
}

const isUrl = (value: string) => urlProblem(value) === undefined;
const isFilled = (list: string[]) => list.length > 0;

/** The Hosted UI's domain receives the code and the PKCE verifier: Cognito's own host, or the custom domain named on purpose. */
function oauth(customDomain: string | undefined) {
  const redirects = v.pipe(
    v.array(v.pipe(v.string(REDIRECTS), v.check(isUrl, REDIRECTS)), REDIRECTS),
    v.check(isFilled, REDIRECTS),
  );
  return record("Amplify's Hosted UI settings", {
    domain: v.pipe(
      v.string('the Hosted UI domain, e.g. "myapp.auth.us-east-1.amazoncognito.com"'),
      v.check(
        (domain) => COGNITO_HOSTED_UI_DOMAIN.test(domain) || domain.toLowerCase() === customDomain?.toLowerCase(),
        'a Cognito Hosted UI domain "<prefix>.auth.<region>.amazoncognito.com", or a custom domain named the same in hostedUiCustomDomain',
      ),
    ),
    scopes: v.array(v.string(SCOPES), SCOPES),
    redirectSignIn: redirects,
    redirectSignOut: redirects,
    responseType: v.picklist(['code'], '"code" (authorization code with PKCE)'),
    providers: v.optional(v.array(v.custom<string | { custom: string }>(isProvider, PROVIDERS), PROVIDERS)),
  });
}

const cognito = (pageOrigin: string | undefined, customDomain: string | undefined) =>
  v.pipe(
    record('an object with at least identityPoolId', {
      identityPoolId: matching(
        IDENTITY_POOL_ID,
        'an identity pool ID such as "us-east-1:0a1b2c3d-…" (the dashboard gets AWS credentials from it)',
      ),
      allowGuestAccess: flag(),
      userPoolId: v.optional(matching(USER_POOL_ID, 'a user pool ID such as "us-east-1_AbC123"')),
      userPoolClientId: v.optional(matching(USER_POOL_CLIENT_ID, 'an app client ID (letters and digits)')),
      loginWith: v.optional(
        record('an object such as { "email": true }', {
          username: flag(),
          email: flag(),
          phone: flag(),
          oauth: v.optional(oauth(customDomain)),
        }),
      ),
      identityPoolEndpoint: v.optional(endpoint('cognito-identity', pageOrigin)),
      userPoolEndpoint: v.optional(endpoint('cognito-idp', pageOrigin)),
    }),
    rule('userPoolId', (c) => c.userPoolId === undefined && c.userPoolClientId !== undefined, POOL_PAIR),
    rule('userPoolClientId', (c) => c.userPoolId !== undefined && c.userPoolClientId === undefined, POOL_PAIR),
    rule(
      'loginWith.oauth',
      (c) => c.userPoolId === undefined && isRecord(c.loginWith) && isRecord(c.loginWith.oauth),
      'a user pool (userPoolId and userPoolClientId) to sign in to',
    ),
  );

/** Every member of the config and what it should hold. */
function fields(pageOrigin: string | undefined, customDomain: string | undefined) {
  return {
    /** True when the dashboard runs against the simulated AWS inside the page. */
    demo: v.nullish(v.boolean('true or false'), false),
    region: v.picklist(AMPLIFY_BACKEND_REGIONS, 'an AWS region where AmplifyBackend runs, e.g. "us-east-1"'),
    pollIntervalSeconds: v.nullish(v.pipe(v.number(POLL), v.check(isPollInterval, POLL)), DEFAULT_POLL_INTERVAL_SECONDS),
    /**
     * Replaces `https://amplifybackend.<region>.amazonaws.com`: a proxy route on the page's own origin,
     * another region's AmplifyBackend host, or (for a page served from this machine) a loopback emulator.
     */
    amplifyBackendEndpoint: override('amplifybackend', pageOrigin),
    signingHost: signingHost('amplifybackend', 'AmplifyBackend'),
    /** Replaces `https://amplify.<region>.amazonaws.com` (Amplify Hosting jobs), under the same rules. */
    amplifyEndpoint: override('amplify', pageOrigin),
    amplifySigningHost: signingHost('amplify', 'Amplify Hosting'),
    /** How `signIn` proves the password: SRP (default) or plain USER_PASSWORD_AUTH. */
    authFlowType: v.nullish(
      v.picklist(['USER_SRP_AUTH', 'USER_PASSWORD_AUTH'], '"USER_SRP_AUTH" (the default) or "USER_PASSWORD_AUTH"'),
      'USER_SRP_AUTH',
    ),
    /** Where user-pool tokens live: this tab only (default) or across tabs and restarts. */
    tokenStorage: v.nullish(v.picklist(['session', 'local'], '"session" (the default) or "local"'), 'session'),
    /**
     * A Hosted UI on a custom domain (`auth.example.com`) instead of Cognito's own: the same host as
     * `loginWith.oauth.domain`, named here on purpose, since that domain receives the authorization code.
     */
    hostedUiCustomDomain: v.optional(
      v.pipe(matching(HOST, 'a host name such as "auth.example.com" (no https://, no path)'), v.transform(lowerCase)),
    ),
    Auth: record('Amplify\'s Auth config: { "Cognito": { "identityPoolId": … } }', {
      Cognito: cognito(pageOrigin, customDomain),
    }),
  };
}

/** The rules for `raw`, whose hostedUiCustomDomain (as written) is the one other Hosted UI domain allowed. */
function configSchema(raw: unknown, pageOrigin: string | undefined) {
  const written = isRecord(raw) && typeof raw.hostedUiCustomDomain === 'string' ? raw.hostedUiCustomDomain : undefined;
  const customDomain = written !== undefined && HOST.test(written) ? written.toLowerCase() : undefined;
  const oauthOf = (config: Record<string, unknown>) => {
    const oauth = ['Cognito', 'loginWith', 'oauth'].reduce(
      (value, key) => (isRecord(value) ? value[key] : undefined),
      config.Auth,
    );
    return isRecord(oauth) ? oauth : undefined;
  };
  const entries = fields(pageOrigin, written);
  return v.pipe(
    v.custom<Record<string, unknown>>(isRecord, 'a JSON object'),
    v.looseObject(entries, lacking(entries)),
    v.rawCheck(({ addIssue }) => {
      const written = isRecord(raw) ? raw : {};
      for (const key of Object.keys(written)) {
        if (!Object.hasOwn(entries, key)) addIssue({ message: 'no such field (check its spelling)', path: pathTo(written, key) });
      }
    }),
    rule(
      'signingHost',
      (c) => c.signingHost !== undefined && c.amplifyBackendEndpoint === undefined,
      'only together with amplifyBackendEndpoint',
    ),
    rule(
      'amplifySigningHost',
      (c) => c.amplifySigningHost !== undefined && c.amplifyEndpoint === undefined,
      'only together with amplifyEndpoint',
    ),
    rule(
      'hostedUiCustomDomain',
      (c) => customDomain !== undefined && !oauthOf(c),
      'only together with Auth.Cognito.loginWith.oauth (the Hosted UI)',
    ),
    rule(
      'hostedUiCustomDomain',
      (c) => {
        const domain = oauthOf(c)?.domain;
        return customDomain !== undefined && typeof domain === 'string' && domain.toLowerCase() !== customDomain;
      },
      'the same host as Auth.Cognito.loginWith.oauth.domain (the custom domain of your Hosted UI)',
    ),
  );
}

/**
 * One problem per field and message (a list's items are reported as the list), in the order of the
 * fields: valibot judges an object's own rules after its members, so such a problem moves up to just
 * before the first problem of its members.
 */
function problemsOf(issues: readonly v.BaseIssue<unknown>[]): ConfigProblem[] {
  const problems = new Map<string, ConfigProblem>();
  for (const { path, message } of issues) {
    const field = path?.flatMap(({ key }) => (typeof key === 'string' ? [key] : [])).join('.') || '(root)';
    problems.set(`${field}\n${message}`, { field, expected: message });
  }
  const list = [...problems.values()];
  const rank = (field: string) => list.findIndex((problem) => `${problem.field}.`.startsWith(`${field}.`));
  return list.sort((a, b) => rank(a.field) - rank(b.field) || a.field.length - b.field.length);
}

/**
 * Parses the runtime config once, at start. Every problem is reported with the field it concerns,
 * so a person fixing `config.json` sees all of them at once.
 */
export function parseAppConfig(raw: unknown, options: ConfigParseOptions = {}): ConfigParseResult {
  const result = v.safeParse(configSchema(raw, options.pageOrigin), raw);
  return result.success ? { ok: true, config: result.output } : { ok: false, problems: problemsOf(result.issues) };
}
