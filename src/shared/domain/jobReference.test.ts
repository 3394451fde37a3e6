import { describe, expect, it } from 'vitest';
import { environmentJobsPath } from './environmentRoutes';
import { parseAmplifyConsoleUrl, parseHostingJobArn, parseJobReference, readPastedText } from './jobReference';
import { branchJobsPath, hostingJobPagePath, jobPagePath } from './jobRoutes';

describe('parseJobReference: links', () => {
  it('reads an absolute job link with ?region=', () => {
    expect(
      parseJobReference('https://jobs.example.com/apps/d2k9xq7v1ab3cd/environments/staging/jobs/7f3c9e2a-5b1d?region=eu-west-1'),
    ).toEqual({ appId: 'd2k9xq7v1ab3cd', envName: 'staging', jobId: '7f3c9e2a-5b1d', region: 'eu-west-1' });
  });

  it('reads a job link from any host, over http too (a local dev server)', () => {
    expect(parseJobReference('http://127.0.0.1:5173/apps/a/environments/e/jobs/j')).toEqual({
      appId: 'a',
      envName: 'e',
      jobId: 'j',
    });
  });

  it('reads a job link without a region and invents none', () => {
    const reference = parseJobReference('https://jobs.example.com/apps/a/environments/e/jobs/j');
    expect(reference).toEqual({ appId: 'a', envName: 'e', jobId: 'j' });
    expect(reference).not.toHaveProperty('region');
  });

  it('reads a bare path', () => {
    expect(parseJobReference('/apps/a/environments/e/jobs/j?region=us-west-2')).toEqual({
      appId: 'a',
      envName: 'e',
      jobId: 'j',
      region: 'us-west-2',
    });
  });

  it('ignores surrounding whitespace and line breaks from copying', () => {
    expect(parseJobReference('  \n https://x.example/apps/a/environments/e/jobs/j \t\n')).toEqual({
      appId: 'a',
      envName: 'e',
      jobId: 'j',
    });
  });

  it('accepts a trailing slash, a fragment and other query parameters', () => {
    expect(parseJobReference('https://x.example/apps/a/environments/e/jobs/j/?utm_source=chat&region=ap-south-1#top')).toEqual({
      appId: 'a',
      envName: 'e',
      jobId: 'j',
      region: 'ap-south-1',
    });
  });

  it('decodes percent-encoded IDs, keeping an encoded slash inside its ID', () => {
    expect(parseJobReference('/apps/a%2Fb/environments/my%20env/jobs/%E6%97%A5')).toEqual({
      appId: 'a/b',
      envName: 'my env',
      jobId: '日',
    });
  });

  it('round-trips every link the app itself builds', () => {
    const params = { appId: 'a b/c', envName: 'ü?#&', jobId: '100%', region: 'eu-central-1' };
    expect(parseJobReference(`https://jobs.example.com${jobPagePath(params)}`)).toEqual(params);
  });

  it('reads an environment list link as app, environment and region', () => {
    expect(
      parseJobReference(
        'https://jobs.example.com/apps/d2k9xq7v1ab3cd/environments/staging/jobs?region=eu-west-1&status=FAILED&operation=CreateBackendAuth',
      ),
    ).toEqual({ appId: 'd2k9xq7v1ab3cd', envName: 'staging', region: 'eu-west-1' });
  });

  it('reads an environment list link the app built, without inventing a job or region', () => {
    const reference = parseJobReference(environmentJobsPath({ appId: 'app', envName: 'env', status: 'RUNNING' }));
    expect(reference).toEqual({ appId: 'app', envName: 'env' });
    expect(reference).not.toHaveProperty('jobId');
  });

  it('is case-insensitive about the scheme', () => {
    expect(parseJobReference('HTTPS://X.EXAMPLE/apps/a/environments/e/jobs/j')).toEqual({ appId: 'a', envName: 'e', jobId: 'j' });
  });

  it('drops an empty ?region= from a job link, as it does for an environment link', () => {
    expect(parseJobReference('/apps/a/environments/e/jobs?region=')).toEqual({ appId: 'a', envName: 'e' });
    expect(parseJobReference('/apps/a/environments/e/jobs/j?region=')).toEqual({ appId: 'a', envName: 'e', jobId: 'j' });
  });

  it.each([
    ['the home page', 'https://x.example/'],
    ['an app without an environment', 'https://x.example/apps/a'],
    ['an environment without /jobs', '/apps/a/environments/e'],
    ['an extra segment after the job', '/apps/a/environments/e/jobs/j/logs'],
    ['a path under another prefix', 'https://x.example/console/apps/a/environments/e/jobs/j'],
    ['a relative path without the leading slash', 'apps/a/environments/e/jobs/j'],
    ['a protocol-relative link', '//x.example/apps/a/environments/e/jobs/j'],
    ['an ftp link', 'ftp://x.example/apps/a/environments/e/jobs/j'],
    ['a javascript: URL', 'javascript:alert(1)//apps/a/environments/e/jobs/j'],
    ['broken percent-encoding in a job link', '/apps/%zz/environments/e/jobs/j'],
    ['broken percent-encoding in an environment link', '/apps/a/environments/100%/jobs'],
    ['the Amplify console URL', 'https://eu-west-1.console.aws.amazon.com/amplify/home?region=eu-west-1#/d2k9xq7v1ab3cd'],
  ])('gives null for %s', (_label, text) => {
    expect(parseJobReference(text)).toBeNull();
  });
});

