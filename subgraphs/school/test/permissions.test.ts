import { checkPermissionTable } from '@sig/platform/guard';
import { buildSubgraphTypeDefs } from '@sig/platform/subgraph';
import { expect, it } from 'vitest';
import { schoolSchema } from '../src/schema';

it('covers every type and field of the school schema in its permission table, guarding every path to case data', async () => {
  const { schema } = await buildSubgraphTypeDefs(schoolSchema);
  expect(checkPermissionTable(schema, schoolSchema.permissions as Record<string, unknown>)).toEqual([]);
});
