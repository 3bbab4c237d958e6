import { Migration } from '@mikro-orm/migrations';

export class Migration20261125033144 extends Migration {

  override name = 'Migration20261125033144';

  override up(): void | Promise<void> {

    this.addSql(`create index "attendance_period_case_id_period_start_index" on "attendance_period" ("case_id", "period_start");`);
  }

  override down(): void | Promise<void> {

    this.addSql(`drop index "attendance_period_case_id_period_start_index";`);
  }

}
