import { checkPermissionTable } from '@sig/platform/guard';
import { buildSubgraphTypeDefs } from '@sig/platform/subgraph';
import { expect, it } from 'vitest';
import { policeSchema } from '../src/schema';

it('covers every type and field of the police schema in its permission table, guarding every path to case data', async () => {
  const { schema } = await buildSubgraphTypeDefs(policeSchema);
  expect(checkPermissionTable(schema, policeSchema.permissions as Record<string, unknown>)).toEqual([]);
});
