/**
 * The access log's hash chain: every row of `access_log` carries its place in the chain
 * (`chain_seq`, 1, 2, 3, … without gaps), the hash of the row before it (`prev_hash`) and its own
 * hash (`row_hash` = sha256(prev_hash || canonical encoding of the row)). A BEFORE INSERT trigger,
 * owned by the database's owner role and run with its rights, links each new row to the head of
 * the chain (the one-row table `access_log_chain_head`, which the application login may read but
 * not write), so whatever the inserter supplies for the chain columns is overwritten. Changing,
 * removing or forging a row afterwards (which only a superuser or the owner can do at all) breaks
 * the chain at that row; `verifyAccessLogChain` (verify.ts) finds it.
 *
 * The canonical encoding (v1), computed in SQL by `access_log_chain_canonical` and, independently,
 * in TypeScript by `accessLogCanonical`: a sequence of fields, each a 4-byte big-endian signed
 * length and that many bytes of UTF-8 text, or the length -1 and no bytes for NULL; an array is
 * its element count (4 bytes, or -1 for NULL) followed by each element encoded as a field. The
 * fields, in order: the tag `sig-access-log/v1`, chain_seq, id, at (UTC, microseconds:
 * `YYYY-MM-DDTHH:MI:SS.USZ`), actor_id, actor_name, actor_agency, actor_unit, case_id, case_ids
 * (array), source_agency, categories (array), operation_name, purpose, decision, reason,
 * legal_basis. Numbers and uuids in PostgreSQL's text form. The first row's prev_hash, and the
 * head's hash of an empty chain, is 32 zero bytes.
 *
 * Used by each subgraph's migration of 2026-12-01; frozen once released (change it only in a new
 * migration, with a new tag).
 */

/** The tag that opens every row's canonical encoding: names the encoding's version. */
export const ACCESS_LOG_CHAIN_TAG = 'sig-access-log/v1';

/** prev_hash of the first row; the head's hash while the chain is empty. */
export const ACCESS_LOG_CHAIN_GENESIS_HEX = '0'.repeat(64);

/** How the encoding writes `at`: to_char's pattern, applied to the time in UTC. */
export const ACCESS_LOG_CHAIN_AT_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"';

const FUNCTIONS = [
  // One text field: its length (4 bytes, big-endian) and its UTF-8 bytes; NULL is the length -1.
  `create or replace function public.access_log_chain_text(v text) returns bytea language sql stable parallel safe as $$
  select case when v is null then '\\xffffffff'::bytea
    else pg_catalog.int4send(pg_catalog.octet_length(pg_catalog.convert_to(v, 'UTF8'))) || pg_catalog.convert_to(v, 'UTF8') end
$$;`,
  // An array of text: its element count (4 bytes), then each element as a field; NULL is -1.
  `create or replace function public.access_log_chain_array(v text[]) returns bytea language sql stable parallel safe as $$
  select case when v is null then '\\xffffffff'::bytea
    else pg_catalog.int4send(pg_catalog.cardinality(v)) || coalesce((select pg_catalog.string_agg(public.access_log_chain_text(e), ''::bytea order by i) from pg_catalog.unnest(v) with ordinality as u(e, i)), ''::bytea) end
$$;`,
  // The encoding of a row's content columns (all of them but its place in the chain).
  `create or replace function public.access_log_chain_content(r public.access_log) returns bytea language sql stable parallel safe as $$
  select public.access_log_chain_text(r.id::text)
    || public.access_log_chain_text(pg_catalog.to_char(r.at at time zone 'UTC', '${ACCESS_LOG_CHAIN_AT_FORMAT}'))
    || public.access_log_chain_text(r.actor_id::text)
    || public.access_log_chain_text(r.actor_name::text)
    || public.access_log_chain_text(r.actor_agency::text)
    || public.access_log_chain_text(r.actor_unit::text)
    || public.access_log_chain_text(r.case_id::text)
    || public.access_log_chain_array(r.case_ids::text[])
    || public.access_log_chain_text(r.source_agency::text)
    || public.access_log_chain_array(r.categories::text[])
    || public.access_log_chain_text(r.operation_name::text)
    || public.access_log_chain_text(r.purpose::text)
    || public.access_log_chain_text(r.decision::text)
    || public.access_log_chain_text(r.reason::text)
    || public.access_log_chain_text(r.legal_basis::text)
$$;`,
  // The canonical encoding of one row at place seq of the chain: the tag, seq, then the content.
  `create or replace function public.access_log_chain_canonical(seq bigint, r public.access_log) returns bytea language sql stable parallel safe as $$
  select public.access_log_chain_text('${ACCESS_LOG_CHAIN_TAG}') || public.access_log_chain_text(seq::text) || public.access_log_chain_content(r)
$$;`,
];

