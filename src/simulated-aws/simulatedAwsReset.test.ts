import { describe, expect, it } from 'vitest';
import { SimulatedAws } from './simulatedAws';

const GET_JOB = 'https://amplifybackend.us-east-1.amazonaws.com/backend/app1/job/staging/job-1';
const GET_BUILD = 'https://amplify.us-east-1.amazonaws.com/apps/app1/branches/main/jobs/1';

describe('SimulatedAws.reset', () => {
  it.each([GET_JOB, GET_BUILD])(
    'a request still being answered when it resets is not recorded (it belongs to the test before): %s',
    async (url) => {
      const sim = new SimulatedAws();
      const answering = sim.handle(new Request(url));
      sim.reset();
      expect((await answering)?.status).toBe(403);
      expect(sim.records).toEqual([]);

      await sim.handle(new Request(url));
      expect(sim.records).toHaveLength(1);
    },
  );
});
