/**
 * Regions where the AmplifyBackend service has an endpoint. Amplify Hosting (`amplify.<region>`) has an
 * endpoint in each of them as well (and in a few more, such as ap-east-1, which the dashboard does not
 * offer: one configured region serves both kinds of job).
 */
export const AMPLIFY_BACKEND_REGIONS = [
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'eu-central-1',
  'eu-north-1',
  'eu-south-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'me-south-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
] as const;

export type AmplifyBackendRegion = (typeof AMPLIFY_BACKEND_REGIONS)[number];

export function isAmplifyBackendRegion(value: string): value is AmplifyBackendRegion {
  return (AMPLIFY_BACKEND_REGIONS as readonly string[]).includes(value);
}

/** The AWS services the page calls: Cognito Identity, Cognito user pools, AmplifyBackend and Amplify Hosting. */
export const AWS_SERVICES = ['cognito-identity', 'cognito-idp', 'amplifybackend', 'amplify'] as const;
export type AwsService = (typeof AWS_SERVICES)[number];

/** `amplifybackend.eu-west-1.amazonaws.com`: a service's regional host. */
export function awsServiceHost(service: AwsService, region: AmplifyBackendRegion): string {
  return `${service}.${region}.amazonaws.com`;
}

/** Every host of those services in the supported regions: all the AWS the page may reach. */
export function awsServiceHosts(): string[] {
  return AWS_SERVICES.flatMap((service) => AMPLIFY_BACKEND_REGIONS.map((region) => awsServiceHost(service, region)));
}

/** True for `service`'s host in a supported region (any case). */
export function isAwsServiceHost(host: string, service: AwsService): boolean {
  const lower = host.toLowerCase();
  return AMPLIFY_BACKEND_REGIONS.some((region) => awsServiceHost(service, region) === lower);
}