describe('parseJobReference: AWS CLI JSON', () => {
  it('reads the PascalCase JSON the CLI prints after create-backend-auth', () => {
    const printed = `{
    "AppId": "d2k9xq7v1ab3cd",
    "BackendEnvironmentName": "staging",
    "JobId": "7f3c9e2a-5b1d-4c8e-9f0a-1b2c3d4e5f60",
    "Operation": "CreateBackendAuth",
    "Status": "IN_PROGRESS"
}`;
    expect(parseJobReference(printed)).toEqual({
      appId: 'd2k9xq7v1ab3cd',
      envName: 'staging',
      jobId: '7f3c9e2a-5b1d-4c8e-9f0a-1b2c3d4e5f60',
    });
  });

  it('reads camelCase JSON (the API body, or an SDK)', () => {
    expect(
      parseJobReference('{"appId":"app","backendEnvironmentName":"env","jobId":"job","status":"COMPLETED","region":"us-east-2"}'),
    ).toEqual({ appId: 'app', envName: 'env', jobId: 'job', region: 'us-east-2' });
  });

  it('reads a Region member', () => {
    expect(parseJobReference('{"AppId":"app","Region":"ca-central-1"}')).toEqual({ appId: 'app', region: 'ca-central-1' });
  });

  it('prefers PascalCase when both spellings are present', () => {
    expect(parseJobReference('{"AppId":"pascal","appId":"camel"}')).toEqual({ appId: 'pascal' });
  });

  it('falls back to the camelCase member when the PascalCase one is blank', () => {
    expect(parseJobReference('{"AppId":"  ","appId":"camel"}')).toEqual({ appId: 'camel' });
  });

  it('trims the values', () => {
    expect(parseJobReference('{"AppId":"  app  ","JobId":"\\tjob\\n"}')).toEqual({ appId: 'app', jobId: 'job' });
  });

  it.each([
    ['only an app', '{"AppId":"app"}', { appId: 'app' }],
    ['only an environment', '{"BackendEnvironmentName":"env"}', { envName: 'env' }],
    ['only a job', '{"JobId":"job"}', { jobId: 'job' }],
    ['app and environment', '{"AppId":"app","BackendEnvironmentName":"env"}', { appId: 'app', envName: 'env' }],
  ])('reads JSON with %s, leaving the rest out', (_label, text, expected) => {
    const reference = parseJobReference(text);
    expect(reference).toEqual(expected);
    for (const key of ['appId', 'envName', 'jobId', 'region'] as const) {
      if (!(key in expected)) expect(reference).not.toHaveProperty(key);
    }
  });

  it.each([
    ['an empty object', '{}'],
    ['only a status', '{"Status":"IN_PROGRESS","Operation":"CreateBackendAuth"}'],
    ['only a region', '{"Region":"us-east-1"}'],
    ['blank IDs', '{"AppId":"","JobId":"   "}'],
    ['IDs that are not strings', '{"AppId":42,"JobId":null,"BackendEnvironmentName":["env"]}'],
    ['IDs nested one level down', '{"Job":{"AppId":"app","JobId":"job"}}'],
    ['JSON that does not parse', '{"AppId": "app",'],
    ['an object literal that is not JSON', "{AppId: 'app'}"],
  ])('gives null for %s', (_label, text) => {
    expect(parseJobReference(text)).toBeNull();
  });

  it.each([
    ['a list of jobs', '[{"AppId":"app","JobId":"job"}]'],
    ['an empty list', '[]'],
    ['a JSON string', '"/apps/a/environments/e/jobs/j"'],
    ['a JSON number', '42'],
    ['JSON null', 'null'],
  ])('gives null for %s', (_label, text) => {
    expect(parseJobReference(text)).toBeNull();
  });
});

