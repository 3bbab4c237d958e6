import { runSubgraph } from '@sig/platform/run-subgraph';
import { leisureSubgraph } from './index';

await runSubgraph(leisureSubgraph);
