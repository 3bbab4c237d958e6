import { Migration } from '@mikro-orm/migrations';
import { statisticsChangeFeedSql } from '@sig/platform/statistics';

/** Statistics: change announcements for the statistics cache (written by hand: triggers are not in the entities). */
const feed = statisticsChangeFeedSql(['police_incident', 'police_contact']);

export class Migration20261125040000 extends Migration {
  override name = 'Migration20261125040000';

  override up(): void | Promise<void> {
    for (const statement of feed.up) this.addSql(statement);
  }

  override down(): void | Promise<void> {
    for (const statement of feed.down) this.addSql(statement);
  }
}
