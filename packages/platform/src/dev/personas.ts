import { ActorRole, type Actor } from '../access/actor';
import { Agency } from '../access/agency';

/**
 * Demo personas for local development and tests. Fictitious people; the ids are what a real
 * identity provider would put in `sub`. The seed data names them as group members.
 */
export const PERSONAS = {
  'social-worker': {
    id: '5a0c1e2d-0001-4000-8000-000000000001',
    name: 'Anna Lindqvist',
    agency: Agency.SOCIAL_SERVICES,
    unit: 'Spånga-Tensta socialtjänst, ungdomsenheten',
    district: 'spanga-tensta',
    roles: [ActorRole.CASE_WORKER],
  },
  'police-officer': {
    id: '5a0c1e2d-0002-4000-8000-000000000002',
    name: 'Erik Johansson',
    agency: Agency.POLICE,
    unit: 'Lokalpolisområde Rinkeby, kommunpolis',
    district: 'spanga-tensta',
    roles: [ActorRole.CASE_WORKER],
  },
  'school-counsellor': {
    id: '5a0c1e2d-0003-4000-8000-000000000003',
    name: 'Leila Haddad',
    agency: Agency.SCHOOL,
    unit: 'Tensta grundskola, elevhälsan (kurator)',
    district: 'spanga-tensta',
    roles: [ActorRole.CASE_WORKER],
  },
  'leisure-worker': {
    id: '5a0c1e2d-0004-4000-8000-000000000004',
    name: 'Mohammed Ali',
    agency: Agency.LEISURE,
    unit: 'Tensta fritidsgård och fältassistenter',
    district: 'spanga-tensta',
    roles: [ActorRole.CASE_WORKER],
  },
  'district-supervisor': {
    id: '5a0c1e2d-0005-4000-8000-000000000005',
    name: 'Karin Ek',
    agency: Agency.SOCIAL_SERVICES,
    unit: 'Spånga-Tensta socialtjänst, enhetschef',
    district: 'spanga-tensta',
    roles: [ActorRole.DISTRICT_SUPERVISOR, ActorRole.STATISTICS],
  },
  'social-worker-skarholmen': {
    id: '5a0c1e2d-0006-4000-8000-000000000006',
    name: 'Sofia Bergström',
    agency: Agency.SOCIAL_SERVICES,
    unit: 'Skärholmen socialtjänst, ungdomsenheten',
    district: 'skarholmen',
    roles: [ActorRole.CASE_WORKER],
  },
} satisfies Record<string, Actor>;

export type PersonaName = keyof typeof PERSONAS;

export function isPersonaName(name: string): name is PersonaName {
  return Object.hasOwn(PERSONAS, name);
}
