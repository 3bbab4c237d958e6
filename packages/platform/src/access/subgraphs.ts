import type { Agency } from './agency';

/**
 * One agency subgraph as every part of the platform names it: the code (ports, URLs, database
 * settings), the scripts (start, provisioning, migrations, keys), docker-compose.yml and the tests.
 * Everything but `agency`, `name` and the default port follows from the name by convention, so that
 * the compose file, docker/create-agency-owner.sh and the provisioning agree without a second list.
 */
export interface SubgraphEntry {
  readonly agency: Agency;
  /** In the supergraph, in URLs, the folder `subgraphs/<name>/`, and the compose service. */
  readonly name: string;
  /** Its part of the database's and the logins' names: `<prefix>_<databasePart>` (prefix `sig` in compose). */
  readonly databasePart: string;
  readonly port: { readonly env: string; readonly default: number };
  /** Where the gateway finds it (`<AGENCY>_URL`). */
  readonly urlEnv: string;
  /** The subgraph's own connection: the application login (`<AGENCY>_DATABASE_URL`). */
  readonly databaseUrlEnv: string;
  /** The owner's connection, for migrations, seeding and the audit (`<AGENCY>_OWNER_DATABASE_URL`). */
  readonly ownerDatabaseUrlEnv: string;
  /** The application login's role, if not the owner's name and `_app` (`<AGENCY>_APP_DB_ROLE`). */
  readonly appRoleEnv: string;
  /** Its services, networks, volume and .env passwords in docker-compose.yml. */
  readonly compose: {
    readonly service: string;
    readonly databaseService: string;
    readonly databaseNetwork: string;
    readonly apiNetwork: string;
    readonly volume: string;
    readonly ownerPasswordEnv: string;
    readonly appPasswordEnv: string;
  };
}

/**
 * An entry, its settings and compose names derived from the agency and the name. The agency is
 * given as its enum value's text, checked against `Agency` by type: this file imports no value from
 * agency.ts, which re-exports the names below (so neither file's loading waits for the other's).
 */
function entry<const A extends `${Agency}`>(agency: A, name: string, port: number): SubgraphEntry & { readonly agency: Extract<Agency, A> } {
  return Object.freeze({
    agency: agency as Agency as Extract<Agency, A>,
    name,
    databasePart: name.replace(/-/g, '_'),
    port: Object.freeze({ env: `${agency}_PORT`, default: port }),
    urlEnv: `${agency}_URL`,
    databaseUrlEnv: `${agency}_DATABASE_URL`,
    ownerDatabaseUrlEnv: `${agency}_OWNER_DATABASE_URL`,
    appRoleEnv: `${agency}_APP_DB_ROLE`,
    compose: Object.freeze({
      service: name,
      databaseService: `db-${name}`,
      databaseNetwork: `${name}-db`,
      apiNetwork: `${name}-api`,
      volume: `${name}-data`,
      ownerPasswordEnv: `${agency}_DB_PASSWORD`,
      appPasswordEnv: `${agency}_APP_DB_PASSWORD`,
    }),
  });
}

/**
 * The registry: the agencies that run a subgraph of their own, and so a database of their own.
 * The only list of them; everything else derives its list from this one (docs/adding-an-agency.md).
 */
export const SUBGRAPHS = Object.freeze([
  entry('SOCIAL_SERVICES', 'social-services', 4001),
  entry('POLICE', 'police', 4002),
  entry('SCHOOL', 'school', 4003),
  entry('LEISURE', 'leisure', 4004),
] as const);

export type SubgraphAgency = (typeof SUBGRAPHS)[number]['agency'];

/** The agencies that own a subgraph, in the registry's order. */
export const SUBGRAPH_AGENCIES: readonly SubgraphAgency[] = Object.freeze(SUBGRAPHS.map((s) => s.agency));

/** The registry entry of an agency's subgraph. */
export function subgraphEntry(agency: SubgraphAgency): SubgraphEntry {
  const found = SUBGRAPHS.find((s) => s.agency === agency);
  if (!found) throw new Error(`${agency} runs no subgraph`);
  return found;
}

/** Subgraph names as they appear in the supergraph, in URLs and in database names. */
export const SUBGRAPH_NAME = Object.freeze(Object.fromEntries(SUBGRAPHS.map((s) => [s.agency, s.name]))) as Readonly<Record<SubgraphAgency, string>>;

/** The agency whose subgraph has this name in the supergraph; throws for a name no subgraph has. */
export function subgraphAgency(name: string): SubgraphAgency {
  const found = SUBGRAPHS.find((s) => s.name === name);
  if (!found) throw new Error(`no subgraph is named "${name}"`);
  return found.agency;
}

export function isSubgraphAgency(value: unknown): value is SubgraphAgency {
  return SUBGRAPHS.some((s) => s.agency === value);
}
