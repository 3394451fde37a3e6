/**
 * Checks a template's resources against the CloudFormation resource specification that the AWS CDK
 * generates its L1 constructs from (@aws-cdk/aws-service-spec): every resource type exists, every
 * property name exists at every depth with the right kind of value, required properties are there,
 * and every `Fn::GetAtt` names a real attribute. Values built by intrinsic functions are checked on
 * both branches of an `Fn::If` and otherwise skipped. This is what `aws cloudformation
 * validate-template` cannot do offline, and catches a misspelt property before a deploy does.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import type { Json, Template } from './cloudformation';

type SpecType =
  | { type: 'string' | 'integer' | 'number' | 'boolean' | 'json' | 'date-time' | 'null' }
  | { type: 'array' | 'map'; element: SpecType }
  | { type: 'ref'; reference: { $ref: string } }
  | { type: 'union'; types: SpecType[] }
  | { type: 'tag' };
type SpecProperty = { type: SpecType; required?: boolean; previousTypes?: SpecType[] };
type SpecResource = { cloudFormationType: string; properties: Record<string, SpecProperty>; attributes: Record<string, unknown> };
type SpecTypeDefinition = { $id: string; properties: Record<string, SpecProperty> };

interface Spec {
  resources: Map<string, SpecResource>;
  types: Map<string, SpecTypeDefinition>;
}

let spec: Spec | undefined;

function loadSpec(): Spec {
  if (spec) return spec;
  const path = createRequire(import.meta.url).resolve('@aws-cdk/aws-service-spec/db.json.gz');
  const db = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as {
    schema: {
      resource: { entities: SpecResource[] };
      typeDefinition: { entities: SpecTypeDefinition[] | Record<string, SpecTypeDefinition> };
    };
  };
  spec = {
    resources: new Map(db.schema.resource.entities.map((resource) => [resource.cloudFormationType, resource])),
    types: new Map(Object.values(db.schema.typeDefinition.entities).map((type) => [type.$id, type])),
  };
  return spec;
}

function isIntrinsic(value: Json): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && /^(Ref|Fn::|Condition$)/.test(keys[0] as string);
}

/** The literal values a node may take: both branches of Fn::If, nothing for AWS::NoValue. */
function branches(value: Json): Json[] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const ifArgs = (value as Record<string, Json>)['Fn::If'];
    if (Array.isArray(ifArgs)) return [...branches(ifArgs[1] as Json), ...branches(ifArgs[2] as Json)];
    if ((value as Record<string, Json>).Ref === 'AWS::NoValue') return [];
  }
  return [value];
}

function matches(type: SpecType, value: Json, path: string, problems: string[], s: Spec): void {
  for (const item of branches(value)) {
    if (isIntrinsic(item)) continue;
    switch (type.type) {
      case 'string':
      case 'date-time':
        if (typeof item !== 'string') problems.push(`${path}: expected a string`);
        break;
      case 'integer':
      case 'number':
        if (typeof item !== 'number') problems.push(`${path}: expected a number`);
        break;
      case 'boolean':
        if (typeof item !== 'boolean') problems.push(`${path}: expected true or false`);
        break;
      case 'array':
        if (!Array.isArray(item)) problems.push(`${path}: expected a list`);
        else item.forEach((element, index) => matches(type.element, element, `${path}[${index}]`, problems, s));
        break;
      case 'map':
        if (item === null || typeof item !== 'object' || Array.isArray(item)) problems.push(`${path}: expected a map`);
        else for (const [key, element] of Object.entries(item)) matches(type.element, element, `${path}.${key}`, problems, s);
        break;
      case 'ref': {
        const definition = s.types.get(type.reference.$ref);
        if (definition) properties(definition.properties, item, path, problems, s);
        break;
      }
      default:
        break; // json, union, tag: any shape
    }
  }
}

function properties(known: Record<string, SpecProperty>, value: Json, path: string, problems: string[], s: Spec): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${path}: expected an object`);
    return;
  }
  for (const [name, item] of Object.entries(value)) {
    const property = known[name];
    if (!property) {
      problems.push(`${path}.${name}: no such property (known: ${Object.keys(known).sort().join(', ')})`);
      continue;
    }
    const attempts: string[] = [];
    matches(property.type, item, `${path}.${name}`, attempts, s);
    // A property whose type changed over time accepts its earlier shape too.
    if (
      attempts.length > 0 &&
      property.previousTypes?.some((previous) => {
        const again: string[] = [];
        matches(previous, item, `${path}.${name}`, again, s);
        return again.length === 0;
      })
    )
      continue;
    problems.push(...attempts);
  }
  for (const [name, property] of Object.entries(known)) {
    if (property.required && !(name in value)) problems.push(`${path}: missing the required ${name}`);
  }
}

export function checkAgainstResourceSpec(template: Template): string[] {
  const s = loadSpec();
  const problems: string[] = [];
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    const definition = s.resources.get(resource.Type);
    if (!definition) {
      problems.push(`${logicalId}: no resource type ${resource.Type}`);
      continue;
    }
    properties(definition.properties, resource.Properties ?? {}, logicalId, problems, s);
  }
  const text = JSON.stringify(template);
  const attributes = [
    ...[...text.matchAll(/"Fn::GetAtt":\["(\w+)","([\w.]+)"\]/g)].map((match) => [match[1], match[2]]),
    ...[...text.matchAll(/\$\{(\w+)\.([\w.]+)\}/g)].map((match) => [match[1], match[2]]),
  ] as [string, string][];
  for (const [logicalId, attribute] of attributes) {
    const resource = template.Resources[logicalId];
    if (!resource) continue; // an AWS:: pseudo parameter or a Sub variable
    const definition = s.resources.get(resource.Type);
    if (definition && !(attribute in definition.attributes))
      problems.push(`Fn::GetAtt ${logicalId}.${attribute}: ${resource.Type} has no such attribute`);
  }
  return problems;
}
