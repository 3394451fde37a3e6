import { startSimulator } from '../tools/simulator';
import { SIM_PORT } from './simConfig';

/** One simulated AWS over HTTP for the whole run; tests keep apart by using their own job IDs. */
export default async function globalSetup() {
  const server = await startSimulator({ port: SIM_PORT });
  return async () => {
    await server.close();
  };
}
