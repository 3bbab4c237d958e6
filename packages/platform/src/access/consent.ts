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
  /** The party's identity on the consent (stable across signatures and withdrawals); rows from before parties had ids may lack it. */
  id?: string;
  party: SignatoryParty;
  name: string;
  /** A guardian's personal number (normalised, twelve digits); the young person's is the case's. */
  personalNumber?: string | null;
  signedOn: string | null;
}

/**
 * Whether a provision discloses or excludes (FHIR Consent's provision.type). A DENY provision
 * excludes its categories (towards its recipients, or everyone) even where a PERMIT provision
 * covers them: deny wins. Rows from before provisions had a type lack it and read as PERMIT.
 */
export const PROVISION_TYPES = ['PERMIT', 'DENY'] as const;
export type ProvisionType = (typeof PROVISION_TYPES)[number];

/**
 * What a provision is for (FHIR Consent's provision.purpose), from the SIG process. Recorded and
 * shown with the consent (category CONSENT); it does not change what is disclosed.
 * - SIG_COLLABORATION: samverkan i SIG, the group's work while the case is active.
 * - FOLLOW_UP: uppföljning efter avslut, following the young person up after the group ends.
 */
export const CONSENT_PURPOSES = ['SIG_COLLABORATION', 'FOLLOW_UP'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export interface ConsentProvisionData {
  /** PERMIT (discloses) or DENY (excludes); absent on older rows, meaning PERMIT. */
  type?: ProvisionType;
  source: string;
  categories: string[];
  /** Narrowed to these recipient agencies; null means every agency in the group. */
  recipients: string[] | null;
  /** What the provision is for; absent or null when not stated. */
  purpose?: ConsentPurpose | null;
}

/** A provision's type: PERMIT when it says so or says nothing (older rows); anything else excludes (fails closed). */
export function provisionType(provision: Pick<ConsentProvisionData, 'type'>): ProvisionType {
  return provision.type === undefined || provision.type === null || provision.type === 'PERMIT' ? 'PERMIT' : 'DENY';
}

export interface ConsentWithdrawalData {
  withdrawnBy: string;
  /** The party (signatory id) who withdrew; rows from before parties had ids may lack it. */
  withdrawnById?: string | null;
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

/** An ISO date moved by whole months, clamped to the month's last day (2026-01-31 + 1 month = 2026-02-28). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The 18th birthday (a 29 February birthday falls on 28 February in a common year... by addMonths' clamping). */
export function eighteenthBirthday(dateOfBirth: string): string {
  return addMonths(dateOfBirth, 18 * 12);
}

/**
 * Which signatures are missing: the young person always; every guardian while the young person is
 * under 18. From the 18th birthday guardians are no longer parties, and a consent that rested on
 * guardians' signatures needs the young person's own, given as an adult (signed on or after the
 * 18th birthday).
 */
export function missingSignatures(consent: ConsentData, dateOfBirth: string, today: string): string[] {
  const missing: string[] = [];
  const adult = ageOn(dateOfBirth, today) >= 18;
  const young = consent.signatories.filter((s) => s.party === 'YOUNG_PERSON');
  const guardians = consent.signatories.filter((s) => s.party === 'GUARDIAN');
  if (young.length === 0) missing.push('the young person is not a signatory');
  for (const s of young) {
    if (!s.signedOn) missing.push(`${s.name} has not signed`);
    else if (adult && guardians.length > 0 && s.signedOn < eighteenthBirthday(dateOfBirth)) {
      missing.push(`${s.name} is 18 and must sign as an adult (guardians are no longer parties)`);
    }
  }
  if (!adult) for (const s of guardians) if (!s.signedOn) missing.push(`${s.name} has not signed`);
  if (!adult && guardians.length === 0) missing.push('a guardian must sign while the young person is under 18');
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
 * narrowed to named recipients applies to no one else; a withdrawn source discloses nothing. The
 * categories of the PERMIT provisions that apply, less those of every DENY provision that applies
 * (deny wins, whatever the order); a source left with no category is left out.
 */
export function disclosedTo(consent: ConsentData, recipient: string, today: string): Record<string, string[]> {
  const withdrawn = new Set(withdrawnSources(consent, today));
  const applies = (p: ConsentProvisionData) => (p.recipients ?? null) === null || p.recipients!.includes(recipient);
  const denied = new Set<string>();
  for (const p of consent.provisions) {
    if (provisionType(p) === 'DENY' && applies(p)) for (const c of p.categories) denied.add(`${p.source}/${c}`);
  }
  const shared: Record<string, string[]> = {};
  for (const p of consent.provisions) {
    if (provisionType(p) !== 'PERMIT' || withdrawn.has(p.source) || !applies(p)) continue;
    const categories = p.categories.filter((c) => !denied.has(`${p.source}/${c}`));
    if (categories.length === 0) continue;
    shared[p.source] = [...new Set([...(shared[p.source] ?? []), ...categories])];
  }
  return shared;
}

/** The date a consent version was fully signed (its last required signature), or null while it is not. */
export function fullySignedOn(consent: ConsentData, dateOfBirth: string, today: string): string | null {
  if (missingSignatures(consent, dateOfBirth, today).length > 0) return null;
  const adult = ageOn(dateOfBirth, today) >= 18;
  const dates = consent.signatories.filter((s) => s.party === 'YOUNG_PERSON' || !adult).map((s) => s.signedOn!);
  return dates.sort().at(-1) ?? null;
}

/** The earliest required signature of a version (the one that must postdate any earlier withdrawal). */
function firstRequiredSignature(consent: ConsentData, dateOfBirth: string, today: string): string | null {
  const adult = ageOn(dateOfBirth, today) >= 18;
  const dates = consent.signatories.filter((s) => s.party === 'YOUNG_PERSON' || !adult).map((s) => s.signedOn);
  if (dates.some((d) => !d)) return null;
  return (dates as string[]).sort()[0] ?? null;
}

/**
 * The consent version in force on a date, of all versions of one case's consent.
 *
 * A version takes effect only when fully signed, and, if an earlier version was withdrawn (in full or
 * in part), only with every required signature dated after the last such withdrawal: recording a new
 * version does not revive a withdrawn consent. The version in force is the highest version that has
 * taken effect; until a renewal has, the previous version stays in force up to its own end (its
 * status then says EXPIRED or WITHDRAWN). When no version has taken effect, the newest (PENDING) one.
 *
 * The `gateway_membership` view picks the same version in SQL (Migration20261202001000); the unit
 * tests of both name the same cases.
 */
export function consentInForce<T extends ConsentData & { consentVersion: number }>(versions: readonly T[], dateOfBirth: string, today: string): T | null {
  const ordered = [...versions].sort((a, b) => a.consentVersion - b.consentVersion);
  let inForce: T | null = null;
  for (const v of ordered) {
    if (!fullySignedOn(v, dateOfBirth, today)) continue;
    const withdrawnBefore = ordered
      .filter((e) => e.consentVersion < v.consentVersion)
      .flatMap((e) => e.withdrawals.map((w) => w.withdrawnOn))
      .sort()
      .at(-1);
    const first = firstRequiredSignature(v, dateOfBirth, today);
    if (withdrawnBefore && (!first || first <= withdrawnBefore)) continue;
    inForce = v;
  }
  return inForce ?? ordered.at(-1) ?? null;
}

/**
 * The date by which a consent needs renewal because guardians stop being parties: the 18th birthday,
 * when it falls within the validity and the consent rests on guardians' signatures (the young person
 * has not signed as an adult). Null otherwise.
 */
export function needsRenewalBy(consent: ConsentData, dateOfBirth: string): string | null {
  if (!consent.signatories.some((s) => s.party === 'GUARDIAN')) return null;
  const birthday = eighteenthBirthday(dateOfBirth);
  if (birthday > consent.validUntil) return null;
  const young = consent.signatories.filter((s) => s.party === 'YOUNG_PERSON');
  if (young.length > 0 && young.every((s) => s.signedOn && s.signedOn >= birthday)) return null;
  return birthday;
}

/** Days until the consent expires (0 on its last day); null once it is expired or withdrawn. */
export function expiresInDays(consent: ConsentData, dateOfBirth: string, today: string): number | null {
  const status = consentStatus(consent, dateOfBirth, today);
  if (status === 'EXPIRED' || status === 'WITHDRAWN') return null;
  return daysBetween(today, consent.validUntil);
}

/** A problem with a consent's dates: the input field it names, and why. */
export interface ConsentDateProblem {
  field: string;
  message: string;
}

/**
 * The date rules of a consent version, checked when it is recorded and at every signature:
 * - every signature is dated today or earlier and not before the version was recorded;
 * - a guardian's signature is dated before the young person's 18th birthday (guardians are parties only until then);
 * - validity ends no later than `maxMonths` months after it begins, and not before it begins;
 * - once fully signed, validity begins no later than the last signature.
 * `signatureField(i)` names signatory i's date field in the caller's input; `signaturesOnly` checks the signatures alone (a signature added to a recorded version).
 */
export function consentDateProblem(
  consent: Pick<ConsentData, 'validFrom' | 'validUntil' | 'signatories'>,
  opts: { recordedOn: string; today: string; dateOfBirth: string; maxMonths: number; signatureField: (i: number) => string; validFromField?: string; validUntilField?: string; signaturesOnly?: boolean },
): ConsentDateProblem | null {
  const fromField = opts.validFromField ?? 'input.validFrom';
  const untilField = opts.validUntilField ?? 'input.validUntil';
  const birthday = eighteenthBirthday(opts.dateOfBirth);
  if (!opts.signaturesOnly && consent.validUntil < consent.validFrom) return { field: untilField, message: `must not be before ${fromField}` };
  for (const [i, s] of consent.signatories.entries()) {
    if (!s.signedOn) continue;
    if (s.signedOn > opts.today) return { field: opts.signatureField(i), message: `must be today (${opts.today}) or earlier, not in the future` };
    if (s.signedOn < opts.recordedOn) return { field: opts.signatureField(i), message: `must not be before the consent was recorded (${opts.recordedOn})` };
    if (s.party === 'GUARDIAN' && s.signedOn >= birthday) return { field: opts.signatureField(i), message: `guardians are parties only until the young person's 18th birthday (${birthday})` };
  }
  if (opts.signaturesOnly) return null;
  const ceiling = addMonths(consent.validFrom, opts.maxMonths);
  if (consent.validUntil > ceiling) return { field: untilField, message: `must be at most ${opts.maxMonths} months after ${fromField} (${ceiling} at the latest)` };
  const signed = consent.signatories.map((s) => s.signedOn);
  if (signed.length > 0 && signed.every(Boolean)) {
    const last = (signed as string[]).sort().at(-1)!;
    if (consent.validFrom > last) return { field: fromField, message: `must be no later than the last signature (${last})` };
  }
  return null;
}

/** The ceiling of a consent's validity in months: SIG_CONSENT_MAX_MONTHS, default 12. */
export function consentMaxMonths(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SIG_CONSENT_MAX_MONTHS;
  if (raw === undefined || raw === '') return 12;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 120) throw new Error(`SIG_CONSENT_MAX_MONTHS must be a whole number of months from 1 to 120, not "${raw}"`);
  return n;
}
