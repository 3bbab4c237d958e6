import { Migration } from '@mikro-orm/migrations';
import { ACCESS_LOG_CHAIN_SQL } from '@sig/platform/access-log';

/**
 * The access log made tamper-evident: a hash chain over every row (chain_seq, prev_hash, row_hash),
 * linked by a trigger the application login cannot switch off, the rows already there chained in id
 * order; and `purpose`, the server-derived why of a request (written by hand: triggers and the
 * chain head are not in the entities).
 */
export class Migration20261201220000 extends Migration {
  override name = 'Migration20261201220000';

  override up(): void | Promise<void> {
    for (const statement of ACCESS_LOG_CHAIN_SQL.up) this.addSql(statement);
  }

  override down(): void | Promise<void> {
    for (const statement of ACCESS_LOG_CHAIN_SQL.down) this.addSql(statement);
  }
}
