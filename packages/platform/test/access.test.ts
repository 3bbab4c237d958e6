import { describe, expect, it } from 'vitest';
import { ActorRole, Agency, decideCaseVisible, decideRead, PERSONAS, type Actor, type Grants } from '../src';

const CASE = '11111111-1111-4111-8111-111111111111';
const member: Grants = { memberships: { [CASE]: 'MEMBER' } };
const none: Grants = { memberships: {} };
const police = PERSONAS['police-officer'] as Actor;
const social = PERSONAS['social-worker'] as Actor;
const supervisor = PERSONAS['district-supervisor'] as Actor;

describe('own-agency access (before consent sharing)', () => {
  it('permits a member to read its own agency data', () => {
    expect(decideRead(police, member, { caseId: CASE }, { source: Agency.POLICE, category: 'INCIDENTS' })).toEqual({ permit: true, basis: 'OWN_AGENCY_MEMBER' });
  });

  it('denies a member data of another agency with NO_CONSENT', () => {
    expect(decideRead(police, member, { caseId: CASE }, { source: Agency.SCHOOL, category: 'ATTENDANCE' })).toEqual({ permit: false, reason: 'NO_CONSENT' });
  });

  it('denies a non-member, even for its own agency, with NOT_A_MEMBER', () => {
    expect(decideRead(police, none, { caseId: CASE }, { source: Agency.POLICE, category: 'INCIDENTS' })).toEqual({ permit: false, reason: 'NOT_A_MEMBER' });
    expect(decideRead(police, none, { caseId: CASE }, { source: Agency.SCHOOL, category: 'ATTENDANCE' })).toEqual({ permit: false, reason: 'NOT_A_MEMBER' });
  });

  it('lets a district supervisor read its own agency data of cases in its district only', () => {
    const data = { source: Agency.SOCIAL_SERVICES, category: 'CASE' };
    expect(decideRead(supervisor, none, { caseId: CASE, district: supervisor.district }, data)).toEqual({ permit: true, basis: 'OWN_AGENCY_ROLE' });
    expect(decideRead(supervisor, none, { caseId: CASE, district: 'skarholmen' }, data)).toEqual({ permit: false, reason: 'NOT_A_MEMBER' });
    expect(decideRead(supervisor, none, { caseId: CASE }, data)).toEqual({ permit: false, reason: 'NOT_A_MEMBER' });
    expect(decideRead(supervisor, none, { caseId: CASE, district: supervisor.district }, { source: Agency.POLICE, category: 'INCIDENTS' })).toEqual({ permit: false, reason: 'NOT_A_MEMBER' });
  });

  it('gives a case worker without the supervisor role nothing by district', () => {
    expect(decideRead(social, none, { caseId: CASE, district: social.district }, { source: Agency.SOCIAL_SERVICES, category: 'CASE' })).toEqual({ permit: false, reason: 'NOT_A_MEMBER' });
  });

  it('shows a case to members and to the own-agency district supervisor', () => {
    expect(decideCaseVisible(police, member, { caseId: CASE })).toMatchObject({ permit: true });
    expect(decideCaseVisible(police, none, { caseId: CASE, district: police.district })).toEqual({ permit: false, reason: 'NOT_A_MEMBER' });
    expect(decideCaseVisible(supervisor, none, { caseId: CASE, district: supervisor.district })).toMatchObject({ permit: true });
    const policeChief: Actor = { ...police, roles: [ActorRole.DISTRICT_SUPERVISOR] };
    expect(decideCaseVisible(policeChief, none, { caseId: CASE, district: police.district })).toEqual({ permit: false, reason: 'NOT_A_MEMBER' });
  });
});
