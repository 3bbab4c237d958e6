import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

// The subgraph registry's names, where the platform's files have always found them.
export { SUBGRAPH_AGENCIES, SUBGRAPH_NAME, subgraphAgency, type SubgraphAgency } from './subgraphs';

/**
 * The agencies that take part in SSPF and in a social intervention group (SIG).
 * Those in the subgraph registry (subgraphs.ts) run a subgraph of their own; the others join
 * groups without one.
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
