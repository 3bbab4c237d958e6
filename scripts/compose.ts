/**
 * `npm run compose`: builds each subgraph's SDL from its type-graphql classes, composes the
 * supergraph with @apollo/composition, and writes both into schema/.
 * `npm run compose:check`: fails when the committed files differ from what the code produces,
 * or when composition fails (with the composer's messages).
 */
import { composeServices } from '@apollo/composition';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse, printSchema } from 'graphql';
import { DEFAULT_PORTS } from '@sig/platform/runtime';
import { SUBGRAPH_AGENCIES, SUBGRAPH_NAME } from '@sig/platform/access';
import { ROOT } from '@sig/dev-kit';

const check = process.argv.includes('--check');
const run = promisify(execFile);
const schemaDir = path.join(ROOT, 'schema');

// One process per subgraph: each builds only its own type-graphql schema, as in production.
const sdls = await Promise.all(
  SUBGRAPH_AGENCIES.map(async (agency) => {
    const name = SUBGRAPH_NAME[agency];
    const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'print-sdl.ts'), name], { cwd: ROOT, maxBuffer: 10 * 1024 * 1024 });
    return { agency, name, sdl: stdout };
  }),
);

const result = composeServices(
  sdls.map(({ agency, name, sdl }) => ({ name, typeDefs: parse(sdl), url: `http://127.0.0.1:${DEFAULT_PORTS[agency].port}/graphql` })),
);
if (result.errors) {
  console.error('composition failed:');
  for (const error of result.errors) console.error(`  - ${error.message}`);
  process.exit(1);
}

const files: Record<string, string> = Object.fromEntries(sdls.map(({ name, sdl }) => [`${name}.graphql`, sdl]));
files['supergraph.graphql'] = `${result.supergraphSdl.trimEnd()}\n`;
// The schema clients see (no federation machinery): what the description check, the breaking-change
// guard and the typed clients read.
files['api.graphql'] = `${printSchema(result.schema.toAPISchema().toGraphQLJSSchema()).trimEnd()}\n`;

if (check) {
  const stale = Object.entries(files).filter(([file, text]) => {
    const target = path.join(schemaDir, file);
    return !fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text;
  });
  if (stale.length > 0) {
    console.error(`schema/ is stale: ${stale.map(([f]) => f).join(', ')} differ from what the code produces. Run: npm run compose`);
    process.exit(1);
  }
  console.log(`schema/ is up to date (${Object.keys(files).length} files; composition ok)`);
} else {
  fs.mkdirSync(schemaDir, { recursive: true });
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(schemaDir, file), text);
  console.log(`wrote ${Object.keys(files).map((f) => `schema/${f}`).join(', ')}`);
}
