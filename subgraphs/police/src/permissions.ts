import { Agency } from '@sig/platform/access';
import { accessLogOf, aggregateData, allow, caseScoped, caseWrite, reachedThroughGuards, statisticsReader } from '@sig/platform/guard';

/**
 * The police subgraph's permission table: every case-scoped field with its category.
 * Fields not named here are denied.
 */
export const POLICE_CATEGORIES = {
  INCIDENTS: { source: Agency.POLICE, category: 'INCIDENTS' },
  CONTACTS: { source: Agency.POLICE, category: 'CONTACTS' },
} as const;

const byParentCase = (parent: { caseId: string }) => parent.caseId;
const byArgCase = (_: unknown, args: { caseId: string }) => args.caseId;

export const permissions = {
  Case: { id: allow, police: allow },
  PoliceCaseData: {
    caseId: allow,
    accessLog: accessLogOf(Agency.POLICE, byParentCase),
    incidents: caseScoped(POLICE_CATEGORIES.INCIDENTS, byParentCase),
    contacts: caseScoped(POLICE_CATEGORIES.CONTACTS, byParentCase),
  },
  AccessLogEntry: reachedThroughGuards,
  // Reachable only through the guarded fields above and the guarded mutations below.
  PoliceIncident: reachedThroughGuards,
  PoliceContact: reachedThroughGuards,
  // Aggregates only, small-cell protected; the entry needs the statistics role.
  StatisticsReport: statisticsReader,
  StatisticsCohort: aggregateData,
  PoliceStatistics: aggregateData,
  PoliceDistrictStatistics: aggregateData,
  StatisticCount: aggregateData,
  StatisticFigure: aggregateData,
  Mutation: {
    recordPoliceIncident: caseWrite(POLICE_CATEGORIES.INCIDENTS, byArgCase),
    recordPoliceContact: caseWrite(POLICE_CATEGORIES.CONTACTS, byArgCase),
  },
};
