// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { evaluateStack, getAtt, ref, type Template } from './cloudformation';

const template: Template = {
  Parameters: {
    Names: { Type: 'CommaDelimitedList', Default: 'a,b', AllowedPattern: '[a-z]+' },
    Flag: { Type: 'String', Default: 'off', AllowedValues: ['off', 'on'] },
  },
  Rules: {
    OnNeedsTwo: {
      RuleCondition: { 'Fn::Equals': [{ Ref: 'Flag' }, 'on'] },
      Assertions: [{ Assert: { 'Fn::Not': [{ 'Fn::Contains': [{ Ref: 'Names' }, 'z'] }] }, AssertDescription: 'no z when on' }],
    },
  },
  Conditions: { On: { 'Fn::Equals': [{ Ref: 'Flag' }, 'on'] } },
  Resources: {
    Thing: {
      Type: 'Test::Thing',
      Properties: {
        Name: { 'Fn::Sub': '${AWS::StackName}-${AWS::Region}-${!Literal}' },
        Joined: { 'Fn::Join': ['+', { Ref: 'Names' }] },
        Second: { 'Fn::Select': [1, { Ref: 'Names' }] },
        Maybe: { 'Fn::If': ['On', 'yes', { Ref: 'AWS::NoValue' }] },
        List: ['x', { 'Fn::If': ['On', 'y', { Ref: 'AWS::NoValue' }] }],
      },
    },
    Other: {
      Type: 'Test::Other',
      Condition: 'On',
      Properties: { Of: { 'Fn::GetAtt': ['Thing', 'Arn'] }, By: { 'Fn::Sub': '${Thing.Arn}/${Thing}' } },
    },
  },
  Outputs: { OtherId: { Condition: 'On', Value: { Ref: 'Other' } }, Names: { Value: { 'Fn::Join': [',', { Ref: 'Names' }] } } },
};

describe('the CloudFormation evaluator the template tests rely on', () => {
  it('evaluates parameters, pseudo parameters, Sub, Join, Select, If and NoValue', () => {
    const stack = evaluateStack(template, { stackName: 's', region: 'us-west-2' });
    expect(stack.resources.Thing?.Properties).toEqual({
      Name: 's-us-west-2-${Literal}',
      Joined: 'a+b',
      Second: 'b',
      List: ['x'],
    });
    expect(stack.resources.Other).toBeUndefined();
    expect(stack.outputs).toEqual({ Names: 'a,b' });
  });

  it('creates conditional resources and outputs when their condition holds', () => {
    const stack = evaluateStack(template, { parameters: { Flag: 'on' } });
    expect(stack.resources.Thing?.Properties).toMatchObject({ Maybe: 'yes', List: ['x', 'y'] });
    expect(stack.resources.Other?.Properties).toEqual({
      Of: getAtt('Thing', 'Arn'),
      By: `${getAtt('Thing', 'Arn')}/${ref('Thing')}`,
    });
    expect(stack.outputs.OtherId).toBe(ref('Other'));
  });

  it('refuses values outside AllowedValues / AllowedPattern (each list item), unknown parameters and failed rules', () => {
    expect(() => evaluateStack(template, { parameters: { Flag: 'maybe' } })).toThrow(/Flag/);
    expect(() => evaluateStack(template, { parameters: { Names: 'a,B' } })).toThrow(/Names/);
    expect(() => evaluateStack(template, { parameters: { Nope: 'x' } })).toThrow(/Nope/);
    expect(() => evaluateStack(template, { parameters: { Flag: 'on', Names: 'a,z' } })).toThrow(/no z when on/);
    expect(() => evaluateStack(template, { parameters: { Names: 'a,z' } })).not.toThrow();
  });

  it('fails on a Ref or GetAtt to nothing, or to a resource that is not created', () => {
    const broken = (properties: Record<string, never> | object): Template => ({
      Conditions: { Never: { 'Fn::Equals': ['a', 'b'] } },
      Resources: { A: { Type: 'T', Properties: properties as never }, B: { Type: 'T', Condition: 'Never' } },
    });
    expect(() => evaluateStack(broken({ X: { Ref: 'Missing' } }))).toThrow(/Missing/);
    expect(() => evaluateStack(broken({ X: { 'Fn::Sub': '${Missing}' } }))).toThrow(/Missing/);
    expect(() => evaluateStack(broken({ X: { 'Fn::GetAtt': ['B', 'Arn'] } }))).toThrow(/not created/);
    expect(() => evaluateStack(broken({ X: { 'Fn::If': ['Nope', 1, 2] } }))).toThrow(/Nope/);
    expect(() => evaluateStack(broken({ X: { 'Fn::Base64': 'x' } }))).toThrow(/Fn::Base64/);
  });
});
