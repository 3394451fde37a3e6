import { describe, expect, it } from 'vitest';
import { amplifyConsoleUrl, consoleTarget } from './amplifyConsole';
import { parseAmplifyConsoleUrl } from './jobReference';

describe('amplifyConsoleUrl', () => {
  it('is the console’s overview page of the app in its region', () => {
    expect(amplifyConsoleUrl({ region: 'eu-west-1', appId: 'd2k9xq7v1ab3cd' })).toBe(
      'https://eu-west-1.console.aws.amazon.com/amplify/apps/d2k9xq7v1ab3cd/overview?region=eu-west-1',
    );
    expect(amplifyConsoleUrl({ region: 'us-gov-west-1', appId: 'd1' })).toBe(
      'https://us-gov-west-1.console.aws.amazon.com/amplify/apps/d1/overview?region=us-gov-west-1',
    );
  });

  it('reads back as the same app and region', () => {
    const url = amplifyConsoleUrl({ region: 'ap-southeast-2', appId: 'd0abc123' });
    expect(parseAmplifyConsoleUrl(url ?? '')).toEqual({ region: 'ap-southeast-2', appId: 'd0abc123' });
  });

  it('encodes an unusual app ID so it stays one path segment', () => {
    const url = amplifyConsoleUrl({ region: 'us-east-1', appId: 'a/../b?c#d e%' });
    expect(url).toBe('https://us-east-1.console.aws.amazon.com/amplify/apps/a%2F..%2Fb%3Fc%23d%20e%25/overview?region=us-east-1');
    const parsed = new URL(url ?? '');
    expect(parsed.host).toBe('us-east-1.console.aws.amazon.com');
    expect(parsed.pathname.split('/')).toHaveLength(5);
    expect(parsed.hash).toBe('');
    expect([...parsed.searchParams.keys()]).toEqual(['region']);
  });

  it.each([
    '',
    'US-EAST-1',
    'evil.example/x',
    'us-east-1.evil.example',
    'us-east-1@evil.example',
    'us-east-1#',
    'us east 1',
    'eu-west',
  ])('gives no address for the region %j', (region) => {
    expect(amplifyConsoleUrl({ region, appId: 'd1' })).toBeNull();
  });

  it('gives no address without an app ID', () => {
    expect(amplifyConsoleUrl({ region: 'us-east-1', appId: '' })).toBeNull();
  });
});

describe('amplifyConsoleUrl for a hosting job’s branch', () => {
  it('is the branch’s deployments page, the branch one encoded segment', () => {
    const url = amplifyConsoleUrl({ region: 'eu-west-1', appId: 'd2k9xq7v1ab3cd', branchName: 'feature/login' });
    expect(url).toBe(
      'https://eu-west-1.console.aws.amazon.com/amplify/apps/d2k9xq7v1ab3cd/branches/feature%2Flogin/deployments?region=eu-west-1',
    );
    expect(parseAmplifyConsoleUrl(url ?? '')).toEqual({
      kind: 'hosting',
      region: 'eu-west-1',
      appId: 'd2k9xq7v1ab3cd',
      branchName: 'feature/login',
    });
  });

  it('keeps an unusual branch inside its segment, and gives no address for an empty one', () => {
    const url = new URL(amplifyConsoleUrl({ region: 'us-east-1', appId: 'd1', branchName: '../x?y#z' }) ?? '');
    expect(url.pathname).toBe('/amplify/apps/d1/branches/..%2Fx%3Fy%23z/deployments');
    expect(url.hash).toBe('');
    expect(amplifyConsoleUrl({ region: 'us-east-1', appId: 'd1', branchName: '' })).toBeNull();
  });

  it('consoleTarget: a hosting job’s branch, a backend job’s app', () => {
    expect(consoleTarget({ kind: 'hosting', region: 'us-east-1', appId: 'd1', branchName: 'main', jobId: '3' })).toEqual({
      region: 'us-east-1',
      appId: 'd1',
      branchName: 'main',
    });
    expect(consoleTarget({ region: 'us-east-1', appId: 'd1', envName: 'dev', jobId: 'j' })).toEqual({
      region: 'us-east-1',
      appId: 'd1',
    });
  });
});
