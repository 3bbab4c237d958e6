import { runSubgraph } from '@sig/platform/run-subgraph';
import { schoolSubgraph } from './index';

await runSubgraph(schoolSubgraph);
