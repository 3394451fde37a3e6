import { isAmplifyOutputs, isRecord } from './amplifyOutputsShape';
import { parseAppConfig, type ConfigParseOptions, type ConfigParseResult, type ConfigProblem } from './appConfig';

export { isAmplifyOutputs } from './amplifyOutputsShape';

/**
 * Amplify Gen 2 writes `amplify_outputs.json`; its `auth` section names the same user pool, app
 * client and identity pool that `config.json` does, in snake_case. A deployment may drop that file in
 * as `config.json`: it is converted to the plain form here and then validated by `parseAppConfig`
 * like any other config, so there is one set of rules.
 *
 * - `region` (the default region of job links) is a top-level `region` when the file has one, else
 *   `auth.aws_region`.
 * - The dashboard's own settings (`pollIntervalSeconds`, `amplifyBackendEndpoint`, `signingHost`,
 *   `authFlowType`, `tokenStorage`, `hostedUiCustomDomain`, `demo`) may sit at the top level beside
 *   Amplify's sections.
 * - Amplify's other sections (`data`, `storage`, …) are ignored; any other top-level key is passed on
 *   so that a misspelt dashboard setting is reported rather than dropped.
 * - Read from `auth`: identity pool, guest access, user pool + client, `oauth` (Hosted UI),
 *   `username_attributes` (which sign-in aliases the username field names) and
 *   `authentication_flow_type`. Password policy, MFA, groups and passwordless settings only matter for
 *   sign-up and are left out.
 */

/** Top-level sections that Amplify's outputs schema (version 1.x) defines. */
const AMPLIFY_SECTIONS = new Set([
  '$schema',
  'version',
  'auth',
  'data',
  'storage',
  'geo',
  'analytics',
  'notifications',
  'custom',
]);

/** The `auth` members read here, and the config field each becomes (for naming problems in the file's terms). */
const AUTH_FIELDS: Record<string, string> = {
  'Auth.Cognito.identityPoolId': 'auth.identity_pool_id',
  'Auth.Cognito.allowGuestAccess': 'auth.unauthenticated_identities_enabled',
  'Auth.Cognito.userPoolId': 'auth.user_pool_id',
  'Auth.Cognito.userPoolClientId': 'auth.user_pool_client_id',
  'Auth.Cognito.loginWith': 'auth.username_attributes',
  'Auth.Cognito.loginWith.oauth': 'auth.oauth',
  'Auth.Cognito.loginWith.oauth.domain': 'auth.oauth.domain',
  'Auth.Cognito.loginWith.oauth.scopes': 'auth.oauth.scopes',
  'Auth.Cognito.loginWith.oauth.redirectSignIn': 'auth.oauth.redirect_sign_in_uri',
  'Auth.Cognito.loginWith.oauth.redirectSignOut': 'auth.oauth.redirect_sign_out_uri',
  'Auth.Cognito.loginWith.oauth.responseType': 'auth.oauth.response_type',
  Auth: 'auth',
  'Auth.Cognito': 'auth',
};

/** Amplify's names for Hosted UI social providers (as `parseAmplifyOutputs` maps them). */
const OAUTH_PROVIDERS: Record<string, string> = {
  GOOGLE: 'Google',
  FACEBOOK: 'Facebook',
  LOGIN_WITH_AMAZON: 'Amazon',
  SIGN_IN_WITH_APPLE: 'Apple',
};

/** The plain config object an `amplify_outputs.json` stands for (not yet validated). */
export function fromAmplifyOutputs(
  outputs: Record<string, unknown> & { auth: Record<string, unknown> },
): Record<string, unknown> {
  const auth = outputs.auth;
  const cognito: Record<string, unknown> = {};
  if (auth.identity_pool_id !== undefined) cognito.identityPoolId = auth.identity_pool_id;
  if (auth.unauthenticated_identities_enabled !== undefined) cognito.allowGuestAccess = auth.unauthenticated_identities_enabled;
  if (auth.user_pool_id !== undefined) cognito.userPoolId = auth.user_pool_id;
  if (auth.user_pool_client_id !== undefined) cognito.userPoolClientId = auth.user_pool_client_id;

  const loginWith: Record<string, unknown> = {};
  if (Array.isArray(auth.username_attributes)) {
    loginWith.email = auth.username_attributes.includes('email');
    loginWith.phone = auth.username_attributes.includes('phone_number');
    loginWith.username = auth.username_attributes.includes('username');
  }
  if (auth.oauth !== undefined) {
    const oauth = auth.oauth;
    if (isRecord(oauth)) {
      const providers = Array.isArray(oauth.identity_providers)
        ? oauth.identity_providers.flatMap((name) =>
            typeof name === 'string' && OAUTH_PROVIDERS[name] ? [OAUTH_PROVIDERS[name]] : [],
          )
        : [];
      loginWith.oauth = {
        domain: oauth.domain,
        scopes: oauth.scopes,
        redirectSignIn: oauth.redirect_sign_in_uri,
        redirectSignOut: oauth.redirect_sign_out_uri,
        responseType: oauth.response_type,
        ...(providers.length > 0 ? { providers } : {}),
      };
    } else {
      loginWith.oauth = oauth;
    }
  }
  if (Object.keys(loginWith).length > 0) cognito.loginWith = loginWith;
  // Not a list: passed on as it is, so the config rules report it (as auth.username_attributes).
  if (auth.username_attributes !== undefined && !Array.isArray(auth.username_attributes))
    cognito.loginWith = auth.username_attributes;

  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(outputs)) {
    if (!AMPLIFY_SECTIONS.has(key)) config[key] = value;
  }
  config.region ??= auth.aws_region;
  if (config.authFlowType === undefined && auth.authentication_flow_type !== undefined) {
    config.authFlowType = auth.authentication_flow_type;
  }
  config.Auth = { Cognito: cognito };
  return config;
}

/** A problem found in the converted config, named as the field of `amplify_outputs.json` it came from. */
function inOutputsTerms(problem: ConfigProblem, outputs: Record<string, unknown>): ConfigProblem {
  if (problem.field === 'region' && outputs.region === undefined) {
    return { field: 'auth.aws_region', expected: `${problem.expected} (or a top-level "region" for job links)` };
  }
  if (problem.field === 'authFlowType' && outputs.authFlowType === undefined) {
    return { ...problem, field: 'auth.authentication_flow_type' };
  }
  if (problem.field.startsWith('Auth.Cognito.loginWith.') && !problem.field.startsWith('Auth.Cognito.loginWith.oauth')) {
    return { ...problem, field: 'auth.username_attributes' };
  }
  const field = AUTH_FIELDS[problem.field];
  return field ? { ...problem, field } : problem;
}

/**
 * Parses a `config.json` in either form: the plain one, or an `amplify_outputs.json` (converted
 * first; problems are then named by the file's own fields, e.g. `auth.identity_pool_id`).
 */
export function parseConfigDocument(raw: unknown, options: ConfigParseOptions = {}): ConfigParseResult {
  if (!isAmplifyOutputs(raw)) return parseAppConfig(raw, options);
  const parsed = parseAppConfig(fromAmplifyOutputs(raw), options);
  return parsed.ok ? parsed : { ok: false, problems: parsed.problems.map((problem) => inOutputsTerms(problem, raw)) };
}