/**
 * The trigger: the row's content encoded first (a plain expression, planned once), then one
 * UPDATE … RETURNING on the head, which locks it until the inserting transaction ends (inserts are
 * serialised per database), advances it and hands the new row its link. SECURITY DEFINER (the
 * owner's rights: the inserter cannot write the head itself) with a fixed search_path. In an
 * UPDATE, every right-hand side reads the row as it was: prev_hash takes the old hash.
 *
 * With the whole encoding inside the UPDATE (the row as a parameter), PostgreSQL planned that
 * UPDATE, its large inlined expression, again for every row, many times slower than this
 * (docs/decisions.md, "The access log is a hash chain").
 */
const TRIGGER = [
  `create or replace function public.access_log_chain_link() returns trigger language plpgsql security definer set search_path = pg_catalog, public, pg_temp as $$
declare
  content bytea := public.access_log_chain_content(new);
begin
  update public.access_log_chain_head h
     set seq = h.seq + 1,
         prev_hash = h.hash,
         hash = pg_catalog.sha256(h.hash || public.access_log_chain_text('${ACCESS_LOG_CHAIN_TAG}') || public.access_log_chain_text((h.seq + 1)::text) || content)
   returning h.seq, h.prev_hash, h.hash into new.chain_seq, new.prev_hash, new.row_hash;
  if not found then
    raise exception 'access_log_chain_head has no row: the access log cannot be chained' using errcode = 'object_not_in_prerequisite_state';
  end if;
  return new;
end $$;`,
  `revoke all on function public.access_log_chain_link() from public;`,
  `create trigger access_log_chain_link before insert on access_log for each row execute function public.access_log_chain_link();`,
];

/**
 * Migration statements (up and down) that chain the access log: the columns (and `purpose`, the
 * server-derived why of a request, which the hash covers too), the head, the functions, the rows
 * already there linked in id order as one chain, then the trigger for every row to come. `down`
 * refuses once a row holds a purpose (reverting would lose it), like the case_ids migration.
 */
export const ACCESS_LOG_CHAIN_SQL = Object.freeze({
  up: Object.freeze([
    `alter table "access_log" add column "chain_seq" bigint null, add column "prev_hash" bytea null, add column "row_hash" bytea null, add column "purpose" varchar(200) null;`,
    `create table "access_log_chain_head" ("id" boolean not null default true, "seq" bigint not null, "prev_hash" bytea not null, "hash" bytea not null, constraint "access_log_chain_head_pkey" primary key ("id"), constraint "access_log_chain_head_one_row" check ("id"));`,
    `insert into "access_log_chain_head" ("id", "seq", "prev_hash", "hash") values (true, 0, '\\x${ACCESS_LOG_CHAIN_GENESIS_HEX}'::bytea, '\\x${ACCESS_LOG_CHAIN_GENESIS_HEX}'::bytea);`,
    `revoke all on table "access_log_chain_head" from public;`,
    ...FUNCTIONS,
    // The rows already logged, in id order, one chain (the append-only trigger is off for this only).
    `alter table "access_log" disable trigger "access_log_no_update";`,
    `do $$
declare
  r public.access_log;
  content bytea;
begin
  for r in select * from public.access_log order by id loop
    content := public.access_log_chain_content(r);
    update public.access_log_chain_head h
       set seq = h.seq + 1,
           prev_hash = h.hash,
           hash = pg_catalog.sha256(h.hash || public.access_log_chain_text('${ACCESS_LOG_CHAIN_TAG}') || public.access_log_chain_text((h.seq + 1)::text) || content)
     returning h.seq, h.prev_hash, h.hash into r.chain_seq, r.prev_hash, r.row_hash;
    update public.access_log set chain_seq = r.chain_seq, prev_hash = r.prev_hash, row_hash = r.row_hash where id = r.id;
  end loop;
end $$;`,
    `alter table "access_log" enable trigger "access_log_no_update";`,
    `alter table "access_log" alter column "chain_seq" set not null, alter column "prev_hash" set not null, alter column "row_hash" set not null;`,
    `alter table "access_log" add constraint "access_log_chain_seq_unique" unique ("chain_seq");`,
    ...TRIGGER,
  ]),
  down: Object.freeze([
    `do $$ begin if exists (select 1 from access_log where purpose is not null) then raise exception 'access_log holds rows with a purpose; reverting would lose it'; end if; end $$;`,
    `drop trigger "access_log_chain_link" on "access_log";`,
    `drop function public.access_log_chain_link();`,
    `drop function public.access_log_chain_canonical(bigint, public.access_log);`,
    `drop function public.access_log_chain_content(public.access_log);`,
    `drop function public.access_log_chain_array(text[]);`,
    `drop function public.access_log_chain_text(text);`,
    `drop table "access_log_chain_head";`,
    `alter table "access_log" drop constraint "access_log_chain_seq_unique";`,
    `alter table "access_log" drop column "chain_seq", drop column "prev_hash", drop column "row_hash", drop column "purpose";`,
  ]),
});
