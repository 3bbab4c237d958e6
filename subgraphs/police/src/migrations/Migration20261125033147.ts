import { Migration } from '@mikro-orm/migrations';

export class Migration20261125033147 extends Migration {

  override name = 'Migration20261125033147';

  override up(): void | Promise<void> {

    this.addSql(`create index "police_contact_case_id_occurred_at_index" on "police_contact" ("case_id", "occurred_at");`);

    this.addSql(`create index "police_incident_case_id_occurred_at_index" on "police_incident" ("case_id", "occurred_at");`);
  }

  override down(): void | Promise<void> {

    this.addSql(`drop index "police_contact_case_id_occurred_at_index";`);

    this.addSql(`drop index "police_incident_case_id_occurred_at_index";`);
  }

}
