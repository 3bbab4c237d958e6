import type { IRules } from 'graphql-shield';
import type { SubgraphAgency } from '../access/subgraphs';
import { accessLogOf, aggregateData, allow, reachedThroughGuards, statisticsReader } from '../guard/rules';
import type { AgencyCasePart } from './case-part';

/** The case a container's field belongs to. */
export const byParentCase = (parent: { caseId: string }) => parent.caseId;
/** The case a mutation names in its `caseId` argument. */
export const byArgCase = (_: unknown, args: { caseId: string }) => args.caseId;

/**
 * The permission rows every agency subgraph shares: `Case.id` and `Case.<field>` (markers: the
 * guard sits on the container's fields), the container's `caseId` and `accessLog` (the agency's
 * own log, for the case coordinator), `AccessLogEntry` (reached only through that guard) and the
 * statistics entry and figures (aggregates only). `dataFields` are the container's guarded lists;
 * the subgraph adds the rows of its own types.
 */
export function agencyPermissionRows(agency: SubgraphAgency, part: AgencyCasePart, dataFields: Record<string, IRules>) {
  return {
    Case: { id: allow, [part.field]: allow },
    [part.dataType]: { caseId: allow, accessLog: accessLogOf(agency, byParentCase), ...dataFields },
    AccessLogEntry: reachedThroughGuards,
    StatisticsReport: statisticsReader,
    StatisticsCohort: aggregateData,
    StatisticCount: aggregateData,
    StatisticFigure: aggregateData,
  };
}
