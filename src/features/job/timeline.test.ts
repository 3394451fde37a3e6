import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../test/memoryStorage';
import {
  MAX_TIMELINE_ENTRIES,
  MAX_TIMELINE_JOBS,
  TIMELINE_KEY,
  loadTimelines,
  observeStatus,
  recordStatus,
  timelineFor,
  type Timelines,
} from './timeline';

/** Counts writes, so tests can tell an unchanged timeline was not rewritten. */
function countingStorage(initial: Record<string, string> = {}): Storage & { writes: number } {
  const inner = memoryStorage(initial);
  const storage = {
    writes: 0,
    get length() {
      return inner.length;
    },
    clear: () => inner.clear(),
    getItem: (key: string) => inner.getItem(key),
    key: (index: number) => inner.key(index),
    removeItem: (key: string) => inner.removeItem(key),
    setItem: (key: string, value: string) => {
      storage.writes += 1;
      inner.setItem(key, value);
    },
  };
  return storage;
}

const JOB = JSON.stringify(['us-east-1', 'd2k9xq7v1ab3cd', 'staging', 'job-1']);
const OTHER = JSON.stringify(['us-east-1', 'd2k9xq7v1ab3cd', 'staging', 'job-2']);
const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);

describe('recordStatus', () => {
  it('starts a timeline for a job seen for the first time', () => {
    const next = recordStatus({}, JOB, 'IN_PROGRESS', T0);
    expect(next[JOB]).toEqual({ updated: T0, entries: [{ status: 'IN_PROGRESS', firstSeen: T0 }] });
  });

  it('appends a status that differs from the last one, keeping when each was first seen', () => {
    let timelines = recordStatus({}, JOB, 'PENDING', T0);
    timelines = recordStatus(timelines, JOB, 'IN_PROGRESS', T0 + 5_000);
    timelines = recordStatus(timelines, JOB, 'COMPLETED', T0 + 65_000);
    expect(timelines[JOB]).toEqual({
      updated: T0 + 65_000,
      entries: [
        { status: 'PENDING', firstSeen: T0 },
        { status: 'IN_PROGRESS', firstSeen: T0 + 5_000 },
        { status: 'COMPLETED', firstSeen: T0 + 65_000 },
      ],
    });
  });

  it('does not append a repeat of the last status, and returns the very same object', () => {
    const once = recordStatus({}, JOB, 'IN_PROGRESS', T0);
    const twice = recordStatus(once, JOB, 'IN_PROGRESS', T0 + 5_000);
    expect(twice).toBe(once);
    expect(twice[JOB]?.entries).toEqual([{ status: 'IN_PROGRESS', firstSeen: T0 }]);
    expect(twice[JOB]?.updated).toBe(T0);
  });

  it('records a status again when it comes back after another one', () => {
    let timelines = recordStatus({}, JOB, 'IN_PROGRESS', T0);
    timelines = recordStatus(timelines, JOB, 'PENDING', T0 + 1);
    timelines = recordStatus(timelines, JOB, 'IN_PROGRESS', T0 + 2);
    expect(timelines[JOB]?.entries.map((entry) => entry.status)).toEqual(['IN_PROGRESS', 'PENDING', 'IN_PROGRESS']);
  });

  it('treats statuses that differ only in case as different, as the API sent them', () => {
    let timelines = recordStatus({}, JOB, 'running', T0);
    timelines = recordStatus(timelines, JOB, 'RUNNING', T0 + 1);
    expect(timelines[JOB]?.entries).toHaveLength(2);
  });

  it('does not modify the timelines it was given', () => {
    const before: Timelines = { [JOB]: { updated: T0, entries: [{ status: 'PENDING', firstSeen: T0 }] } };
    const copy = structuredClone(before);
    const after = recordStatus(before, JOB, 'COMPLETED', T0 + 1);
    expect(before).toEqual(copy);
    expect(after).not.toBe(before);
  });

  it('keeps other jobs untouched', () => {
    const before = recordStatus({}, OTHER, 'FAILED', T0);
    const after = recordStatus(before, JOB, 'PENDING', T0 + 1);
    expect(after[OTHER]).toEqual(before[OTHER]);
  });

  it(`keeps only the newest ${MAX_TIMELINE_ENTRIES} entries of one job`, () => {
    let timelines: Timelines = {};
    const total = MAX_TIMELINE_ENTRIES + 7;
    for (let i = 0; i < total; i++) timelines = recordStatus(timelines, JOB, `S${i}`, T0 + i);
    const entries = timelines[JOB]?.entries ?? [];
    expect(entries).toHaveLength(MAX_TIMELINE_ENTRIES);
    expect(entries[0]).toEqual({ status: `S${total - MAX_TIMELINE_ENTRIES}`, firstSeen: T0 + total - MAX_TIMELINE_ENTRIES });
    expect(entries[entries.length - 1]).toEqual({ status: `S${total - 1}`, firstSeen: T0 + total - 1 });
  });

  it(`keeps exactly ${MAX_TIMELINE_ENTRIES} entries without dropping any`, () => {
    let timelines: Timelines = {};
    for (let i = 0; i < MAX_TIMELINE_ENTRIES; i++) timelines = recordStatus(timelines, JOB, `S${i}`, T0 + i);
    expect(timelines[JOB]?.entries[0]?.status).toBe('S0');
    expect(timelines[JOB]?.entries).toHaveLength(MAX_TIMELINE_ENTRIES);
  });

  it(`keeps at most ${MAX_TIMELINE_JOBS} jobs, dropping the least recently updated`, () => {
    let timelines: Timelines = {};
    // Jobs recorded in shuffled time order, so the drop follows `updated`, not insertion order.
    const order = Array.from({ length: MAX_TIMELINE_JOBS }, (_, i) => (i * 7) % MAX_TIMELINE_JOBS);
    for (const i of order) timelines = recordStatus(timelines, `job-${i}`, 'RUNNING', T0 + i * 1_000);
    expect(Object.keys(timelines)).toHaveLength(MAX_TIMELINE_JOBS);

    timelines = recordStatus(timelines, 'job-new', 'RUNNING', T0 + 1_000_000);
    expect(Object.keys(timelines)).toHaveLength(MAX_TIMELINE_JOBS);
    expect(timelines).not.toHaveProperty('job-0');
    expect(timelines).toHaveProperty('job-1');
    expect(timelines).toHaveProperty('job-new');
  });

  it('counts a status change as an update, so a job that moved recently survives', () => {
    let timelines: Timelines = {};
    for (let i = 0; i < MAX_TIMELINE_JOBS; i++) timelines = recordStatus(timelines, `job-${i}`, 'RUNNING', T0 + i);
    // job-0 is the oldest, until it changes status.
    timelines = recordStatus(timelines, 'job-0', 'COMPLETED', T0 + 100);
    timelines = recordStatus(timelines, 'job-new', 'RUNNING', T0 + 200);
    expect(timelines).toHaveProperty('job-0');
    expect(timelines).not.toHaveProperty('job-1');
    expect(Object.keys(timelines)).toHaveLength(MAX_TIMELINE_JOBS);
  });

  it('drops several old jobs at once when the stored map is already over the limit', () => {
    const timelines: Timelines = {};
    for (let i = 0; i < MAX_TIMELINE_JOBS + 5; i++) {
      timelines[`job-${i}`] = { updated: T0 + i, entries: [{ status: 'RUNNING', firstSeen: T0 + i }] };
    }
    const next = recordStatus(timelines, 'job-new', 'RUNNING', T0 + 1_000);
    expect(Object.keys(next)).toHaveLength(MAX_TIMELINE_JOBS);
    for (let i = 0; i < 6; i++) expect(next).not.toHaveProperty(`job-${i}`);
    expect(next).toHaveProperty('job-6');
    expect(next).toHaveProperty('job-new');
  });
});

