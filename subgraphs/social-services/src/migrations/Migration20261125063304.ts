import { Migration } from '@mikro-orm/migrations';

/** The access log: one row per decision on many cases (a list), with the cases in `case_ids`. */
export class Migration20261125063304 extends Migration {

  override name = 'Migration20261125063304';

  override up(): void | Promise<void> {
    this.addSql(`alter table "access_log" add "case_ids" uuid[] null;`);
    this.addSql(`alter table "access_log" alter column "case_id" drop not null;`);
    this.addSql(`create index "access_log_case_ids_index" on "access_log" using gin ("case_ids");`);
    this.addSql(`alter table "access_log" add constraint "access_log_one_form_of_case" check ((case_id is null) <> (case_ids is null));`);







  }

  override down(): void | Promise<void> {
    // The access log is kept: rows of many cases cannot be turned back into the old form.
    this.addSql(`do $$ begin if exists (select 1 from access_log where case_ids is not null) then raise exception 'access_log holds rows of many cases; reverting would lose them'; end if; end $$;`);
    this.addSql(`drop index "access_log_case_ids_index";`);
    this.addSql(`alter table "access_log" drop constraint "access_log_one_form_of_case";`);
    this.addSql(`alter table "access_log" drop column "case_ids";`);
    this.addSql(`alter table "access_log" alter column "case_id" set not null;`);








  }

}
