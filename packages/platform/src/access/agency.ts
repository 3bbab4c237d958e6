import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

/**
 * The agencies that take part in SSPF and in a social intervention group (SIG).
 * The first four run a subgraph of their own; the others join groups without one.
 */
export enum Agency {
  SOCIAL_SERVICES = 'SOCIAL_SERVICES',
  POLICE = 'POLICE',
  SCHOOL = 'SCHOOL',
  LEISURE = 'LEISURE',
  CHILD_PSYCHIATRY = 'CHILD_PSYCHIATRY',
  ADDICTION_CARE = 'ADDICTION_CARE',
  FIELD_ASSISTANTS = 'FIELD_ASSISTANTS',
  YOUTH_SERVICE = 'YOUTH_SERVICE',
  CIVIL_SOCIETY = 'CIVIL_SOCIETY',
}

/** The agencies that own a subgraph, and so a database of their own. */
export const SUBGRAPH_AGENCIES = [Agency.SOCIAL_SERVICES, Agency.POLICE, Agency.SCHOOL, Agency.LEISURE] as const;
export type SubgraphAgency = (typeof SUBGRAPH_AGENCIES)[number];

/** Subgraph names as they appear in the supergraph, in URLs and in database names. */
export const SUBGRAPH_NAME: Record<SubgraphAgency, string> = {
  [Agency.SOCIAL_SERVICES]: 'social-services',
  [Agency.POLICE]: 'police',
  [Agency.SCHOOL]: 'school',
  [Agency.LEISURE]: 'leisure',
};

/** The agency whose subgraph has this name in the supergraph; throws for a name no subgraph has. */
export function subgraphAgency(name: string): SubgraphAgency {
  const agency = SUBGRAPH_AGENCIES.find((a) => SUBGRAPH_NAME[a] === name);
  if (!agency) throw new Error(`no subgraph is named "${name}"`);
  return agency;
}

export function isAgency(value: unknown): value is Agency {
  return typeof value === 'string' && (Object.values(Agency) as string[]).includes(value);
}

registerEnumType(Agency, {
  name: 'Agency',
  description: 'An agency (myndighet/verksamhet) that takes part in SSPF or in a social intervention group.',
  valuesConfig: {
    SOCIAL_SERVICES: { description: 'Social services (socialtjänsten); leads every SIG.' },
    POLICE: { description: 'The police (polisen).' },
    SCHOOL: { description: 'School (skolan).' },
    LEISURE: { description: 'Leisure services (fritid), including youth centres.' },
    CHILD_PSYCHIATRY: { description: 'Child and adolescent psychiatry (BUP).' },
    ADDICTION_CARE: { description: 'Youth addiction care (Maria Ungdom).' },
    FIELD_ASSISTANTS: { description: 'Field assistants (fältassistenter).' },
    YOUTH_SERVICE: { description: 'BAS / Stockholms ungdomstjänst.' },
    CIVIL_SOCIETY: { description: 'Civil society organisations (civilsamhället).' },
  },
});
