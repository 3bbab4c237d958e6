import { Migration } from '@mikro-orm/migrations';

/**
 * Secrecy on the write paths (issue 14):
 * - each proposal records the young person as the proposer gave them, so the personal number is no
 *   longer unique in `young_person` (a proposer must not learn of records elsewhere);
 * - later proposals of a young person with an open case are routed to that case (`duplicate_proposal`);
 * - a routed proposal can be closed as DUPLICATE_PROPOSAL;
 * - memberships record who decided them, when and why, and a person holds at most one open-ended
 *   membership per case (the rule is checked in the resolver; the index is the backstop for races).
 */
export class Migration20261201221500 extends Migration {
  override name = 'Migration20261201221500';

  override up(): void | Promise<void> {
    this.addSql(`alter table "young_person" drop constraint "young_person_personal_number_unique";`);
    this.addSql(`create index "young_person_personal_number_index" on "young_person" ("personal_number");`);
    this.addSql(
      `create table "duplicate_proposal" ("id" uuid not null, "case_id" uuid not null, "proposal_case_id" uuid not null, "district" varchar(40) not null, "proposed_by_agency" text not null, "proposed_by_name" varchar(200) not null, "recorded_at" timestamptz not null, "resolved_at" timestamptz null, "resolved_by" varchar(200) null, primary key ("id"));`,
    );
    this.addSql(`create index "duplicate_proposal_case_id_index" on "duplicate_proposal" ("case_id");`);
    this.addSql(`create index "duplicate_proposal_proposal_case_id_index" on "duplicate_proposal" ("proposal_case_id");`);
    this.addSql(
      `alter table "duplicate_proposal" add constraint "duplicate_proposal_proposed_by_agency_check" check ("proposed_by_agency" in ('SOCIAL_SERVICES', 'POLICE', 'SCHOOL', 'LEISURE', 'CHILD_PSYCHIATRY', 'ADDICTION_CARE', 'FIELD_ASSISTANTS', 'YOUTH_SERVICE', 'CIVIL_SOCIETY'));`,
    );
    this.addSql(
      `alter table "group_member" add "added_by_id" varchar(100) null, add "added_by_name" varchar(200) null, add "added_reason" text null, add "added_at" timestamptz null, add "ended_by_id" varchar(100) null, add "ended_by_name" varchar(200) null, add "ended_reason" text null, add "ended_at" timestamptz null;`,
    );
    this.addSql(`create unique index "group_member_one_open_membership" on "group_member" ("case_id", "person_id") where "until_date" is null;`);
    this.addSql(`alter table "sig_case" drop constraint "sig_case_closure_reason_check";`);
    this.addSql(
      `alter table "sig_case" add constraint "sig_case_closure_reason_check" check ("closure_reason" in ('GOALS_MET', 'OTHER_INTERVENTION_NEEDED', 'PLACED_OUTSIDE_HOME', 'MOVED_TO_OTHER_MUNICIPALITY', 'MOVED_ABROAD', 'NOT_STARTED', 'DUPLICATE_PROPOSAL'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "sig_case" drop constraint "sig_case_closure_reason_check";`);
    this.addSql(
      `alter table "sig_case" add constraint "sig_case_closure_reason_check" check ("closure_reason" in ('GOALS_MET', 'OTHER_INTERVENTION_NEEDED', 'PLACED_OUTSIDE_HOME', 'MOVED_TO_OTHER_MUNICIPALITY', 'MOVED_ABROAD', 'NOT_STARTED'));`,
    );
    this.addSql(`drop index "group_member_one_open_membership";`);
    this.addSql(
      `alter table "group_member" drop column "added_by_id", drop column "added_by_name", drop column "added_reason", drop column "added_at", drop column "ended_by_id", drop column "ended_by_name", drop column "ended_reason", drop column "ended_at";`,
    );
    this.addSql(`drop table if exists "duplicate_proposal" cascade;`);
    this.addSql(`drop index "young_person_personal_number_index";`);
    this.addSql(`alter table "young_person" add constraint "young_person_personal_number_unique" unique ("personal_number");`);
  }
}
