import { describe, expect, it, vi } from 'vitest';
import { unregisterLeftoverDemoWorker } from './demoWorker';

function registration(scriptURL: string | undefined, state: 'active' | 'waiting' | 'installing' = 'active') {
  return {
    active: null,
    waiting: null,
    installing: null,
    [state]: scriptURL === undefined ? null : { scriptURL },
    unregister: vi.fn(() => Promise.resolve(true)),
  } as unknown as ServiceWorkerRegistration & { unregister: ReturnType<typeof vi.fn> };
}

describe('unregisterLeftoverDemoWorker', () => {
  it("unregisters the demo's worker, whatever state it is in, and nothing else", async () => {
    const demo = registration('https://watch.example.com/mockServiceWorker.js');
    const waitingDemo = registration('https://watch.example.com/mockServiceWorker.js', 'waiting');
    const other = registration('https://watch.example.com/sw.js');
    const lookalike = registration('https://watch.example.com/assets/mockServiceWorker.js');
    const container = { getRegistrations: () => Promise.resolve([demo, waitingDemo, other, lookalike]) };

    await expect(unregisterLeftoverDemoWorker(container)).resolves.toBe(2);
    expect(demo.unregister).toHaveBeenCalledTimes(1);
    expect(waitingDemo.unregister).toHaveBeenCalledTimes(1);
    expect(other.unregister).not.toHaveBeenCalled();
    expect(lookalike.unregister).not.toHaveBeenCalled();
  });

  it('does nothing where there are no service workers, or the browser refuses to list them', async () => {
    await expect(unregisterLeftoverDemoWorker(undefined)).resolves.toBe(0);
    await expect(
      unregisterLeftoverDemoWorker({ getRegistrations: () => Promise.reject(new Error('SecurityError')) }),
    ).resolves.toBe(0);
  });
});
