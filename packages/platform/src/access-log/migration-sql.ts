/**
 * SQL that makes `access_log` append-only for every role, the owner included: updates, deletes and
 * truncation raise an error. Used by each subgraph's migration; frozen once released (change it
 * only in a new migration).
 */
export const ACCESS_LOG_APPEND_ONLY_SQL = [
  `create or replace function access_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'access_log is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end $$;`,
  `create trigger access_log_no_update before update or delete on access_log for each row execute function access_log_append_only();`,
  `create trigger access_log_no_truncate before truncate on access_log for each statement execute function access_log_append_only();`,
];

/**
 * SQL that lets one access-log row hold a decision on many cases (`case_ids`, GIN-indexed), beside
 * the rows of one case (`case_id`) written before; exactly one of the two is set. Used by each
 * subgraph's migration of 2026-11-25; frozen once released. `down` refuses once such rows exist:
 * reverting would lose their cases, and the log is kept.
 */
export const ACCESS_LOG_CASE_IDS_SQL = {
  up: [
    `alter table "access_log" add "case_ids" uuid[] null;`,
    `alter table "access_log" alter column "case_id" drop not null;`,
    `create index "access_log_case_ids_index" on "access_log" using gin ("case_ids");`,
    `alter table "access_log" add constraint "access_log_one_form_of_case" check ((case_id is null) <> (case_ids is null));`,
  ],
  down: [
    `do $$ begin if exists (select 1 from access_log where case_ids is not null) then raise exception 'access_log holds rows of many cases; reverting would lose them'; end if; end $$;`,
    `drop index "access_log_case_ids_index";`,
    `alter table "access_log" drop constraint "access_log_one_form_of_case";`,
    `alter table "access_log" drop column "case_ids";`,
    `alter table "access_log" alter column "case_id" set not null;`,
  ],
};
