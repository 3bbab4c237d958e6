import { Migration } from '@mikro-orm/migrations';
import { ACCESS_LOG_APPEND_ONLY_SQL } from '@sig/platform/access-log';

export class Migration20261124132130 extends Migration {

  override name = 'Migration20261124132130';

  override up(): void | Promise<void> {
    this.addSql(`create table "access_log" ("id" bigserial primary key, "at" timestamptz not null default now(), "actor_id" varchar(100) not null, "actor_name" varchar(200) not null, "actor_agency" text not null, "actor_unit" varchar(200) not null, "case_id" uuid not null, "source_agency" text not null, "categories" text[] not null, "operation_name" varchar(200) null, "decision" text not null, "reason" varchar(40) not null, "legal_basis" varchar(40) not null);`);
    this.addSql(`create index "access_log_case_id_at_index" on "access_log" ("case_id", "at");`);

    this.addSql(`alter table "access_log" add constraint "access_log_actor_agency_check" check ("actor_agency" in ('SOCIAL_SERVICES', 'POLICE', 'SCHOOL', 'LEISURE', 'CHILD_PSYCHIATRY', 'ADDICTION_CARE', 'FIELD_ASSISTANTS', 'YOUTH_SERVICE', 'CIVIL_SOCIETY'));`);
    this.addSql(`alter table "access_log" add constraint "access_log_source_agency_check" check ("source_agency" in ('SOCIAL_SERVICES', 'POLICE', 'SCHOOL', 'LEISURE', 'CHILD_PSYCHIATRY', 'ADDICTION_CARE', 'FIELD_ASSISTANTS', 'YOUTH_SERVICE', 'CIVIL_SOCIETY'));`);
    this.addSql(`alter table "access_log" add constraint "access_log_decision_check" check ("decision" in ('PERMIT', 'DENY'));`);

    // Hand-written: the access log is append-only for every role (updates, deletes, truncation raise).
    for (const sql of ACCESS_LOG_APPEND_ONLY_SQL) this.addSql(sql);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists access_log_append_only() cascade;`);
    this.addSql(`drop table if exists "access_log" cascade;`);
  }

}
