import { Migration } from '@mikro-orm/migrations';

export class Migration20261124131000 extends Migration {

  override name = 'Migration20261124131000';

  override up(): void | Promise<void> {
    this.addSql(`create table "attendance_period" ("id" uuid not null, "case_id" uuid not null, "period_start" date not null, "period_end" date not null, "attendance_percent" numeric(5,2) not null, "unexcused_absence_percent" numeric(5,2) not null, primary key ("id"));`);
    this.addSql(`create index "attendance_period_case_id_index" on "attendance_period" ("case_id");`);

    this.addSql(`create table "school_placement" ("id" uuid not null, "case_id" uuid not null, "school_name" varchar(200) not null, "grade" int not null, "mentor" varchar(200) not null, "from_date" date not null, "until_date" date null, primary key ("id"));`);
    this.addSql(`create index "school_placement_case_id_index" on "school_placement" ("case_id");`);

    this.addSql(`create table "support_measure" ("id" uuid not null, "case_id" uuid not null, "kind" text not null, "description" text not null, "from_date" date not null, "until_date" date null, primary key ("id"));`);
    this.addSql(`create index "support_measure_case_id_index" on "support_measure" ("case_id");`);

    this.addSql(`alter table "support_measure" add constraint "support_measure_kind_check" check ("kind" in ('EXTRA_ADAPTATION', 'SPECIAL_SUPPORT', 'STUDENT_HEALTH', 'OTHER'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "attendance_period" cascade;`);
    this.addSql(`drop table if exists "school_placement" cascade;`);
    this.addSql(`drop table if exists "support_measure" cascade;`);
  }

}
