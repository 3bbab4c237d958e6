import { Agency } from '@sig/platform/access';
import { agencyPermissionRows, byArgCase, byParentCase } from '@sig/platform/agency';
import { aggregateData, caseScoped, caseWrite, reachedThroughGuards } from '@sig/platform/guard';
import { leisureCase } from './model';

/** The leisure subgraph's permission table: every case-scoped field with its category. Fields not named are denied. */
export const LEISURE_CATEGORIES = {
  ACTIVITIES: { source: Agency.LEISURE, category: 'ACTIVITIES' },
  CONTACTS: { source: Agency.LEISURE, category: 'CONTACTS' },
  SUMMER_JOB: { source: Agency.LEISURE, category: 'SUMMER_JOB' },
} as const;

export const permissions = {
  // Case, the container's caseId and accessLog, AccessLogEntry, the statistics entry and figures.
  ...agencyPermissionRows(Agency.LEISURE, leisureCase, {
    activities: caseScoped(LEISURE_CATEGORIES.ACTIVITIES, byParentCase),
    contacts: caseScoped(LEISURE_CATEGORIES.CONTACTS, byParentCase),
    summerJobs: caseScoped(LEISURE_CATEGORIES.SUMMER_JOB, byParentCase),
  }),
  // Reachable only through the guarded fields above and the guarded mutations below.
  LeisureActivity: reachedThroughGuards,
  LeisureContact: reachedThroughGuards,
  SummerJob: reachedThroughGuards,
  // Aggregates only, small-cell protected (the entry, with the statistics role, is in the shared rows).
  LeisureStatistics: aggregateData,
  LeisureDistrictStatistics: aggregateData,
  Mutation: {
    recordLeisureActivity: caseWrite(LEISURE_CATEGORIES.ACTIVITIES, byArgCase),
    recordLeisureContact: caseWrite(LEISURE_CATEGORIES.CONTACTS, byArgCase),
    recordSummerJob: caseWrite(LEISURE_CATEGORIES.SUMMER_JOB, byArgCase),
  },
};
