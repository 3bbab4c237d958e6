/**
 * `npm run schema:release`: records the current client-facing schema (schema/api.graphql) as the
 * released one that the breaking-change guard compares against, and empties the list of intended
 * breaking changes (they are now released).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '@sig/dev-kit';

const schemaDir = path.join(ROOT, 'schema');
fs.mkdirSync(path.join(schemaDir, 'released'), { recursive: true });
fs.copyFileSync(path.join(schemaDir, 'api.graphql'), path.join(schemaDir, 'released', 'api.graphql'));
fs.writeFileSync(path.join(schemaDir, 'intended-breaking-changes.json'), '[]\n');
console.log('schema/released/api.graphql is now the released schema; intended breaking changes cleared');
