import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLArmorConfig } from '@escape.tech/graphql-armor-types';
import type { RequestHandler } from 'express';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { createRequire } from 'node:module';

/**
 * Operation limits at the gateway (graphql-armor). Each is a setting; the defaults are
 * graphql-armor's, except where the platform's own example operations need more room.
 */
export const LIMITS = {
  maxDepth: { env: 'GRAPHQL_MAX_DEPTH', default: 8, meaning: 'deepest selection (the action plan needs 6)' },
  maxAliases: { env: 'GRAPHQL_MAX_ALIASES', default: 15, meaning: 'aliases per operation' },
  maxDirectives: { env: 'GRAPHQL_MAX_DIRECTIVES', default: 50, meaning: 'directives per operation' },
  maxTokens: { env: 'GRAPHQL_MAX_TOKENS', default: 2000, meaning: "tokens per document (GraphiQL's introspection needs about 1,500)" },
  maxCost: { env: 'GRAPHQL_MAX_COST', default: 5000, meaning: 'graphql-armor cost (objects 2, scalars 1, depth factor 1.5)' },
  maxListCost: {
    env: 'GRAPHQL_MAX_LIST_COST',
    default: 20_000,
    meaning:
      "fields an answer may hold, lists counted at their size (listCostEstimator): the heaviest operation the platform sends (scripts/load.ts's 100 cases with their action plans) costs 11,301, the tests' 500 cases with their consent 7,001, the dashboard 1,471; 15 aliases of 500 cases with 20 fields each cost 600,015",
  },
  assumedListSize: { env: 'GRAPHQL_ASSUMED_LIST_SIZE', default: 10, meaning: 'items counted for a list field without a `limit` argument' },
} as const;

/**
 * graphql and graphql-query-complexity as CommonJS, the one graphql the running gateway has: graphql
 * 16 has two entry points, CommonJS (`main`: what Node, and so Apollo Server, loads) and ESM
 * (`module`: what a bundler or the test runner's resolver picks), and given a schema of the other,
 * graphql refuses it ("from another module or realm"). The library's ESM build imports the ESM one.
 * So the cost is counted with the CommonJS pair, on a schema of the CommonJS graphql.
 */
const require = createRequire(import.meta.url);
const graphql = require('graphql') as typeof import('graphql');
const { getComplexity } = require('graphql-query-complexity') as typeof import('graphql-query-complexity');
const { getNamedType, getNullableType, getVariableValues, GraphQLError, isLeafType, isListType } = graphql;

/** The largest `limit` a list field accepts (`cases(limit:)`, 1–500): a larger one is refused by the subgraph, so it is counted as this. */
export const MAX_LIST_LIMIT = 500;

