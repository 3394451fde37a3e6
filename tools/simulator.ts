import { createServer } from 'node:net';
import type { SimJobSpec } from '../src/simulated-aws/jobStore';
import { startSimServer } from '../src/simulated-aws/node/httpServer';
import { SimulatedAws, type SimRequestRecord } from '../src/simulated-aws/simulatedAws';

/**
 * The one launcher of the simulated AWS over loopback HTTP (src/simulated-aws/node/httpServer.ts),
 * for the end-to-end suite (e2e/global-setup.ts), the benchmark and the deploy and tooling tests.
 */

/** A free loopback port, found by letting the OS pick one and giving it back. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** One HTTP request as it reached the simulation, CORS preflights included (real time). */
export interface HttpRequestSeen {
  method: string;
  path: string;
  at: number;
}

export interface Simulator {
  sim: SimulatedAws;
  origin: string;
  /**
   * The simulation's clock: real time, unless `frozenAt` is set. The benchmark's request-economy
   * phase sets it to the page's paused fake clock and moves both together, so the simulation (its
   * job timeline, signature-time check, credential expiry, request log and Date header) lives on
   * the page's simulated time, as a real AWS would during a real watch.
   */
  clock: { frozenAt: number | null };
  /** AmplifyBackend requests being answered right now, and the most at once since `resetMaxInFlight`. */
  readonly backendInFlight: number;
  readonly maxBackendInFlight: number;
  resetMaxInFlight(): void;
  /** Every HTTP request received, preflights included, on the machine's clock. */
  readonly httpRequests: readonly HttpRequestSeen[];
  putJob(spec: SimJobSpec): void;
  records(filter?: (record: SimRequestRecord) => boolean): SimRequestRecord[];
  close(): Promise<void>;
}

export interface SimulatorOptions {
  /** A fixed port (the e2e suite's SIM_PORT); any free one when absent or 0. */
  port?: number;
  /** Access-Control-Max-Age of preflight answers (see SimServerOptions); `null`: none, as AmplifyBackend. */
  corsMaxAgeSeconds?: number | null;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const clock: { frozenAt: number | null } = { frozenAt: null };
  const sim = new SimulatedAws({ now: () => clock.frozenAt ?? Date.now() });
  let inFlight = 0;
  let maxInFlight = 0;
  const handle = sim.handle.bind(sim);
  sim.handle = async (request) => {
    const backend = new URL(request.url).pathname.startsWith('/backend/');
    if (backend) {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
    }
    try {
      const response = await handle(request);
      // Node would stamp its own (real) Date; the simulation's clock is the one the page must agree with.
      if (response && response.type !== 'error') {
        try {
          response.headers.set('date', new Date(sim.now()).toUTCString());
        } catch {
          // An immutable response keeps Node's Date.
        }
      }
      return response;
    } finally {
      if (backend) inFlight -= 1;
    }
  };
  const httpRequests: HttpRequestSeen[] = [];
  const server = await startSimServer({
    port: options.port ?? 0,
    sim,
    corsMaxAgeSeconds: options.corsMaxAgeSeconds,
    onRequest: ({ method, path }) => {
      httpRequests.push({ method, path, at: Date.now() });
      if (httpRequests.length > 10_000) httpRequests.splice(0, httpRequests.length - 10_000);
    },
  });
  return {
    sim,
    origin: server.origin,
    clock,
    get backendInFlight() {
      return inFlight;
    },
    get maxBackendInFlight() {
      return maxInFlight;
    },
    resetMaxInFlight() {
      maxInFlight = inFlight;
    },
    httpRequests,
    putJob: (spec) => void sim.jobs.put(spec),
    records: (filter = () => true) => sim.records.filter(filter),
    close: () => server.close(),
  };
}
