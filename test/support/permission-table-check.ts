/**
 * Checks one subgraph's permission table against its schema and prints the problems as JSON
 * (test/permissions.test.ts runs it once per registry entry). A process of its own per subgraph,
 * as in production: type-graphql keeps its metadata per process, and shared classes such as the
 * statistics report would gather the fields of every subgraph built beside them.
 */
import { subgraphAgency } from '@sig/platform/access';
import { checkPermissionTable } from '@sig/platform/guard';
import { buildSubgraphTypeDefs } from '@sig/platform/subgraph';
import { SUBGRAPH_MODULES } from '@sig/dev-kit';

const module = await SUBGRAPH_MODULES[subgraphAgency(process.argv[2])]();
const { schema } = await buildSubgraphTypeDefs(module.schema);
process.stdout.write(JSON.stringify({ agency: module.agency, problems: checkPermissionTable(schema, module.schema.permissions as Record<string, unknown>) }));
