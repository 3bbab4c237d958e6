import { Migration } from '@mikro-orm/migrations';

/**
 * The personal-number lookup log (subgraphs/social-services/src/lookup-log.ts): who looked a young
 * person up by personal number, when, for what, a keyed hash of the number (never the number), and
 * how many cases were shown. Hand-written. Append-only like `access_log`, with a trigger function of
 * its own (ACCESS_LOG_APPEND_ONLY_SQL's pattern); frozen once released.
 */
export class Migration20261201230000 extends Migration {
  override name = 'Migration20261201230000';

  override up(): void | Promise<void> {
    this.addSql(`create table "personal_number_lookup" ("id" bigserial primary key, "at" timestamptz not null default now(), "actor_id" varchar(100) not null, "actor_name" varchar(200) not null, "actor_agency" text not null, "actor_unit" varchar(200) not null, "operation_name" varchar(200) null, "purpose" varchar(60) not null, "personal_number_hash" varchar(64) not null, "result_count" int not null);`);
    this.addSql(`create index "personal_number_lookup_personal_number_hash_at_index" on "personal_number_lookup" ("personal_number_hash", "at");`);
    this.addSql(`alter table "personal_number_lookup" add constraint "personal_number_lookup_actor_agency_check" check ("actor_agency" in ('SOCIAL_SERVICES', 'POLICE', 'SCHOOL', 'LEISURE', 'CHILD_PSYCHIATRY', 'ADDICTION_CARE', 'FIELD_ASSISTANTS', 'YOUTH_SERVICE', 'CIVIL_SOCIETY'));`);
    this.addSql(`alter table "personal_number_lookup" add constraint "personal_number_lookup_result_count_check" check (result_count >= 0);`);
    this.addSql(`create or replace function personal_number_lookup_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'personal_number_lookup is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end $$;`);
    this.addSql(`create trigger personal_number_lookup_no_update before update or delete on personal_number_lookup for each row execute function personal_number_lookup_append_only();`);
    this.addSql(`create trigger personal_number_lookup_no_truncate before truncate on personal_number_lookup for each statement execute function personal_number_lookup_append_only();`);
  }

  override down(): void | Promise<void> {
    // The log is kept: reverting would lose who looked whom up.
    this.addSql(`do $$ begin if exists (select 1 from personal_number_lookup) then raise exception 'personal_number_lookup holds rows; reverting would lose them'; end if; end $$;`);
    this.addSql(`drop table if exists "personal_number_lookup" cascade;`);
    this.addSql(`drop function if exists personal_number_lookup_append_only() cascade;`);
  }
}
