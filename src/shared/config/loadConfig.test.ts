import { describe, expect, it } from 'vitest';
import { CONFIG_URL, DEMO_CONFIG, loadConfig, type ConfigLoadResult } from './loadConfig';

const VALID_FILE = {
  region: 'eu-west-1',
  pollIntervalSeconds: 10,
  Auth: { Cognito: { identityPoolId: 'eu-west-1:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' } },
};

interface FakeFetch {
  fetchImpl: typeof fetch;
  calls: { input: unknown; init: RequestInit | undefined }[];
}

/** Stands in for the network: answers every request with the given response (or throws). */
function fakeFetch(answer: () => Response): FakeFetch {
  const calls: FakeFetch['calls'] = [];
  const fetchImpl = ((input: unknown, init?: RequestInit) => {
    calls.push({ input, init });
    return Promise.resolve(answer());
  }) as typeof fetch;
  return { fetchImpl, calls };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function problemsOf(result: ConfigLoadResult) {
  if (result.kind !== 'invalid') throw new Error(`expected invalid, got ${JSON.stringify(result)}`);
  return result.problems;
}

describe('loadConfig', () => {
  it('asks for /config.json without the HTTP cache serving a stale copy', async () => {
    const { fetchImpl, calls } = fakeFetch(() => json(VALID_FILE));
    await loadConfig(fetchImpl);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.input).toBe(CONFIG_URL);
    expect(CONFIG_URL).toBe('/config.json');
    expect(calls[0]?.init?.cache).toBe('no-cache');
  });

  it('returns the parsed config for a valid file', async () => {
    const result = await loadConfig(fakeFetch(() => json(VALID_FILE)).fetchImpl);
    // toMatchObject: the config also carries sign-in defaults that other screens own.
    expect(result).toMatchObject({
      kind: 'ready',
      config: { demo: false, region: 'eu-west-1', pollIntervalSeconds: 10, Auth: VALID_FILE.Auth },
    });
    expect(result.kind === 'ready' && result.config).not.toBe(DEMO_CONFIG);
  });

  it('reads a valid file even when the server labels it text/plain', async () => {
    const { fetchImpl } = fakeFetch(() => new Response(JSON.stringify(VALID_FILE), { status: 200 }));
    const result = await loadConfig(fetchImpl);
    expect(result.kind === 'ready' && result.config.region).toBe('eu-west-1');
  });

  it('sends signed requests only to AWS or the page’s own origin: another endpoint is a problem named by its field', async () => {
    const page = 'https://jobs.example.com';
    const proxied = { ...VALID_FILE, amplifyBackendEndpoint: `${page}/amplifybackend` };
    expect((await loadConfig(fakeFetch(() => json(proxied)).fetchImpl, page)).kind).toBe('ready');
    const elsewhere = { ...VALID_FILE, amplifyBackendEndpoint: 'https://proxy.example.com/amplifybackend' };
    expect(
      problemsOf(await loadConfig(fakeFetch(() => json(elsewhere)).fetchImpl, page)).map((problem) => problem.field),
    ).toEqual(['amplifyBackendEndpoint']);
    const result = await loadConfig(fakeFetch(() => json(elsewhere)).fetchImpl, 'https://proxy.example.com');
    expect(result.kind).toBe('ready');
  });

  describe('demo mode', () => {
    it('starts the demo when there is no config file (404)', async () => {
      const result = await loadConfig(fakeFetch(() => new Response('Not Found', { status: 404 })).fetchImpl);
      expect(result).toEqual({ kind: 'ready', config: DEMO_CONFIG });
    });

    // A real site whose config.json went missing behind an SPA fallback must not quietly become the demo.
    it('does not start the demo when an SPA fallback answers with index.html: it says an HTML page came back', async () => {
      for (const contentType of ['text/html; charset=utf-8', 'text/plain', '']) {
        const { fetchImpl } = fakeFetch(
          () =>
            new Response('<!doctype html><html><body><div id="root"></div></body></html>', {
              status: 200,
              headers: contentType ? { 'content-type': contentType } : {},
            }),
        );
        const problems = problemsOf(await loadConfig(fetchImpl));
        expect(problems, contentType).toEqual([
          { field: 'config.json', expected: expect.stringContaining('an HTML page came back (HTTP 200') as unknown },
        ]);
        expect(problems[0]?.expected, contentType).toContain('answer 404 for /config.json');
      }
    });

    it('starts the demo when the file says {"demo": true}', async () => {
      expect(await loadConfig(fakeFetch(() => json({ demo: true })).fetchImpl)).toEqual({
        kind: 'ready',
        config: DEMO_CONFIG,
      });
    });

    it('the demo config is itself a demo that never reaches a real account', () => {
      expect(DEMO_CONFIG.demo).toBe(true);
      expect(DEMO_CONFIG).not.toHaveProperty('amplifyBackendEndpoint');
    });

    it('does not treat {"demo": false} or {"demo": "true"} as demo mode', async () => {
      const off = await loadConfig(fakeFetch(() => json({ demo: false })).fetchImpl);
      expect(off.kind).toBe('invalid');
      const stringy = await loadConfig(fakeFetch(() => json({ ...VALID_FILE, demo: 'true' })).fetchImpl);
      expect(problemsOf(stringy).map((p) => p.field)).toEqual(['demo']);
    });
  });

  describe('a file that exists but cannot be used is never replaced by the demo', () => {
    it('reports invalid JSON against config.json', async () => {
      const { fetchImpl } = fakeFetch(
        () => new Response('{ "region": "eu-west-1", }', { status: 200, headers: { 'content-type': 'application/json' } }),
      );
      const problems = problemsOf(await loadConfig(fetchImpl));
      expect(problems).toHaveLength(1);
      expect(problems[0]?.field).toBe('config.json');
      expect(problems[0]?.expected).toContain('valid JSON');
    });

    it('reports an empty 200 answer as invalid JSON', async () => {
      const problems = problemsOf(await loadConfig(fakeFetch(() => new Response('', { status: 200 })).fetchImpl));
      expect(problems[0]?.field).toBe('config.json');
    });

    it.each([500, 403, 401, 503])('reports HTTP %s with the status in the message', async (status) => {
      const problems = problemsOf(await loadConfig(fakeFetch(() => new Response('oops', { status })).fetchImpl));
      expect(problems).toEqual([{ field: 'config.json', expected: expect.stringContaining(`HTTP ${status}`) as unknown }]);
    });

    it('reports a 500 even when its body is an HTML error page', async () => {
      const { fetchImpl } = fakeFetch(
        () => new Response('<html>error</html>', { status: 500, headers: { 'content-type': 'text/html' } }),
      );
      expect(problemsOf(await loadConfig(fetchImpl))[0]?.expected).toContain('HTTP 500');
    });

    it.each([500, 502, 503, 504])(
      'a %s is never the demo, and a copy kept from before does not stand in for it',
      async (status) => {
        const memory = { load: () => JSON.stringify(VALID_FILE), save: () => undefined };
        const result = await loadConfig(fakeFetch(() => new Response('', { status })).fetchImpl, undefined, memory);
        expect(problemsOf(result)).toEqual([
          { field: 'config.json', expected: expect.stringContaining(`HTTP ${status}`) as unknown },
        ]);
      },
    );

    it('reports a network failure against config.json', async () => {
      const { fetchImpl } = fakeFetch(() => {
        throw new TypeError('Failed to fetch');
      });
      const problems = problemsOf(await loadConfig(fetchImpl));
      expect(problems).toEqual([{ field: 'config.json', expected: expect.stringContaining('request failed') as unknown }]);
    });

    it('passes on every field problem of a parsed but wrong file', async () => {
      const result = await loadConfig(fakeFetch(() => json({ region: 'mars-1', pollIntervalSeconds: 0 })).fetchImpl);
      expect(
        problemsOf(result)
          .map((p) => p.field)
          .sort(),
      ).toEqual(['Auth', 'pollIntervalSeconds', 'region']);
    });

    it('reports a JSON array as a wrong root', async () => {
      expect(problemsOf(await loadConfig(fakeFetch(() => json([VALID_FILE])).fetchImpl))).toEqual([
        { field: '(root)', expected: 'a JSON object' },
      ]);
    });

    it('reports JSON null as a wrong root', async () => {
      expect(problemsOf(await loadConfig(fakeFetch(() => json(null)).fetchImpl))[0]?.field).toBe('(root)');
    });
  });
});

