import { runSubgraph } from '@sig/platform/run-subgraph';
import { policeSubgraph } from './index';

await runSubgraph(policeSubgraph);
