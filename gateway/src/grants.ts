import pg from 'pg';
import type { Actor, Grants, GroupRole } from '@sig/platform';

/**
 * Works out an actor's grants from social services' group membership, read through a login
 * that may only SELECT the membership table. One indexed query per request; nothing is cached
 * yet, so a removal from a group takes effect on the very next request.
 */
export class GrantsSource {
  private readonly pool: pg.Pool;

  constructor(connectionString: string, poolMax = 4) {
    this.pool = new pg.Pool({ connectionString, max: poolMax });
    this.pool.on('error', () => {
      // An idle client lost its connection (e.g. the database restarted); the pool replaces it.
    });
  }

  async grantsFor(actor: Actor): Promise<Grants> {
    const { rows } = await this.pool.query<{ case_id: string; role: GroupRole }>(
      `SELECT case_id, role FROM group_member
        WHERE person_id = $1 AND agency = $2
          AND from_date <= current_date AND (until_date IS NULL OR until_date > current_date)`,
      [actor.id, actor.agency],
    );
    const memberships: Grants['memberships'] = {};
    for (const row of rows) memberships[row.case_id] = strongest(memberships[row.case_id], row.role);
    return { memberships };
  }

  async healthy(): Promise<boolean> {
    try {
      await this.pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  close() {
    return this.pool.end();
  }
}

const RANK: Record<GroupRole, number> = { COORDINATOR: 3, LOTS: 2, MEMBER: 1 };
function strongest(a: GroupRole | undefined, b: GroupRole): GroupRole {
  return a && RANK[a] >= RANK[b] ? a : b;
}
