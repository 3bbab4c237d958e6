import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { SUBGRAPHS, SUBGRAPH_AGENCIES, type SubgraphEntry } from '@sig/platform/access';
import { DEFAULT_PORTS } from '@sig/platform/runtime';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SYSTEM_PORTS, ROOT, SUBGRAPH_MODULES, subgraphMain } from '@sig/dev-kit';

const sorted = (values: Iterable<string>) => [...values].sort();
const compose = parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true, maxAliasCount: -1 }) as any;
const env = (service: string): Record<string, string> => compose.services[service]?.environment ?? {};
const dbName = (s: SubgraphEntry) => `sig_${s.databasePart}`;

describe('the subgraph registry', () => {
  it('names each agency, subgraph, port, setting and compose name once', () => {
    for (const key of ['agency', 'name', 'databasePart'] as const) expect(new Set(SUBGRAPHS.map((s) => s[key])).size).toBe(SUBGRAPHS.length);
    const ports = [DEFAULT_PORTS.gateway.port, DEFAULT_PORTS.postgres.port, ...SUBGRAPHS.map((s) => s.port.default)];
    expect(new Set(ports).size).toBe(ports.length);
    const settings = SUBGRAPHS.flatMap((s) => [s.port.env, s.urlEnv, s.databaseUrlEnv, s.ownerDatabaseUrlEnv, s.appRoleEnv, s.compose.ownerPasswordEnv, s.compose.appPasswordEnv]);
    expect(new Set(settings).size).toBe(settings.length);
  });

  it('has a folder under subgraphs/ per entry, and no other', () => {
    const folders = fs.readdirSync(path.join(ROOT, 'subgraphs'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(sorted(folders)).toEqual(sorted(SUBGRAPHS.map((s) => s.name)));
    for (const s of SUBGRAPHS) expect(fs.existsSync(subgraphMain(s.agency)), subgraphMain(s.agency)).toBe(true);
  });

  it('is what the module loaders are keyed by, each loading its own subgraph', async () => {
    expect(sorted(Object.keys(SUBGRAPH_MODULES))).toEqual(sorted(SUBGRAPH_AGENCIES));
    for (const s of SUBGRAPHS) {
      const module = await SUBGRAPH_MODULES[s.agency]();
      expect(module.agency).toBe(s.agency);
      expect(module.migrationsPath).toBe(path.join(ROOT, 'subgraphs', s.name, 'src', 'migrations'));
    }
  });

  it('gives the ports the start script and the code use', () => {
    for (const s of SUBGRAPHS) {
      expect(DEFAULT_PORTS[s.agency]).toEqual({ env: s.port.env, port: s.port.default });
      expect(DEFAULT_SYSTEM_PORTS.subgraphs[s.agency]).toBe(s.port.default);
    }
  });
});

describe('docker-compose.yml, built from the registry', () => {
  it('has a database, a subgraph, two networks and a volume per entry, and nothing else per agency', () => {
    expect(sorted(Object.keys(compose.services))).toEqual(sorted(['gateway', 'migrate', ...SUBGRAPHS.flatMap((s) => [s.compose.databaseService, s.compose.service])]));
    expect(sorted(Object.keys(compose.networks))).toEqual(sorted(['public', ...SUBGRAPHS.flatMap((s) => [s.compose.databaseNetwork, s.compose.apiNetwork])]));
    expect(sorted(Object.keys(compose.volumes))).toEqual(sorted(SUBGRAPHS.map((s) => s.compose.volume)));
  });

  it.each(SUBGRAPHS.map((s) => [s.name, s] as const))('wires %s by the registry’s names', (_, s) => {
    const c = s.compose;
    const db = compose.services[c.databaseService];
    expect(db.environment.POSTGRES_DB).toBe(dbName(s));
    expect(db.environment.POSTGRES_PASSWORD).toContain(`\${${c.ownerPasswordEnv}:`);
    expect(db.environment.APP_DB_PASSWORD).toContain(`\${${c.appPasswordEnv}:`);
    expect(db.volumes[0]).toBe(`${c.volume}:/var/lib/postgresql/data`);
    expect(db.networks).toEqual([c.databaseNetwork]);

    const subgraph = compose.services[c.service];
    expect(subgraph.command).toEqual(['node', '--import', 'tsx', `subgraphs/${s.name}/src/main.ts`]);
    expect(env(c.service)[s.port.env]).toBe(String(s.port.default));
    expect(env(c.service)[s.databaseUrlEnv]).toBe(`postgres://${dbName(s)}_app:\${${c.appPasswordEnv}:?run npx tsx scripts/keys.ts --env > .env}@${c.databaseService}:5432/${dbName(s)}`);
    expect(subgraph.healthcheck.test.join(' ')).toContain(`http://127.0.0.1:${s.port.default}/healthz`);
    expect(subgraph.networks).toEqual([c.databaseNetwork, c.apiNetwork]);

    expect(env('migrate')[s.ownerDatabaseUrlEnv]).toBe(`postgres://${dbName(s)}:\${${c.ownerPasswordEnv}:?run npx tsx scripts/keys.ts --env > .env}@${c.databaseService}:5432/${dbName(s)}`);
    expect(env('migrate')[s.appRoleEnv]).toBe(`${dbName(s)}_app`);
    expect(compose.services.migrate.depends_on[c.databaseService]).toEqual({ condition: 'service_healthy' });
    expect(compose.services.migrate.networks).toContain(c.databaseNetwork);

    expect(env('gateway')[s.urlEnv]).toBe(`http://${c.service}:${s.port.default}/graphql`);
    expect(compose.services.gateway.depends_on[c.service]).toEqual({ condition: 'service_healthy' });
    expect(compose.services.gateway.networks).toContain(c.apiNetwork);
  });
});

/**
 * Source that names three or more of the registry's agencies within a few lines is a list of them
 * written by hand. The registry is the one list; the files below name agencies for another reason.
 */
const ALLOWED = new Map([
  ['packages/platform/src/access/subgraphs.ts', 'the registry itself'],
  ['packages/platform/src/access/agency.ts', 'the Agency vocabulary: every agency, with a subgraph or not'],
  ['packages/dev-kit/src/scenario.ts', 'demo data: which agencies take part in a demo case, and how often'],
  ['test/support/statistics-fixture.ts', 'hand-worked statistics facts per agency, written into each database'],
  ['packages/platform/src/access/categories.ts', 'the consent catalogue: which data categories each source agency holds (domain data; test/category-catalogue.test.ts holds it equal to the permission tables)'],
]);

describe('no other list of the subgraph agencies', () => {
  const WINDOW = 6;
  const files = (dir: string): string[] =>
    fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
      const rel = path.join(dir, d.name);
      if (d.isDirectory()) return d.name === 'node_modules' || d.name === 'generated' ? [] : files(rel);
      return /\.(ts|sh|json)$/.test(d.name) ? [rel] : [];
    });
  const mentions = (line: string) =>
    SUBGRAPHS.filter((s) => new RegExp(`\\bAgency\\.${s.agency}\\b|['"\`]${s.agency}['"\`]|\\b${s.agency}_[A-Z]|['"\`/]${s.name}['"\`/]|\\bdb-${s.name}\\b`).test(line)).map((s) => s.agency);

  /** `file:line` of each window of lines naming three or more subgraph agencies. */
  function lists(text: string, file: string): string[] {
    const lines = text.split('\n').map(mentions);
    const found: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (new Set(lines.slice(i, i + WINDOW).flat()).size >= 3 && lines[i].length) found.push(`${file}:${i + 1}`);
    }
    return found.filter((hit, i) => i === 0 || Number(hit.split(':').pop()) - Number(found[i - 1].split(':').pop()) > WINDOW);
  }

  it('finds a list written by hand', () => {
    expect(lists(`const x = {\n  [Agency.POLICE]: 1,\n  [Agency.SCHOOL]: 2,\n  [Agency.LEISURE]: 3,\n};`, 'x.ts')).toEqual(['x.ts:2']);
    expect(lists(`POLICE_DB_PASSWORD: password(),\nSCHOOL_DB_PASSWORD: password(),\nLEISURE_DB_PASSWORD: password(),`, 'keys.ts')).toEqual(['keys.ts:1']);
  });

  it('is written in the platform, the gateway, the scripts and the tests’ support', () => {
    const sources = [...files('packages/platform/src'), ...files('gateway/src'), ...files('scripts'), ...files('packages/dev-kit/src'), ...files('test/support'), ...files('docker'), 'vitest.config.ts'];
    const found = sources.filter((f) => !ALLOWED.has(f)).flatMap((f) => lists(fs.readFileSync(path.join(ROOT, f), 'utf8'), f));
    expect(found).toEqual([]);
  });
});
