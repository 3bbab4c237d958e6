import { createHmac } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { defineEntity, p, type OptionalProps } from '@mikro-orm/postgresql';
import { Agency, badInput, type Decision } from '@sig/platform/access';
import { KEY_ENV } from '@sig/platform/tokens';
import type { SubgraphContext } from '@sig/platform/request';
import { loggedOutcome } from '@sig/platform/access-log';
import { parsePersonalNumber } from './domain/personal-number';

/**
 * The personal-number lookup log (uppslagslogg): who looked a young person up by personal number,
 * when, for what (`purpose`: the resolver that asked, e.g. 'casesOfYoungPerson' or 'proposeCase'),
 * and how many cases the asker was shown. Every lookup is logged, also of a number no one has: the
 * log answers "who searched for this person", which the access log of a case cannot when the asker
 * was shown nothing. Append-only like the access log (its own trigger function, migration
 * 2026-12-01 23:00).
 *
 * The personal number is not stored: only its keyed hash (HMAC-SHA256 under `LOOKUP_HASH_KEY`, a
 * secret of social services' process). A plain SHA-256 of a personal number is reversed by trying
 * every one: a birth date and four digits, a few million guesses a year of birth. Without the key
 * the hash says nothing; with it, whoever investigates hashes the number they are asked about and
 * finds its rows.
 */
export class PersonalNumberLookup {
  declare [OptionalProps]?: 'id' | 'at' | 'operationName';
  id!: string;
  at!: Date;
  actorId!: string;
  actorName!: string;
  actorAgency!: Agency;
  actorUnit!: string;
  /** The client's operation name (which screen or system asked), as in the access log. */
  operationName?: string | null;
  purpose!: string;
  /** HMAC-SHA256 of the normalised personal number (twelve digits), hex. */
  personalNumberHash!: string;
  /** How many cases the asker was shown (0 when none, or when no one has the number). */
  resultCount!: number;
}

export const PersonalNumberLookupSchema = defineEntity({
  class: PersonalNumberLookup,
  tableName: 'personal_number_lookup',
  indexes: [{ properties: ['personalNumberHash', 'at'] }],
  checks: [{ name: 'personal_number_lookup_result_count_check', expression: 'result_count >= 0' }],
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    at: p.datetime().defaultRaw('now()'),
    actorId: p.string().length(100),
    actorName: p.string().length(200),
    actorAgency: p.enum(Object.values(Agency)),
    actorUnit: p.string().length(200),
    operationName: p.string().length(200).nullable(),
    purpose: p.string().length(60),
    personalNumberHash: p.string().length(64),
    resultCount: p.integer(),
  },
});

/** The smallest secret accepted: 32 bytes, as many as the hash gives. */
const MIN_KEY_BYTES = 32;
let cachedKey: { raw: string; key: Buffer } | undefined;

/**
 * The secret of the lookup log's keyed hash, from `LOOKUP_HASH_KEY` (base64url, at least 32 bytes).
 * Throws when it is missing or short: social services' process calls it at start and refuses to run
 * without it (development and tests generate one with the other keys: `generatePlatformKeys`); a
 * lookup that cannot be logged is refused, never answered.
 */
export function lookupHashKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const raw = env[KEY_ENV.lookupHashKey];
  if (!raw) throw new Error(`${KEY_ENV.lookupHashKey} is not set: social services needs it to log personal-number lookups (npx tsx scripts/keys.ts --env prints one for development)`);
  if (cachedKey?.raw === raw) return cachedKey.key;
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(raw)) throw new Error(`${KEY_ENV.lookupHashKey} must be base64url`);
  const key = Buffer.from(raw, 'base64url');
  if (key.length < MIN_KEY_BYTES) throw new Error(`${KEY_ENV.lookupHashKey} must hold at least ${MIN_KEY_BYTES} bytes (got ${key.length})`);
  cachedKey = { raw, key };
  return key;
}

