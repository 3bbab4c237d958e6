import type { EntityManager } from '@mikro-orm/postgresql';
import type { Case } from '../../model';

/** Links a new proposal to every other open case of the same personal number, in one statement. */
export async function routeDuplicates(em: EntityManager, proposal: Case, personalNumber: string): Promise<void> {
  await em.getConnection().execute(
    `insert into duplicate_proposal (id, case_id, proposal_case_id, district, proposed_by_agency, proposed_by_name, recorded_at)
     select gen_random_uuid(), c.id, ?, ?, ?, ?, now()
       from sig_case c join young_person y on y.id = c.young_person_id
      where y.personal_number = ? and c.status <> 'CLOSED' and c.id <> ?`,
    [proposal.id, proposal.district, proposal.proposedByAgency, proposal.proposedByName, personalNumber, proposal.id],
    'run',
    em.getTransactionContext(),
  );
}
