import 'reflect-metadata';
import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { AccessLogEntry } from '../access-log/entry';
import { accessLogEntries } from '../access-log/reader';
import type { SubgraphContext } from '../request/context';

export interface AgencyCasePartOptions {
  /** The field the agency adds to `Case`, e.g. `police`. */
  field: string;
  /** The GraphQL name of the agency's data container, e.g. `PoliceCaseData`. */
  dataType: string;
  /** The container type's description. */
  dataDescription: string;
  /** The description of `Case.<field>`. */
  fieldDescription: string;
}

/** The container's shape: the case it belongs to; the agency's resolvers add its lists. */
export interface AgencyCaseData {
  caseId: string;
}

/**
 * What every agency subgraph but social services (which owns the case) declares alike: the `Case`
 * entity stub, `Case.<field>` leading to the agency's data container, and the container's `caseId`
 * and `accessLog`. New classes on every call, so each subgraph has its own (type-graphql keeps
 * metadata per class, and one process may build several subgraphs). Call it in the module that
 * registers the agency's types, before its resolvers: the SDL follows registration order.
 */
export function defineAgencyCasePart(options: AgencyCasePartOptions) {
  @ObjectType({ description: 'A SIG case (ärende), owned by social services.' })
  @Directive('@key(fields: "id")')
  class Case {
    @Field(() => ID, { description: 'Identifier of the case.' })
    id!: string;
  }

  @ObjectType(options.dataType, { description: options.dataDescription })
  class CaseData implements AgencyCaseData {
    @Field(() => ID, { description: 'The case these data belong to.' })
    caseId!: string;
  }

  @Resolver(() => Case)
  class CaseFieldResolver {
    @FieldResolver(() => CaseData, { name: options.field, nullable: true, description: options.fieldDescription })
    agencyData(@Root() root: Case): CaseData {
      return Object.assign(new CaseData(), { caseId: root.id });
    }
  }

  @Resolver(() => CaseData)
  class CaseDataAccessLogResolver {
    @FieldResolver(() => [AccessLogEntry], {
      nullable: true,
      description: 'Who was allowed or denied which of these data, when (åtkomstlogg), newest first. Read by the case coordinator for the log extract.',
    })
    accessLog(@Root() root: CaseData, @Ctx() ctx: SubgraphContext) {
      return accessLogEntries(ctx, root.caseId);
    }
  }

  return {
    field: options.field,
    dataType: options.dataType,
    Case,
    CaseData,
    /** Put first in the schema's resolvers. */
    resolvers: [CaseFieldResolver, CaseDataAccessLogResolver] as const,
    referenceResolvers: {
      Case: { __resolveReference: (ref: { id: string }) => Object.assign(new Case(), { id: ref.id }) },
    },
  };
}

export type AgencyCasePart = ReturnType<typeof defineAgencyCasePart>;
