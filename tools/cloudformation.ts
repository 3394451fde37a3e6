/**
 * Just enough of CloudFormation to check this folder's templates without an AWS account: parameter
 * defaults and overrides, conditions, and the intrinsic functions the templates use, evaluated the
 * way CloudFormation does. A resource's `Ref` or `Fn::GetAtt` (known only once deployed) evaluates to a
 * token such as `{Ref:IdentityPool}` that tests compare against.
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface Template {
  AWSTemplateFormatVersion?: string;
  Description?: string;
  Parameters?: Record<
    string,
    {
      Type: string;
      Default?: string | number;
      AllowedValues?: string[];
      AllowedPattern?: string;
      MinValue?: number;
      MaxValue?: number;
      Description?: string;
    }
  >;
  Conditions?: Record<string, Json>;
  Rules?: Record<string, Json>;
  Resources: Record<
    string,
    {
      Type: string;
      Condition?: string;
      Properties?: Record<string, Json>;
      DependsOn?: string | string[];
      [key: string]: Json | undefined;
    }
  >;
  Outputs?: Record<string, { Value: Json; Condition?: string; Description?: string }>;
}

export interface StackContext {
  region?: string;
  accountId?: string;
  partition?: string;
  stackName?: string;
  /** Parameter values as `aws cloudformation deploy --parameter-overrides` would give them (lists comma-separated). */
  parameters?: Record<string, string>;
}

export interface EvaluatedStack {
  parameters: Record<string, string | string[]>;
  conditions: Record<string, boolean>;
  /** The resources whose condition holds, with every intrinsic function evaluated. */
  resources: Record<string, { Type: string; Properties: Record<string, unknown>; [key: string]: unknown }>;
  /** The outputs whose condition holds: name → value. */
  outputs: Record<string, unknown>;
}

const NO_VALUE = Symbol('AWS::NoValue');

export const ref = (logicalId: string) => `{Ref:${logicalId}}`;
export const getAtt = (logicalId: string, attribute: string) => `{GetAtt:${logicalId}.${attribute}}`;

/** Every parameter value, checked against its type, allowed values and pattern like CloudFormation does. */
function parameterValues(template: Template, given: Record<string, string>): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const name of Object.keys(given)) {
    if (!template.Parameters?.[name]) throw new Error(`Parameters: '${name}' do not exist in the template`);
  }
  for (const [name, spec] of Object.entries(template.Parameters ?? {})) {
    const raw = given[name] ?? (spec.Default === undefined ? undefined : String(spec.Default));
    if (raw === undefined) throw new Error(`Parameters: [${name}] must have values`);
    if (spec.Type === 'Number') {
      const number = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(number)) throw new Error(`Parameter '${name}' must be a number`);
      if ((spec.MinValue !== undefined && number < spec.MinValue) || (spec.MaxValue !== undefined && number > spec.MaxValue))
        throw new Error(`Parameter '${name}' must be from ${spec.MinValue} to ${spec.MaxValue}`);
    }
    const list = spec.Type === 'CommaDelimitedList' ? raw.split(',').map((item) => item.trim()) : [raw];
    for (const item of list) {
      if (spec.AllowedValues && !spec.AllowedValues.includes(item))
        throw new Error(`Parameter '${name}' must be one of AllowedValues`);
      if (spec.AllowedPattern && !new RegExp(`^(?:${spec.AllowedPattern})$`).test(item)) {
        throw new Error(`Parameter '${name}' failed to satisfy constraint: ${item} does not match ${spec.AllowedPattern}`);
      }
    }
    values[name] = spec.Type === 'CommaDelimitedList' ? list : raw;
  }
  return values;
}

