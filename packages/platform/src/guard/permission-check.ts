import type { GraphQLField, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { aggregateData, decidesRead, isCaseRule, publicData, reachedThroughGuards, statisticsReader } from './rules';

/**
 * Checks a subgraph's permission table against its schema and returns what is wrong (empty when
 * nothing is):
 * - every object type and every field is covered by the table (no field is left to the fallback
 *   deny by accident, and no entry names a field that does not exist);
 * - a type marked `reachedThroughGuards` is reached only through fields guarded by a case rule (or
 *   from another such type);
 * - a type marked `aggregateData` is reached only through fields guarded by `statisticsReader`;
 * - every field guarded by a case rule is nullable (outside Mutation), so a denial nulls only it;
 * - a mutation that returns such case data is guarded by a rule that decides a read of it (not only
 *   whether the case may be seen), so its payload is decided exactly as the same data in a query.
 */
export function checkPermissionTable(schema: GraphQLSchema, table: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const types = Object.values(schema.getTypeMap()).filter((t) => kindOf(t) === 'GraphQLObjectType' && !t.name.startsWith('_')) as GraphQLObjectType[];
  const ruleOf = (typeName: string, fieldName: string): unknown => {
    const entry = table[typeName];
    if (entry === undefined) return undefined;
    if (typeof entry === 'object' && entry !== null && !('resolve' in entry) && !isRuleLike(entry)) {
      const map = entry as Record<string, unknown>;
      return map[fieldName] ?? map['*'];
    }
    return entry;
  };

  for (const type of types) {
    const entry = table[type.name];
    const ownFields = Object.values(type.getFields()).filter((f) => !f.name.startsWith('_'));
    if (ownFields.length === 0) continue; // e.g. a Query with only the federation entry points
    if (entry === undefined) {
      problems.push(`${type.name}: not in the permission table`);
      continue;
    }
    const fields = type.getFields();
    if (typeof entry === 'object' && entry !== null && !isRuleLike(entry)) {
      for (const name of Object.keys(entry)) {
        if (name !== '*' && !fields[name]) problems.push(`${type.name}.${name}: in the permission table but not in the schema`);
      }
    }
    for (const field of Object.values(fields)) {
      if (field.name.startsWith('_')) continue;
      const rule = ruleOf(type.name, field.name);
      if (rule === undefined) {
        problems.push(`${type.name}.${field.name}: has no rule (it would always be denied)`);
        continue;
      }
      if (isCaseRule(rule) && type.name !== 'Mutation' && kindOf(field.type) === 'GraphQLNonNull') {
        problems.push(`${type.name}.${field.name}: is guarded by a case rule but not nullable (a denial would null its parent)`);
      }
      const target = namedType(field);
      // Inside guarded territory (a field of a type itself reached only through guards) needs no guard of its own.
      if (table[target.name] === reachedThroughGuards && !isCaseRule(rule) && entry !== reachedThroughGuards) {
        problems.push(`${type.name}.${field.name}: leads to ${target.name}, which holds case data, without a case rule`);
      }
      if (type.name === 'Mutation' && table[target.name] === reachedThroughGuards && isCaseRule(rule) && !decidesRead(rule)) {
        problems.push(`${type.name}.${field.name}: returns ${target.name}, which holds case data, but its rule does not decide a read of it`);
      }
      if (table[target.name] === aggregateData && rule !== statisticsReader && entry !== aggregateData) {
        problems.push(`${type.name}.${field.name}: leads to ${target.name}, which holds statistics, without the statistics rule`);
      }
    }
  }
  return problems;
}

/** graphql-shield rules are class instances; a field map is a plain object. */
function isRuleLike(value: object): boolean {
  return value === publicData || value === reachedThroughGuards || value === aggregateData || Object.getPrototypeOf(value) !== Object.prototype;
}

/*
 * graphql-js types are told apart by their toStringTag rather than instanceof, so that the check
 * works whichever copy of graphql (ESM or CommonJS) built the schema.
 */
function kindOf(type: unknown): string {
  return Object.prototype.toString.call(type).slice(8, -1);
}

function namedType(field: GraphQLField<unknown, unknown>): { name: string } {
  let type: any = field.type;
  while (type.ofType) type = type.ofType;
  return type;
}
