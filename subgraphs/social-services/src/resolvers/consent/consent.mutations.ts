import { randomUUID } from 'node:crypto';
import { Agency, badInput, todayIso, requireIsoDate, requireText } from '@sig/platform/access';
import { type SubgraphContext, commitWrite } from '@sig/platform/request';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { CaseStatus } from '../../enums';
import { load } from '../../loaders';
import { Consent } from '../../model';
import { caseForWrite } from '../case/case-write';
import { ConsentInput } from './consent.inputs';

/** Step 3: the consent (samtycke), its signatures and withdrawals. */
@Resolver()
export class ConsentMutations {
  @Mutation(() => Consent, { description: 'Records a new version of the consent (samtycke) (step 3).' })
  async recordConsent(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('input', () => ConsentInput, { description: 'The consent.' }) input: ConsentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Consent> {
    const c = await caseForWrite(ctx, caseId);
    if (c.status === CaseStatus.CLOSED) throw badInput('caseId', 'the case is closed');
    const validFrom = requireIsoDate('input.validFrom', input.validFrom);
    const validUntil = requireIsoDate('input.validUntil', input.validUntil);
    if (validUntil < validFrom) throw badInput('input.validUntil', 'must not be before input.validFrom');
    if (input.signatories.length === 0) throw badInput('input.signatories', 'at least the young person must be a signatory');
    if (input.provisions.length === 0) throw badInput('input.provisions', 'at least one provision is required');
    const signatories = input.signatories.map((s, i) => ({
      party: s.party,
      name: requireText(`input.signatories[${i}].name`, s.name, 200),
      signedOn: s.signedOn ? requireIsoDate(`input.signatories[${i}].signedOn`, s.signedOn) : null,
    }));
    const provisions = input.provisions.map((p, i) => {
      if (p.categories.length === 0) throw badInput(`input.provisions[${i}].categories`, 'name at least one category');
      return { source: p.source, categories: p.categories.map((cat, j) => requireText(`input.provisions[${i}].categories[${j}]`, cat, 60).toUpperCase()), recipients: p.recipients ?? null };
    });
    const current = await load.currentConsent(ctx, caseId);
    const consent = ctx.em.create(Consent, {
      id: randomUUID(),
      caseId,
      consentVersion: (current?.consentVersion ?? 0) + 1,
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

  @Mutation(() => Consent, { description: 'Records that a named signatory has signed the current consent.' })
  async signConsent(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('signatoryName', () => String, { description: 'The signatory, as named on the consent.' }) signatoryName: string,
    @Arg('signedOn', () => String, { description: 'Date signed (ISO date).' }) signedOn: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Consent> {
    const date = requireIsoDate('signedOn', signedOn);
    const consent = await ctx.em.findOne(Consent, { caseId }, { orderBy: { consentVersion: 'desc' } });
    if (!consent) throw badInput('caseId', 'the case has no consent yet');
    const index = consent.signatories.findIndex((s) => s.name === signatoryName);
    if (index < 0) throw badInput('signatoryName', `no signatory named "${signatoryName}" on the current consent`);
    consent.signatories = consent.signatories.map((s, i) => (i === index ? { ...s, signedOn: date } : s));
    await commitWrite(ctx);
    return consent;
  }

  @Mutation(() => Consent, {
    description:
      'Records that a signatory withdraws the current consent (återkallar samtycket), in full or for some source agencies. Sharing ends the moment it is committed; a full withdrawal pauses an active case (`Case.sharing` PAUSED) until a new consent is signed or the case is closed.',
  })
  async withdrawConsent(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('withdrawnBy', () => String, { description: 'The signatory who withdraws, as named on the consent.' }) withdrawnBy: string,
    @Arg('sources', () => [Agency], { nullable: true, description: 'Withdraw only what these source agencies may share; omit to withdraw the whole consent.' }) sources: Agency[] | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Consent> {
    const c = await caseForWrite(ctx, caseId);
    const consent = await ctx.em.findOne(Consent, { caseId }, { orderBy: { consentVersion: 'desc' } });
    if (!consent) throw badInput('caseId', 'the case has no consent to withdraw');
    if (!consent.signatories.some((s) => s.name === withdrawnBy)) throw badInput('withdrawnBy', `no signatory named "${withdrawnBy}" on the current consent`);
    if (sources && sources.length === 0) throw badInput('sources', 'name at least one source agency, or omit it to withdraw everything');
    const today = todayIso();
    consent.withdrawals = [...consent.withdrawals, { withdrawnBy, withdrawnOn: today, sources: sources ? [...new Set(sources)] : null }];
    // An active case stays ACTIVE: without a consent in force it is paused (Case.sharing, domain/case-lifecycle.ts).
    void c;
    await commitWrite(ctx);
    return consent;
  }
}
