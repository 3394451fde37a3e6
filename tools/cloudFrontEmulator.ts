/**
 * A stand-in for the CloudFront distribution of s3-cloudfront.json, built from the evaluated
 * template itself, so tests exercise the template's behaviours and not a hand-written copy:
 *
 * - the cache behaviour is chosen by path pattern (first match, else the default);
 * - its viewer-request CloudFront Function runs (the template's own code, in a sandbox);
 * - the S3 origin answers from a folder (for a missing key 404 when the bucket policy lets CloudFront
 *   list the bucket, else 403, as S3 does; the default root object for `/`); a custom origin is reached over HTTP with the viewer's headers and
 *   `Host` set to the origin's domain name (AllViewerExceptHostHeader);
 * - custom error responses replace matching origin errors with their page;
 * - the behaviour's response headers policy sets its headers, then its viewer-response CloudFront
 *   Function runs on them (not for an answer of 400 or more, as CloudFront does not).
 *
 * Not emulated: caching (TTL), TLS, compression. The point is routing, headers and what reaches
 * the origin.
 *
 * Longer than this repository's ~300 lines: the five steps above are one request's path through
 * the distribution, and reading them in order is the point; split up they would each be a few
 * dozen lines passing the same request state around.
 */
import { readFile, stat } from 'node:fs/promises';
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { extname, join, normalize } from 'node:path';
import { runInNewContext } from 'node:vm';
import type { EvaluatedStack } from './cloudformation';

type Behaviour = {
  PathPattern?: string;
  TargetOriginId: string;
  AllowedMethods?: string[];
  ResponseHeadersPolicyId?: string;
  FunctionAssociations?: { EventType: string; FunctionARN: string }[];
};
type Origin = { Id: string; DomainName: string; S3OriginConfig?: unknown; CustomOriginConfig?: unknown };
type DistributionConfig = {
  DefaultRootObject?: string;
  Origins: Origin[];
  DefaultCacheBehavior: Behaviour;
  CacheBehaviors?: Behaviour[];
  CustomErrorResponses?: { ErrorCode: number; ResponseCode: number; ResponsePagePath: string }[];
};
type HeadersPolicyConfig = {
  SecurityHeadersConfig?: {
    ContentSecurityPolicy?: { ContentSecurityPolicy: string };
    ContentTypeOptions?: object;
    FrameOptions?: { FrameOption: string };
    ReferrerPolicy?: { ReferrerPolicy: string };
    StrictTransportSecurity?: { AccessControlMaxAgeSec: number; IncludeSubdomains?: boolean; Preload?: boolean };
  };
  CustomHeadersConfig?: { Items: { Header: string; Value: string }[] };
};

export interface CloudFrontEmulatorOptions {
  /** The evaluated s3-cloudfront.json. */
  stack: EvaluatedStack;
  /** The folder standing in for the S3 bucket (a `vite build` output). */
  siteDir: string;
  /** Objects that shadow or add to siteDir, by key (`config.json`). */
  extraObjects?: Record<string, string>;
  /** Where to actually connect for a custom origin, by origin Id (`amplifybackend`, `amplify` → a simulated AWS on loopback). */
  connectTo?: Record<string, string>;
  port?: number;
}

