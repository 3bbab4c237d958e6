import { Migration } from '@mikro-orm/migrations';
import { ACCESS_LOG_CASE_IDS_SQL } from '@sig/platform/access-log';

/** The access log: one row per decision on many cases (a list), with the cases in `case_ids`. */
export class Migration20261125063304 extends Migration {
  override name = 'Migration20261125063304';

  override up(): void | Promise<void> {
    for (const statement of ACCESS_LOG_CASE_IDS_SQL.up) this.addSql(statement);
  }

  override down(): void | Promise<void> {
    for (const statement of ACCESS_LOG_CASE_IDS_SQL.down) this.addSql(statement);
  }
}
