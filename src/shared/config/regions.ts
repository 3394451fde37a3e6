/** Regions where the AmplifyBackend service has an endpoint. */
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
