import { describe, expect, it } from 'vitest';
import { addDays, ageOn, canTransition, isMeetingOverdue, needsAgeException, nextMeetingDue, type CaseStatus } from '../src/domain/rules';

describe('age and target group', () => {
  it('counts full years, the birthday itself included', () => {
    expect(ageOn('2010-06-15', '2026-06-14')).toBe(15);
    expect(ageOn('2010-06-15', '2026-06-15')).toBe(16);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });

  it.each([
    ['SIG_UNGA', 11, true],
    ['SIG_UNGA', 12, false],
    ['SIG_UNGA', 19, false],
    ['SIG_UNGA', 20, false],
    ['SIG_UNGA', 21, true],
    ['SIG_UNGA_VUXNA', 19, true],
    ['SIG_UNGA_VUXNA', 20, false],
    ['SIG_UNGA_VUXNA', 29, false],
    ['SIG_UNGA_VUXNA', 30, true],
  ] as const)('%s at age %i needs an exception: %s', (group, age, expected) => {
    expect(needsAgeException(group, age)).toBe(expected);
  });
});

describe('case lifecycle', () => {
  const all: CaseStatus[] = ['PROPOSED', 'ASSESSMENT', 'ACTIVE', 'CLOSED'];
  const allowed = new Set(['PROPOSED>ASSESSMENT', 'PROPOSED>CLOSED', 'ASSESSMENT>ACTIVE', 'ASSESSMENT>CLOSED', 'ACTIVE>CLOSED']);
  for (const from of all) {
    for (const to of all) {
      it(`${from} → ${to} is ${allowed.has(`${from}>${to}`) ? 'allowed' : 'refused'}`, () => {
        expect(canTransition(from, to)).toBe(allowed.has(`${from}>${to}`));
      });
    }
  }
});

describe('the five-week meeting rule', () => {
  it('is due five weeks after activation when no meeting has been held', () => {
    expect(nextMeetingDue('ACTIVE', '2026-01-01', null)).toBe('2026-02-05');
  });

  it('is due five weeks after the last meeting held', () => {
    expect(nextMeetingDue('ACTIVE', '2026-01-01', '2026-03-10')).toBe('2026-04-14');
  });

  it('has no due date unless the case is active', () => {
    expect(nextMeetingDue('ASSESSMENT', null, null)).toBeNull();
    expect(nextMeetingDue('CLOSED', '2026-01-01', '2026-02-01')).toBeNull();
  });

  it('is overdue only after the due date', () => {
    expect(isMeetingOverdue('2026-02-05', '2026-02-05')).toBe(false);
    expect(isMeetingOverdue('2026-02-05', '2026-02-06')).toBe(true);
    expect(isMeetingOverdue(null, '2026-02-06')).toBe(false);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-20', 35)).toBe('2027-01-24');
  });
});