export function setting(name: keyof typeof LIMITS, env: NodeJS.ProcessEnv): number {
  const { env: key, default: fallback } = LIMITS[name];
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${key} must be a positive whole number, got "${raw}"`);
  return value;
}

export function armorConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GraphQLArmorConfig {
  return {
    maxDepth: { n: setting('maxDepth', env), ignoreIntrospection: true },
    maxAliases: { n: setting('maxAliases', env) },
    maxDirectives: { n: setting('maxDirectives', env) },
    // Counted before Apollo Server instead (tokenLimit below): inside it, a refusal became a 500.
    maxTokens: { enabled: false },
    costLimit: { maxCost: setting('maxCost', env), ignoreIntrospection: true },
    // "Did you mean …?" would let a caller map the schema without introspection.
    blockFieldSuggestion: { enabled: true },
  };
}

/** Documents found within the token limit, remembered (up to this many) so that a client's long operation is counted once. */
const WITHIN_LIMIT_REMEMBERED = 256;
/**
 * Longer documents are counted every time, so that what is remembered stays small (at most 256 ×
 * 16,000 characters), and so that every key is hashed whole: V8 hashes longer strings by their
 * length alone (see verified-tokens.ts).
 */
const REMEMBERED_MAX_LENGTH = 16_000;

/**
 * The token limit, applied to the request body before Apollo Server parses it, so that a document
 * over the limit gets a 400 with a GraphQL error (graphql-armor's lexer counts the tokens).
 * Counting a long operation such as the dashboard's is not free, and clients send the same
 * documents again and again, so those found within the limit are remembered (as Apollo Server
 * remembers parsed documents). Refused ones are not: anyone can send new ones.
 */
export function tokenLimit(env: NodeJS.ProcessEnv = process.env): RequestHandler {
  const n = setting('maxTokens', env);
  const withinLimit = new Set<string>();
  return (req, res, next) => {
    const query: unknown = req.body?.query;
    // A document has no more tokens than characters: short ones need no count.
    if (typeof query !== 'string' || query.length <= n || withinLimit.has(query)) return next();
    try {
      new MaxTokensParserWLexer(query, { n }).parseDocument();
      if (query.length <= REMEMBERED_MAX_LENGTH) {
        if (withinLimit.size >= WITHIN_LIMIT_REMEMBERED) withinLimit.clear();
        withinLimit.add(query);
      }
    } catch (error) {
      const message = (error as Error).message;
      if (message.includes('Token limit')) {
        res.status(400).json({ errors: [{ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
        return;
      }
      // Any other parse error is Apollo Server's to report.
    }
    next();
  };
}

/**
 * The cost of an operation as the number of fields its answer can hold: every field counts 1; a
 * list of objects counts 1 plus its size times the cost of one item, the size being the field's
 * `limit` argument (at most MAX_LIST_LIMIT, as the subgraph allows no more) or, without one, the
 * assumed size. A list of scalars counts 1. Introspection counts nothing (it is off in production,
 * and GraphiQL's own query would otherwise count as its schema's size). So `cases(limit: 500) { id
 * status }` costs 1 + 500 × 2 = 1,001, and an alias of it counts again.
 */
export function listCostEstimator(assumedListSize: number): ComplexityEstimator {
  return ({ field, args, childComplexity }) => {
    if (field.name.startsWith('__')) return 0;
    const type = getNullableType(field.type);
    if (!isListType(type)) return 1 + childComplexity;
    if (isLeafType(getNamedType(type))) return 1;
    const limit = args.limit;
    const size = typeof limit === 'number' && Number.isFinite(limit) ? Math.min(Math.max(Math.trunc(limit), 0), MAX_LIST_LIMIT) : assumedListSize;
    return 1 + size * childComplexity;
  };
}

/** The operation alone, with the document's fragments: its cost, whatever else the document holds. */
function operationOnly(document: DocumentNode, operation: OperationDefinitionNode): DocumentNode {
  const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  return { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
}

export interface ListCostLimit {
  maxCost: number;
  assumedListSize: number;
  /**
   * The operation's cost (on a schema of the CommonJS graphql, as Apollo Server's), or undefined when its variables do not coerce (the executor refuses those
   * before anything runs, with its own error). Throws GRAPHQL_VALIDATION_FAILED when it cannot be counted.
   */
  cost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables?: Record<string, unknown>): number | undefined;
  /** Throws GRAPHQL_VALIDATION_FAILED (400) naming the cost and the maximum when the operation costs more. */
  check(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables?: Record<string, unknown>): number | undefined;
}

const refusal = (message: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...extensions, http: { status: 400 } } });

/**
 * The cost limit that counts lists (graphql-query-complexity with listCostEstimator). It needs the
 * variables (a `limit` is often one), so it runs once the operation is resolved, before execution
 * (gateway.ts), not as a validation rule.
 */
export function listCostLimitFromEnv(env: NodeJS.ProcessEnv = process.env): ListCostLimit {
  const maxCost = setting('maxListCost', env);
  const assumedListSize = setting('assumedListSize', env);
  const estimators = [listCostEstimator(assumedListSize)];
  const cost: ListCostLimit['cost'] = (schema, document, operation, variables = {}) => {
    if (!(schema instanceof graphql.GraphQLSchema)) throw new Error('the list cost is counted on a schema of the CommonJS graphql (limits.ts)');
    if (getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors) return undefined;
    try {
      return getComplexity({ schema, query: operationOnly(document, operation), variables, estimators });
    } catch (error) {
      // Too many fields once fragments are spread (graphql-query-complexity stops at 10,000), or anything else: refused.
      throw refusal(error instanceof GraphQLError ? error.message : 'The cost of this operation could not be counted');
    }
  };
  return {
    maxCost,
    assumedListSize,
    cost,
    check(schema, document, operation, variables) {
      const actual = cost(schema, document, operation, variables);
      if (actual !== undefined && actual > maxCost) {
        throw refusal(
          `Operation cost ${actual} exceeds the maximum cost of ${maxCost} (every field counts 1; a list counts its limit, or ${assumedListSize} without one, times its fields): ask for fewer items, fields or aliases`,
          { cost: actual, maxCost },
        );
      }
      return actual;
    },
  };
}
