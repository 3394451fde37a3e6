import type { ChannelLike, LockManagerLike } from '../shared/browser/jobPollLeader';

/** Web Locks as the spec has them for exclusive locks: one holder per name, a FIFO queue, abortable while queued. */
export class FakeLocks implements LockManagerLike {
  private held = new Set<string>();
  private queues = new Map<string, { run: () => void; signal?: AbortSignal }[]>();

  request(name: string, options: { signal?: AbortSignal }, callback: (lock: unknown) => Promise<void>): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(name) ?? [];
      this.queues.set(name, queue);
      const entry = {
        signal: options.signal,
        run: () => {
          void callback({ name })
            .finally(() => {
              this.held.delete(name);
              this.grant(name);
            })
            .then(resolve, reject);
        },
      };
      options.signal?.addEventListener('abort', () => {
        const index = queue.indexOf(entry);
        if (index === -1) return;
        queue.splice(index, 1);
        reject(new DOMException('aborted', 'AbortError'));
      });
      queue.push(entry);
      this.grant(name);
    });
  }

  query(): Promise<{ held: { name: string }[]; pending: { name: string }[] }> {
    const pending = [...this.queues].flatMap(([name, queue]) => queue.map(() => ({ name })));
    return Promise.resolve({ held: [...this.held].map((name) => ({ name })), pending });
  }

  private grant(name: string) {
    if (this.held.has(name)) return;
    const next = this.queues.get(name)?.shift();
    if (!next) return;
    this.held.add(name);
    queueMicrotask(next.run);
  }
}

/** BroadcastChannel: a message reaches every other open channel of the same name, later, as a copy. */
export class FakeHub {
  private channels = new Map<string, Set<ChannelLike>>();

  open = (name: string): ChannelLike => {
    const peers = this.channels.get(name) ?? new Set<ChannelLike>();
    this.channels.set(name, peers);
    const channel: ChannelLike = {
      onmessage: null,
      postMessage: (message) => {
        const copy = structuredClone(message);
        for (const peer of peers) {
          if (peer !== channel) setTimeout(() => peer.onmessage?.({ data: copy }), 0);
        }
      },
      close: () => peers.delete(channel),
    };
    peers.add(channel);
    return channel;
  };
}
