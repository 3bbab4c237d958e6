/**
 * Consent (samtycke): its derived status, and what it lets each recipient agency see.
 * Pure functions, shared by the social-services subgraph (which stores consents) and the gateway
 * (which turns them into grants).
 */

/** Full years of age on a date (ISO dates). */
export function ageOn(dateOfBirth: string, onDate: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The derived status of a consent (`consentStatus`); social services' GraphQL enum is made from this list. */
export const CONSENT_STATUSES = ['PENDING', 'ACTIVE', 'EXPIRED', 'WITHDRAWN'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** Who signs a consent. */
export const SIGNATORY_PARTIES = ['YOUNG_PERSON', 'GUARDIAN'] as const;
export type SignatoryParty = (typeof SIGNATORY_PARTIES)[number];

export interface ConsentSignatoryData {
  party: SignatoryParty;
  name: string;
  signedOn: string | null;
}

export interface ConsentProvisionData {
  source: string;
  categories: string[];
  /** Narrowed to these recipient agencies; null means every agency in the group. */
  recipients: string[] | null;
}

export interface ConsentWithdrawalData {
  withdrawnBy: string;
  withdrawnOn: string;
  /** Source agencies whose provisions are withdrawn; null means all of them (full withdrawal). */
  sources: string[] | null;
}

export interface ConsentData {
  validFrom: string;
  validUntil: string;
  signatories: ConsentSignatoryData[];
  provisions: ConsentProvisionData[];
  withdrawals: ConsentWithdrawalData[];
}

/** Which signatures are missing: the young person always; every guardian while the young person is under 18. */
export function missingSignatures(consent: ConsentData, dateOfBirth: string, today: string): string[] {
  const missing: string[] = [];
  const young = consent.signatories.filter((s) => s.party === 'YOUNG_PERSON');
  if (young.length === 0) missing.push('the young person is not a signatory');
  for (const s of consent.signatories) {
    if (s.party === 'GUARDIAN' && ageOn(dateOfBirth, today) >= 18) continue;
    if (!s.signedOn) missing.push(`${s.name} has not signed`);
  }
  if (ageOn(dateOfBirth, today) < 18 && !consent.signatories.some((s) => s.party === 'GUARDIAN')) {
    missing.push('a guardian must sign while the young person is under 18');
  }
  return missing;
}

/**
 * The derived status of a consent on a date. Nothing is stored: expiry needs no job.
 * WITHDRAWN when fully withdrawn; EXPIRED after valid-until; PENDING when a required signature
 * is missing or the validity has not begun; otherwise ACTIVE.
 */
export function consentStatus(consent: ConsentData, dateOfBirth: string, today: string): ConsentStatus {
  if (consent.withdrawals.some((w) => w.sources === null && w.withdrawnOn <= today)) return 'WITHDRAWN';
  if (today > consent.validUntil) return 'EXPIRED';
  if (missingSignatures(consent, dateOfBirth, today).length > 0 || today < consent.validFrom) return 'PENDING';
  return 'ACTIVE';
}

/** Source agencies withdrawn in part, as of a date. */
export function withdrawnSources(consent: ConsentData, today: string): string[] {
  return [...new Set(consent.withdrawals.filter((w) => w.sources !== null && w.withdrawnOn <= today).flatMap((w) => w.sources!))];
}

/**
 * What an ACTIVE consent discloses to one recipient agency: source agency → categories. A provision
 * narrowed to named recipients discloses nothing to others; a withdrawn source discloses nothing.
 */
export function disclosedTo(consent: ConsentData, recipient: string, today: string): Record<string, string[]> {
  const withdrawn = new Set(withdrawnSources(consent, today));
  const shared: Record<string, string[]> = {};
  for (const p of consent.provisions) {
    if (withdrawn.has(p.source)) continue;
    if (p.recipients !== null && !p.recipients.includes(recipient)) continue;
    shared[p.source] = [...new Set([...(shared[p.source] ?? []), ...p.categories])];
  }
  return shared;
}