/** The keyed hash of a personal number as the lookup log holds it: HMAC-SHA256 of the twelve digits, hex. */
export function personalNumberHash(normalisedPersonalNumber: string, key: Buffer = lookupHashKey()): string {
  return createHmac('sha256', key).update(normalisedPersonalNumber, 'utf8').digest('hex');
}

/** One decision on the cases of a lookup, as the access log holds it (a row per decision, every case it was made on). */
export interface LookupCaseDecision {
  caseId: string;
  decision: Decision;
}

/**
 * One statement, whatever was found: the lookup-log row and, in the same insert, the access-log rows
 * of the decisions on the person's cases (category SOCIAL_SERVICES/CASE, one row per distinct
 * decision, zero rows when there are none). A lookup of a person with cases the asker may not see,
 * of one with none, and of an unknown number cost the same statements, so the answer's time says
 * nothing of what was left out; and the lookup row and its decisions commit together or not at all.
 * `jsonb_to_recordset` with an empty array inserts no access-log row.
 */
const LOOKUP_INSERT = `with lookup as (
  insert into personal_number_lookup (actor_id, actor_name, actor_agency, actor_unit, operation_name, purpose, personal_number_hash, result_count)
  values (?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::int)
)
insert into access_log (actor_id, actor_name, actor_agency, actor_unit, case_ids, source_agency, categories, operation_name, purpose, decision, reason, legal_basis)
select ?::text, ?::text, ?::text, ?::text, d.case_ids, 'SOCIAL_SERVICES', array['CASE'], ?::text, ?::text, d.decision, d.reason, d.legal_basis
  from jsonb_to_recordset(?::jsonb) as d(case_ids uuid[], decision text, reason text, legal_basis text)`;

/**
 * Logs one lookup by personal number, and awaits the commit: call it before the answer is built,
 * and let its failure fail the lookup (fail closed: a lookup that is not in the log is not answered).
 * `personalNumber` in any accepted form (it is normalised to twelve digits before hashing).
 * `caseDecisions`: the decision on each of the person's cases (shown: PERMIT; left out: DENY), logged
 * in the same statement into the access log, so that each case's log extract shows who looked the
 * young person up. Runs in the request's transaction when one is open (a write's `commitWrite`).
 */
export async function recordPersonalNumberLookup(
  ctx: SubgraphContext,
  lookup: { personalNumber: string; purpose: string; resultCount: number; caseDecisions?: LookupCaseDecision[] },
): Promise<void> {
  const parsed = parsePersonalNumber(lookup.personalNumber);
  if (!parsed.ok) throw badInput('personalNumber', parsed.error);
  if (!Number.isInteger(lookup.resultCount) || lookup.resultCount < 0) throw new Error('resultCount must be a whole number, zero or more');
  const hash = personalNumberHash(parsed.value.value);
  const rows = new Map<string, { case_ids: string[]; decision: 'PERMIT' | 'DENY'; reason: string; legal_basis: string }>();
  for (const { caseId, decision } of lookup.caseDecisions ?? []) {
    const { decision: outcome, reason, legalBasis } = loggedOutcome(decision);
    const key = `${outcome}|${reason}`;
    const row = rows.get(key);
    if (row) row.case_ids.push(caseId);
    else rows.set(key, { case_ids: [caseId], decision: outcome, reason, legal_basis: legalBasis });
  }
  const { actor, operationName } = ctx;
  const who = [actor.id, actor.name, actor.agency, actor.unit];
  // The access-log rows as the request's recorder writes them (the chain trigger links them).
  const params = [...who, operationName ?? null, lookup.purpose, hash, lookup.resultCount, ...who, operationName ?? null, ctx.purpose ?? null, JSON.stringify([...rows.values()])];
  const transaction = ctx.em.isInTransaction() ? ctx.em.getTransactionContext() : undefined;
  try {
    await ctx.em.getConnection().execute(LOOKUP_INSERT, params, 'run', transaction);
  } catch (error) {
    ctx.log?.error({ err: error }, 'could not write the personal-number lookup log; lookup refused');
    throw new GraphQLError('The lookup could not be logged, so it is not answered', { extensions: { code: 'ACCESS_LOG_UNAVAILABLE' } });
  }
}