export function evaluateStack(template: Template, context: StackContext = {}): EvaluatedStack {
  const region = context.region ?? 'eu-west-1';
  const pseudo: Record<string, string> = {
    'AWS::Region': region,
    'AWS::AccountId': context.accountId ?? '123456789012',
    'AWS::Partition': context.partition ?? 'aws',
    'AWS::StackName': context.stackName ?? 'job-watch',
    'AWS::URLSuffix': 'amazonaws.com',
  };
  const parameters = parameterValues(template, context.parameters ?? {});
  const conditions: Record<string, boolean> = {};
  const evaluating = new Set<string>();

  function condition(name: string): boolean {
    if (name in conditions) return conditions[name] as boolean;
    const definition = template.Conditions?.[name];
    if (definition === undefined) throw new Error(`Unresolved condition ${name}`);
    if (evaluating.has(name)) throw new Error(`Circular condition ${name}`);
    evaluating.add(name);
    const value = evaluate(definition);
    if (typeof value !== 'boolean') throw new Error(`Condition ${name} is not a boolean`);
    conditions[name] = value;
    return value;
  }

  function refValue(name: string): unknown {
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (name in pseudo) return pseudo[name];
    if (name in parameters) return parameters[name];
    const resource = template.Resources[name];
    if (!resource) throw new Error(`Unresolved Ref ${name}`);
    if (resource.Condition && !condition(resource.Condition)) throw new Error(`Ref to ${name}, which is not created`);
    return ref(name);
  }

  function sub(text: string, variables: Record<string, unknown>): string {
    return text.replace(/\$\{(!?)([^}]+)\}/g, (whole, literal: string, name: string) => {
      if (literal) return `\${${name}}`;
      if (name in variables) return String(variables[name]);
      if (name.includes('.') && !name.startsWith('AWS::')) {
        const [logicalId = '', attribute = ''] = name.split(/\.(.*)/s);
        if (!template.Resources[logicalId]) throw new Error(`Unresolved GetAtt in Sub: ${whole}`);
        return getAtt(logicalId, attribute);
      }
      const value = refValue(name);
      if (Array.isArray(value)) throw new Error(`Sub cannot use the list ${name}`);
      return String(value);
    });
  }

  function evaluate(node: Json): unknown {
    if (Array.isArray(node)) return node.map(evaluate).filter((item) => item !== NO_VALUE);
    if (node === null || typeof node !== 'object') return node;
    const keys = Object.keys(node);
    if (keys.length === 1) {
      const key = keys[0] as string;
      const arg = node[key] as Json;
      switch (key) {
        case 'Ref':
          return refValue(arg as string);
        case 'Condition':
          return condition(arg as string);
        case 'Fn::GetAtt': {
          const [logicalId, attribute] = Array.isArray(arg) ? (arg as string[]) : (arg as string).split(/\.(.*)/s);
          const resource = template.Resources[logicalId ?? ''];
          if (!resource) throw new Error(`Unresolved GetAtt ${logicalId}`);
          if (resource.Condition && !condition(resource.Condition))
            throw new Error(`GetAtt on ${logicalId}, which is not created`);
          return getAtt(logicalId as string, attribute as string);
        }
        case 'Fn::Sub': {
          if (typeof arg === 'string') return sub(arg, {});
          const [text, variables] = arg as [string, Record<string, Json>];
          const values: Record<string, unknown> = {};
          for (const [name, value] of Object.entries(variables)) values[name] = evaluate(value);
          return sub(text, values);
        }
        case 'Fn::Join': {
          const [delimiter, list] = arg as [string, Json];
          if (typeof delimiter !== 'string') throw new Error('Fn::Join takes a literal delimiter');
          return (evaluate(list) as unknown[]).join(delimiter);
        }
        case 'Fn::Split': {
          const [delimiter, text] = arg as [string, Json];
          return String(evaluate(text)).split(delimiter);
        }
        case 'Fn::Select': {
          const [index, list] = arg as [Json, Json];
          const items = evaluate(list) as unknown[];
          const at = Number(evaluate(index));
          if (!(at >= 0 && at < items.length)) throw new Error(`Fn::Select index ${at} out of range`);
          return items[at];
        }
        case 'Fn::If': {
          const [name, whenTrue, whenFalse] = arg as [string, Json, Json];
          return condition(name) ? evaluate(whenTrue) : evaluate(whenFalse);
        }
        case 'Fn::Equals': {
          const [a, b] = (arg as Json[]).map(evaluate);
          return JSON.stringify(a) === JSON.stringify(b);
        }
        case 'Fn::Contains': {
          const [list, item] = arg as [Json, Json];
          return (evaluate(list) as unknown[]).some((member) => JSON.stringify(member) === JSON.stringify(evaluate(item)));
        }
        case 'Fn::EachMemberEquals': {
          const [list, item] = arg as [Json, Json];
          return (evaluate(list) as unknown[]).every((member) => JSON.stringify(member) === JSON.stringify(evaluate(item)));
        }
        case 'Fn::Not':
          return !(evaluate((arg as Json[])[0] as Json) as boolean);
        case 'Fn::And':
          return (arg as Json[]).every((item) => evaluate(item) === true);
        case 'Fn::Or':
          return (arg as Json[]).some((item) => evaluate(item) === true);
        default:
          if (key.startsWith('Fn::')) throw new Error(`${key} is not evaluated here`);
      }
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      const evaluated = evaluate(value);
      if (evaluated !== NO_VALUE) out[key] = evaluated;
    }
    return out;
  }

  for (const name of Object.keys(template.Conditions ?? {})) condition(name);
  for (const [name, rule] of Object.entries(template.Rules ?? {})) {
    const { RuleCondition, Assertions = [] } = rule as {
      RuleCondition?: Json;
      Assertions?: { Assert: Json; AssertDescription?: string }[];
    };
    if (RuleCondition !== undefined && evaluate(RuleCondition) !== true) continue;
    for (const assertion of Assertions) {
      if (evaluate(assertion.Assert) !== true)
        throw new Error(`Rule ${name}: ${assertion.AssertDescription ?? 'assertion failed'}`);
    }
  }

  const resources: EvaluatedStack['resources'] = {};
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    if (resource.Condition && !condition(resource.Condition)) continue;
    const { Properties = {}, ...rest } = resource;
    resources[logicalId] = { ...rest, Properties: evaluate(Properties) as Record<string, unknown> };
  }
  for (const [logicalId, resource] of Object.entries(resources)) {
    for (const dependency of ([] as string[]).concat((resource.DependsOn as string | string[] | undefined) ?? [])) {
      if (!resources[dependency]) throw new Error(`${logicalId} depends on ${dependency}, which is not created`);
    }
  }

  const outputs: Record<string, unknown> = {};
  for (const [name, output] of Object.entries(template.Outputs ?? {})) {
    if (output.Condition && !condition(output.Condition)) continue;
    outputs[name] = evaluate(output.Value);
  }
  return { parameters, conditions, resources, outputs };
}

/** `aws cloudformation describe-stacks --query 'Stacks[0].Outputs'` for an evaluated stack (every value a string). */
export function describeStackOutputs(stack: EvaluatedStack): { OutputKey: string; OutputValue: string }[] {
  return Object.entries(stack.outputs).map(([OutputKey, value]) => ({ OutputKey, OutputValue: String(value) }));
}
