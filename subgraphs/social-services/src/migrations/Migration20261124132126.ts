import { Migration } from '@mikro-orm/migrations';
import { ACCESS_LOG_APPEND_ONLY_SQL } from '@sig/platform/access-log';

export class Migration20261124132126 extends Migration {

  override name = 'Migration20261124132126';

  override up(): void | Promise<void> {
    this.addSql(`create table "access_log" ("id" bigserial primary key, "at" timestamptz not null default now(), "actor_id" varchar(100) not null, "actor_name" varchar(200) not null, "actor_agency" text not null, "actor_unit" varchar(200) not null, "case_id" uuid not null, "source_agency" text not null, "categories" text[] not null, "operation_name" varchar(200) null, "decision" text not null, "reason" varchar(40) not null, "legal_basis" varchar(40) not null);`);
    this.addSql(`create index "access_log_case_id_at_index" on "access_log" ("case_id", "at");`);

    this.addSql(`alter table "access_log" add constraint "access_log_actor_agency_check" check ("actor_agency" in ('SOCIAL_SERVICES', 'POLICE', 'SCHOOL', 'LEISURE', 'CHILD_PSYCHIATRY', 'ADDICTION_CARE', 'FIELD_ASSISTANTS', 'YOUTH_SERVICE', 'CIVIL_SOCIETY'));`);
    this.addSql(`alter table "access_log" add constraint "access_log_source_agency_check" check ("source_agency" in ('SOCIAL_SERVICES', 'POLICE', 'SCHOOL', 'LEISURE', 'CHILD_PSYCHIATRY', 'ADDICTION_CARE', 'FIELD_ASSISTANTS', 'YOUTH_SERVICE', 'CIVIL_SOCIETY'));`);
    this.addSql(`alter table "access_log" add constraint "access_log_decision_check" check ("decision" in ('PERMIT', 'DENY'));`);

    // Hand-written: the access log is append-only for every role (updates, deletes, truncation raise).
    for (const sql of ACCESS_LOG_APPEND_ONLY_SQL) this.addSql(sql);

    // Hand-written: what the gateway may read to work out grants (its login gets SELECT on this view
    // only): current memberships with the case's current consent and the young person's date of birth.
    this.addSql(`create view "gateway_membership" as
      select m.case_id, m.person_id, m.agency, m.role, m.from_date, m.until_date, yp.date_of_birth,
             c.valid_from, c.valid_until, c.signatories, c.provisions, c.withdrawals
        from group_member m
        join sig_case k on k.id = m.case_id
        join young_person yp on yp.id = k.young_person_id
        left join lateral (
          select * from consent where consent.case_id = m.case_id order by consent_version desc limit 1
        ) c on true;`);
    // Every change to membership or consent is announced at commit, so every gateway instance drops
    // its cached grants at once (LISTEN sig_grants_changed).
    this.addSql(`create or replace function notify_grants_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('sig_grants_changed', (case when tg_op = 'DELETE' then old.case_id else new.case_id end)::text);
  return null;
end $$;`);
    this.addSql(`create trigger group_member_grants_changed after insert or update or delete on "group_member" for each row execute function notify_grants_changed();`);
    this.addSql(`create trigger consent_grants_changed after insert or update or delete on "consent" for each row execute function notify_grants_changed();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop view if exists "gateway_membership";`);
    this.addSql(`drop function if exists notify_grants_changed() cascade;`);
    this.addSql(`drop function if exists access_log_append_only() cascade;`);
    this.addSql(`drop table if exists "access_log" cascade;`);
  }

}
