import { runSubgraph } from '@sig/platform/subgraph';
import { schoolSubgraph } from './index';

await runSubgraph(schoolSubgraph);
