import { Migration } from '@mikro-orm/migrations';

export class Migration20261124131002 extends Migration {

  override name = 'Migration20261124131002';

  override up(): void | Promise<void> {
    this.addSql(`create table "leisure_activity" ("id" uuid not null, "case_id" uuid not null, "activity" varchar(200) not null, "venue" varchar(200) not null, "from_date" date not null, "until_date" date null, primary key ("id"));`);
    this.addSql(`create index "leisure_activity_case_id_index" on "leisure_activity" ("case_id");`);

    this.addSql(`create table "leisure_contact" ("id" uuid not null, "case_id" uuid not null, "kind" text not null, "occurred_at" timestamptz not null, "note" text not null, "staff" varchar(200) not null, primary key ("id"));`);
    this.addSql(`create index "leisure_contact_case_id_index" on "leisure_contact" ("case_id");`);

    this.addSql(`create table "summer_job" ("id" uuid not null, "case_id" uuid not null, "employer" varchar(200) not null, "year" int not null, "weeks" int not null, primary key ("id"));`);
    this.addSql(`create index "summer_job_case_id_index" on "summer_job" ("case_id");`);

    this.addSql(`alter table "leisure_contact" add constraint "leisure_contact_kind_check" check ("kind" in ('YOUTH_CENTRE', 'FIELD_ASSISTANT', 'OTHER'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "leisure_activity" cascade;`);
    this.addSql(`drop table if exists "leisure_contact" cascade;`);
    this.addSql(`drop table if exists "summer_job" cascade;`);
  }

}
