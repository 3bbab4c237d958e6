import { describe, expect, it } from 'vitest';
import {
  activationDateRefusal,
  canTransition,
  CASE_TRANSITIONS,
  CLOSURE_REASONS_AFTER_ACTIVE,
  CLOSURE_REASONS_NEVER_ACTIVE,
  closureRefusal,
  sharingState,
} from '../src/domain/case-lifecycle';
import { CASE_STATUSES, CLOSURE_REASONS, type CaseStatus, type ClosureReason } from '../src/enums';

describe('case lifecycle: every transition, allowed or refused', () => {
  const table: [CaseStatus, CaseStatus, boolean][] = [
    ['PROPOSED', 'PROPOSED', false],
    ['PROPOSED', 'ASSESSMENT', true],
    ['PROPOSED', 'ACTIVE', false],
    ['PROPOSED', 'CLOSED', true],
    ['ASSESSMENT', 'PROPOSED', false],
    ['ASSESSMENT', 'ASSESSMENT', false],
    ['ASSESSMENT', 'ACTIVE', true],
    ['ASSESSMENT', 'CLOSED', true],
    // A withdrawal no longer sends an active case back to assessment: it pauses it.
    ['ACTIVE', 'PROPOSED', false],
    ['ACTIVE', 'ASSESSMENT', false],
    ['ACTIVE', 'ACTIVE', false],
    ['ACTIVE', 'CLOSED', true],
    // CLOSED is final.
    ['CLOSED', 'PROPOSED', false],
    ['CLOSED', 'ASSESSMENT', false],
    ['CLOSED', 'ACTIVE', false],
    ['CLOSED', 'CLOSED', false],
  ];

  it('lists every pair of states', () => {
    expect(table).toHaveLength(CASE_STATUSES.length ** 2);
    expect(CASE_TRANSITIONS.map((t) => `${t.from}>${t.to}`).sort()).toEqual(table.filter(([, , ok]) => ok).map(([f, t]) => `${f}>${t}`).sort());
  });

  it.each(table)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });
});

describe('closure reasons fit the history', () => {
  it('splits the vocabulary: every reason is for a case that was active or for one that never was, not both', () => {
    expect([...CLOSURE_REASONS_NEVER_ACTIVE, ...CLOSURE_REASONS_AFTER_ACTIVE].sort()).toEqual([...CLOSURE_REASONS].sort());
  });

  const table: [CaseStatus, boolean, ClosureReason, boolean][] = [];
  for (const reason of CLOSURE_REASONS) {
    const forNeverActive = reason === 'NOT_STARTED' || reason === 'DUPLICATE_PROPOSAL';
    table.push(['PROPOSED', false, reason, forNeverActive]);
    table.push(['ASSESSMENT', false, reason, forNeverActive]);
    table.push(['ACTIVE', true, reason, !forNeverActive]);
    table.push(['CLOSED', true, reason, false]);
    table.push(['CLOSED', false, reason, false]);
  }
  it.each(table)('a %s case (was active: %s) closed with %s: allowed %s', (status, wasActive, reason, allowed) => {
    expect(closureRefusal(status, wasActive, reason) === null).toBe(allowed);
  });

  it('names the seed papers\' five, participation ended and age limit reached for an active case', () => {
    expect(CLOSURE_REASONS_AFTER_ACTIVE).toEqual([
      'GOALS_MET',
      'OTHER_INTERVENTION_NEEDED',
      'PLACED_OUTSIDE_HOME',
      'MOVED_TO_OTHER_MUNICIPALITY',
      'MOVED_ABROAD',
      'PARTICIPATION_ENDED',
      'AGE_LIMIT_REACHED',
    ]);
  });
});

describe('activation date: a group running before the platform', () => {
  const today = '2026-03-10';
  it.each([
    ['today, no reason', today, '2026-01-01', null, null],
    ['earlier, with a reason', '2026-02-01', '2026-01-01', 'Gruppen startade före plattformen', null],
    ['on the proposal day, with a reason', '2026-01-01', '2026-01-01', 'Startade direkt', null],
    ['in the future', '2026-03-11', '2026-01-01', 'x', 'startedOn'],
    ['before the proposal', '2025-12-31', '2026-01-01', 'x', 'startedOn'],
    ['earlier, without a reason', '2026-02-01', '2026-01-01', null, 'startedBeforeRegistration'],
  ] as const)('%s', (_, startedOn, proposedOn, reason, refusedField) => {
    expect(activationDateRefusal(startedOn, today, proposedOn, reason)?.field ?? null).toBe(refusedField);
  });
});

describe('sharing state, derived from status and consent', () => {
  it.each([
    ['PROPOSED', 'NONE', 'NOT_STARTED', null],
    ['ASSESSMENT', 'ACTIVE', 'NOT_STARTED', null],
    ['ACTIVE', 'ACTIVE', 'SHARING', null],
    ['ACTIVE', 'WITHDRAWN', 'PAUSED', 'CONSENT_WITHDRAWN'],
    ['ACTIVE', 'EXPIRED', 'PAUSED', 'CONSENT_EXPIRED'],
    ['ACTIVE', 'PENDING', 'PAUSED', 'CONSENT_PENDING'],
    ['ACTIVE', 'NONE', 'PAUSED', 'NO_CONSENT'],
    ['CLOSED', 'ACTIVE', 'ENDED', null],
    ['CLOSED', 'WITHDRAWN', 'ENDED', null],
  ] as const)('%s with consent %s is %s (%s)', (status, consent, state, pausedBecause) => {
    expect(sharingState(status, consent)).toEqual({ state, pausedBecause });
  });
});
