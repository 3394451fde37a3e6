// @vitest-environment node
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromStackOutputs } from '../../scripts/config';
import { createAmplifyHostingClient } from '../../src/shared/aws/amplifyHosting';
import { isAwsError } from '../../src/shared/aws/awsError';
import { createClockOffset } from '../../src/shared/aws/clockOffset';
import { createSignedFetch } from '../../src/shared/aws/signedFetch';
import { loadConfig } from '../../src/shared/config/loadConfig';
import { AMPLIFY_BACKEND_REGIONS } from '../../src/shared/config/regions';
import { evaluateStack, getAtt, ref, type EvaluatedStack, type Template } from '../../tools/cloudformation';
import {
  behaviourFor,
  distributionConfig,
  responseHeadersOf,
  runViewerRequestFunction,
  startCloudFrontEmulator,
  viewerResponseHeaders,
  type CloudFrontEmulator,
} from '../../tools/cloudFrontEmulator';
import { dashboardClient, guestCredentials } from '../../tools/dashboardClient';
import { publicFiles } from '../../tools/publicFiles';
import { startSimulator, type Simulator } from '../../tools/simulator';
import { contentSecurityPolicy, securityHeaders } from '../securityHeaders';
import { CLOUDFRONT_FUNCTION_MAX_BYTES, cspFunctionCode } from './s3CloudFront';

const template = JSON.parse(await readFile(new URL('./s3-cloudfront.json', import.meta.url), 'utf8')) as Template;
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';
const IMMUTABLE = 'public, max-age=31536000, immutable';

const plain = evaluateStack(template, { region: 'eu-west-1', accountId: '111122223333' });
const proxied = evaluateStack(template, {
  region: 'eu-west-1',
  accountId: '111122223333',
  parameters: { ProxyRegion: 'us-east-1' },
});

function spaRoute(stack: EvaluatedStack, uri: string): string {
  const fn = behaviourFor(distributionConfig(stack), uri).FunctionAssociations?.find(
    (association) => association.EventType === 'viewer-request',
  )?.FunctionARN;
  if (!fn) return uri;
  const result = runViewerRequestFunction(stack, fn, { method: 'GET', uri });
  return 'request' in result ? result.request.uri : `(refused ${result.response.statusCode})`;
}

