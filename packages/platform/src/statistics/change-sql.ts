/** The channel on which an agency database announces, at commit, every change statistics are computed from. */
export const STATISTICS_CHANNEL = 'sig_statistics_changed';

const ident = (name: string) => {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`unsafe SQL identifier: ${name}`);
  return `"${name}"`;
};

/**
 * Migration statements (up and down) that make a database announce changes to the tables its
 * statistics read (one NOTIFY per statement, at commit), and the database settings the statistics
 * queries want: no JIT compilation (it costs more than it saves on these and on the OLTP queries)
 * and enough work memory to aggregate in memory.
 */
export function statisticsChangeFeedSql(tables: string[]): { up: string[]; down: string[] } {
  return {
    up: [
      `create or replace function notify_statistics_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('${STATISTICS_CHANNEL}', tg_table_name);
  return null;
end $$;`,
      ...tables.map((t) => `create trigger ${t}_statistics_changed after insert or update or delete or truncate on ${ident(t)} for each statement execute function notify_statistics_changed();`),
      `do $$ begin execute format('alter database %I set jit = off', current_database()); execute format('alter database %I set work_mem = %L', current_database(), '16MB'); end $$;`,
    ],
    down: [
      `do $$ begin execute format('alter database %I reset jit', current_database()); execute format('alter database %I reset work_mem', current_database()); end $$;`,
      `drop function if exists notify_statistics_changed() cascade;`,
    ],
  };
}
