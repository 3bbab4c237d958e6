import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLArmorConfig } from '@escape.tech/graphql-armor-types';
import type { RequestHandler } from 'express';

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
} as const;

function setting(name: keyof typeof LIMITS, env: NodeJS.ProcessEnv): number {
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
 * Counting the dashboard's operation (2,300 characters) took 140–210 µs; clients send the same
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
