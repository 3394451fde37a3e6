import { createServer } from 'node:net';
import { startSimServer, type SimServer } from '../../src/simulated-aws/node/httpServer';
import type { SimJobSpec } from '../../src/simulated-aws/jobStore';
import { SimulatedAws, type SimRequestRecord } from '../../src/simulated-aws/simulatedAws';

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

export interface BenchSim {
  sim: SimulatedAws;
  origin: string;
  /**
   * The simulation's clock: real time, unless `frozenAt` is set. The request-economy phase sets it
   * to the page's paused fake clock and moves both together, so the simulation (its job
   * timeline, signature-time check, credential expiry, request log and Date header) lives on the
   * page's simulated time, as a real AWS would during a real watch.
   */
  clock: { frozenAt: number | null };
  /** AmplifyBackend requests being answered right now, and the most at once since `resetMaxInFlight`. */
  readonly backendInFlight: number;
  readonly maxBackendInFlight: number;
  resetMaxInFlight(): void;
  putJob(spec: SimJobSpec): void;
  records(filter?: (record: SimRequestRecord) => boolean): SimRequestRecord[];
  close(): Promise<void>;
}

/** The simulated AWS over loopback HTTP (the e2e suite's server) on its own port. */
export async function startBenchSim(port?: number): Promise<BenchSim> {
  port ??= await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const clock: { frozenAt: number | null } = { frozenAt: null };
  const sim = new SimulatedAws({ now: () => clock.frozenAt ?? Date.now(), extraOrigins: [origin] });
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
  const server: SimServer = await startSimServer({ port, sim });
  return {
    sim,
    origin,
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
    putJob: (spec) => void sim.jobs.put(spec),
    records: (filter = () => true) => sim.records.filter(filter),
    close: () => server.close(),
  };
}
