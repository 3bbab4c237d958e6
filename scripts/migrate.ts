/**
 * Migrates every subgraph's database as its owner, from the <AGENCY>_OWNER_DATABASE_URL settings
 * (one per subgraph in the registry), then grants each application login (<AGENCY>_APP_DB_ROLE, by default the
 * owner's name and `_app`) its rights: read and write the tables, only read and append to the logs
 * (@sig/dev-kit, grantApplicationAccess); and the gateway's login (GATEWAY_DB_ROLE,
 * default sig_gateway) SELECT on group membership. Used by the docker-compose migrate job; `npm
 * start` does the same itself. The subgraphs themselves connect as the application logins.
 */
import { SUBGRAPH_AGENCIES, SUBGRAPH_NAME, subgraphEntry, type SubgraphAgency } from '@sig/platform/access';
import { migrateAll, ownerDatabaseUrlEnvName } from '@sig/dev-kit';

const owners = {} as Record<SubgraphAgency, string>;
const appRoles = {} as Record<SubgraphAgency, string>;
for (const agency of SUBGRAPH_AGENCIES) {
  const url = process.env[ownerDatabaseUrlEnvName(agency)];
  if (!url) {
    console.error(`[migrate] ${ownerDatabaseUrlEnvName(agency)} is not set (the owner's login of the ${SUBGRAPH_NAME[agency]} database)`);
    process.exit(2);
  }
  owners[agency] = url;
  appRoles[agency] = process.env[subgraphEntry(agency).appRoleEnv] || `${decodeURIComponent(new URL(url).username)}_app`;
}
await migrateAll({ owners, appRoles, gatewayRole: process.env.GATEWAY_DB_ROLE ?? 'sig_gateway' }, (line) => console.log(`[migrate] ${line}`));
