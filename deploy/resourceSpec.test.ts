// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Template } from '../tools/cloudformation';
import { checkAgainstResourceSpec } from '../tools/resourceSpec';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Template;

describe('the templates against the CloudFormation resource specification', () => {
  for (const path of ['./dashboard-auth.json', './hosting/s3-cloudfront.json']) {
    it(`${path}: every type, property (at every depth), required property and attribute exists`, () => {
      expect(checkAgainstResourceSpec(read(path))).toEqual([]);
      // Reading the compressed specification takes seconds on a busy machine.
    }, 60_000);
  }

  it('catches a misspelt property, a wrong kind of value, a missing required property and an unknown attribute', () => {
    const template: Template = {
      Resources: {
        Client: {
          Type: 'AWS::Cognito::UserPoolClient',
          Properties: { GenerateSecrets: false, ExplicitAuthFlows: 'ALLOW_USER_SRP_AUTH' },
        },
        Policy: {
          Type: 'AWS::CloudFront::ResponseHeadersPolicy',
          Properties: {
            ResponseHeadersPolicyConfig: {
              Name: 'x',
              SecurityHeadersConfig: {
                StrictTransportSecurity: { AccessControlMaxAgeSec: 1, IncludeSubDomains: true, Override: true },
              },
            },
          },
        },
        Pool: {
          Type: 'AWS::Cognito::IdentityPool',
          Properties: {
            AllowUnauthenticatedIdentities: { 'Fn::If': ['C', 'yes', false] },
            X: { 'Fn::GetAtt': ['Client', 'Secret'] },
          },
        },
        Nope: { Type: 'AWS::Cognito::Nothing' },
      },
    };
    const problems = checkAgainstResourceSpec(template).join('\n');
    expect(problems).toMatch(/Client\.GenerateSecrets: no such property/);
    expect(problems).toMatch(/Client: missing the required UserPoolId/);
    expect(problems).toMatch(/Client\.ExplicitAuthFlows: expected a list/);
    expect(problems).toMatch(/StrictTransportSecurity\.IncludeSubDomains: no such property/);
    expect(problems).toMatch(/Pool\.AllowUnauthenticatedIdentities: expected true or false/);
    expect(problems).toMatch(/Pool\.X: no such property/);
    expect(problems).toMatch(/Fn::GetAtt Client\.Secret: AWS::Cognito::UserPoolClient has no such attribute/);
    expect(problems).toMatch(/Nope: no resource type AWS::Cognito::Nothing/);
  });
});