describe('parseJobReference: other text', () => {
  it.each([
    ['the empty string', ''],
    ['only whitespace', '  \n\t '],
    ['a bare job ID', '7f3c9e2a-5b1d-4c8e-9f0a-1b2c3d4e5f60'],
    ['a sentence', 'the job is d2k9xq7v1ab3cd / staging'],
    ['a CLI command', 'aws amplifybackend get-backend-job --app-id a --backend-environment-name e --job-id j'],
    ['a sentence containing a link', 'see https://x.example/apps/a/environments/e/jobs/j'],
  ])('gives null for %s', (_label, text) => {
    expect(parseJobReference(text)).toBeNull();
  });
});

describe('parseAmplifyConsoleUrl', () => {
  it('reads the app ID and region of a console address with the region in the host', () => {
    expect(parseAmplifyConsoleUrl('https://eu-west-1.console.aws.amazon.com/amplify/apps/d2k9xq7v1ab3cd/overview')).toEqual({
      appId: 'd2k9xq7v1ab3cd',
      region: 'eu-west-1',
    });
  });

  it('reads the older form with ?region= and the app ID after the hash', () => {
    expect(
      parseAmplifyConsoleUrl('https://console.aws.amazon.com/amplify/home?region=eu-west-1#/d2k9xq7v1ab3cd/YmFja2VuZA/staging'),
    ).toEqual({
      appId: 'd2k9xq7v1ab3cd',
      region: 'eu-west-1',
    });
  });

  it('reads a hash of the form #/apps/{appId}', () => {
    expect(parseAmplifyConsoleUrl('https://console.aws.amazon.com/amplify/home?region=us-west-2#/apps/dabc123')).toEqual({
      appId: 'dabc123',
      region: 'us-west-2',
    });
  });

  it('keeps a region AmplifyBackend does not know, for the form to name', () => {
    expect(parseAmplifyConsoleUrl('https://il-central-1.console.aws.amazon.com/amplify/apps/d2k9xq7v1ab3cd/overview')).toEqual({
      appId: 'd2k9xq7v1ab3cd',
      region: 'il-central-1',
    });
  });

  it('invents no region when the address has none', () => {
    const reference = parseAmplifyConsoleUrl('https://console.aws.amazon.com/amplify/apps/d2k9xq7v1ab3cd');
    expect(reference).toEqual({ appId: 'd2k9xq7v1ab3cd' });
    expect(reference).not.toHaveProperty('region');
  });

  it.each([
    ['another console service', 'https://eu-west-1.console.aws.amazon.com/cloudformation/home?region=eu-west-1#/stacks'],
    ['the console home without an app', 'https://eu-west-1.console.aws.amazon.com/amplify/home?region=eu-west-1#/'],
    ['another host', 'https://console.aws.example.com/amplify/apps/d2k9xq7v1ab3cd'],
    ['plain http', 'http://eu-west-1.console.aws.amazon.com/amplify/apps/d2k9xq7v1ab3cd'],
    ['a job link', 'https://jobs.example.com/apps/a/environments/e/jobs/j'],
    ['text', 'd2k9xq7v1ab3cd'],
  ])('gives null for %s', (_label, text) => {
    expect(parseAmplifyConsoleUrl(text)).toBeNull();
  });
});

