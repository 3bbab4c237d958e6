import { describe, expect, it } from 'vitest';
import {
  actsAsCoordinator,
  ageExceptionApproved,
  ageRequirement,
  mayApproveAgeException,
  mayHoldRole,
  parseAgeExceptionFloor,
  parseTargetGroupAges,
  proposalStage,
  TARGET_GROUP_AGES,
} from '../src/domain/intake';

describe('the target groups’ ages (seed 000, 2024: SIG Unga 12–20, unga vuxna 20–29)', () => {
  it.each([
    ['SIG_UNGA', 7, 'REFUSED'],
    ['SIG_UNGA', 8, 'EXCEPTION'],
    ['SIG_UNGA', 11, 'EXCEPTION'],
    ['SIG_UNGA', 12, 'NONE'],
    ['SIG_UNGA', 20, 'NONE'],
    ['SIG_UNGA', 21, 'EXCEPTION'],
    ['SIG_UNGA_VUXNA', 19, 'EXCEPTION'],
    ['SIG_UNGA_VUXNA', 20, 'NONE'],
    ['SIG_UNGA_VUXNA', 29, 'NONE'],
    ['SIG_UNGA_VUXNA', 30, 'EXCEPTION'],
    ['SIG_UNGA_VUXNA', 5, 'REFUSED'],
  ] as const)('%s at %i → %s', (group, age, expected) => {
    expect(ageRequirement(group, age)).toBe(expected);
  });

  it('follows the configured bands and floor', () => {
    const ages = parseTargetGroupAges('{"SIG_UNGA":[13,19],"SIG_UNGA_VUXNA":[20,25]}');
    expect(ageRequirement('SIG_UNGA', 12, ages, 10)).toBe('EXCEPTION');
    expect(ageRequirement('SIG_UNGA', 9, ages, 10)).toBe('REFUSED');
    expect(ageRequirement('SIG_UNGA_VUXNA', 26, ages, 10)).toBe('EXCEPTION');
  });

  it.each([
    [undefined, TARGET_GROUP_AGES],
    ['', TARGET_GROUP_AGES],
    ['{"SIG_UNGA":[12,20],"SIG_UNGA_VUXNA":[20,29]}', TARGET_GROUP_AGES],
  ])('parses %j', (raw, expected) => {
    expect(parseTargetGroupAges(raw)).toEqual(expected);
  });

  it.each([
    ['12-20', 'not JSON'],
    ['[12,20]', 'not a JSON object'],
    ['{"SIG_UNGA":[12,20]}', 'SIG_UNGA_VUXNA must be [min, max]'],
    ['{"SIG_UNGA":[12,20],"SIG_UNGA_VUXNA":[20,29],"SIG_BARN":[8,11]}', 'unknown target group "SIG_BARN"'],
    ['{"SIG_UNGA":[20,12],"SIG_UNGA_VUXNA":[20,29]}', 'min 20 is above max 12'],
    ['{"SIG_UNGA":[12.5,20],"SIG_UNGA_VUXNA":[20,29]}', 'two whole ages'],
  ])('refuses %j with a clear error', (raw, message) => {
    expect(() => parseTargetGroupAges(raw)).toThrow(/^SIG_TARGET_GROUP_AGES: /);
    expect(() => parseTargetGroupAges(raw)).toThrow(message);
  });

  it.each([
    [undefined, 8],
    ['', 8],
    ['10', 10],
  ])('reads the floor %j as %i', (raw, floor) => {
    expect(parseAgeExceptionFloor(raw)).toBe(floor);
  });

  it.each(['eight', '7.5', '-1'])('refuses the floor %j', (raw) => {
    expect(() => parseAgeExceptionFloor(raw)).toThrow(/^SIG_AGE_EXCEPTION_FLOOR: /);
  });
});

describe('the age exception’s approval', () => {
  const c = { district: 'spanga-tensta', proposedById: 'school-1' };
  const supervisor = { id: 'sup-1', agency: 'SOCIAL_SERVICES', district: 'spanga-tensta', roles: ['DISTRICT_SUPERVISOR'] };
  it.each([
    ['a supervisor of the district', supervisor, 'OK'],
    ['the proposer, though a supervisor', { ...supervisor, id: 'school-1' }, 'OWN_PROPOSAL'],
    ['a supervisor of another district', { ...supervisor, district: 'skarholmen' }, 'ROLE_REQUIRED'],
    ['a case worker of social services', { ...supervisor, roles: ['CASE_WORKER'] }, 'ROLE_REQUIRED'],
    ["another agency's supervisor", { ...supervisor, agency: 'POLICE' }, 'ROLE_REQUIRED'],
  ] as const)('%s → %s', (_, approver, expected) => {
    expect(mayApproveAgeException(approver, c)).toBe(expected);
  });

  it.each([
    [{}, true],
    [{ ageExceptionJustification: 'j' }, false],
    [{ ageExceptionJustification: 'j', ageExceptionApprovedBy: 'Karin Ek' }, true],
  ])('%j approved: %s', (caseFields, expected) => {
    expect(ageExceptionApproved(caseFields)).toBe(expected);
  });
});

describe("what a proposer is told of its proposal", () => {
  it.each([
    [{ status: 'PROPOSED' }, 'RECEIVED'],
    [{ status: 'ASSESSMENT' }, 'UNDER_ASSESSMENT'],
    [{ status: 'ACTIVE', activatedOn: '2026-01-01' }, 'STARTED'],
    [{ status: 'CLOSED', activatedOn: null }, 'NOT_STARTED'],
    [{ status: 'CLOSED', activatedOn: '2026-01-01' }, 'CLOSED'],
  ] as const)('%j → %s', (c, stage) => {
    expect(proposalStage(c)).toBe(stage);
  });
});

describe('group roles (seed 003: social services leads; a lots may be BAS / ungdomstjänst; "enbart lots")', () => {
  it.each([
    ['SOCIAL_SERVICES', 'COORDINATOR', true],
    ['POLICE', 'COORDINATOR', false],
    ['YOUTH_SERVICE', 'COORDINATOR', false],
    ['SOCIAL_SERVICES', 'LOTS', true],
    ['YOUTH_SERVICE', 'LOTS', true],
    ['POLICE', 'LOTS', false],
    ['SCHOOL', 'LOTS', false],
    ['POLICE', 'MEMBER', true],
    ['CIVIL_SOCIETY', 'MEMBER', true],
  ] as const)('%s as %s → %s', (agency, role, expected) => {
    expect(mayHoldRole(agency, role)).toBe(expected);
  });

  it.each([
    ['COORDINATOR', true, true],
    ['COORDINATOR', false, true],
    ['LOTS', false, true],
    ['LOTS', true, false],
    ['MEMBER', false, false],
    [undefined, false, false],
  ] as const)('%s with a coordinator in the group: %s → does the coordinator’s tasks: %s', (role, hasCoordinator, expected) => {
    expect(actsAsCoordinator(role, hasCoordinator)).toBe(expected);
  });
});
