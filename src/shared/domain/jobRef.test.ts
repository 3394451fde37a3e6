import { describe, expect, it } from 'vitest';
import { isHostingRef, jobPlace, jobRefParts, pickJobRef, sameJobRef, type JobRef } from './jobRef';

const backend: JobRef = { region: 'us-east-1', appId: 'a', envName: 'main', jobId: '1' };
const hosting: JobRef = { kind: 'hosting', region: 'us-east-1', appId: 'a', branchName: 'main', jobId: '1' };

describe('JobRef', () => {
  it('keeps an AmplifyBackend job’s identity as it always was, and puts hosting in front of a hosting job’s', () => {
    expect(jobRefParts(backend)).toEqual(['us-east-1', 'a', 'main', '1']);
    expect(jobRefParts({ ...backend, kind: 'backend' })).toEqual(['us-east-1', 'a', 'main', '1']);
    expect(jobRefParts(hosting)).toEqual(['hosting', 'us-east-1', 'a', 'main', '1']);
  });

  it('a hosting job and a backend job with the same names are different jobs', () => {
    expect(sameJobRef(backend, hosting)).toBe(false);
    expect(sameJobRef(backend, { ...backend, kind: 'backend' })).toBe(true);
    expect(isHostingRef(hosting)).toBe(true);
    expect(isHostingRef(backend)).toBe(false);
  });

  it('picks only the reference from an object that carries more', () => {
    expect(pickJobRef({ ...hosting, status: 'RUNNING', lastSeen: 1 } as JobRef)).toEqual(hosting);
    expect(pickJobRef({ ...backend, status: 'RUNNING' } as JobRef)).toEqual(backend);
  });

  it('says where the job runs', () => {
    expect(jobPlace(backend)).toBe('environment main');
    expect(jobPlace(hosting)).toBe('branch main');
  });
});
