import { describe, expect, it } from 'vitest';
import { endedWell, friendlyOperation, isTerminalStatus, statusTone, statusWord } from './jobStatus';

describe('isTerminalStatus', () => {
  it.each(['COMPLETED', 'FAILED', 'completed', 'Failed', ' COMPLETED ', 'failed\n'])('%j is terminal', (status) => {
    expect(isTerminalStatus(status)).toBe(true);
  });

  // The API does not enumerate statuses: anything else keeps the watch going.
  it.each(['RUNNING', 'IN_PROGRESS', 'PENDING', 'COMPLETE', 'FAILED_PARTIALLY', 'SUCCEEDED', '', '  '])(
    '%j is not terminal',
    (status) => {
      expect(isTerminalStatus(status)).toBe(false);
    },
  );

  it('treats a missing status as not terminal', () => {
    expect(isTerminalStatus(undefined)).toBe(false);
  });
});

describe('statusTone', () => {
  it.each([
    ['COMPLETED', 'completed'],
    ['completed', 'completed'],
    ['FAILED', 'failed'],
    [' failed ', 'failed'],
    ['RUNNING', 'running'],
    ['running', 'running'],
    ['IN_PROGRESS', 'running'],
    ['PENDING', 'running'],
    ['SOMETHING_NEW', 'unknown'],
    ['', 'unknown'],
    [undefined, 'unknown'],
  ] as const)('%j is drawn as %s', (status, tone) => {
    expect(statusTone(status)).toBe(tone);
  });
});

describe('friendlyOperation', () => {
  it.each([
    ['CreateBackendAuth', 'Create backend auth'],
    ['UpdateBackendAPI', 'Update backend API'],
    ['CreateBackendAPI', 'Create backend API'],
    ['GenerateBackendAPIModels', 'Generate backend API models'],
    ['DeleteBackend', 'Delete backend'],
    ['RemoveAllBackends', 'Remove all backends'],
    ['ImportBackendStorage', 'Import backend storage'],
    ['UpdateBackendJob', 'Update backend job'],
    ['CloneBackend', 'Clone backend'],
  ])('%s reads as "%s"', (operation, friendly) => {
    expect(friendlyOperation(operation)).toBe(friendly);
  });

  it.each([
    ['undefined', undefined],
    ['an empty string', ''],
    ['a single letter', 'X'],
    ['lower camelCase', 'createBackendAuth'],
    ['snake case', 'CREATE_BACKEND_AUTH'],
    ['words with spaces', 'Create Backend Auth'],
    ['digits', 'CreateBackendV2'],
    ['a hyphen', 'Create-Backend'],
    ['all lower case', 'deletebackend'],
  ])('gives undefined for %s, so the raw value is shown instead', (_label, operation) => {
    expect(friendlyOperation(operation)).toBeUndefined();
  });
});

describe('Amplify Hosting statuses', () => {
  it.each(['SUCCEED', 'FAILED', 'CANCELLED', ' succeed '])('%j is terminal', (status) => {
    expect(isTerminalStatus(status)).toBe(true);
  });

  // CANCELLING is still moving: the job may yet end otherwise.
  it.each(['CREATED', 'PENDING', 'PROVISIONING', 'RUNNING', 'CANCELLING'])(
    '%j is not terminal and is drawn as running',
    (status) => {
      expect(isTerminalStatus(status)).toBe(false);
      expect(statusTone(status)).toBe('running');
    },
  );

  it.each([
    ['SUCCEED', 'completed'],
    ['CANCELLED', 'failed'],
  ] as const)('%j is drawn as %s', (status, tone) => {
    expect(statusTone(status)).toBe(tone);
  });

  it('ended well: COMPLETED and SUCCEED only', () => {
    expect(['COMPLETED', 'SUCCEED', 'succeed', 'FAILED', 'CANCELLED', 'RUNNING', undefined].map(endedWell)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('shows SUCCEED as SUCCEEDED (same stem) and every other word as it came', () => {
    expect(statusWord('SUCCEED')).toBe('SUCCEEDED');
    expect(statusWord('COMPLETED')).toBe('COMPLETED');
    expect(statusWord('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });
});
