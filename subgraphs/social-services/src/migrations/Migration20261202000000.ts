import { Migration } from '@mikro-orm/migrations';

/**
 * The case lifecycle (issue 16; src/domain/case-lifecycle.ts). Hand-written.
 * - Activation and closure are decisions: who decided and on what grounds; a group that ran before
 *   it was registered says why its start date is earlier.
 * - Two closure reasons more: PARTICIPATION_ENDED and AGE_LIMIT_REACHED.
 */
export class Migration20261202000000 extends Migration {
  override name = 'Migration20261202000000';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "sig_case" add column "activated_by_id" varchar(100) null, add column "activated_by_name" varchar(200) null, add column "activation_grounds" text null, add column "started_before_registration" text null, add column "closed_by_id" varchar(100) null, add column "closed_by_name" varchar(200) null, add column "closure_note" text null;`,
    );
    this.addSql(`alter table "sig_case" drop constraint "sig_case_closure_reason_check";`);
    this.addSql(
      `alter table "sig_case" add constraint "sig_case_closure_reason_check" check ("closure_reason" in ('GOALS_MET', 'OTHER_INTERVENTION_NEEDED', 'PLACED_OUTSIDE_HOME', 'MOVED_TO_OTHER_MUNICIPALITY', 'MOVED_ABROAD', 'NOT_STARTED', 'DUPLICATE_PROPOSAL', 'PARTICIPATION_ENDED', 'AGE_LIMIT_REACHED'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`do $$ begin if exists (select 1 from "sig_case" where "closure_reason" in ('PARTICIPATION_ENDED', 'AGE_LIMIT_REACHED')) then raise exception 'sig_case holds the new closure reasons; reverting would lose them'; end if; end $$;`);
    this.addSql(`alter table "sig_case" drop constraint "sig_case_closure_reason_check";`);
    this.addSql(
      `alter table "sig_case" add constraint "sig_case_closure_reason_check" check ("closure_reason" in ('GOALS_MET', 'OTHER_INTERVENTION_NEEDED', 'PLACED_OUTSIDE_HOME', 'MOVED_TO_OTHER_MUNICIPALITY', 'MOVED_ABROAD', 'NOT_STARTED', 'DUPLICATE_PROPOSAL'));`,
    );
    this.addSql(
      `alter table "sig_case" drop column "activated_by_id", drop column "activated_by_name", drop column "activation_grounds", drop column "started_before_registration", drop column "closed_by_id", drop column "closed_by_name", drop column "closure_note";`,
    );
  }
}
