import type { EntityClass, EntityProperty, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

/**
 * Per-request dataloaders, created on first use and kept in the request context, so that
 * entity references and per-case lists are loaded in one query per batch, not one per item.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<any, any>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** Orders rows into one slot per key, in the keys' order: the shape DataLoader and `_entities` require. */
export function byKeys<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): (R | null)[] {
  const index = new Map<K, R>();
  for (const row of rows) index.set(keyOf(row), row);
  return keys.map((k) => index.get(k) ?? null);
}

/** Groups rows into one list per key, in the keys' order (empty lists for keys without rows). */
export function groupByKeys<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return keys.map((k) => groups.get(k) ?? []);
}

/** Per entity class: the properties whose database value MikroORM converts (decimals, JSON, dates). */
const CONVERTED = new WeakMap<object, EntityProperty[]>();

/**
 * Rows of `entity` for reading only: plain objects with the entity's property names and the values
 * MikroORM's own types give them, without managed entities (no identity map, no change-tracking
 * snapshot), which is several times cheaper than hydrating entities (docs/decisions.md, "Reads
 * return plain rows"). Every read path of the subgraphs uses these; writes load
 * managed entities with `em.findOne` and flush them. A test checks that both give the same values
 * for every entity.
 */
export async function readOnlyRows<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  orderBy?: QueryOrderMap<T>,
  limit?: number,
): Promise<T[]> {
  const qb = em.createQueryBuilder(entity).select('*').where(where as never);
  if (orderBy) qb.orderBy(orderBy);
  if (limit !== undefined) qb.limit(limit);
  const rows: Record<string, unknown>[] = await qb.execute('all');
  let converted = CONVERTED.get(entity);
  if (!converted) {
    converted = em.getMetadata().get(entity).props.filter((prop) => prop.customType);
    CONVERTED.set(entity, converted);
  }
  const platform = em.getPlatform();
  for (const row of rows) {
    for (const prop of converted) {
      const value = row[prop.name];
      if (value !== null && value !== undefined) row[prop.name] = prop.customType!.convertToJSValue(value, platform);
    }
  }
  return rows as T[];
}

/** What a request context offers the batched loads below. */
export interface LoadContext {
  em: EntityManager;
  loaders: RequestLoaders;
}

/**
 * The rows of `entity` whose `key` equals `value`, loaded for every value asked for in the same
 * request with one query (`key IN (…)`), ordered, and grouped back per value. Read-only rows
 * (`readOnlyRows`): for reading, never for changing and flushing.
 */
export function rowsBy<T extends object, K extends keyof T & string>(
  ctx: LoadContext,
  entity: EntityClass<T>,
  key: K,
  value: string,
  orderBy: Partial<Record<keyof T & string, 'asc' | 'desc'>>,
): Promise<T[]> {
  return ctx.loaders
    .get<string, T[]>(`${entity.name}:${key}:${JSON.stringify(orderBy)}`, async (values) => {
      const rows = await readOnlyRows(ctx.em, entity, { [key]: { $in: [...values] } } as FilterQuery<T>, orderBy as QueryOrderMap<T>);
      return groupByKeys(values, rows, (row) => row[key] as unknown as string);
    })
    .load(value);
}

/**
 * The per-request loader behind `rowBy`: one row of `entity` per value of `key` (or null). Rows a
 * request has read another way (a list) can be primed into it, so they are not read again.
 */
export function rowLoader<T extends object, K extends keyof T & string>(ctx: LoadContext, entity: EntityClass<T>, key: K): DataLoader<string, T | null> {
  return ctx.loaders.get<string, T | null>(`${entity.name}:${key}:one`, async (values) => {
    const rows = await readOnlyRows(ctx.em, entity, { [key]: { $in: [...values] } } as FilterQuery<T>);
    return byKeys(values, rows, (row) => row[key] as unknown as string);
  });
}

/** The one row of `entity` whose `key` equals `value` (or null), batched per request like `rowsBy` (read-only too). */
export function rowBy<T extends object, K extends keyof T & string>(ctx: LoadContext, entity: EntityClass<T>, key: K, value: string): Promise<T | null> {
  return rowLoader(ctx, entity, key).load(value);
}