describe('parseAmplifyConsoleUrl: hosting deployments', () => {
  it('reads a branch’s deployments page as that branch, without a job', () => {
    const reference = parseAmplifyConsoleUrl(
      'https://eu-west-1.console.aws.amazon.com/amplify/apps/d2k9xq7v1ab3cd/branches/main/deployments',
    );
    expect(reference).toEqual({ kind: 'hosting', appId: 'd2k9xq7v1ab3cd', branchName: 'main', region: 'eu-west-1' });
    expect(reference).not.toHaveProperty('jobId');
  });

  it('reads a deployment’s address as its job, decoding a branch with a slash', () => {
    expect(
      parseAmplifyConsoleUrl(
        'https://us-west-2.console.aws.amazon.com/amplify/apps/d2k9xq7v1ab3cd/branches/feature%2Flogin/deployments/12?region=us-west-2',
      ),
    ).toEqual({ kind: 'hosting', appId: 'd2k9xq7v1ab3cd', branchName: 'feature/login', jobId: '12', region: 'us-west-2' });
  });

  it('reads the classic console’s job address #/<appId>/<branch>/<job>', () => {
    expect(
      parseAmplifyConsoleUrl('https://eu-west-1.console.aws.amazon.com/amplify/home?region=eu-west-1#/d2k9xq7v1ab3cd/main/7'),
    ).toEqual({
      kind: 'hosting',
      appId: 'd2k9xq7v1ab3cd',
      branchName: 'main',
      jobId: '7',
      region: 'eu-west-1',
    });
    expect(
      parseAmplifyConsoleUrl(
        'https://console.aws.amazon.com/amplify/home?region=ap-south-1#/d2k9xq7v1ab3cd/YnJhbmNoZXM/dev/deployments/31',
      ),
    ).toEqual({ kind: 'hosting', appId: 'd2k9xq7v1ab3cd', branchName: 'dev', jobId: '31', region: 'ap-south-1' });
  });

  it('reads another page of a branch as the branch', () => {
    expect(parseAmplifyConsoleUrl('https://eu-west-1.console.aws.amazon.com/amplify/apps/dabc/branches/main/data')).toEqual({
      kind: 'hosting',
      appId: 'dabc',
      branchName: 'main',
      region: 'eu-west-1',
    });
  });

  it.each([
    ['a job that is not a number', 'https://eu-west-1.console.aws.amazon.com/amplify/apps/dabc/branches/main/deployments/latest'],
    ['a classic address of a backend environment', 'https://console.aws.amazon.com/amplify/home#/dabc/YmFja2VuZA/123'],
    ['a classic settings page', 'https://console.aws.amazon.com/amplify/home#/dabc/settings/7/more'],
  ])('takes no job from %s', (_label, text) => {
    expect(parseAmplifyConsoleUrl(text)).not.toHaveProperty('jobId');
  });
});