describe('loadConfig with no network', () => {
  function memory(initial?: string) {
    let text = initial;
    return { load: () => text, save: (next: string) => void (text = next), read: () => text };
  }
  const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));

  it('keeps the text of each valid real config it loads, and never the demo', async () => {
    const kept = memory();
    await loadConfig(fakeFetch(() => json(VALID_FILE)).fetchImpl, 'https://watch.example.com', kept);
    expect(JSON.parse(kept.read() ?? 'null')).toEqual(VALID_FILE);

    const demo = memory();
    await loadConfig(fakeFetch(() => new Response('Not Found', { status: 404 })).fetchImpl, undefined, demo);
    await loadConfig(fakeFetch(() => json({ demo: true })).fetchImpl, undefined, demo);
    await loadConfig(fakeFetch(() => json({ region: 'nowhere' })).fetchImpl, undefined, demo);
    expect(demo.read()).toBeUndefined();
  });

  it('when the request fails, starts with the config that worked last time', async () => {
    const result = await loadConfig(offline, 'https://watch.example.com', memory(JSON.stringify(VALID_FILE)));
    expect(result.kind).toBe('ready');
    expect(result.kind === 'ready' && result.config.region).toBe('eu-west-1');
  });

  it('with nothing kept (or nothing usable), a failed request is still a problem named by the file', async () => {
    for (const kept of [memory(), memory('{ not json'), memory(JSON.stringify({ demo: true }))]) {
      expect(problemsOf(await loadConfig(offline, undefined, kept))).toEqual([
        { field: 'config.json', expected: 'a file the browser can fetch (the request failed)' },
      ]);
    }
  });

  it('a server that answers is believed over the copy: an error answer is not replaced by it', async () => {
    const kept = memory(JSON.stringify(VALID_FILE));
    const result = await loadConfig(fakeFetch(() => new Response('oops', { status: 500 })).fetchImpl, undefined, kept);
    expect(result.kind).toBe('invalid');
  });
});
