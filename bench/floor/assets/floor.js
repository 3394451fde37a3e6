// The benchmark's floor: the least a page can do to show an AmplifyBackend job's status from a
// deep link. No framework, no SDK: read /config.json, get guest credentials from Cognito Identity
// (GetId, GetCredentialsForIdentity), sign one GetBackendJob with SigV4 on WebCrypto, print the
// status. Like Amplify, it keeps the guest identity ID in localStorage, so a return visit skips GetId. It marks the status the way the app's badge does (`[aria-label="Job status"] [data-tone]`)
// so the benchmark's observer times both alike.

const encoder = new TextEncoder();
const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
const sha256Hex = async (text) => hex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
const hmac = async (key, text) =>
  crypto.subtle.sign(
    'HMAC',
    await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
    encoder.encode(text),
  );
// RFC 3986, as SigV4 wants it; non-S3 services encode each (already encoded) path segment again.
const uriEncode = (value) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

async function cognitoIdentity(endpoint, operation, body) {
  const response = await fetch(`${endpoint}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityService.${operation}`,
    },
    body: JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`${operation}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

async function getBackendJob(baseUrl, region, credentials, ids) {
  const url = new URL(baseUrl);
  const path = `/backend/${encodeURIComponent(ids.appId)}/job/${encodeURIComponent(ids.envName)}/${encodeURIComponent(ids.jobId)}`;
  const amzDate = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const signedHeaders = 'host;x-amz-date;x-amz-security-token';
  const canonicalRequest = [
    'GET',
    path.split('/').map(uriEncode).join('/'),
    '',
    `host:${url.host}`,
    `x-amz-date:${amzDate}`,
    `x-amz-security-token:${credentials.SessionToken}`,
    '',
    signedHeaders,
    await sha256Hex(''),
  ].join('\n');
  const scope = `${day}/${region}/amplifybackend/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, await sha256Hex(canonicalRequest)].join('\n');
  let key = encoder.encode(`AWS4${credentials.SecretKey}`);
  for (const part of [day, region, 'amplifybackend', 'aws4_request']) key = await hmac(key, part);
  const signature = hex(await hmac(key, stringToSign));
  const response = await fetch(`${baseUrl.replace(/\/+$/, '')}${path}`, {
    headers: {
      authorization: `AWS4-HMAC-SHA256 Credential=${credentials.AccessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
      'x-amz-date': amzDate,
      'x-amz-security-token': credentials.SessionToken,
    },
    credentials: 'omit',
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`GetBackendJob: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

function show(status) {
  const tone = /^completed$/i.test(status) ? 'completed' : /^failed$/i.test(status) ? 'failed' : 'running';
  const section = document.createElement('section');
  section.setAttribute('aria-label', 'Job status');
  const badge = document.createElement('span');
  badge.dataset.tone = tone;
  badge.textContent = status;
  section.append(badge);
  document.getElementById('root').replaceChildren(section);
}

async function main() {
  const match = /^\/apps\/([^/]+)\/environments\/([^/]+)\/jobs\/([^/]+)\/?$/.exec(location.pathname);
  if (!match) throw new Error('Not a job link');
  const [appId, envName, jobId] = match.slice(1).map(decodeURIComponent);
  const config = await (await fetch('/config.json', { credentials: 'same-origin' })).json();
  const cognito = config.Auth.Cognito;
  const poolRegion = cognito.identityPoolId.split(':')[0];
  const identityEndpoint = (cognito.identityPoolEndpoint ?? `https://cognito-identity.${poolRegion}.amazonaws.com`).replace(
    /\/+$/,
    '',
  );
  const storedIdentity = `floor.identityId.${cognito.identityPoolId}`;
  let IdentityId = localStorage.getItem(storedIdentity);
  if (!IdentityId) {
    ({ IdentityId } = await cognitoIdentity(identityEndpoint, 'GetId', { IdentityPoolId: cognito.identityPoolId }));
    localStorage.setItem(storedIdentity, IdentityId);
  }
  const { Credentials } = await cognitoIdentity(identityEndpoint, 'GetCredentialsForIdentity', { IdentityId });
  const region = new URLSearchParams(location.search).get('region') ?? config.region;
  const baseUrl = config.amplifyBackendEndpoint ?? `https://amplifybackend.${region}.amazonaws.com`;
  const job = await getBackendJob(baseUrl, region, Credentials, { appId, envName, jobId });
  show(job.status ?? 'No status');
}

main().catch((error) => {
  const state = document.getElementById('state');
  state.dataset.error = 'true';
  state.textContent = String(error);
});
