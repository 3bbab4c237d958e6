import { checkPermissionTable } from '@sig/platform/guard';
import { buildSubgraphTypeDefs } from '@sig/platform/subgraph';
import { expect, it } from 'vitest';
import { leisureSchema } from '../src/schema';

it('covers every type and field of the leisure schema in its permission table, guarding every path to case data', async () => {
  const { schema } = await buildSubgraphTypeDefs(leisureSchema);
  expect(checkPermissionTable(schema, leisureSchema.permissions as Record<string, unknown>)).toEqual([]);
});
