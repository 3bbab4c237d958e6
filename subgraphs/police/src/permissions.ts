import { Agency } from '@sig/platform/access';
import { agencyPermissionRows, byArgCase, byParentCase } from '@sig/platform/agency';
import { aggregateData, caseScoped, caseWrite, reachedThroughGuards } from '@sig/platform/guard';
import { policeCase } from './model';

/**
 * The police subgraph's permission table: every case-scoped field with its category.
 * Fields not named here are denied.
 */
export const POLICE_CATEGORIES = {
  INCIDENTS: { source: Agency.POLICE, category: 'INCIDENTS' },
  CONTACTS: { source: Agency.POLICE, category: 'CONTACTS' },
} as const;

export const permissions = {
  // Case, the container's caseId and accessLog, AccessLogEntry, the statistics entry and figures.
  ...agencyPermissionRows(Agency.POLICE, policeCase, {
    incidents: caseScoped(POLICE_CATEGORIES.INCIDENTS, byParentCase),
    contacts: caseScoped(POLICE_CATEGORIES.CONTACTS, byParentCase),
  }),
  // Reachable only through the guarded fields above and the guarded mutations below.
  PoliceIncident: reachedThroughGuards,
  PoliceContact: reachedThroughGuards,
  // Aggregates only, small-cell protected (the entry, with the statistics role, is in the shared rows).
  PoliceStatistics: aggregateData,
  PoliceDistrictStatistics: aggregateData,
  Mutation: {
    recordPoliceIncident: caseWrite(POLICE_CATEGORIES.INCIDENTS, byArgCase),
    recordPoliceContact: caseWrite(POLICE_CATEGORIES.CONTACTS, byArgCase),
  },
};
