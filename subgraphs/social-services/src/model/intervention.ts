import 'reflect-metadata';
import { defineEntity, p } from '@mikro-orm/postgresql';
import { Field, ID, ObjectType } from 'type-graphql';
import { INTERVENTION_KINDS, InterventionKind } from '../enums';

@ObjectType({ description: 'An intervention granted alongside the SIG (beviljad insats).' })
export class Intervention {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;
  @Field(() => ID, { description: 'The case.' })
  caseId!: string;
  @Field(() => InterventionKind, { description: 'Kind of intervention.' })
  kind!: InterventionKind;
  @Field(() => String, { description: 'Date granted (ISO date).' })
  grantedOn!: string;
  @Field(() => String, { nullable: true, description: 'Date ended (ISO date).' })
  endedOn?: string | null;
}
export const InterventionSchema = defineEntity({
  class: Intervention,
  tableName: 'intervention',
  properties: {
    id: p.uuid().primary(),
    caseId: p.uuid().index(),
    kind: p.enum([...INTERVENTION_KINDS]),
    grantedOn: p.string().columnType('date'),
    endedOn: p.string().columnType('date').nullable(),
  },
});
