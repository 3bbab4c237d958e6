import type { EntityClass } from '@mikro-orm/core';
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

/** What a request context offers the batched loads below. */
interface LoadContext {
  em: EntityManager;
  loaders: RequestLoaders;
}

/**
 * The rows of `entity` whose `key` equals `value`, loaded for every value asked for in the same
 * request with one query (`key IN (…)`), ordered, and grouped back per value.
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
      const rows = await ctx.em.find(entity, { [key]: { $in: [...values] } } as any, { orderBy: orderBy as any });
      return groupByKeys(values, rows, (row) => row[key] as unknown as string);
    })
    .load(value);
}

/** The one row of `entity` whose `key` equals `value` (or null), batched per request like `rowsBy`. */
export function rowBy<T extends object, K extends keyof T & string>(ctx: LoadContext, entity: EntityClass<T>, key: K, value: string): Promise<T | null> {
  return ctx.loaders
    .get<string, T | null>(`${entity.name}:${key}:one`, async (values) => {
      const rows = await ctx.em.find(entity, { [key]: { $in: [...values] } } as any);
      return byKeys(values, rows, (row) => row[key] as unknown as string);
    })
    .load(value);
}
