import { Migration } from '@mikro-orm/migrations';

export class Migration20261125033142 extends Migration {

  override name = 'Migration20261125033142';

  override up(): void | Promise<void> {

    this.addSql(`create index "sig_case_proposed_on_index" on "sig_case" ("proposed_on");`);
    this.addSql(`create index "sig_case_activated_on_index" on "sig_case" ("activated_on");`);
    this.addSql(`create index "sig_case_closed_on_index" on "sig_case" ("closed_on");`);



    this.addSql(`create index "meeting_case_id_held_on_index" on "meeting" ("case_id", "held_on");`);

    this.addSql(`create index "plan_action_due_date_index" on "plan_action" ("due_date");`);
  }

  override down(): void | Promise<void> {



    this.addSql(`drop index "meeting_case_id_held_on_index";`);

    this.addSql(`drop index "plan_action_due_date_index";`);

    this.addSql(`drop index "sig_case_proposed_on_index";`);
    this.addSql(`drop index "sig_case_activated_on_index";`);
    this.addSql(`drop index "sig_case_closed_on_index";`);

  }

}
