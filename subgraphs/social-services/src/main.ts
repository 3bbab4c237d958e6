import { runSubgraph } from '@sig/platform/subgraph';
import { socialServicesSubgraph } from './index';
import { intakeSettings } from './intake-settings';
import { lookupHashKey } from './lookup-log';

// Refuses to start without the secret of the lookup log's keyed hash (no lookup could be logged),
// or with intake settings (target-group ages, the exception floor) it cannot read.
try {
  lookupHashKey();
  intakeSettings();
} catch (error) {
  console.error(`social-services: ${(error as Error).message}`);
  process.exit(1);
}

await runSubgraph(socialServicesSubgraph);
