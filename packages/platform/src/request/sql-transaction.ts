import { CompiledQuery } from 'kysely';

/**
 * Runs a parameterised statement (`$1`, `$2`, …) inside an EntityManager's open transaction: under
 * MikroORM 7 its transaction context is Kysely's transaction.
 */
export async function executeInTransaction(transaction: unknown, text: string, values: readonly unknown[]): Promise<void> {
  if (!transaction) throw new Error('executeInTransaction needs an open transaction');
  await (transaction as { executeQuery(q: CompiledQuery): Promise<unknown> }).executeQuery(CompiledQuery.raw(text, [...values]));
}
