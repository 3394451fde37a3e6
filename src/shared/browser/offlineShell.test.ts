import { describe, expect, it, vi } from 'vitest';
import { isChunkLoadError, registerOfflineShell, reloadFresh, SHELL_WORKER_SCRIPT } from './offlineShell';

function container(register: ServiceWorkerContainer['register']) {
  const postMessage = vi.fn();
  const ready = Promise.resolve({ active: { postMessage } } as unknown as ServiceWorkerRegistration);
  return { register, ready, postMessage };
}

describe('registerOfflineShell', () => {
  it('registers /sw.js for the whole site, named by the build, and hands it the files already loaded', async () => {
    const register = vi.fn(() => Promise.resolve({} as ServiceWorkerRegistration));
    const fake = container(register);
    expect(await registerOfflineShell('/assets/index-AbC123.js', fake)).toBe(true);
    expect(register).toHaveBeenCalledWith(`${SHELL_WORKER_SCRIPT}?build=%2Fassets%2Findex-AbC123.js`, { scope: '/' });
    await fake.ready;
    await Promise.resolve();
    expect(fake.postMessage).toHaveBeenCalledWith({ type: 'keep', urls: expect.any(Array) as unknown[] });
  });

  it('a browser without service workers, or one that refuses, changes nothing', async () => {
    expect(await registerOfflineShell('/assets/index.js', undefined)).toBe(false);
    const refusing = container(() => Promise.reject(new DOMException('Not allowed', 'SecurityError')));
    expect(await registerOfflineShell('/assets/index.js', refusing)).toBe(false);
  });
});

describe('reloadFresh (the error pages’ Reload)', () => {
  const ORIGIN = 'https://jobs.example.com';
  const chunkError = new TypeError(`Failed to fetch dynamically imported module: ${ORIGIN}/assets/JobPage-B.js`);

  function environment(online = true) {
    const names = ['job-watch-shell:v2:/assets/index-A.js', 'job-watch-shell:/assets/index-OLD.js', 'someone-else'];
    const caches = {
      keys: vi.fn(() => Promise.resolve([...names])),
      delete: vi.fn((name: string) => Promise.resolve(names.splice(names.indexOf(name), 1).length > 0)),
    };
    const order: string[] = [];
    const fetch = vi.fn((url: string, init: RequestInit) => {
      order.push(`fetch ${url} ${init.cache}`);
      return Promise.resolve(new Response('export {}'));
    });
    const reload = vi.fn(() => void order.push('reload'));
    return { env: { caches, fetch, reload, online, origin: ORIGIN }, names, order };
  }

  it('after a chunk failed to load: drops the kept shell, asks the network for the chunk past the HTTP cache, then reloads', async () => {
    const { env, names, order } = environment();
    await reloadFresh(chunkError, env);
    expect(names).toEqual(['someone-else']);
    expect(order).toEqual([`fetch ${ORIGIN}/assets/JobPage-B.js reload`, 'reload']);
  });

  it.each([
    ['Firefox', `error loading dynamically imported module: ${ORIGIN}/assets/a.js`],
    ['Safari', 'Importing a module script failed.'],
    ['a style', `Unable to preload CSS for ${ORIGIN}/assets/a.css`],
  ])('knows the chunk error of %s', (_browser, message) => {
    expect(isChunkLoadError(new TypeError(message))).toBe(true);
  });

  it('for any other error, or offline, only reloads: the kept shell is what opens the page with no network', async () => {
    for (const [error, online] of [
      [new Error('Amplify.configure threw'), true],
      [chunkError, false],
    ] as const) {
      const { env, names, order } = environment(online);
      await reloadFresh(error, env);
      expect(names).toHaveLength(3);
      expect(order).toEqual(['reload']);
    }
    expect(isChunkLoadError(new Error('Amplify.configure threw'))).toBe(false);
  });

  it('never fetches a URL of another origin that an error names', async () => {
    const { env, order } = environment();
    await reloadFresh(new TypeError('Failed to fetch dynamically imported module: https://evil.example/assets/x.js'), env);
    expect(order).toEqual(['reload']);
  });
});
