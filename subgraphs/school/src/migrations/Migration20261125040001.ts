import { Migration } from '@mikro-orm/migrations';
import { statisticsChangeFeedSql } from '@sig/platform/statistics';

/** Statistics: change announcements for the statistics cache (written by hand: triggers are not in the entities). */
const feed = statisticsChangeFeedSql(['attendance_period']);

export class Migration20261125040001 extends Migration {
  override name = 'Migration20261125040001';

  override up(): void | Promise<void> {
    for (const statement of feed.up) this.addSql(statement);
  }

  override down(): void | Promise<void> {
    for (const statement of feed.down) this.addSql(statement);
  }
}
