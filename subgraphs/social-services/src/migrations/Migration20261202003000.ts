import { Migration } from '@mikro-orm/migrations';

/**
 * `gateway_membership` also gives the case's status: consent shares nothing while the case is not
 * ACTIVE (before activation, after closure), so the gateway must know it (issue 16; found by the
 * model-based test: a signed consent shared school attendance during the assessment). The view's
 * consent choice (the version in force, Migration20261202001000) is unchanged; the column is added
 * at the end, as `create or replace view` requires.
 */
const VIEW = (withStatus: boolean) => `create or replace view "gateway_membership" as
      select m.case_id, m.person_id, m.agency, m.role, m.from_date, m.until_date, yp.date_of_birth,
             c.valid_from, c.valid_until, c.signatories, c.provisions, c.withdrawals${withStatus ? ', k.status as case_status' : ''}
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
        ) c on true;`;

export class Migration20261202003000 extends Migration {
  override name = 'Migration20261202003000';

  override up(): void | Promise<void> {
    this.addSql(VIEW(true));
  }

  override down(): void | Promise<void> {
    // A view cannot drop a column in place: recreate it as it was.
    this.addSql(`drop view "gateway_membership";`);
    this.addSql(VIEW(false));
  }
}