describe('deploy/hosting/s3-cloudfront.json', () => {
  describe('the bucket', () => {
    it('is private and readable only by this distribution through origin access control', () => {
      expect(plain.resources.SiteBucket?.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      const policy = plain.resources.SiteBucketPolicy?.Properties.PolicyDocument as { Statement: unknown[] };
      expect(policy.Statement).toEqual([
        {
          Sid: 'CloudFrontReadsTheSite',
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: 's3:GetObject',
          Resource: `${getAtt('SiteBucket', 'Arn')}/*`,
          Condition: {
            StringEquals: { 'AWS:SourceArn': `arn:aws:cloudfront::111122223333:distribution/${ref('Distribution')}` },
          },
        },
        {
          Sid: 'MissingFilesAre404NotAccessDenied',
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: 's3:ListBucket',
          Resource: getAtt('SiteBucket', 'Arn'),
          Condition: {
            StringEquals: { 'AWS:SourceArn': `arn:aws:cloudfront::111122223333:distribution/${ref('Distribution')}` },
          },
        },
      ]);
      const [site] = distributionConfig(plain).Origins;
      expect(site).toMatchObject({
        Id: 'site',
        DomainName: getAtt('SiteBucket', 'RegionalDomainName'),
        OriginAccessControlId: getAtt('SiteOriginAccessControl', 'Id'),
      });
      expect(plain.resources.SiteOriginAccessControl?.Properties.OriginAccessControlConfig).toMatchObject({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
      });
    });
  });

  describe('SPA fallback', () => {
    it('serves index.html for / and client routes at the edge only: no custom error responses, which would answer a missing chunk with index.html', () => {
      for (const stack of [plain, proxied]) {
        const config = distributionConfig(stack);
        expect(config.DefaultRootObject).toBe('index.html');
        expect(config.CustomErrorResponses).toBeUndefined();
      }
    });

    it('rewrites client-side routes to /index.html at the edge and leaves the build’s files alone', async () => {
      for (const route of [
        '/',
        '/apps/d2k9/environments/staging/jobs/7f3c9e2a-5b1d-4c8e-9a6f-2d4b8c1e0f37',
        '/apps/d2k9/environments/staging/jobs',
        '/anything/else',
        '/apps/a/environments/prod.v2/jobs/x',
      ]) {
        expect(spaRoute(plain, route), route).toBe('/index.html');
      }
      const servedFiles = await publicFiles();
      for (const file of [
        ...servedFiles,
        '/config.json',
        '/index.html',
        '/assets/index-Ab12_x.js',
        '/assets/index-Ab12_x.css',
        '/assets/index-Ab12_x.js.map',
      ]) {
        expect(spaRoute(plain, file), file).toBe(file);
      }
    });
  });

  describe('caching', () => {
    it('caches /assets/* for a year (immutable) and never caches index.html, client routes or config.json', () => {
      const config = distributionConfig(plain);
      const assets = behaviourFor(config, '/assets/index-Ab12.js');
      expect(assets).toMatchObject({ PathPattern: '/assets/*', CachePolicyId: CACHING_OPTIMIZED });
      expect(viewerResponseHeaders(plain, assets, 200, {}, '/assets/index-Ab12.js')['cache-control']).toBe(IMMUTABLE);
      // A chunk's 404 (mid-deployment) must not be kept by the browser for a year.
      expect(viewerResponseHeaders(plain, assets, 404, {}, '/assets/index-Zz99.js')['cache-control']).toBe('no-cache');
      for (const path of ['/config.json', '/index.html', '/', '/apps/a/environments/b/jobs/c']) {
        const behaviour = behaviourFor(config, path) as { CachePolicyId?: string; ResponseHeadersPolicyId?: string };
        expect(behaviour.CachePolicyId, path).toBe(CACHING_DISABLED);
        expect(responseHeadersOf(plain, behaviour.ResponseHeadersPolicyId as string)['Cache-Control'], path).toBe('no-cache');
      }
    });
  });

  describe('security headers', () => {
    const connectSrc = (policy: string | undefined) =>
      policy?.split('; ').find((directive) => directive.startsWith('connect-src '));
    for (const [extra, hostedUi] of [
      ['', ''],
      ['https://proxy.example.com http://127.0.0.1:4010', ''],
      ['', 'job-watch.auth.eu-west-1.amazoncognito.com'],
      ['https://proxy.example.com', 'auth.example.com'],
    ] as const) {
      it(`equal deploy/securityHeaders.ts on every behaviour, the proxy’s included, with the meta policy’s very connect-src list (CspConnectExtra "${extra}", HostedUiDomain "${hostedUi}")`, () => {
        const stack = evaluateStack(template, {
          parameters: { CspConnectExtra: extra, HostedUiDomain: hostedUi, ProxyRegion: 'eu-west-1' },
        });
        const connect = { connectExtra: extra, hostedUiDomain: hostedUi || undefined };
        const config = distributionConfig(stack);
        for (const behaviour of [config.DefaultCacheBehavior, ...(config.CacheBehaviors ?? [])]) {
          const where = behaviour.PathPattern ?? 'default';
          expect(behaviour.ResponseHeadersPolicyId, where).toBeDefined();
          const { 'cache-control': _cache, ...headers } = viewerResponseHeaders(stack, behaviour, 200);
          const expected = Object.fromEntries(
            Object.entries(securityHeaders(connect)).map(([name, value]) => [name.toLowerCase(), value]),
          );
          expect(headers, where).toEqual(expected);
          expect(connectSrc(headers['content-security-policy']), where).toBe(connectSrc(contentSecurityPolicy(connect)));
          expect(headers['content-security-policy']).not.toContain('*');
          expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
        }
      });
    }

    it('the CSP is set by a viewer-response CloudFront Function generated from deploy/securityHeaders.ts (a headers policy caps it at 1783 characters)', () => {
      expect(contentSecurityPolicy('', true).length).toBeGreaterThan(1783);
      const code = (template.Resources.ContentSecurityPolicyHeader?.Properties?.FunctionCode as { 'Fn::Sub': [string, unknown] })[
        'Fn::Sub'
      ][0];
      expect(code).toBe(cspFunctionCode());
      expect(Buffer.byteLength(code) + 200).toBeLessThan(CLOUDFRONT_FUNCTION_MAX_BYTES);
      for (const name of ['PageHeaders', 'AssetHeaders', 'ProxyHeaders']) {
        const config = proxied.resources[name]?.Properties.ResponseHeadersPolicyConfig as {
          SecurityHeadersConfig: Record<string, unknown>;
        };
        expect(config.SecurityHeadersConfig.ContentSecurityPolicy, name).toBeUndefined();
      }
    });

    it('the proxied AmplifyBackend answers are never stored by the browser', () => {
      const behaviour = behaviourFor(distributionConfig(proxied), '/amplifybackend/backend/a/job/b/c');
      expect(responseHeadersOf(proxied, behaviour.ResponseHeadersPolicyId as string)['Cache-Control']).toBe('no-store');
    });

    it('refuse a HostedUiDomain that is not a host name', () => {
      for (const HostedUiDomain of ['https://auth.example.com', "a.example.com; script-src 'unsafe-inline'", 'a b.example.com']) {
        expect(() => evaluateStack(template, { parameters: { HostedUiDomain } }), HostedUiDomain).toThrow(/HostedUiDomain/);
      }
    });

    it('refuse CspConnectExtra that is not a list of origins', () => {
      expect(() =>
        evaluateStack(template, { parameters: { CspConnectExtra: "https://a.example.com; script-src 'unsafe-inline'" } }),
      ).toThrow(/CspConnectExtra/);
    });
  });

  describe('the same-origin proxy', () => {
    it('is off by default', () => {
      const config = distributionConfig(plain);
      expect(config.Origins.map((origin) => origin.Id)).toEqual(['site']);
      expect(config.CacheBehaviors?.map((behaviour) => behaviour.PathPattern)).toEqual(['/assets/*', '/config.json']);
      expect(plain.resources.ProxyPath).toBeUndefined();
      expect(plain.resources.AmplifyProxyPath).toBeUndefined();
      expect(Object.keys(plain.outputs).sort()).toEqual(['BucketName', 'DashboardUrl', 'DistributionId']);
    });

    it('offers exactly the regions where AmplifyBackend runs', () => {
      expect(template.Parameters?.ProxyRegion?.AllowedValues).toEqual(['', ...AMPLIFY_BACKEND_REGIONS]);
    });

    it('forwards /amplifybackend/* uncached to amplifybackend.<region>.amazonaws.com with every viewer header but Host', () => {
      const config = distributionConfig(proxied);
      expect(config.Origins[1]).toEqual({
        Id: 'amplifybackend',
        DomainName: 'amplifybackend.us-east-1.amazonaws.com',
        CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'], HTTPSPort: 443 },
      });
      const behaviour = behaviourFor(config, '/amplifybackend/backend/app/job/env/id') as Record<string, unknown>;
      expect(behaviour).toMatchObject({
        PathPattern: '/amplifybackend/*',
        TargetOriginId: 'amplifybackend',
        CachePolicyId: CACHING_DISABLED,
        OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
      });
      expect(behaviour.AllowedMethods).toContain('POST');
    });

    it('forwards /amplify/* (Amplify Hosting) uncached to amplify.<region>.amazonaws.com the same way, GET only', () => {
      const config = distributionConfig(proxied);
      expect(config.Origins.map((origin) => origin.Id)).toEqual(['site', 'amplifybackend', 'amplify']);
      expect(config.Origins[2]).toEqual({
        Id: 'amplify',
        DomainName: 'amplify.us-east-1.amazonaws.com',
        CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'], HTTPSPort: 443 },
      });
      const backend = behaviourFor(config, '/amplifybackend/backend/app/job/env/id') as Record<string, unknown>;
      const hosting = behaviourFor(config, '/amplify/apps/d2k9/branches/feature%2Flogin/jobs/12') as Record<string, unknown>;
      expect(hosting).toMatchObject({
        PathPattern: '/amplify/*',
        TargetOriginId: 'amplify',
        ViewerProtocolPolicy: 'https-only',
        CachePolicyId: CACHING_DISABLED,
        OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
        ResponseHeadersPolicyId: backend.ResponseHeadersPolicyId,
        Compress: false,
      });
      expect(hosting.AllowedMethods).toEqual(['GET', 'HEAD']);
      // "/amplify/*" does not swallow the AmplifyBackend route, nor the other way round.
      expect(backend.PathPattern).toBe('/amplifybackend/*');
      expect(behaviourFor(config, '/amplifyx/apps/a').PathPattern).toBeUndefined();
    });

    it('lets GetJob and ListJobs through to Amplify Hosting, prefix stripped, and refuses every other call', () => {
      const fn = behaviourFor(distributionConfig(proxied), '/amplify/x').FunctionAssociations?.find(
        (association) => association.EventType === 'viewer-request',
      )?.FunctionARN as string;
      expect(fn).toBe(getAtt('AmplifyProxyPath', 'FunctionARN'));
      const run = (method: string, uri: string) => runViewerRequestFunction(proxied, fn, { method, uri });
      expect(run('GET', '/amplify/apps/d2k9/branches/feature%2Flogin/jobs/12')).toMatchObject({
        request: { uri: '/apps/d2k9/branches/feature%2Flogin/jobs/12' },
      });
      expect(run('GET', '/amplify/apps/d2k9/branches/main/jobs')).toMatchObject({
        request: { uri: '/apps/d2k9/branches/main/jobs' },
      });
      for (const [method, uri] of [
        ['POST', '/amplify/apps/d2k9/branches/main/jobs'],
        ['DELETE', '/amplify/apps/d2k9/branches/main/jobs/12'],
        ['POST', '/amplify/apps/d2k9/branches/main/jobs/12/stop'],
        ['GET', '/amplify/apps/d2k9/branches/main/jobs/12/extra'],
        ['GET', '/amplify/apps/d2k9/branches/main'],
        ['GET', '/amplify/apps/d2k9/branches'],
        ['GET', '/amplify/apps/d2k9'],
        ['GET', '/amplify/apps'],
        ['GET', '/amplify/apps/d2k9/branches/feature/login/jobs/12'],
        ['GET', '/amplify/backend/d2k9/job/staging/7f3c'],
        ['GET', '/amplifyx/apps/d2k9/branches/main/jobs/12'],
      ] as const) {
        expect(run(method, uri), `${method} ${uri}`).toEqual({ response: { statusCode: 403, statusDescription: 'Forbidden' } });
      }
    });

    it('has no custom error responses, which would turn AWS’s 403 and 404 into index.html', () => {
      expect(distributionConfig(proxied).CustomErrorResponses).toBeUndefined();
      expect(spaRoute(proxied, '/apps/a/environments/b/jobs/c')).toBe('/index.html');
    });

    it('strips the prefix for the two job calls only', () => {
      const fn = behaviourFor(distributionConfig(proxied), '/amplifybackend/x').FunctionAssociations?.[0]?.FunctionARN as string;
      const run = (method: string, uri: string) => runViewerRequestFunction(proxied, fn, { method, uri });
      expect(run('GET', '/amplifybackend/backend/d2k9/job/staging/7f3c%2F9e')).toMatchObject({
        request: { uri: '/backend/d2k9/job/staging/7f3c%2F9e' },
      });
      expect(run('POST', '/amplifybackend/backend/d2k9/job/staging')).toMatchObject({
        request: { uri: '/backend/d2k9/job/staging' },
      });
      for (const [method, uri] of [
        ['POST', '/amplifybackend/backend/d2k9/job/staging/7f3c'],
        ['GET', '/amplifybackend/backend/d2k9/details'],
        ['DELETE', '/amplifybackend/backend/d2k9/job/staging/7f3c'],
        ['GET', '/amplifybackend/backend/d2k9/job/staging/7f3c/extra'],
        ['GET', '/amplifybackendx/backend/d2k9/job/staging/7f3c'],
      ] as const) {
        expect(run(method, uri), `${method} ${uri}`).toEqual({ response: { statusCode: 403, statusDescription: 'Forbidden' } });
      }
    });

    it('gives outputs that npm run config turns into amplifyBackendEndpoint, signingHost, amplifyEndpoint and amplifySigningHost', () => {
      expect(proxied.outputs).toMatchObject({
        amplifyBackendEndpoint: `https://${getAtt('Distribution', 'DomainName')}/amplifybackend`,
        signingHost: 'amplifybackend.us-east-1.amazonaws.com',
        amplifyEndpoint: `https://${getAtt('Distribution', 'DomainName')}/amplify`,
        amplifySigningHost: 'amplify.us-east-1.amazonaws.com',
      });
      const build = configFromStackOutputs([
        { region: 'us-east-1', identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000000' },
        {
          ...(proxied.outputs as Record<string, string>),
          amplifyBackendEndpoint: 'https://d111111abcdef8.cloudfront.net/amplifybackend',
          amplifyEndpoint: 'https://d111111abcdef8.cloudfront.net/amplify',
          DashboardUrl: 'https://d111111abcdef8.cloudfront.net/',
        },
      ]);
      expect(build).toMatchObject({ ok: true, ignoredOutputs: ['DashboardUrl', 'BucketName', 'DistributionId'] });
      expect(build.ok && build.config).toMatchObject({
        amplifyEndpoint: 'https://d111111abcdef8.cloudfront.net/amplify',
        amplifySigningHost: 'amplify.us-east-1.amazonaws.com',
      });
    });
  });

  describe('emulated end to end (the template’s own behaviours, functions and headers; the simulated AWS as origin)', () => {
    let sim: Simulator;
    let siteDir: string;
    let withProxy: CloudFrontEmulator;
    let withoutProxy: CloudFrontEmulator;
    const SIGNING_HOST = 'amplifybackend.us-east-1.amazonaws.com';

    beforeAll(async () => {
      sim = await startSimulator();
      siteDir = await mkdtemp(join(tmpdir(), 'job-watch-site-'));
      await mkdir(join(siteDir, 'assets'));
      await writeFile(join(siteDir, 'index.html'), '<!doctype html><title>Amplify Job Watch</title>');
      await writeFile(join(siteDir, 'assets/index-Ab12.js'), 'console.log(1)');
      withProxy = await startCloudFrontEmulator({
        stack: proxied,
        siteDir,
        connectTo: { amplifybackend: sim.origin, amplify: sim.origin },
        extraObjects: { 'config.json': '{}' },
      });
      withoutProxy = await startCloudFrontEmulator({ stack: plain, siteDir });
    });
    afterAll(async () => {
      await Promise.all([withProxy?.close(), withoutProxy?.close(), sim?.close()]);
      await rm(siteDir, { recursive: true, force: true });
    });

    it('serves a deep link as index.html with the CSP and no-cache, and assets as immutable', async () => {
      const page = await fetch(`${withProxy.origin}/apps/d2k9/environments/staging/jobs/7f3c`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Amplify Job Watch');
      expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy('', true));
      expect(page.headers.get('cache-control')).toBe('no-cache');
      const asset = await fetch(`${withProxy.origin}/assets/index-Ab12.js`);
      expect(asset.headers.get('cache-control')).toBe(IMMUTABLE);
      expect((await fetch(`${withProxy.origin}/config.json`)).headers.get('cache-control')).toBe('no-cache');
    });

    it('answers a chunk not uploaded yet (a deploy in progress) with the bucket’s 404, never index.html, with or without the proxy', async () => {
      for (const edge of [withoutProxy, withProxy]) {
        for (const path of ['/assets/JobPage-Zz99.js', '/assets/index-Zz99.css', '/missing.png']) {
          const answer = await fetch(`${edge.origin}${path}`);
          expect(answer.status, path).toBe(404);
          expect(answer.headers.get('content-type'), path).not.toContain('text/html');
          expect(answer.headers.get('cache-control'), path).toBe('no-cache');
          expect(await answer.text(), path).not.toContain('Amplify Job Watch');
        }
        const route = await fetch(`${edge.origin}/apps/d2k9/environments/staging/jobs/7f3c`);
        expect([route.status, route.headers.get('content-type')]).toEqual([200, 'text/html']);
      }
    });

    it('without a config.json either way, the bucket answers 404 and the app starts the demo, as its rules say', async () => {
      const emptyProxied = await startCloudFrontEmulator({ stack: proxied, siteDir });
      try {
        for (const origin of [withoutProxy.origin, emptyProxied.origin]) {
          const result = await loadConfig((input, init) => fetch(new URL(input as string, origin), init));
          expect(result, origin).toMatchObject({ kind: 'ready', config: { demo: true } });
        }
        const served = await loadConfig((input, init) => fetch(new URL(input as string, withProxy.origin), init));
        // The distribution with a config.json ('{}' here) serves it, and the app reads it (and finds it wrong).
        expect(served).toMatchObject({ kind: 'invalid', problems: [{ field: 'region' }, { field: 'Auth' }] });
      } finally {
        await emptyProxied.close();
      }
    });

    it('carries a signed GetBackendJob and ListBackendJobs to AmplifyBackend, which verifies them for the signing host', async () => {
      sim.sim.jobs.put({
        region: 'us-east-1',
        appId: 'd2k9proxy',
        envName: 'staging',
        jobId: 'job-1',
        operation: 'CreateBackendAuth',
        steps: [{ status: 'RUNNING', atMs: 0 }],
      });
      const client = await dashboardClient(sim.origin, {
        amplifyBackendEndpoint: `${withProxy.origin}/amplifybackend`,
        signingHost: SIGNING_HOST,
      });
      const job = await client.getBackendJob({ region: 'us-east-1', appId: 'd2k9proxy', envName: 'staging', jobId: 'job-1' });
      expect(job).toMatchObject({ jobId: 'job-1', status: 'RUNNING' });
      const page = await client.listBackendJobs({ region: 'us-east-1', appId: 'd2k9proxy', envName: 'staging' }, {});
      expect(page.jobs.map((listed) => listed.jobId)).toEqual(['job-1']);
      const [forwarded] = withProxy.forwarded.filter((request) => request.method === 'GET');
      expect(forwarded).toMatchObject({ originId: 'amplifybackend', path: '/backend/d2k9proxy/job/staging/job-1' });
      expect(forwarded?.headers.host).toBe(SIGNING_HOST);
      expect(forwarded?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=ASIA/);
    });

    it('passes AWS’s own 404 through (not index.html) so the page can say the job does not exist', async () => {
      sim.sim.jobs.put({
        region: 'us-east-1',
        appId: 'd2k9proxy',
        envName: 'staging',
        jobId: 'job-2',
        steps: [{ status: 'RUNNING', atMs: 0 }],
      });
      const client = await dashboardClient(sim.origin, {
        amplifyBackendEndpoint: `${withProxy.origin}/amplifybackend`,
        signingHost: SIGNING_HOST,
      });
      const error = await client
        .getBackendJob({ region: 'us-east-1', appId: 'd2k9proxy', envName: 'staging', jobId: 'nope' })
        .catch((caught: unknown) => caught);
      expect(isAwsError(error) && error.kind).toBe('not-found');
    });

    it('carries GetJob and ListJobs (query string included) to Amplify Hosting with the viewer’s signature and the Amplify host', async () => {
      const headers = { authorization: 'AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20261204/us-east-1/amplify/aws4_request' };
      const job = await fetch(`${withProxy.origin}/amplify/apps/d2k9/branches/feature%2Flogin/jobs/12`, { headers });
      const list = await fetch(
        `${withProxy.origin}/amplify/apps/d2k9/branches/feature%2Flogin/jobs?maxResults=50&nextToken=a%2Bb`,
        {
          headers,
        },
      );
      const refused = await fetch(`${withProxy.origin}/amplify/apps/d2k9/branches/main/jobs/12`, { method: 'DELETE', headers });
      expect(refused.status).toBe(403);
      const toHosting = withProxy.forwarded.filter(
        (request) => request.originId === 'amplify' && request.path.startsWith('/apps/d2k9/'),
      );
      expect(toHosting.map((request) => [request.method, request.path])).toEqual([
        ['GET', '/apps/d2k9/branches/feature%2Flogin/jobs/12'],
        ['GET', '/apps/d2k9/branches/feature%2Flogin/jobs?maxResults=50&nextToken=a%2Bb'],
      ]);
      for (const request of toHosting) {
        expect(request.headers.host).toBe('amplify.us-east-1.amazonaws.com');
        expect(request.headers.authorization).toBe(headers.authorization);
      }
      // Whatever Amplify Hosting answers reaches the page uncached, never turned into index.html.
      for (const answer of [job, list]) {
        expect(answer.headers.get('cache-control')).toBe('no-store');
        expect(await answer.text()).not.toContain('Amplify Job Watch');
      }
    });

    it('carries the dashboard’s signed GetJob and ListJobs (a branch with a slash) to Amplify Hosting, which verifies them for amplifySigningHost', async () => {
      sim.sim.hostingJobs.put({
        region: 'us-east-1',
        appId: 'd2k9proxy',
        branchName: 'feature/login',
        jobId: '3',
        steps: [{ stepName: 'BUILD', timeline: [{ status: 'RUNNING', atMs: 0 }] }],
      });
      const hostingClient = async (amplifySigningHost: string) => {
        const credentials = await guestCredentials(sim.origin);
        const signedFetch = createSignedFetch({ credentials: () => Promise.resolve(credentials), clock: createClockOffset() });
        return createAmplifyHostingClient({ amplifyEndpoint: `${withProxy.origin}/amplify`, amplifySigningHost }, signedFetch);
      };
      const client = await hostingClient('amplify.us-east-1.amazonaws.com');
      const key = { kind: 'hosting' as const, region: 'us-east-1', appId: 'd2k9proxy', branchName: 'feature/login' };
      await expect(client.getJob({ ...key, jobId: '3' })).resolves.toMatchObject({ kind: 'hosting', jobId: '3' });
      const page = await client.listJobs(key, { maxResults: 50 });
      expect(page.jobs.map((job) => job.jobId)).toContain('3');
      expect(
        withProxy.forwarded
          .filter((request) => request.originId === 'amplify' && request.path.includes('d2k9proxy'))
          .map((r) => r.path),
      ).toEqual([
        '/apps/d2k9proxy/branches/feature%2Flogin/jobs/3',
        '/apps/d2k9proxy/branches/feature%2Flogin/jobs?maxResults=50',
      ]);

      const wrongHost = await hostingClient('amplify.us-west-2.amazonaws.com');
      const error = await wrongHost.getJob({ ...key, jobId: '3' }).catch((caught: unknown) => caught);
      expect(isAwsError(error) && [error.kind, error.status]).toEqual(['signature-mismatch', 403]);
    });

    it('gets a 403 signature mismatch when the page signs for another host', async () => {
      const client = await dashboardClient(sim.origin, {
        amplifyBackendEndpoint: `${withProxy.origin}/amplifybackend`,
        signingHost: 'amplifybackend.us-west-2.amazonaws.com',
      });
      const error = await client
        .getBackendJob({ region: 'us-east-1', appId: 'd2k9proxy', envName: 'staging', jobId: 'job-1' })
        .catch((caught: unknown) => caught);
      expect(isAwsError(error) && [error.kind, error.status]).toEqual(['signature-mismatch', 403]);
    });
  });
});
