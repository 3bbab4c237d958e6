import { runSubgraph } from '@sig/platform/subgraph';
import { leisureSubgraph } from './index';

await runSubgraph(leisureSubgraph);
