import { checkPermissionTable } from '@sig/platform/guard';
import { buildSubgraphTypeDefs } from '@sig/platform/subgraph';
import { expect, it } from 'vitest';
import { socialServicesSchema } from '../src/schema';

it('covers every type and field of the social-services schema in its permission table, guarding every path to case data', async () => {
  const { schema } = await buildSubgraphTypeDefs(socialServicesSchema);
  expect(checkPermissionTable(schema, socialServicesSchema.permissions as Record<string, unknown>)).toEqual([]);
});