export interface CloudFrontEmulator {
  origin: string;
  /** What each custom origin received: method, path and headers (for assertions). */
  forwarded: { originId: string; method: string; path: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
  '.png': 'image/png',
};

/** CloudFront path patterns: `*` matches any characters (slashes too), `?` exactly one; case-sensitive. */
export function pathPatternMatches(pattern: string, path: string): boolean {
  const normalized = pattern.startsWith('/') ? pattern : `/${pattern}`;
  const regex = normalized
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`).test(path);
}

export function distributionConfig(stack: EvaluatedStack): DistributionConfig {
  const distribution = Object.values(stack.resources).find((resource) => resource.Type === 'AWS::CloudFront::Distribution');
  if (!distribution) throw new Error('no AWS::CloudFront::Distribution in the stack');
  return distribution.Properties.DistributionConfig as DistributionConfig;
}

export function behaviourFor(config: DistributionConfig, path: string): Behaviour {
  return (
    (config.CacheBehaviors ?? []).find((behaviour) => pathPatternMatches(behaviour.PathPattern ?? '', path)) ??
    config.DefaultCacheBehavior
  );
}

/** The logical ID behind a `{Ref:X}` / `{GetAtt:X.Attr}` token of the evaluated stack. */
function logicalId(token: string): string {
  const match = /^\{(?:Ref|GetAtt):([^.}]+)/.exec(token);
  if (!match) throw new Error(`not a resource token: ${token}`);
  return match[1] as string;
}

/** The headers a response headers policy adds, as CloudFront writes them. */
export function responseHeadersOf(stack: EvaluatedStack, policyToken: string): Record<string, string> {
  const resource = stack.resources[logicalId(policyToken)];
  if (resource?.Type !== 'AWS::CloudFront::ResponseHeadersPolicy')
    throw new Error(`${policyToken} is not a response headers policy`);
  const config = resource.Properties.ResponseHeadersPolicyConfig as HeadersPolicyConfig;
  const headers: Record<string, string> = {};
  const security = config.SecurityHeadersConfig ?? {};
  if (security.ContentSecurityPolicy) headers['Content-Security-Policy'] = security.ContentSecurityPolicy.ContentSecurityPolicy;
  if (security.ContentTypeOptions) headers['X-Content-Type-Options'] = 'nosniff';
  if (security.FrameOptions) headers['X-Frame-Options'] = security.FrameOptions.FrameOption;
  if (security.ReferrerPolicy) headers['Referrer-Policy'] = security.ReferrerPolicy.ReferrerPolicy;
  if (security.StrictTransportSecurity) {
    const hsts = security.StrictTransportSecurity;
    headers['Strict-Transport-Security'] = [
      `max-age=${hsts.AccessControlMaxAgeSec}`,
      hsts.IncludeSubdomains ? 'includeSubDomains' : '',
      hsts.Preload ? 'preload' : '',
    ]
      .filter(Boolean)
      .join('; ');
  }
  for (const item of config.CustomHeadersConfig?.Items ?? []) headers[item.Header] = item.Value;
  return headers;
}

export interface ViewerRequest {
  method: string;
  uri: string;
  querystring?: Record<string, { value: string }>;
  headers?: Record<string, { value: string }>;
}

/** The code of a CloudFront Function of the stack, by its FunctionARN token. */
function functionCode(stack: EvaluatedStack, functionToken: string): string {
  const resource = stack.resources[logicalId(functionToken)];
  if (resource?.Type !== 'AWS::CloudFront::Function') throw new Error(`${functionToken} is not a CloudFront Function`);
  return resource.Properties.FunctionCode as string;
}

/** Runs a viewer-response CloudFront Function on a response's status and headers (lower-case names); returns the headers. */
export function runViewerResponseFunction(
  stack: EvaluatedStack,
  functionToken: string,
  statusCode: number,
  headers: Record<string, string>,
  uri = '/',
): Record<string, string> {
  const event = {
    version: '1.0',
    context: { eventType: 'viewer-response' },
    viewer: { ip: '127.0.0.1' },
    request: { method: 'GET', uri, querystring: {}, headers: {}, cookies: {} },
    response: {
      statusCode,
      headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, { value }])),
      cookies: {},
    },
  };
  const result = runInNewContext(`${functionCode(stack, functionToken)}\n;handler(event)`, { event }, { timeout: 2_000 }) as {
    headers: Record<string, { value: string }>;
  };
  return Object.fromEntries(Object.entries(result.headers).map(([name, header]) => [name, header.value]));
}

const lowerCased = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

/**
 * The headers a viewer gets from a behaviour (lower-case names): the origin's, then its response headers
 * policy's, then what its viewer-response function makes of them (only below 400, as CloudFront does).
 */
export function viewerResponseHeaders(
  stack: EvaluatedStack,
  behaviour: Behaviour,
  status: number,
  originHeaders: Record<string, string> = {},
  uri = behaviour.PathPattern?.replace('*', 'file') ?? '/',
): Record<string, string> {
  let headers = lowerCased(originHeaders);
  if (behaviour.ResponseHeadersPolicyId)
    Object.assign(headers, lowerCased(responseHeadersOf(stack, behaviour.ResponseHeadersPolicyId)));
  for (const association of behaviour.FunctionAssociations ?? []) {
    if (association.EventType === 'viewer-response' && status < 400)
      headers = runViewerResponseFunction(stack, association.FunctionARN, status, headers, uri);
  }
  return headers;
}

/** Runs a CloudFront Function of the stack (by its FunctionARN token) on a viewer request. */
export function runViewerRequestFunction(
  stack: EvaluatedStack,
  functionToken: string,
  request: ViewerRequest,
): { request: ViewerRequest } | { response: { statusCode: number; statusDescription?: string } } {
  const code = functionCode(stack, functionToken);
  const event = {
    version: '1.0',
    context: { eventType: 'viewer-request' },
    viewer: { ip: '127.0.0.1' },
    request: { querystring: {}, headers: {}, cookies: {}, ...request },
  };
  const result = runInNewContext(
    `${code}\n;handler(event)`,
    { event: JSON.parse(JSON.stringify(event)) as unknown },
    { timeout: 2_000 },
  ) as Record<string, unknown>;
  if (typeof result.statusCode === 'number') return { response: result as { statusCode: number } };
  return { request: result as unknown as ViewerRequest };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startCloudFrontEmulator(options: CloudFrontEmulatorOptions): Promise<CloudFrontEmulator> {
  const { stack } = options;
  const config = distributionConfig(stack);
  const forwarded: CloudFrontEmulator['forwarded'] = [];

  async function fromS3(key: string): Promise<Answer> {
    const extra = options.extraObjects?.[key];
    if (extra !== undefined)
      return {
        status: 200,
        headers: { 'content-type': CONTENT_TYPES[extname(key)] ?? 'binary/octet-stream' },
        body: Buffer.from(extra),
      };
    const file = normalize(join(options.siteDir, key));
    if (!file.startsWith(normalize(options.siteDir)) || key === '') return accessDenied();
    try {
      if (!(await stat(file)).isFile()) return missing();
      return {
        status: 200,
        headers: { 'content-type': CONTENT_TYPES[extname(key)] ?? 'binary/octet-stream' },
        body: await readFile(file),
      };
    } catch {
      return missing();
    }
  }

  // A private bucket answers 403 for a missing key unless the reader may list it; then 404.
  const bucketPolicy = Object.values(stack.resources).find((resource) => resource.Type === 'AWS::S3::BucketPolicy');
  const mayList = JSON.stringify(bucketPolicy?.Properties.PolicyDocument ?? {}).includes('"s3:ListBucket"');

  function missing(): Answer {
    if (!mayList) return accessDenied();
    return {
      status: 404,
      headers: { 'content-type': 'application/xml' },
      body: Buffer.from('<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>'),
    };
  }

  function accessDenied(): Answer {
    return {
      status: 403,
      headers: { 'content-type': 'application/xml' },
      body: Buffer.from('<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>'),
    };
  }

  function toCustomOrigin(
    origin: Origin,
    method: string,
    path: string,
    headers: IncomingHttpHeaders,
    body: Buffer,
  ): Promise<Answer> {
    const target = new URL(options.connectTo?.[origin.Id] ?? `https://${origin.DomainName}`);
    const sent: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value !== undefined && name !== 'host' && name !== 'connection') sent[name] = value;
    }
    sent.host = origin.DomainName;
    sent.via = '2.0 emulated.cloudfront.net (CloudFront)';
    forwarded.push({ originId: origin.Id, method, path, headers: { ...sent } });
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest({ hostname: target.hostname, port: target.port, method, path, headers: sent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const responseHeaders: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') responseHeaders[name] = value;
          resolve({ status: res.statusCode ?? 502, headers: responseHeaders, body: Buffer.concat(chunks) });
        });
        res.on('error', reject);
      });
      outgoing.on('error', () =>
        resolve({ status: 502, headers: { 'content-type': 'text/html' }, body: Buffer.from('<h1>502 Bad Gateway</h1>') }),
      );
      outgoing.end(body.length > 0 ? body : undefined);
    });
  }

  async function viaBehaviour(
    method: string,
    uri: string,
    query: string,
    headers: IncomingHttpHeaders,
    body: Buffer,
  ): Promise<{ answer: Answer; behaviour: Behaviour }> {
    const behaviour = behaviourFor(config, uri);
    if (!(behaviour.AllowedMethods ?? ['GET', 'HEAD']).includes(method)) {
      return {
        behaviour,
        answer: {
          status: 403,
          headers: { 'content-type': 'text/html' },
          body: Buffer.from(
            '<h1>403 ERROR</h1><p>This distribution is not configured to allow the HTTP request method that was used for this request.</p>',
          ),
        },
      };
    }
    let path = uri;
    for (const association of behaviour.FunctionAssociations ?? []) {
      if (association.EventType !== 'viewer-request') continue;
      const result = runViewerRequestFunction(stack, association.FunctionARN, { method, uri: path });
      if ('response' in result) {
        return {
          behaviour,
          answer: {
            status: result.response.statusCode,
            headers: { 'content-type': 'text/plain' },
            body: Buffer.from(result.response.statusDescription ?? ''),
          },
        };
      }
      path = result.request.uri;
    }
    const origin = config.Origins.find((candidate) => candidate.Id === behaviour.TargetOriginId);
    if (!origin) throw new Error(`no origin ${behaviour.TargetOriginId}`);
    if (origin.S3OriginConfig !== undefined) {
      const key = path === '/' ? (config.DefaultRootObject ?? '') : decodeURIComponent(path.slice(1));
      return { behaviour, answer: await fromS3(key) };
    }
    return { behaviour, answer: await toCustomOrigin(origin, method, `${path}${query}`, headers, body) };
  }

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const url = new URL(req.url ?? '/', 'http://emulator');
      const method = req.method ?? 'GET';
      const body = await readBody(req);
      const { behaviour, answer: first } = await viaBehaviour(method, url.pathname, url.search, req.headers, body);
      let answer = first;
      const custom = (config.CustomErrorResponses ?? []).find((rule) => rule.ErrorCode === answer.status);
      if (custom) {
        const page = await viaBehaviour('GET', custom.ResponsePagePath, '', {}, Buffer.alloc(0));
        answer = { ...page.answer, status: custom.ResponseCode };
      }
      const headers = viewerResponseHeaders(stack, behaviour, answer.status, answer.headers, url.pathname);
      delete headers['content-length'];
      delete headers['transfer-encoding'];
      delete headers.connection;
      res.writeHead(answer.status, headers);
      res.end(method === 'HEAD' ? undefined : answer.body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(error instanceof Error ? error.message : String(error));
    }
  };
  const server: Server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    origin: `http://127.0.0.1:${port}`,
    forwarded,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
