import { describe, expect, it, vi } from 'vitest';
import { registerOfflineShell, SHELL_WORKER_SCRIPT } from './offlineShell';

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
