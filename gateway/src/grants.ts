import pg from 'pg';
import { ChangeFeed, type Logger } from '@sig/platform/runtime';
import { computeGrants, todayIso, type Actor, type ConsentData, type Grants, type GroupRole, type MembershipRecord } from '@sig/platform/access';

/** The channel on which social services' database announces every change to membership or consent. */
export const GRANTS_CHANNEL = 'sig_grants_changed';

interface MembershipRow {
  case_id: string;
  role: GroupRole;
  date_of_birth: string;
  valid_from: string | null;
  valid_until: string | null;
  signatories: ConsentData['signatories'] | null;
  provisions: ConsentData['provisions'] | null;
  withdrawals: ConsentData['withdrawals'] | null;
  case_status: string;
}

/**
 * Works out an actor's grants from social services' group membership and consents, read through
 * a login that may SELECT one view (`gateway_membership`) and nothing else.
 *
 * Grants are cached per actor and day, but only while this instance is LISTENing to the database's
 * change announcements: a change to any membership or consent clears the cache the moment it is
 * committed, in every gateway instance. If the listening connection is lost, caching stops (every
 * request reads the database) until it is back. Expiry needs no announcement: the day is part of
 * the cache key and the status is derived from it.
 *
 * Read your own writes: after a mutation, the gateway drops the calling actor's grants alone
 * (`invalidateActor`), so that the actor's next request reads them afresh even if the announcement
 * has not arrived yet; everyone else's grants are cleared by the announcement.
 */
export class GrantsSource {
  private readonly pool: pg.Pool;
  private readonly cache = new Map<string, { grants: Grants; expires: number }>();
  private readonly feed: ChangeFeed;
  /** Counts targeted invalidations; `invalidatedAt` holds, per actor, the count at its last one. */
  private invalidations = 0;
  private readonly invalidatedAt = new Map<string, number>();

  constructor(
    connectionString: string,
    log: Logger,
    private readonly options: { poolMax?: number; cacheTtlMs?: number } = {},
  ) {
    this.pool = new pg.Pool({ connectionString, max: options.poolMax ?? 4 });
    this.pool.on('error', () => {
      // An idle client lost its connection (e.g. the database restarted); the pool replaces it.
    });
    this.feed = new ChangeFeed(connectionString, GRANTS_CHANNEL, log);
    this.feed.subscribe(() => this.cache.clear());
  }

  /** Starts listening for changes; resolves once listening (or once it has failed and will retry). */
  async start(): Promise<void> {
    await this.feed.start();
  }

  /** Drops every cached grant (as a change announcement does). */
  invalidate() {
    this.feed.changed();
  }

  /**
   * Drops one actor's cached grants (after a mutation of theirs through this instance), and keeps a
   * read of theirs that was under way from caching what it read before the change.
   */
  invalidateActor(actor: Actor) {
    const who = actorKey(actor);
    this.cache.delete(`${who}|${todayIso()}`);
    // Only reads under way need the mark, but it is kept (an older read may still be under way); if
    // marks pile up, they are all dropped at once with a full invalidation, which also stops every
    // read under way from caching.
    if (this.invalidatedAt.size >= 10_000) {
      this.invalidatedAt.clear();
      this.invalidate();
    }
    this.invalidatedAt.set(who, ++this.invalidations);
  }

  async grantsFor(actor: Actor): Promise<Grants> {
    const today = todayIso();
    const who = actorKey(actor);
    const key = `${who}|${today}`;
    const cached = this.feed.listening ? this.cache.get(key) : undefined;
    if (cached && cached.expires > Date.now()) return cached.grants;
    const generation = this.feed.generation;
    const invalidations = this.invalidations;
    const { rows } = await this.pool.query<MembershipRow>(
      `SELECT case_id, role, date_of_birth::text, valid_from::text, valid_until::text, signatories, provisions, withdrawals, case_status
         FROM gateway_membership
        WHERE person_id = $1 AND agency = $2 AND from_date <= $3::date AND (until_date IS NULL OR until_date > $3::date)`,
      [actor.id, actor.agency, today],
    );
    const records: MembershipRecord[] = rows.map((r) => ({
      caseId: r.case_id,
      role: r.role,
      dateOfBirth: r.date_of_birth,
      caseActive: r.case_status === 'ACTIVE',
      consent: r.valid_from
        ? { validFrom: r.valid_from, validUntil: r.valid_until!, signatories: r.signatories ?? [], provisions: r.provisions ?? [], withdrawals: r.withdrawals ?? [] }
        : null,
    }));
    const grants = computeGrants(actor, records, today);
    // Only cache what was read after the last change announcement (and the actor's own last write), and only while listening.
    if (this.feed.listening && generation === this.feed.generation && (this.invalidatedAt.get(who) ?? 0) <= invalidations) {
      this.cache.set(key, { grants, expires: Date.now() + (this.options.cacheTtlMs ?? 60_000) });
    }
    return grants;
  }

  async healthy(): Promise<boolean> {
    try {
      await this.pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close() {
    await this.feed.close();
    await this.pool.end();
  }
}

function actorKey(actor: Actor): string {
  return `${actor.id}|${actor.agency}`;
}
