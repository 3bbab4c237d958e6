import { Agency } from '@sig/platform/access';
import { accessLogOf, aggregateData, allow, caseScoped, caseWrite, reachedThroughGuards, statisticsReader } from '@sig/platform/guard';

/** The leisure subgraph's permission table: every case-scoped field with its category. Fields not named are denied. */
export const LEISURE_CATEGORIES = {
  ACTIVITIES: { source: Agency.LEISURE, category: 'ACTIVITIES' },
  CONTACTS: { source: Agency.LEISURE, category: 'CONTACTS' },
  SUMMER_JOB: { source: Agency.LEISURE, category: 'SUMMER_JOB' },
} as const;

const byParentCase = (parent: { caseId: string }) => parent.caseId;
const byArgCase = (_: unknown, args: { caseId: string }) => args.caseId;

export const permissions = {
  Case: { id: allow, leisure: allow },
  LeisureCaseData: {
    caseId: allow,
    accessLog: accessLogOf(Agency.LEISURE, byParentCase),
    activities: caseScoped(LEISURE_CATEGORIES.ACTIVITIES, byParentCase),
    contacts: caseScoped(LEISURE_CATEGORIES.CONTACTS, byParentCase),
    summerJobs: caseScoped(LEISURE_CATEGORIES.SUMMER_JOB, byParentCase),
  },
  AccessLogEntry: reachedThroughGuards,
  // Reachable only through the guarded fields above and the guarded mutations below.
  LeisureActivity: reachedThroughGuards,
  LeisureContact: reachedThroughGuards,
  SummerJob: reachedThroughGuards,
  // Aggregates only, small-cell protected; the entry needs the statistics role.
  StatisticsReport: statisticsReader,
  StatisticsCohort: aggregateData,
  LeisureStatistics: aggregateData,
  LeisureDistrictStatistics: aggregateData,
  StatisticCount: aggregateData,
  StatisticFigure: aggregateData,
  Mutation: {
    recordLeisureActivity: caseWrite(LEISURE_CATEGORIES.ACTIVITIES, byArgCase),
    recordLeisureContact: caseWrite(LEISURE_CATEGORIES.CONTACTS, byArgCase),
    recordSummerJob: caseWrite(LEISURE_CATEGORIES.SUMMER_JOB, byArgCase),
  },
};
