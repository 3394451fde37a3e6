import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { SimHostingJobSpec } from '../hostingJobStore';
import { jobKey, type SimFault, type SimJobSpec } from '../jobStore';
import { SimulatedAws } from '../simulatedAws';
import type { SimUserSpec } from '../userPool';

/**
 * The simulated AWS over real HTTP on loopback, for end-to-end tests and the benchmark: real
 * CORS preflights, real sockets that can hang or drop. `/__sim/*` lets a test script it.
 */
export interface SimServer {
  sim: SimulatedAws;
  origin: string;
  close(): Promise<void>;
}

const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET,HEAD,PUT,PATCH,POST,DELETE',
  // As AWS does: without these, a browser hides the error type and request id from the client.
  'access-control-expose-headers': 'x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date',
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...CORS_HEADERS, 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function control(sim: SimulatedAws, url: URL, body: string, res: ServerResponse): void {
  const route = `${url.pathname}`;
  if (route === '/__sim/jobs') {
    const spec = JSON.parse(body) as SimJobSpec;
    sim.jobs.put(spec);
    return sendJson(res, 201, { ok: true });
  }
  if (route === '/__sim/hosting-jobs') {
    sim.hostingJobs.put(JSON.parse(body) as SimHostingJobSpec);
    return sendJson(res, 201, { ok: true });
  }
  if (route === '/__sim/hosting-list-faults') {
    const {
      region = 'us-east-1',
      appId,
      branchName,
      faults,
    } = JSON.parse(body) as { region?: string; appId: string; branchName: string; faults: SimFault[] };
    sim.hostingListFaults.set(jobKey(region, appId, branchName, ''), [...faults]);
    return sendJson(res, 200, { ok: true });
  }
  if (route === '/__sim/count') {
    const filter: Record<string, string> = {};
    for (const key of ['service', 'operation', 'jobId']) {
      const value = url.searchParams.get(key);
      if (value !== null) filter[key] = value;
    }
    return sendJson(res, 200, { count: sim.count(filter) });
  }
  if (route === '/__sim/list-faults') {
    const {
      region = 'us-east-1',
      appId,
      envName,
      faults,
    } = JSON.parse(body) as {
      region?: string;
      appId: string;
      envName: string;
      faults: SimFault[];
    };
    sim.listFaults.set(jobKey(region, appId, envName, ''), [...faults]);
    return sendJson(res, 200, { ok: true });
  }
  if (route === '/__sim/expire-credentials') {
    sim.expireAllCredentials();
    return sendJson(res, 200, { ok: true });
  }
  if (route === '/__sim/guest-access') {
    sim.guestAccess = (JSON.parse(body) as { enabled: boolean }).enabled;
    return sendJson(res, 200, { ok: true });
  }
  if (route === '/__sim/revoke-refresh-tokens') {
    sim.revokeAllRefreshTokens();
    return sendJson(res, 200, { ok: true });
  }
  if (route === '/__sim/expire-access-tokens') {
    sim.expireAccessTokens();
    return sendJson(res, 200, { ok: true });
  }
  if (route === '/__sim/oauth-code') {
    const request = JSON.parse(body || '{}') as {
      username?: string;
      codeChallenge?: string;
      clientId?: string;
      redirectUri?: string;
      scope?: string;
    };
    if (!request.username || !sim.userPool.user(request.username)) {
      return sendJson(res, 400, { message: `No simulated user ${request.username ?? '(username missing)'}` });
    }
    const options: { clientId?: string; redirectUri?: string; scope?: string } = {};
    if (request.clientId) options.clientId = request.clientId;
    if (request.redirectUri) options.redirectUri = request.redirectUri;
    if (request.scope) options.scope = request.scope;
    return sendJson(res, 200, { code: sim.issueAuthorizationCode(request.username, request.codeChallenge, options) });
  }
  if (route === '/__sim/users') {
    const spec = JSON.parse(body) as SimUserSpec;
    if (typeof spec.username !== 'string' || !spec.username) return sendJson(res, 400, { message: 'username is required' });
    sim.userPool.putUser(spec);
    return sendJson(res, 201, { ok: true, sub: sim.userPool.user(spec.username)?.sub });
  }
  if (route === '/__sim/reset') {
    sim.reset();
    return sendJson(res, 200, { ok: true });
  }
  return sendJson(res, 404, { message: `No control route ${route}` });
}

export interface SimServerOptions {
  /** `0` takes any free port (see `origin` on the result). */
  port: number;
  host?: string;
  sim?: SimulatedAws;
  /**
   * Access-Control-Max-Age on preflight answers, in seconds; `null` sends none, as AmplifyBackend
   * was seen to do (a browser then reuses a preflight for 5 s at most). 600 unless given.
   */
  corsMaxAgeSeconds?: number | null;
  /** Told of every HTTP request as it arrives, CORS preflights included. */
  onRequest?: (request: { method: string; path: string }) => void;
}

export async function startSimServer(options: SimServerOptions): Promise<SimServer> {
  const host = options.host ?? '127.0.0.1';
  let origin = `http://${host}:${options.port}`;
  const sim = options.sim ?? new SimulatedAws();
  const maxAge = options.corsMaxAgeSeconds === undefined ? 600 : options.corsMaxAgeSeconds;

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const url = new URL(req.url ?? '/', origin);
      options.onRequest?.({ method: req.method ?? 'GET', path: url.pathname });
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          ...CORS_HEADERS,
          ...(maxAge === null ? {} : { 'access-control-max-age': String(maxAge) }),
          'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
        });
        res.end();
        return;
      }
      const body = await readBody(req);
      if (url.pathname.startsWith('/__sim/')) {
        control(sim, url, body, res);
        return;
      }
      const abort = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) abort.abort();
      });
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(name, value);
        else if (Array.isArray(value)) headers.set(name, value.join(', '));
      }
      const request = new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? `${host}:${options.port}`}`), {
        method: req.method,
        headers,
        body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
        signal: abort.signal,
      });
      const response = await sim.handle(request);
      if (!response) return sendJson(res, 404, { message: 'Not a simulated AWS route' });
      if (response.type === 'error') {
        req.socket.destroy();
        return;
      }
      const responseHeaders: Record<string, string> = { ...CORS_HEADERS };
      response.headers.forEach((value, name) => {
        responseHeaders[name] = value;
      });
      res.writeHead(response.status, responseHeaders);
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      sendJson(res, 500, { message: error instanceof Error ? error.message : String(error) });
    }
  };
  const server: Server = createServer((req, res) => void serve(req, res));
  // Node closes an idle keep-alive socket after 5 s, and a client that reuses it at that moment gets
  // ECONNRESET (seen on the tests' control requests). Loopback sockets are cheap: keep them open.
  server.keepAliveTimeout = 0;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const address = server.address();
  if (address && typeof address === 'object') origin = `http://${host}:${address.port}`;
  sim.addExtraOrigin(origin);
  return {
    sim,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
