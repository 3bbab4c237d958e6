import { Migration } from '@mikro-orm/migrations';

/**
 * Consent lifecycle (issue 16, "Consent"; @sig/platform/access consent.ts). Hand-written.
 * - Signatories are parties with an id: existing signatories get one, and existing withdrawals keep
 *   their name and get `withdrawnById` where the name identifies exactly one signatory.
 * - `gateway_membership` gives the consent version in force (`consentInForce`), no longer the
 *   newest: a renewal takes effect only when fully signed, and a version recorded after a
 *   withdrawal only with signatures dated after it. "Today" is the platform's calendar date
 *   (the `sig.time_zone` setting, default Europe/Stockholm), as `todayIso` in the gateway.
 */
export class Migration20261202001000 extends Migration {
  override name = 'Migration20261202001000';

  override up(): void | Promise<void> {
    this.addSql(`update "consent" set "signatories" = coalesce((
        select jsonb_agg(case when s ? 'id' then s else s || jsonb_build_object('id', gen_random_uuid()::text) end order by n)
          from jsonb_array_elements("signatories") with ordinality as e(s, n)), '[]'::jsonb);`);
    this.addSql(`update "consent" c set "withdrawals" = coalesce((
        select jsonb_agg(case when w ? 'withdrawnById' then w else w || jsonb_build_object('withdrawnById',
                 (select case when count(*) = 1 then min(s->>'id') end from jsonb_array_elements(c."signatories") s where s->>'name' = w->>'withdrawnBy')) end order by n)
          from jsonb_array_elements(c."withdrawals") with ordinality as e(w, n)), '[]'::jsonb);`);
    this.addSql(`create or replace function sig_today() returns date language sql stable as $$
  select (now() at time zone coalesce(nullif(current_setting('sig.time_zone', true), ''), 'Europe/Stockholm'))::date
$$;`);
    // missingSignatures() = [] in SQL: the young person signed (as an adult, from the 18th birthday, if
    // guardians were parties); while under 18, at least one guardian and every guardian signed.
    this.addSql(`create or replace function sig_consent_fully_signed(signatories jsonb, dob date, today date) returns boolean language sql immutable as $$
  with s as (select e->>'party' as party, (e->>'signedOn')::date as signed_on from jsonb_array_elements(signatories) e),
       b as (select (dob + interval '18 years')::date as birthday)
  select exists (select 1 from s where party = 'YOUNG_PERSON')
     and not exists (select 1 from s where party = 'YOUNG_PERSON' and signed_on is null)
     and case when (select birthday from b) <= today
       then not (exists (select 1 from s where party = 'GUARDIAN') and exists (select 1 from s, b where party = 'YOUNG_PERSON' and signed_on < b.birthday))
       else exists (select 1 from s where party = 'GUARDIAN') and not exists (select 1 from s where party = 'GUARDIAN' and signed_on is null)
     end
$$;`);
    // The earliest required signature: the young person's, and the guardians' while under 18.
    this.addSql(`create or replace function sig_consent_first_signature(signatories jsonb, dob date, today date) returns date language sql immutable as $$
  select min((e->>'signedOn')::date) from jsonb_array_elements(signatories) e
   where e->>'party' = 'YOUNG_PERSON' or (dob + interval '18 years')::date > today
$$;`);
    this.addSql(`create or replace view "gateway_membership" as
      select m.case_id, m.person_id, m.agency, m.role, m.from_date, m.until_date, yp.date_of_birth,
             c.valid_from, c.valid_until, c.signatories, c.provisions, c.withdrawals
        from group_member m
        join sig_case k on k.id = m.case_id
        join young_person yp on yp.id = k.young_person_id
        left join lateral (
          select cv.* from consent cv
           where cv.case_id = m.case_id
           order by (sig_consent_fully_signed(cv.signatories, yp.date_of_birth, sig_today())
                     and coalesce(sig_consent_first_signature(cv.signatories, yp.date_of_birth, sig_today()) > (
                           select max((w->>'withdrawnOn')::date) from consent e cross join jsonb_array_elements(e.withdrawals) w
                            where e.case_id = cv.case_id and e.consent_version < cv.consent_version), true)) desc,
                    cv.consent_version desc
           limit 1
        ) c on true;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`create or replace view "gateway_membership" as
      select m.case_id, m.person_id, m.agency, m.role, m.from_date, m.until_date, yp.date_of_birth,
             c.valid_from, c.valid_until, c.signatories, c.provisions, c.withdrawals
        from group_member m
        join sig_case k on k.id = m.case_id
        join young_person yp on yp.id = k.young_person_id
        left join lateral (
          select * from consent where consent.case_id = m.case_id order by consent_version desc limit 1
        ) c on true;`);
    this.addSql(`drop function if exists sig_consent_first_signature(jsonb, date, date);`);
    this.addSql(`drop function if exists sig_consent_fully_signed(jsonb, date, date);`);
    this.addSql(`drop function if exists sig_today();`);
    // Party ids stay in the JSON: older code ignores them.
  }
}
