import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../../test/memoryStorage';
import { readJson, removeKey, writeJson } from './boundedStorage';

interface Point {
  x: number;
  y: number;
}

const isPoint = (value: unknown): value is Point =>
  typeof value === 'object' && value !== null && typeof (value as Point).x === 'number' && typeof (value as Point).y === 'number';

const FALLBACK: Point = { x: 0, y: 0 };

/** Storage as a browser with full, disabled or forbidden storage presents it: every call throws. */
function throwingStorage(error: unknown = new DOMException('The quota has been exceeded.', 'QuotaExceededError')): Storage {
  const fail = () => {
    throw error;
  };
  return { length: 0, clear: fail, getItem: fail, key: fail, removeItem: fail, setItem: fail };
}

afterEach(() => {
  vi.restoreAllMocks();
  window.localStorage.clear();
});

describe('readJson', () => {
  it('returns the stored value when it has the expected shape', () => {
    const storage = memoryStorage({ k: '{"x":1,"y":2}' });
    expect(readJson('k', isPoint, FALLBACK, storage)).toEqual({ x: 1, y: 2 });
  });

  it('returns the fallback when nothing is stored under the key', () => {
    expect(readJson('missing', isPoint, FALLBACK, memoryStorage({ other: '{"x":1,"y":2}' }))).toBe(FALLBACK);
  });

  it('returns the fallback for an empty string', () => {
    expect(readJson('k', isPoint, FALLBACK, memoryStorage({ k: '' }))).toBe(FALLBACK);
  });

  it.each([
    ['truncated JSON', '{"x":1,'],
    ['plain text', 'hello'],
    ['the string "undefined"', 'undefined'],
    ['a JavaScript object literal', '{x: 1, y: 2}'],
    ['NaN', 'NaN'],
  ])('returns the fallback for invalid JSON (%s)', (_label, text) => {
    expect(readJson('k', isPoint, FALLBACK, memoryStorage({ k: text }))).toBe(FALLBACK);
  });

  it.each([
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"{\\"x\\":1,\\"y\\":2}"'],
    ['an array', '[1,2]'],
    ['an object missing a member', '{"x":1}'],
    ['an object with a member of the wrong type', '{"x":1,"y":"2"}'],
  ])('returns the fallback for valid JSON of the wrong shape (%s)', (_label, text) => {
    expect(readJson('k', isPoint, FALLBACK, memoryStorage({ k: text }))).toBe(FALLBACK);
  });

  it('returns the fallback when getItem throws (storage disabled or forbidden)', () => {
    expect(readJson('k', isPoint, FALLBACK, throwingStorage(new DOMException('denied', 'SecurityError')))).toBe(FALLBACK);
  });

  it('returns the fallback when the shape check itself throws', () => {
    const explodingCheck = (value: unknown): value is Point => {
      throw new Error(`cannot check ${String(value)}`);
    };
    expect(readJson('k', explodingCheck, FALLBACK, memoryStorage({ k: '{"x":1,"y":2}' }))).toBe(FALLBACK);
  });

  it('returns the fallback when no storage is available at all', () => {
    expect(readJson('k', isPoint, FALLBACK, undefined)).toBe(FALLBACK);
  });

  it('reads window.localStorage when no storage is passed', () => {
    window.localStorage.setItem('bounded-storage-test', '{"x":3,"y":4}');
    expect(readJson('bounded-storage-test', isPoint, FALLBACK)).toEqual({ x: 3, y: 4 });
  });

  it('returns the fallback when merely touching window.localStorage throws (e.g. blocked cookies)', () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(readJson('k', isPoint, FALLBACK)).toBe(FALLBACK);
  });
});

describe('writeJson', () => {
  it('stores JSON that readJson reads back', () => {
    const storage = memoryStorage();
    writeJson('k', { x: 5, y: -1 }, storage);
    expect(storage.getItem('k')).toBe('{"x":5,"y":-1}');
    expect(readJson('k', isPoint, FALLBACK, storage)).toEqual({ x: 5, y: -1 });
  });

  it('replaces what was stored before', () => {
    const storage = memoryStorage({ k: '{"x":1,"y":1}' });
    writeJson('k', { x: 2, y: 2 }, storage);
    expect(readJson('k', isPoint, FALLBACK, storage)).toEqual({ x: 2, y: 2 });
  });

  it('does not throw when setItem throws (full storage)', () => {
    expect(() => writeJson('k', { x: 1, y: 1 }, throwingStorage())).not.toThrow();
  });

  it('does not throw when setItem throws something that is not an Error', () => {
    expect(() => writeJson('k', { x: 1, y: 1 }, throwingStorage('nope'))).not.toThrow();
  });

  it('does not throw for a value JSON cannot represent, and leaves the old value in place', () => {
    const storage = memoryStorage({ k: '{"x":1,"y":1}' });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => writeJson('k', circular, storage)).not.toThrow();
    expect(() => writeJson('k', { big: 10n }, storage)).not.toThrow();
    expect(readJson('k', isPoint, FALLBACK, storage)).toEqual({ x: 1, y: 1 });
  });

  it('does nothing without storage', () => {
    expect(() => writeJson('k', { x: 1, y: 1 }, undefined)).not.toThrow();
  });

  it('writes to window.localStorage when no storage is passed', () => {
    writeJson('bounded-storage-test', { x: 7, y: 8 });
    expect(window.localStorage.getItem('bounded-storage-test')).toBe('{"x":7,"y":8}');
  });

  it('does not throw when window.localStorage cannot be touched', () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(() => writeJson('k', { x: 1, y: 1 })).not.toThrow();
  });
});

describe('removeKey', () => {
  it('removes only the named key', () => {
    const storage = memoryStorage({ k: '{"x":1,"y":1}', other: '{"x":2,"y":2}' });
    removeKey('k', storage);
    expect(storage.getItem('k')).toBeNull();
    expect(readJson('k', isPoint, FALLBACK, storage)).toBe(FALLBACK);
    expect(readJson('other', isPoint, FALLBACK, storage)).toEqual({ x: 2, y: 2 });
  });

  it('is harmless for a key that is not there', () => {
    const storage = memoryStorage();
    expect(() => removeKey('missing', storage)).not.toThrow();
    expect(storage.length).toBe(0);
  });

  it('does not throw when removeItem throws, nor without storage', () => {
    expect(() => removeKey('k', throwingStorage())).not.toThrow();
    expect(() => removeKey('k', undefined)).not.toThrow();
  });

  it('removes from window.localStorage when no storage is passed', () => {
    window.localStorage.setItem('bounded-storage-test', '1');
    removeKey('bounded-storage-test');
    expect(window.localStorage.getItem('bounded-storage-test')).toBeNull();
  });

  it('does not throw when window.localStorage cannot be touched', () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(() => removeKey('k')).not.toThrow();
  });
});