describe('observeStatus and timelineFor', () => {
  it('round-trip through storage', () => {
    const storage = memoryStorage();
    expect(timelineFor(JOB, storage)).toEqual([]);
    expect(observeStatus(JOB, 'PENDING', T0, storage)).toEqual([{ status: 'PENDING', firstSeen: T0 }]);
    expect(observeStatus(JOB, 'COMPLETED', T0 + 9_000, storage)).toEqual([
      { status: 'PENDING', firstSeen: T0 },
      { status: 'COMPLETED', firstSeen: T0 + 9_000 },
    ]);
    expect(timelineFor(JOB, storage)).toEqual([
      { status: 'PENDING', firstSeen: T0 },
      { status: 'COMPLETED', firstSeen: T0 + 9_000 },
    ]);
    expect(timelineFor(OTHER, storage)).toEqual([]);
  });

  it('stores under the versioned key as JSON', () => {
    const storage = memoryStorage();
    observeStatus(JOB, 'PENDING', T0, storage);
    expect(JSON.parse(storage.getItem(TIMELINE_KEY) ?? 'null')).toEqual({
      [JOB]: { updated: T0, entries: [{ status: 'PENDING', firstSeen: T0 }] },
    });
  });

  it('does not rewrite storage when the status has not changed', () => {
    const storage = countingStorage();
    observeStatus(JOB, 'RUNNING', T0, storage);
    expect(storage.writes).toBe(1);
    const entries = observeStatus(JOB, 'RUNNING', T0 + 5_000, storage);
    expect(storage.writes).toBe(1);
    expect(entries).toEqual([{ status: 'RUNNING', firstSeen: T0 }]);
  });

  it('keeps jobs apart', () => {
    const storage = memoryStorage();
    observeStatus(JOB, 'RUNNING', T0, storage);
    observeStatus(OTHER, 'FAILED', T0 + 1, storage);
    expect(timelineFor(JOB, storage)).toEqual([{ status: 'RUNNING', firstSeen: T0 }]);
    expect(timelineFor(OTHER, storage)).toEqual([{ status: 'FAILED', firstSeen: T0 + 1 }]);
  });

  it('still returns what was observed when storage cannot be written', () => {
    const full: Storage = {
      ...memoryStorage(),
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(observeStatus(JOB, 'RUNNING', T0, full)).toEqual([{ status: 'RUNNING', firstSeen: T0 }]);
    expect(timelineFor(JOB, full)).toEqual([]);
  });

  it('uses window.localStorage when no storage is passed', () => {
    try {
      observeStatus(JOB, 'RUNNING', T0);
      expect(timelineFor(JOB)).toEqual([{ status: 'RUNNING', firstSeen: T0 }]);
      expect(window.localStorage.getItem(TIMELINE_KEY)).not.toBeNull();
    } finally {
      window.localStorage.removeItem(TIMELINE_KEY);
    }
  });
});

describe('corrupt stored timelines', () => {
  it.each([
    ['invalid JSON', '{"'],
    ['an array', '[]'],
    ['null', 'null'],
    ['a string', '"timelines"'],
    ['a timeline that is not an object', JSON.stringify({ [JOB]: 'RUNNING' })],
    ['a timeline that is null', JSON.stringify({ [JOB]: null })],
    ['a timeline without updated', JSON.stringify({ [JOB]: { entries: [] } })],
    ['a timeline with updated as a string', JSON.stringify({ [JOB]: { updated: '1', entries: [] } })],
    ['entries that are not a list', JSON.stringify({ [JOB]: { updated: 1, entries: {} } })],
    ['an entry without firstSeen', JSON.stringify({ [JOB]: { updated: 1, entries: [{ status: 'RUNNING' }] } })],
    ['an entry with a numeric status', JSON.stringify({ [JOB]: { updated: 1, entries: [{ status: 3, firstSeen: 1 }] } })],
    ['an entry that is null', JSON.stringify({ [JOB]: { updated: 1, entries: [null] } })],
  ])('ignores %s', (_label, text) => {
    const storage = memoryStorage({ [TIMELINE_KEY]: text });
    expect(loadTimelines(storage)).toEqual({});
    expect(timelineFor(JOB, storage)).toEqual([]);
  });

  it('ignores the whole map when one job in it is corrupt, rather than showing half-trusted data', () => {
    const text = JSON.stringify({
      [OTHER]: { updated: 1, entries: [{ status: 'FAILED', firstSeen: 1 }] },
      [JOB]: { updated: 1, entries: [{ status: 'RUNNING' }] },
    });
    expect(timelineFor(OTHER, memoryStorage({ [TIMELINE_KEY]: text }))).toEqual([]);
  });

  it('replaces corrupt data with a fresh timeline on the next observation', () => {
    const storage = memoryStorage({ [TIMELINE_KEY]: 'not json at all' });
    expect(observeStatus(JOB, 'RUNNING', T0, storage)).toEqual([{ status: 'RUNNING', firstSeen: T0 }]);
    expect(timelineFor(JOB, storage)).toEqual([{ status: 'RUNNING', firstSeen: T0 }]);
  });

  it('reads a valid map that an earlier page wrote', () => {
    const stored: Timelines = { [JOB]: { updated: T0, entries: [{ status: 'PENDING', firstSeen: T0 }] } };
    const storage = memoryStorage({ [TIMELINE_KEY]: JSON.stringify(stored) });
    expect(loadTimelines(storage)).toEqual(stored);
    expect(observeStatus(JOB, 'PENDING', T0 + 1, storage)).toEqual([{ status: 'PENDING', firstSeen: T0 }]);
  });
});
