import { Agency } from '@sig/platform/access';
import { accessLogOf, aggregateData, allow, caseScoped, caseWrite, reachedThroughGuards, statisticsReader } from '@sig/platform/guard';

/** The school subgraph's permission table: every case-scoped field with its category. Fields not named are denied. */
export const SCHOOL_CATEGORIES = {
  PLACEMENT: { source: Agency.SCHOOL, category: 'PLACEMENT' },
  ATTENDANCE: { source: Agency.SCHOOL, category: 'ATTENDANCE' },
  SUPPORT: { source: Agency.SCHOOL, category: 'SUPPORT' },
} as const;

const byParentCase = (parent: { caseId: string }) => parent.caseId;
const byArgCase = (_: unknown, args: { caseId: string }) => args.caseId;

export const permissions = {
  Case: { id: allow, school: allow },
  SchoolCaseData: {
    caseId: allow,
    accessLog: accessLogOf(Agency.SCHOOL, byParentCase),
    placement: caseScoped(SCHOOL_CATEGORIES.PLACEMENT, byParentCase),
    attendance: caseScoped(SCHOOL_CATEGORIES.ATTENDANCE, byParentCase),
    supportMeasures: caseScoped(SCHOOL_CATEGORIES.SUPPORT, byParentCase),
  },
  AccessLogEntry: reachedThroughGuards,
  // Reachable only through the guarded fields above and the guarded mutations below.
  SchoolPlacement: reachedThroughGuards,
  AttendancePeriod: reachedThroughGuards,
  SupportMeasure: reachedThroughGuards,
  // Aggregates only, small-cell protected; the entry needs the statistics role.
  StatisticsReport: statisticsReader,
  StatisticsCohort: aggregateData,
  SchoolStatistics: aggregateData,
  SchoolDistrictStatistics: aggregateData,
  StatisticCount: aggregateData,
  StatisticFigure: aggregateData,
  Mutation: {
    recordSchoolPlacement: caseWrite(SCHOOL_CATEGORIES.PLACEMENT, byArgCase),
    recordAttendance: caseWrite(SCHOOL_CATEGORIES.ATTENDANCE, byArgCase),
    recordSupportMeasure: caseWrite(SCHOOL_CATEGORIES.SUPPORT, byArgCase),
  },
};
