import { CriticalityLevel, diff } from '@graphql-inspector/core';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isSpecifiedScalarType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';

const SCHEMA_DIR = path.resolve(import.meta.dirname, '../schema');
const load = (file: string) => buildSchema(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8'));
// graphql-inspector is CommonJS and checks schemas with instanceof: give it schemas built by the same copy of graphql.
const cjsGraphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const loadForDiff = (file: string) => cjsGraphql.buildSchema(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8'));

/** Every type, field, argument, input field and enum value without a description, by path. */
export function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const has = (d: string | null | undefined) => typeof d === 'string' && d.trim().length > 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    if (['Query', 'Mutation'].includes(type.name)) {
      // Root types are described by their fields.
    } else if (!has(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!has(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!has(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) if (!has(field.description)) missing.push(`${type.name}.${field.name}`);
    if (isEnumType(type)) for (const value of type.getValues()) if (!has(value.description)) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

interface IntendedChange {
  /** The path graphql-inspector gives the change, e.g. "Case.status". */
  path: string;
  /** Why the break is intended, and how clients were told. */
  reason: string;
}

describe('the client-facing schema (schema/api.graphql)', () => {
  it('describes every type, field, argument, input field and enum value', () => {
    expect(undescribed(load('api.graphql'))).toEqual([]);
  });

  it('has no breaking change against the released schema, except those listed as intended', async () => {
    const intended = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'intended-breaking-changes.json'), 'utf8')) as IntendedChange[];
    const changes = await diff(loadForDiff('released/api.graphql'), loadForDiff('api.graphql'));
    const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
    const unintended = breaking.filter((c) => !intended.some((i) => i.path === c.path)).map((c) => `${c.path}: ${c.message}`);
    expect(unintended, 'list intended breaks in schema/intended-breaking-changes.json, with a reason').toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('find a missing description', () => {
    const schema = buildSchema(`"""A thing."""\ntype Query { """Described."""\na(x: Int): Int\nb: String }\n"""Colours."""\nenum Colour { """Red."""\nRED\nBLUE }`);
    expect(undescribed(schema)).toEqual(['Query.a(x)', 'Query.b', 'Colour.BLUE']);
  });

  it('find a breaking change', async () => {
    const before = cjsGraphql.buildSchema('type Query { a: Int! b: String }');
    const after = cjsGraphql.buildSchema('type Query { a: String }');
    const breaking = (await diff(before, after)).filter((c) => c.criticality.level === CriticalityLevel.Breaking).map((c) => c.path);
    expect(breaking.sort()).toEqual(['Query.a', 'Query.b']);
  });
});
