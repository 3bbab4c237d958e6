import { Migration } from '@mikro-orm/migrations';

/**
 * Proposals and the age exception (issue 16). Hand-written.
 * - `referral_source`: where the concern behind a proposal came from; null for earlier proposals
 *   (what they came from was not asked, and the proposer's agency is not the same thing).
 * - `proposed_by_id`: the proposer's person id, who sees the proposal's stage (`myProposals`); null
 *   for earlier proposals, which then show in no one's list.
 * - The age exception: what was tried first, and the approver's id and date. Earlier exceptions keep
 *   their free-text `age_exception_approved_by` as the approver's name and count as approved.
 */
export class Migration20261202002000 extends Migration {
  override name = 'Migration20261202002000';

  override up(): void | Promise<void> {
    this.addSql(`alter table "sig_case" add column "referral_source" text null, add column "proposed_by_id" varchar(100) null, add column "age_exception_tried_first" text null, add column "age_exception_approved_by_id" varchar(100) null, add column "age_exception_approved_on" date null;`);
    this.addSql(`alter table "sig_case" add constraint "sig_case_referral_source_check" check ("referral_source" in ('POLICE', 'SCHOOL', 'LEISURE', 'SOCIAL_SERVICES', 'YOUNG_PERSON', 'RELATIVES', 'CONCERN_REPORT', 'COURT_STATEMENT'));`);
    this.addSql(`create index "sig_case_proposed_by_id_index" on "sig_case" ("proposed_by_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "sig_case_proposed_by_id_index";`);
    this.addSql(`alter table "sig_case" drop constraint if exists "sig_case_referral_source_check";`);
    this.addSql(`alter table "sig_case" drop column if exists "referral_source", drop column if exists "proposed_by_id", drop column if exists "age_exception_tried_first", drop column if exists "age_exception_approved_by_id", drop column if exists "age_exception_approved_on";`);
  }
}
