import { Migration } from '@mikro-orm/migrations';

export class Migration20261124125201 extends Migration {

  override name = 'Migration20261124125201';

  override up(): void | Promise<void> {
    this.addSql(`create table "police_contact" ("id" uuid not null, "case_id" uuid not null, "kind" text not null, "occurred_at" timestamptz not null, "note" text not null, "officer" varchar(200) not null, primary key ("id"));`);
    this.addSql(`create index "police_contact_case_id_index" on "police_contact" ("case_id");`);

    this.addSql(`create table "police_incident" ("id" uuid not null, "case_id" uuid not null, "kind" text not null, "occurred_at" timestamptz not null, "description" text not null, "report_number" varchar(40) null, "recorded_by" varchar(200) not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "police_incident_case_id_index" on "police_incident" ("case_id");`);

    this.addSql(`alter table "police_contact" add constraint "police_contact_kind_check" check ("kind" in ('CONVERSATION', 'HOME_VISIT', 'PARENT_MEETING', 'STOPPED_IN_PUBLIC'));`);

    this.addSql(`alter table "police_incident" add constraint "police_incident_kind_check" check ("kind" in ('SUSPECTED_OFFENCE', 'VICTIM', 'WITNESS', 'CONCERN_REPORT'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "police_contact" cascade;`);
    this.addSql(`drop table if exists "police_incident" cascade;`);
  }

}
