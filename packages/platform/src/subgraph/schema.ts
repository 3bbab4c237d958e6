import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { mergeDeep, printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import type { IRules } from 'graphql-shield';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { buildShield, fieldsWithoutDecision } from '../guard/shield';

/** Federation 2 link; every subgraph imports the same directives. */
const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@inaccessible"])`;

export interface SubgraphSchemaDefinition {
  /** type-graphql resolver classes: the one source of the schema. */
  resolvers: NonEmptyArray<Function>;
  /** Types not reachable from a resolver but part of the schema (e.g. entity stubs). */
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type, for `_entities`. */
  referenceResolvers: Record<string, { __resolveReference: (ref: any, ctx: any) => unknown }>;
  /** The permission table: graphql-shield rules per type and field; everything unnamed is denied. */
  permissions: IRules;
}

/** The subgraph's SDL exactly as composition sees it (type-graphql classes → SDL with federation directives). */
export async function buildSubgraphTypeDefs(def: SubgraphSchemaDefinition) {
  const schema = await buildSchema({
    resolvers: def.resolvers,
    orphanedTypes: def.orphanedTypes,
    skipCheck: true,
    validate: false,
  });
  return { schema, sdl: `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}` };
}

/** The executable subgraph schema: federation resolvers merged with type-graphql's, then the shield. */
export async function buildGuardedSubgraphSchema(def: SubgraphSchemaDefinition): Promise<GraphQLSchema> {
  const { schema, sdl } = await buildSubgraphTypeDefs(def);
  const resolvers = mergeDeep([createResolversMap(schema), def.referenceResolvers]) as any;
  const subgraph = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers });
  const guarded = applyMiddleware(subgraph, buildShield(def.permissions));
  // Fields that decide nothing (marker types, `allow`) keep their own resolvers: for marker types the
  // guard sits on the field that leads there.
  for (const [typeName, which] of fieldsWithoutDecision(def.permissions)) {
    // Told apart by toStringTag, not instanceof: the schema may come from the other copy of graphql (CommonJS).
    const objectType = (schema: GraphQLSchema) => {
      const type = schema.getType(typeName);
      return Object.prototype.toString.call(type) === '[object GraphQLObjectType]' ? (type as GraphQLObjectType) : undefined;
    };
    const original = objectType(subgraph);
    const wrapped = objectType(guarded);
    if (!original || !wrapped) continue;
    const fields = original.getFields();
    for (const [name, field] of Object.entries(wrapped.getFields())) {
      if (which === '*' || which.has(name)) field.resolve = fields[name]?.resolve;
    }
  }
  return guarded;
}
