import { Migration } from '@mikro-orm/migrations';

export class Migration20261124125655 extends Migration {

  override name = 'Migration20261124125655';

  override up(): void | Promise<void> {
    this.addSql(`create table "action_follow_up" ("id" uuid not null, "action_id" uuid not null, "case_id" uuid not null, "meeting_id" uuid null, "status" text not null, "note" text not null, "recorded_at" timestamptz not null, "recorded_by" varchar(200) not null, primary key ("id"));`);
    this.addSql(`create index "action_follow_up_action_id_index" on "action_follow_up" ("action_id");`);
    this.addSql(`create index "action_follow_up_case_id_index" on "action_follow_up" ("case_id");`);

    this.addSql(`create table "action_plan" ("id" uuid not null, "case_id" uuid not null, "plan_version" int not null, "template" text not null, "created_at" timestamptz not null, "created_by" varchar(200) not null, primary key ("id"));`);
    this.addSql(`create index "action_plan_case_id_index" on "action_plan" ("case_id");`);
    this.addSql(`alter table "action_plan" add constraint "action_plan_case_id_plan_version_unique" unique ("case_id", "plan_version");`);

    this.addSql(`create table "sig_case" ("id" uuid not null, "young_person_id" uuid not null, "district" varchar(40) not null, "status" text not null, "target_group" text not null, "proposal_reason" text not null, "proposed_by_agency" text not null, "proposed_by_name" varchar(200) not null, "proposed_on" date not null, "assessment_started_on" date null, "activated_on" date null, "closed_on" date null, "closure_reason" text null, "age_exception_justification" text null, "age_exception_approved_by" varchar(200) null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "sig_case_young_person_id_index" on "sig_case" ("young_person_id");`);
    this.addSql(`create index "sig_case_district_index" on "sig_case" ("district");`);
    this.addSql(`create index "sig_case_status_index" on "sig_case" ("status");`);

    this.addSql(`create table "consent" ("id" uuid not null, "case_id" uuid not null, "consent_version" int not null, "valid_from" date not null, "valid_until" date not null, "form_reference" varchar(100) not null, "signatories" jsonb not null, "provisions" jsonb not null, "withdrawals" jsonb not null, "recorded_at" timestamptz not null, "recorded_by" varchar(200) not null, primary key ("id"));`);
    this.addSql(`create index "consent_case_id_index" on "consent" ("case_id");`);
    this.addSql(`alter table "consent" add constraint "consent_case_id_consent_version_unique" unique ("case_id", "consent_version");`);

    this.addSql(`create table "group_member" ("id" uuid not null, "case_id" uuid not null, "agency" text not null, "person_id" varchar(100) not null, "person_name" varchar(200) not null, "role" text not null, "from_date" date not null, "until_date" date null, primary key ("id"));`);
    this.addSql(`create index "group_member_case_id_index" on "group_member" ("case_id");`);
    this.addSql(`create index "group_member_person_id_index" on "group_member" ("person_id");`);

    this.addSql(`create table "intervention" ("id" uuid not null, "case_id" uuid not null, "kind" text not null, "granted_on" date not null, "ended_on" date null, primary key ("id"));`);
    this.addSql(`create index "intervention_case_id_index" on "intervention" ("case_id");`);

    this.addSql(`create table "meeting" ("id" uuid not null, "case_id" uuid not null, "status" text not null, "planned_for" timestamptz not null, "held_on" date null, "attendees" jsonb not null, "minutes" text null, primary key ("id"));`);
    this.addSql(`create index "meeting_case_id_index" on "meeting" ("case_id");`);

    this.addSql(`create table "plan_action" ("id" uuid not null, "goal_id" uuid not null, "plan_id" uuid not null, "case_id" uuid not null, "description" text not null, "responsible_agency" text not null, "responsible_person" varchar(200) not null, "due_date" date not null, "status" text not null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "plan_action_goal_id_index" on "plan_action" ("goal_id");`);
    this.addSql(`create index "plan_action_plan_id_index" on "plan_action" ("plan_id");`);
    this.addSql(`create index "plan_action_case_id_index" on "plan_action" ("case_id");`);

    this.addSql(`create table "plan_goal" ("id" uuid not null, "plan_id" uuid not null, "case_id" uuid not null, "parent_goal_id" uuid null, "description" text not null, "position" int not null, primary key ("id"));`);
    this.addSql(`create index "plan_goal_plan_id_index" on "plan_goal" ("plan_id");`);
    this.addSql(`create index "plan_goal_case_id_index" on "plan_goal" ("case_id");`);

    this.addSql(`create table "young_person" ("id" uuid not null, "personal_number" varchar(12) not null, "given_name" varchar(100) not null, "family_name" varchar(100) not null, "date_of_birth" date not null, "district" varchar(40) not null, primary key ("id"));`);
    this.addSql(`alter table "young_person" add constraint "young_person_personal_number_unique" unique ("personal_number");`);

    this.addSql(`alter table "action_follow_up" add constraint "action_follow_up_status_check" check ("status" in ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'));`);

    this.addSql(`alter table "action_plan" add constraint "action_plan_template_check" check ("template" in ('INDIVIDUAL_PLAN', 'EXIT_PLAN'));`);

    this.addSql(`alter table "sig_case" add constraint "sig_case_status_check" check ("status" in ('PROPOSED', 'ASSESSMENT', 'ACTIVE', 'CLOSED'));`);
    this.addSql(`alter table "sig_case" add constraint "sig_case_target_group_check" check ("target_group" in ('SIG_UNGA', 'SIG_UNGA_VUXNA'));`);
    this.addSql(`alter table "sig_case" add constraint "sig_case_proposed_by_agency_check" check ("proposed_by_agency" in ('SOCIAL_SERVICES', 'POLICE', 'SCHOOL', 'LEISURE', 'CHILD_PSYCHIATRY', 'ADDICTION_CARE', 'FIELD_ASSISTANTS', 'YOUTH_SERVICE', 'CIVIL_SOCIETY'));`);
    this.addSql(`alter table "sig_case" add constraint "sig_case_closure_reason_check" check ("closure_reason" in ('GOALS_MET', 'OTHER_INTERVENTION_NEEDED', 'PLACED_OUTSIDE_HOME', 'MOVED_TO_OTHER_MUNICIPALITY', 'MOVED_ABROAD', 'NOT_STARTED'));`);

    this.addSql(`alter table "group_member" add constraint "group_member_agency_check" check ("agency" in ('SOCIAL_SERVICES', 'POLICE', 'SCHOOL', 'LEISURE', 'CHILD_PSYCHIATRY', 'ADDICTION_CARE', 'FIELD_ASSISTANTS', 'YOUTH_SERVICE', 'CIVIL_SOCIETY'));`);
    this.addSql(`alter table "group_member" add constraint "group_member_role_check" check ("role" in ('COORDINATOR', 'LOTS', 'MEMBER'));`);

    this.addSql(`alter table "intervention" add constraint "intervention_kind_check" check ("kind" in ('FAMILY_TREATMENT', 'QUALIFIED_CONTACT_PERSON', 'YOUTH_TREATMENT', 'MST', 'ADDICTION_CARE', 'OTHER'));`);

    this.addSql(`alter table "meeting" add constraint "meeting_status_check" check ("status" in ('PLANNED', 'HELD', 'CANCELLED'));`);

    this.addSql(`alter table "plan_action" add constraint "plan_action_responsible_agency_check" check ("responsible_agency" in ('SOCIAL_SERVICES', 'POLICE', 'SCHOOL', 'LEISURE', 'CHILD_PSYCHIATRY', 'ADDICTION_CARE', 'FIELD_ASSISTANTS', 'YOUTH_SERVICE', 'CIVIL_SOCIETY'));`);
    this.addSql(`alter table "plan_action" add constraint "plan_action_status_check" check ("status" in ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "action_follow_up" cascade;`);
    this.addSql(`drop table if exists "action_plan" cascade;`);
    this.addSql(`drop table if exists "sig_case" cascade;`);
    this.addSql(`drop table if exists "consent" cascade;`);
    this.addSql(`drop table if exists "group_member" cascade;`);
    this.addSql(`drop table if exists "intervention" cascade;`);
    this.addSql(`drop table if exists "meeting" cascade;`);
    this.addSql(`drop table if exists "plan_action" cascade;`);
    this.addSql(`drop table if exists "plan_goal" cascade;`);
    this.addSql(`drop table if exists "young_person" cascade;`);
  }

}
