/** Prints one subgraph's SDL (used by compose.ts, one process per subgraph). */
import { SUBGRAPH_AGENCIES, SUBGRAPH_NAME } from '@sig/platform/access';
import { buildSubgraphTypeDefs } from '@sig/platform/subgraph';
import { SUBGRAPH_MODULES } from '@sig/dev-kit';

const agency = SUBGRAPH_AGENCIES.find((a) => SUBGRAPH_NAME[a] === process.argv[2]);
if (!agency) {
  console.error(`usage: print-sdl <${SUBGRAPH_AGENCIES.map((a) => SUBGRAPH_NAME[a]).join('|')}>`);
  process.exit(2);
}
const module = await SUBGRAPH_MODULES[agency]();
process.stdout.write((await buildSubgraphTypeDefs(module.schema)).sdl + '\n');