describe('hosting jobs: links and the CLI’s JSON', () => {
  it('reads a hosting job link with its branch decoded and its region', () => {
    expect(parseJobReference('https://jobs.example.com/apps/d2k9/branches/feature%2Flogin/jobs/12?region=eu-west-1')).toEqual({
      kind: 'hosting',
      appId: 'd2k9',
      branchName: 'feature/login',
      jobId: '12',
      region: 'eu-west-1',
    });
  });

  it('reads a branch list link as the branch, and round-trips what the app builds', () => {
    expect(parseJobReference(branchJobsPath({ appId: 'a', branchName: 'release/2.0' }))).toEqual({
      kind: 'hosting',
      appId: 'a',
      branchName: 'release/2.0',
    });
    const params = { appId: 'a b', branchName: 'x/%?#', jobId: '9', region: 'us-east-2' };
    expect(parseJobReference(hostingJobPagePath(params))).toEqual({ kind: 'hosting', ...params });
  });

  it('reads what `aws amplify get-job` printed by the job’s ARN', () => {
    const printed = JSON.stringify(
      {
        job: {
          summary: {
            jobArn: 'arn:aws:amplify:eu-central-1:123456789012:apps/d2k9xq7v1ab3cd/branches/feature/login/jobs/0000000012',
            jobId: '12',
            commitId: 'abc',
            status: 'RUNNING',
            jobType: 'RELEASE',
          },
          steps: [{ stepName: 'BUILD', status: 'RUNNING' }],
        },
      },
      null,
      4,
    );
    expect(readPastedText(printed)).toEqual({
      kind: 'reference',
      from: 'json',
      reference: {
        kind: 'hosting',
        region: 'eu-central-1',
        appId: 'd2k9xq7v1ab3cd',
        branchName: 'feature/login',
        jobId: '0000000012',
      },
    });
  });

  it('reads the jobSummary `aws amplify start-job` printed', () => {
    expect(
      parseJobReference(
        '{"jobSummary":{"jobArn":"arn:aws:amplify:us-east-1:1:apps/dabc/branches/main/jobs/3","status":"PENDING"}}',
      ),
    ).toEqual({ kind: 'hosting', region: 'us-east-1', appId: 'dabc', branchName: 'main', jobId: '3' });
  });

  it.each([
    ['another service’s ARN', 'arn:aws:amplifybackend:us-east-1:1:apps/dabc/branches/main/jobs/3'],
    ['a branch ARN', 'arn:aws:amplify:us-east-1:1:apps/dabc/branches/main'],
    ['text', 'apps/dabc/branches/main/jobs/3'],
  ])('reads no job from %s', (_label, arn) => {
    expect(parseHostingJobArn(arn)).toBeNull();
  });
});

describe('readPastedText', () => {
  it('says where a reference came from', () => {
    expect(readPastedText(' https://eu-west-1.console.aws.amazon.com/amplify/apps/dabc/overview ')).toEqual({
      kind: 'reference',
      from: 'console',
      reference: { appId: 'dabc', region: 'eu-west-1' },
    });
    expect(readPastedText('/apps/a/environments/e/jobs/j')).toEqual({
      kind: 'reference',
      from: 'link',
      reference: { appId: 'a', envName: 'e', jobId: 'j' },
    });
    expect(readPastedText('{"AppId":"a","JobId":"j"}')).toEqual({
      kind: 'reference',
      from: 'json',
      reference: { appId: 'a', jobId: 'j' },
    });
  });

  it.each([
    ['JSON cut off part way', '{\n    "AppId": "d2k9xq7v1ab3cd",\n    "BackendEnvironmentName": "stag'],
    ['the middle of the JSON', '"BackendEnvironmentName": "staging",\n    "JobId": "7f3c"'],
    ['the end of the JSON', '"JobId": "7f3c9e2a"\n}'],
  ])('recognises %s as broken JSON', (_label, text) => {
    expect(readPastedText(text)).toEqual({ kind: 'broken-json' });
  });

  it.each([
    ['an ID', 'd2k9xq7v1ab3cd'],
    ['a sentence', 'the job is d2k9xq7v1ab3cd / staging'],
    ['whole JSON that names nothing', '{"Status":"RUNNING"}'],
  ])('leaves %s alone', (_label, text) => {
    expect(readPastedText(text)).toBeNull();
  });
});
