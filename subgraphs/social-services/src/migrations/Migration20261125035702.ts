import { Migration } from '@mikro-orm/migrations';
import { statisticsChangeFeedSql } from '@sig/platform/statistics';

/** Statistics: an index for the meetings of the last weeks, and change announcements for the statistics cache. */
const feed = statisticsChangeFeedSql(['sig_case', 'young_person', 'group_member', 'meeting', 'action_plan', 'plan_action']);

export class Migration20261125035702 extends Migration {
  override name = 'Migration20261125035702';

  override up(): void | Promise<void> {
    this.addSql(`create index "meeting_held_on_index" on "meeting" ("held_on");`);
    for (const statement of feed.up) this.addSql(statement);
  }

  override down(): void | Promise<void> {
    for (const statement of feed.down) this.addSql(statement);
    this.addSql(`drop index "meeting_held_on_index";`);
  }
}
