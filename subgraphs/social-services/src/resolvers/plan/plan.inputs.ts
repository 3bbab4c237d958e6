import { Agency } from '@sig/platform/access';
import { Field, InputType } from 'type-graphql';
import { PlanTemplate } from '../../enums';

@InputType({ description: 'An action of a plan goal.' })
export class PlanActionInput {
  @Field(() => String, { description: 'What is to be done.' })
  description!: string;
  @Field(() => Agency, { description: 'The one responsible agency.' })
  responsibleAgency!: Agency;
  @Field(() => String, { description: 'The responsible person.' })
  responsiblePerson!: string;
  @Field(() => String, { description: 'Due date (ISO date).' })
  dueDate!: string;
}

@InputType({ description: 'A goal of the plan with its sub-goals and actions.' })
export class PlanGoalInput {
  @Field(() => String, { description: 'The goal.' })
  description!: string;
  @Field(() => [String], { defaultValue: [], description: 'Sub-goals (delmål).' })
  subGoals!: string[];
  @Field(() => [PlanActionInput], { defaultValue: [], description: 'Actions.' })
  actions!: PlanActionInput[];
}

@InputType({ description: 'A new version of the action plan.' })
export class ActionPlanInput {
  @Field(() => PlanTemplate, { description: 'Which city template.' })
  template!: PlanTemplate;
  @Field(() => [PlanGoalInput], { description: 'Goals, at least one.' })
  goals!: PlanGoalInput[];
}
