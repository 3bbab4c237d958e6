import { Agency } from '@sig/platform/access';
import { agencyPermissionRows, byArgCase, byParentCase } from '@sig/platform/agency';
import { aggregateData, caseScoped, caseWrite, reachedThroughGuards } from '@sig/platform/guard';
import { schoolCase } from './model';

/** The school subgraph's permission table: every case-scoped field with its category. Fields not named are denied. */
export const SCHOOL_CATEGORIES = {
  PLACEMENT: { source: Agency.SCHOOL, category: 'PLACEMENT' },
  ATTENDANCE: { source: Agency.SCHOOL, category: 'ATTENDANCE' },
  SUPPORT: { source: Agency.SCHOOL, category: 'SUPPORT' },
} as const;

export const permissions = {
  // Case, the container's caseId and accessLog, AccessLogEntry, the statistics entry and figures.
  ...agencyPermissionRows(Agency.SCHOOL, schoolCase, {
    placement: caseScoped(SCHOOL_CATEGORIES.PLACEMENT, byParentCase),
    attendance: caseScoped(SCHOOL_CATEGORIES.ATTENDANCE, byParentCase),
    supportMeasures: caseScoped(SCHOOL_CATEGORIES.SUPPORT, byParentCase),
  }),
  // Reachable only through the guarded fields above and the guarded mutations below.
  SchoolPlacement: reachedThroughGuards,
  AttendancePeriod: reachedThroughGuards,
  SupportMeasure: reachedThroughGuards,
  // Aggregates only, small-cell protected (the entry, with the statistics role, is in the shared rows).
  SchoolStatistics: aggregateData,
  SchoolDistrictStatistics: aggregateData,
  Mutation: {
    recordSchoolPlacement: caseWrite(SCHOOL_CATEGORIES.PLACEMENT, byArgCase),
    recordAttendance: caseWrite(SCHOOL_CATEGORIES.ATTENDANCE, byArgCase),
    recordSupportMeasure: caseWrite(SCHOOL_CATEGORIES.SUPPORT, byArgCase),
  },
};
