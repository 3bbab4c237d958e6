import { runSubgraph } from '@sig/platform/run-subgraph';
import { socialServicesSubgraph } from './index';

await runSubgraph(socialServicesSubgraph);
