import { randomUUID } from 'node:crypto';
import { Agency, ageOn, badInput, catalogueProblem, consentDateProblem, consentInForce, consentMaxMonths, todayIso, requireIsoDate, requireText } from '@sig/platform/access';
import { type SubgraphContext, commitWrite } from '@sig/platform/request';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { parsePersonalNumber } from '../../domain/personal-number';
import { CaseStatus, ProvisionType, SignatoryParty } from '../../enums';
import { load } from '../../loaders';
import { Consent, type ConsentSignatory } from '../../model';
import { caseForWrite } from '../case/case-write';
import { ConsentInput } from './consent.inputs';

/** Step 3: the consent (samtycke), its signatures and withdrawals. */
@Resolver()
export class ConsentMutations {
  @Mutation(() => Consent, {
    description:
      'Records a new version of the consent (samtycke) (step 3). It takes effect only when fully signed; until then the version in force stays in force, up to its own end. After a withdrawal, only signatures dated after it make a new version take effect.',
  })
  async recordConsent(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('input', () => ConsentInput, { description: 'The consent.' }) input: ConsentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Consent> {
    const c = await caseForWrite(ctx, caseId);
    if (c.status === CaseStatus.CLOSED) throw badInput('caseId', 'the case is closed');
    const young = (await load.youngPerson(ctx, c.youngPersonId))!;
    const today = todayIso();
    const adult = ageOn(young.dateOfBirth, today) >= 18;
    const validFrom = requireIsoDate('input.validFrom', input.validFrom);
    const validUntil = requireIsoDate('input.validUntil', input.validUntil);
    if (input.signatories.length === 0) throw badInput('input.signatories', 'at least the young person must be a signatory');
    if (input.provisions.length === 0) throw badInput('input.provisions', 'at least one provision is required');
    const seen = new Set<string>();
    const signatories: ConsentSignatory[] = input.signatories.map((s, i) => {
      const field = `input.signatories[${i}]`;
      const name = requireText(`${field}.name`, s.name, 200);
      const signedOn = s.signedOn ? requireIsoDate(`${field}.signedOn`, s.signedOn) : null;
      let personalNumber: string | null = null;
      if (s.party === SignatoryParty.GUARDIAN) {
        if (adult) throw badInput(`${field}.party`, 'the young person is 18 or older: guardians are no longer parties to the consent');
        if (!s.personalNumber) throw badInput(`${field}.personalNumber`, "a guardian is identified by personal number");
        personalNumber = requirePersonalNumber(`${field}.personalNumber`, s.personalNumber);
        if (personalNumber === young.personalNumber) throw badInput(`${field}.personalNumber`, 'is the young person\'s own');
      } else if (s.personalNumber) {
        if (requirePersonalNumber(`${field}.personalNumber`, s.personalNumber) !== young.personalNumber) throw badInput(`${field}.personalNumber`, "is not the case's young person");
      }
      const key = personalNumber ?? 'YOUNG_PERSON';
      if (seen.has(key)) throw badInput(`${field}.personalNumber`, s.party === SignatoryParty.GUARDIAN ? 'the same guardian is listed twice' : 'the young person is listed twice');
      seen.add(key);
      return { id: randomUUID(), party: s.party, name, personalNumber, signedOn };
    });
    const problem = consentDateProblem(
      { validFrom, validUntil, signatories },
      { recordedOn: today, today, dateOfBirth: young.dateOfBirth, maxMonths: consentMaxMonths(), signatureField: (i) => `input.signatories[${i}].signedOn` },
    );
    if (problem) throw badInput(problem.field, problem.message);
    const provisions = input.provisions.map((p, i) => {
      if (p.categories.length === 0) throw badInput(`input.provisions[${i}].categories`, 'name at least one category');
      const sourceProblem = catalogueProblem(p.source);
      if (sourceProblem) throw badInput(`input.provisions[${i}].source`, sourceProblem);
      const categories = p.categories.map((cat, j) => {
        const category = requireText(`input.provisions[${i}].categories[${j}]`, cat, 60).toUpperCase();
        const problem = catalogueProblem(p.source, category);
        if (problem) throw badInput(`input.provisions[${i}].categories[${j}]`, problem);
        return category;
      });
      return { type: p.type ?? ProvisionType.PERMIT, source: p.source, categories: [...new Set(categories)], recipients: p.recipients ?? null, purpose: p.purpose ?? null };
    });
    if (!provisions.some((p) => p.type === ProvisionType.PERMIT)) throw badInput('input.provisions', 'at least one PERMIT provision is required (DENY provisions only exclude)');
    const newest = await load.newestConsent(ctx, caseId);
    const consent = ctx.em.create(Consent, {
      id: randomUUID(),
      caseId,
      consentVersion: (newest?.consentVersion ?? 0) + 1,
      validFrom,
      validUntil,
      formReference: requireText('input.formReference', input.formReference, 100),
      signatories,
      provisions,
      withdrawals: [],
      recordedAt: new Date(),
      recordedBy: ctx.actor.name,
    });
    await commitWrite(ctx);
    return consent;
  }

  @Mutation(() => Consent, { description: 'Records that a party has signed the newest consent version, named by its signatory id or personal number (not by name).' })
  async signConsent(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('signatoryId', () => ID, { nullable: true, description: 'The party, by its id on the consent (ConsentSignatory.id).' }) signatoryId: string | null,
    @Arg('personalNumber', () => String, { nullable: true, description: "Or the party by personal number (a guardian's, or the young person's)." }) personalNumber: string | null,
    @Arg('signedOn', () => String, { description: 'Date signed (ISO date): today or earlier, not before the consent was recorded.' }) signedOn: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Consent> {
    const date = requireIsoDate('signedOn', signedOn);
    const c = await caseForWrite(ctx, caseId);
    const young = (await load.youngPerson(ctx, c.youngPersonId))!;
    const consent = await ctx.em.findOne(Consent, { caseId }, { orderBy: { consentVersion: 'desc' } });
    if (!consent) throw badInput('caseId', 'the case has no consent yet');
    const index = partyIndex(consent, signatoryId, personalNumber, young.personalNumber);
    if (consent.signatories[index].party === SignatoryParty.GUARDIAN && ageOn(young.dateOfBirth, todayIso()) >= 18) {
      throw badInput(signatoryId ? 'signatoryId' : 'personalNumber', 'the young person is 18 or older: guardians are no longer parties and cannot sign');
    }
    const signatories = consent.signatories.map((s, i) => (i === index ? { ...s, signedOn: date } : s));
    const problem = consentDateProblem(
      { validFrom: consent.validFrom, validUntil: consent.validUntil, signatories: [signatories[index]] },
      { recordedOn: todayIso(consent.recordedAt), today: todayIso(), dateOfBirth: young.dateOfBirth, maxMonths: consentMaxMonths(), signatureField: () => 'signedOn', signaturesOnly: true },
    );
    if (problem) throw badInput(problem.field, problem.message);
    if (signatories.every((s) => s.signedOn)) {
      const last = signatories.map((s) => s.signedOn!).sort().at(-1)!;
      if (consent.validFrom > last) throw badInput('signedOn', `the consent is valid from ${consent.validFrom}: validity must start no later than the last signature`);
    }
    consent.signatories = signatories;
    await commitWrite(ctx);
    return consent;
  }

  @Mutation(() => Consent, {
    description:
      'Records that a signatory withdraws the current consent (återkallar samtycket), in full or for some source agencies. Sharing ends the moment it is committed; a full withdrawal pauses an active case (`Case.sharing` PAUSED) until a new consent is signed or the case is closed.',
  })
  async withdrawConsent(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('signatoryId', () => ID, { nullable: true, description: 'The party who withdraws, by its id on the consent (ConsentSignatory.id).' }) signatoryId: string | null,
    @Arg('personalNumber', () => String, { nullable: true, description: 'Or the party by personal number.' }) personalNumber: string | null,
    @Arg('sources', () => [Agency], { nullable: true, description: 'Withdraw only what these source agencies may share; omit to withdraw the whole consent.' }) sources: Agency[] | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Consent> {
    const c = await caseForWrite(ctx, caseId);
    const young = (await load.youngPerson(ctx, c.youngPersonId))!;
    const today = todayIso();
    // The version in force is withdrawn (a renewal not yet in force cannot revive it: see consentInForce).
    const inForce = consentInForce(await ctx.em.find(Consent, { caseId }, { orderBy: { consentVersion: 'asc' } }), young.dateOfBirth, today);
    if (!inForce) throw badInput('caseId', 'the case has no consent to withdraw');
    const consent = inForce;
    const index = partyIndex(consent, signatoryId, personalNumber, young.personalNumber);
    const party = consent.signatories[index];
    if (party.party === SignatoryParty.GUARDIAN && ageOn(young.dateOfBirth, today) >= 18) {
      throw badInput(signatoryId ? 'signatoryId' : 'personalNumber', "the young person is 18 or older: a guardian can no longer withdraw the young person's consent");
    }
    if (sources && sources.length === 0) throw badInput('sources', 'name at least one source agency, or omit it to withdraw everything');
    consent.withdrawals = [...consent.withdrawals, { withdrawnBy: party.name, withdrawnById: party.id, withdrawnOn: today, sources: sources ? [...new Set(sources)] : null }];
    // An active case stays ACTIVE: without a consent in force it is paused (Case.sharing, domain/case-lifecycle.ts).
    void c;
    await commitWrite(ctx);
    return consent;
  }
}

/** A personal number, normalised (twelve digits), or BAD_USER_INPUT naming the field. */
function requirePersonalNumber(field: string, value: string): string {
  const parsed = parsePersonalNumber(value);
  if (!parsed.ok) throw badInput(field, parsed.error);
  return parsed.value.value;
}

/** The signatory a signature or withdrawal names: by id, or by personal number (the young person's is the case's); exactly one of them. */
function partyIndex(consent: Consent, signatoryId: string | null, personalNumber: string | null, youngPersonalNumber: string): number {
  if (!signatoryId === !personalNumber) throw badInput('signatoryId', 'name the party by signatoryId or by personalNumber (one of them)');
  if (signatoryId) {
    const index = consent.signatories.findIndex((s) => s.id === signatoryId);
    if (index < 0) throw badInput('signatoryId', `no party with id "${signatoryId}" on consent version ${consent.consentVersion}`);
    return index;
  }
  const pn = requirePersonalNumber('personalNumber', personalNumber!);
  const index = consent.signatories.findIndex((s) => (s.party === SignatoryParty.YOUNG_PERSON ? pn === youngPersonalNumber : s.personalNumber === pn));
  if (index < 0) throw badInput('personalNumber', `no party with that personal number on consent version ${consent.consentVersion}`);
  return index;
}
