import { runSubgraph } from '@sig/platform/subgraph';
import { policeSubgraph } from './index';

await runSubgraph(policeSubgraph);
