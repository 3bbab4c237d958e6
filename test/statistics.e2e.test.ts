import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agency, type Actor } from '@sig/platform/access';
import { gatewayRequestHeaders } from '@sig/platform/tokens';
import { PERSONAS } from '@sig/platform/dev';
import { determinedSmallCells, type ReaderCell } from '@sig/dev-kit/disclosure-check';
import { DistrictStatisticsDocument, type DistrictStatisticsQuery } from './generated/operations';
import { startTestPlatform, type TestPlatform } from './support/platform';
import { FIXTURE, insertStatisticsFixture, type FixtureGroup } from './support/statistics-fixture';

/**
 * District statistics through the real gateway, on a known data set (test/support/statistics-fixture.ts):
 * every figure against hand-computed values, and a reader's check that no count under the
 * threshold (5) can be worked out from what is shown, directly or by subtraction.
 */
let platform: TestPlatform;
let report: NonNullable<DistrictStatisticsQuery['statistics']>;

beforeAll(async () => {
  platform = await startTestPlatform({ seed: false });
  await insertStatisticsFixture(platform.databases.subgraphs);
  const { body } = await platform.run('district-supervisor', DistrictStatisticsDocument, { period: '2025' });
  expect(body.errors).toBeUndefined();
  report = body.data!.statistics!;
});

afterAll(async () => {
  await platform?.stop();
});

type Figure = { value: number | null; suppressed: boolean };
const district = (code: string) => report.districts.find((d) => d.district === code)!;
const shown = (f: Figure) => {
  expect(f.suppressed, 'expected a shown figure').toBe(false);
  return f.value;
};
const participation = (row: ReturnType<typeof district>, agency: Agency) => row.participation.find((p) => p.agency === agency)!;

describe('the period', () => {
  it('is the year asked for, with stock figures taken on its last day', () => {
    expect({ period: report.period, from: report.from, to: report.to, referenceDate: report.referenceDate, smallCellThreshold: report.smallCellThreshold }).toEqual({
      period: '2025',
      from: '2025-01-01',
      to: '2025-12-31',
      referenceDate: '2025-12-31',
      smallCellThreshold: 5,
    });
    expect(report.districts).toHaveLength(14);
  });
});

describe("social services' figures, against hand-computed values", () => {
  it('Spånga-Tensta: flows, cohort, ages, cadence, participation, actions, median', () => {
    const st = district('spanga-tensta');
    // Proposed in 2025: g1 6 + g2 6 + g3 5 + g4 1 + g5 5 = 23; started: all but g4 = 22; closed: g3 5 + g4 1 = 6.
    expect(shown(st.proposals)).toBe(23);
    expect(shown(st.started)).toBe(22);
    expect(shown(st.closed)).toBe(6);
    expect(shown(st.closedByReason.find((r) => r.reason === 'GOALS_MET')!.cases)).toBe(5);
    expect(st.closedByReason.find((r) => r.reason === 'NOT_STARTED')!.cases).toEqual({ value: null, suppressed: true });
    // Active during 2025: g1, g2, g3, g5 = 22. Ages: 14 → 6, 16 → 6, 18 → 5, 22 → 5.
    expect(shown(st.activeDuringPeriod)).toBe(22);
    const ages = Object.fromEntries(st.ageGroups.map((a) => [a.ageGroup, a.cases]));
    expect([shown(ages.AGE_12_14), shown(ages.AGE_15_17), shown(ages.AGE_18_19), shown(ages.AGE_20_24)]).toEqual([6, 6, 5, 5]);
    expect(ages.AGE_25_29.suppressed && ages.OTHER.suppressed).toBe(true);
    // Active on 2025-12-31: g1, g2, g5 = 17; met in the last five weeks: g1 6; overdue: g2 6; g5 not yet due.
    expect(shown(st.activeOnReferenceDate)).toBe(17);
    expect(shown(st.meetingInLastFiveWeeks)).toBe(6);
    expect(shown(st.meetingInLastFiveWeeksShare)).toBe(0.353); // 6 / 17
    expect(shown(st.meetingOverdue)).toBe(6);
    // Participation over the 22: police and school in g1 + g2 (12), leisure and BUP in g1 (6).
    expect(shown(participation(st, Agency.POLICE).cases)).toBe(12);
    expect(shown(participation(st, Agency.POLICE).share)).toBe(0.545); // 12 / 22
    expect(shown(participation(st, Agency.SCHOOL).cases)).toBe(12);
    expect(shown(participation(st, Agency.LEISURE).cases)).toBe(6);
    expect(shown(participation(st, Agency.CHILD_PSYCHIATRY).share)).toBe(0.273); // 6 / 22
    // Actions due in 2025: g1's school actions done (6), g2's social-services actions late on 2025-12-31 (6).
    const actions = Object.fromEntries(st.actions.map((a) => [a.agency, a]));
    expect(shown(actions.SCHOOL.done)).toBe(6);
    expect(shown(actions.SOCIAL_SERVICES.late)).toBe(6);
    expect(actions.SOCIAL_SERVICES.open).toEqual({ value: null, suppressed: true });
    // Days from proposal to active over the 22 started: 30 × 6, 20 × 16 → median 20.
    expect(shown(st.medianDaysProposalToActive)).toBe(20);
  });

  it('Rinkeby-Kista: cases started in 2024 are in the cohort but not among the flows', () => {
    const rk = district('rinkeby-kista');
    expect(rk.proposals).toEqual({ value: null, suppressed: true }); // 0
    expect(rk.started).toEqual({ value: null, suppressed: true }); // 0
    expect(shown(rk.activeDuringPeriod)).toBe(12);
    expect(shown(rk.activeOnReferenceDate)).toBe(12);
    expect(shown(rk.meetingInLastFiveWeeks)).toBe(12);
    expect(shown(rk.meetingInLastFiveWeeksShare)).toBe(1);
    expect(shown(participation(rk, Agency.POLICE).share)).toBe(0.583); // 7 / 12
    const ages = Object.fromEntries(rk.ageGroups.map((a) => [a.ageGroup, a.cases]));
    expect([shown(ages.AGE_20_24), shown(ages.AGE_25_29)]).toEqual([7, 5]);
    expect(rk.medianDaysProposalToActive).toEqual({ value: null, suppressed: true });
  });

  it('Skärholmen: one case, so nothing of it is shown', () => {
    const sk = district('skarholmen');
    for (const f of [sk.proposals, sk.started, sk.activeDuringPeriod, sk.activeOnReferenceDate, sk.meetingInLastFiveWeeks, sk.medianDaysProposalToActive, sk.meetingInLastFiveWeeksShare]) {
      expect(f).toEqual({ value: null, suppressed: true });
    }
  });

  it('the city: sums over every district, and its own median', () => {
    const city = report.city;
    expect(city.district).toBe('city');
    expect(shown(city.proposals)).toBe(24);
    expect(shown(city.started)).toBe(23);
    expect(shown(city.activeDuringPeriod)).toBe(35);
    expect(shown(city.activeOnReferenceDate)).toBe(30);
    expect(shown(city.meetingInLastFiveWeeks)).toBe(19);
    expect(shown(city.meetingInLastFiveWeeksShare)).toBe(0.633); // 19 / 30
    expect(shown(city.meetingOverdue)).toBe(6);
    expect(shown(participation(city, Agency.POLICE).cases)).toBe(20);
    expect(shown(participation(city, Agency.SCHOOL).share)).toBe(0.543); // 19 / 35
    // 23 started: 10, 20 × 16, 30 × 6 → the 12th is 20.
    expect(shown(city.medianDaysProposalToActive)).toBe(20);
  });

  it('cases over time: started, closed and active per month of 2025', () => {
    const months = Object.fromEntries(report.months.map((m) => [m.month, m]));
    expect(report.months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`));
    expect(shown(months['2025-02'].started)).toBe(17);
    expect(shown(months['2025-12'].started)).toBe(5);
    expect(months['2025-05'].started).toEqual({ value: null, suppressed: true }); // Skärholmen's one
    expect(shown(months['2025-10'].closed)).toBe(5);
    expect(report.months.map((m) => m.activeAtEnd.value)).toEqual([12, 29, 29, 29, 30, 30, 30, 30, 30, 25, 25, 30]);
  });
});

describe("the other agencies' parts, each computed on its own data", () => {
  it('police: incidents and contacts in the period (an incident of 2024 does not count)', () => {
    const st = report.police!.districts.find((d) => d.district === 'spanga-tensta')!;
    const rk = report.police!.districts.find((d) => d.district === 'rinkeby-kista')!;
    expect(shown(st.casesWithIncident)).toBe(6);
    expect(shown(st.casesWithIncidentShare)).toBe(0.273); // 6 / 22
    expect(shown(st.casesWithContact)).toBe(6);
    expect(shown(rk.casesWithContact)).toBe(7);
    expect(rk.casesWithIncident).toEqual({ value: null, suppressed: true }); // 0: their incidents were in 2024
    expect(shown(report.police!.city.casesWithContact)).toBe(13);
    expect(shown(report.police!.city.casesWithContactShare)).toBe(0.371); // 13 / 35
  });

  it('school: pupils whose attendance rose over the case (up to the reference date)', () => {
    const st = report.school!.districts.find((d) => d.district === 'spanga-tensta')!;
    expect(shown(st.pupilsWithAttendance)).toBe(12);
    expect(shown(st.attendanceRose)).toBe(6);
    expect(shown(st.attendanceRoseShare)).toBe(0.5);
    // Rinkeby-Kista: 7 of 7 rose; "did not rise" would be 0, so the count is held back.
    const rk = report.school!.districts.find((d) => d.district === 'rinkeby-kista')!;
    expect(shown(rk.pupilsWithAttendance)).toBe(7);
    expect(rk.attendanceRose).toEqual({ value: null, suppressed: true });
    expect(rk.attendanceRoseShare).toEqual({ value: null, suppressed: true });
    expect(shown(report.school!.city.attendanceRose)).toBe(13);
    expect(shown(report.school!.city.attendanceRoseShare)).toBe(0.684); // 13 / 19
  });

  it('leisure: activities and summer jobs', () => {
    const st = report.leisure!.districts.find((d) => d.district === 'spanga-tensta')!;
    expect(shown(st.casesWithActivity)).toBe(6);
    expect(shown(st.casesWithSummerJob)).toBe(6);
    expect(shown(report.leisure!.city.casesWithSummerJob)).toBe(13);
  });
});

describe('access: the statistics role, aggregates only', () => {
  const QUERY = 'query($p: String!) { statistics(period: $p) { period city { proposals { value } } school { city { attendanceRose { value } } } } }';

  it('serves an actor with the STATISTICS role', async () => {
    const { body } = await platform.query('district-supervisor', QUERY, { p: '2025' });
    expect(body.errors).toBeUndefined();
    expect(body.data.statistics.city.proposals.value).toBe(24);
  });

  it('refuses an actor without it, naming the reason, and gives no figure', async () => {
    const { body } = await platform.query('social-worker', QUERY, { p: '2025' });
    expect(body.data.statistics).toBeNull();
    expect(body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
  });

  it('refuses a request without a token', async () => {
    const { status } = await platform.query(null, QUERY, { p: '2025' });
    expect(status).toBe(401);
  });

  it('offers clients no field with case ids: the cohort is internal to the supergraph', async () => {
    const { body } = await platform.query('district-supervisor', 'query { statistics(period: "2025") { cohorts { packedCaseIds } } }');
    expect(body.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it("an agency subgraph's part, asked for directly with a valid gateway signature, still needs the role", async () => {
    const ask = async (actor: Actor) => {
      const body = JSON.stringify({
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on StatisticsReport { school { city { pupilsWithAttendance { value } } } } } }',
        variables: { r: [{ __typename: 'StatisticsReport', period: '2025', cohorts: [{ district: 'bromma', packedCaseIds: '', size: 0, sizePublished: true }], citySizePublished: true }] },
      });
      const res = await fetch(platform.system.subgraphUrls[Agency.SCHOOL], {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await gatewayRequestHeaders(platform.keys.gateway.privateJwk, 'school', { actor, grants: { cases: {} } }, body)) },
        body,
      });
      return (await res.json()) as any;
    };
    const denied = await ask(PERSONAS['school-counsellor'] as Actor);
    expect(denied.data._entities[0].school).toBeNull();
    expect(denied.errors[0].extensions.reason).toBe('ROLE_REQUIRED');
    const permitted = await ask(PERSONAS['district-supervisor'] as Actor);
    expect(permitted.errors).toBeUndefined();
    expect(permitted.data._entities[0].school.city.pupilsWithAttendance).toEqual({ value: null });
  });

  it.each([
    ['2025-13', /month must be from 01 to 12/],
    ['last year', /must be a year/],
    ['2025-Q5', /must be a year/],
    ['2999', /year must be from 2000 to 2100/],
    ['2100-01', /has not begun yet/],
  ])('answers a bad period (%s) with a clear error naming the field', async (period, message) => {
    const { body } = await platform.query('district-supervisor', QUERY, { p: period });
    expect(body.data?.statistics ?? null).toBeNull();
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    expect(body.errors![0].message).toMatch(message);
  });
});

describe('kept until the data change', () => {
  const CITY_FIGURES = 'query($p: String!) { statistics(period: $p) { city { proposals { value } } police { city { casesWithIncident { value } } } } }';
  const cityFigures = async () => {
    const { body } = await platform.query('district-supervisor', CITY_FIGURES, { p: '2025' });
    expect(body.errors).toBeUndefined();
    return { proposals: body.data.statistics.city.proposals.value, incidents: body.data.statistics.police.city.casesWithIncident.value };
  };
  /** Asks until the figures are as expected: a change is announced at commit and reaches the cache within milliseconds. */
  const eventually = async (expected: { proposals: number; incidents: number }) => {
    const deadline = Date.now() + 3000;
    let seen = await cityFigures();
    while (JSON.stringify(seen) !== JSON.stringify(expected) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      seen = await cityFigures();
    }
    expect(seen).toEqual(expected);
  };

  it('a change at social services or at the police is in the next answers, and so is undoing it', async () => {
    await eventually({ proposals: 24, incidents: 6 });
    const social = new pg.Client({ connectionString: platform.databases.subgraphs[Agency.SOCIAL_SERVICES] });
    const police = new pg.Client({ connectionString: platform.databases.subgraphs[Agency.POLICE] });
    await social.connect();
    await police.connect();
    try {
      // One more proposal in 2025 (a copy of a fixture case), and an incident for a case of the cohort that had none.
      await social.query(`insert into sig_case (id, young_person_id, district, status, target_group, proposal_reason, proposed_by_agency, proposed_by_name, proposed_on, version)
        select gen_random_uuid(), young_person_id, district, 'PROPOSED', target_group, 'cache test', proposed_by_agency, proposed_by_name, '2025-06-01', 1 from sig_case limit 1`);
      const { rows } = await social.query(`select c.id from sig_case c where c.district = 'spanga-tensta' and c.activated_on = '2025-02-04' limit 1`);
      await police.query(`insert into police_incident (id, case_id, kind, occurred_at, description, recorded_by, created_at) values (gen_random_uuid(), $1, 'WITNESS', '2025-07-01T10:00:00Z', 'cache test', 'test', now())`, [rows[0].id]);
      await eventually({ proposals: 25, incidents: 7 });
    } finally {
      await social.query(`delete from sig_case where proposal_reason = 'cache test'`);
      await police.query(`delete from police_incident where description = 'cache test'`);
      await social.end();
      await police.end();
    }
    await eventually({ proposals: 24, incidents: 6 });
  });
});

describe('small-cell protection, as a reader would attack it', () => {
  it('shows no count under the threshold anywhere in the report', () => {
    const figures: Figure[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        if ('suppressed' in node) figures.push(node as Figure);
        else Object.values(node).forEach(walk);
      }
    };
    walk(report);
    expect(figures.length).toBeGreaterThan(500);
    for (const f of figures) {
      if (f.suppressed) expect(f.value).toBeNull();
    }
    // Counts (integers ≥ 0, not shares or medians) that are shown are at least 5.
    const counts: Figure[] = [];
    const walkCounts = (node: unknown, key = '') => {
      if (Array.isArray(node)) node.forEach((n) => walkCounts(n, key));
      else if (node && typeof node === 'object') {
        if ('suppressed' in node) {
          if (!/Share$|^share$|median/.test(key)) counts.push(node as Figure);
        } else for (const [k, v] of Object.entries(node)) walkCounts(v, k);
      }
    };
    walkCounts(report);
    for (const f of counts) if (!f.suppressed) expect(f.value).toBeGreaterThanOrEqual(5);
  });

  it('lets no suppressed small count be worked out from the sums a reader knows', () => {
    const { cells, lines } = readerModel();
    expect(determinedSmallCells(cells, lines, 5)).toEqual([]);
  });

  it('the check above can fail: showing one suppressed cell of a line gives another away', () => {
    const { cells, lines } = readerModel();
    // Pretend Skärholmen's proposals (1) were shown and every zero district too: the city total then gives nothing away,
    // but showing all but one small cell of a line lets it be subtracted.
    const leaked = new Map(cells);
    for (const [key, cell] of cells) if (key.startsWith('proposals@') && key !== 'proposals@skarholmen') leaked.set(key, { ...cell, known: true });
    expect(determinedSmallCells(leaked, lines, 5)).toContain('proposals@skarholmen');
  });
});

/**
 * What a reader knows: the shown figures of the report as cells with their true values (counted
 * from the fixture by hand-worked facts), and the sums that hold between them. Hidden complements
 * ("cases without a police member") are cells the reader never sees.
 */
function readerModel() {
  const cells = new Map<string, ReaderCell>();
  const lines: { total: string; parts: string[] }[] = [];
  const codes = report.districts.map((d) => d.district);
  const inDistrict = (d: string) => (g: FixtureGroup) => d === 'city' || g.district === d;
  const count = (d: string, test: (g: FixtureGroup) => boolean) => FIXTURE.filter(inDistrict(d)).filter(test).reduce((s, g) => s + g.n, 0);
  const add = (key: string, value: number, figure: Figure | null) => {
    if (figure && !figure.suppressed) expect(figure.value, key).toBe(value);
    cells.set(key, { value, known: figure !== null && !figure.suppressed });
  };
  // A shown share is its two counts divided (three decimals), whether or not those counts are shown.
  const expectShare = (share: Figure, numerator: string, denominator: string) => {
    if (share.suppressed) return;
    const [n, dd] = [cells.get(numerator)!.value, cells.get(denominator)!.value];
    expect(share.value, numerator).toBe(Math.round((n / dd) * 1000) / 1000);
  };
  const rows = [...report.districts, report.city];
  const ageOf = (g: FixtureGroup) => (g.age <= 14 ? 'AGE_12_14' : g.age <= 17 ? 'AGE_15_17' : g.age <= 19 ? 'AGE_18_19' : g.age <= 24 ? 'AGE_20_24' : 'AGE_25_29');
  const names: string[] = [];
  for (const row of rows) {
    const d = row.district;
    const cohort = (g: FixtureGroup) => g.facts.cohort;
    add(`proposals@${d}`, count(d, (g) => g.facts.proposed), row.proposals);
    add(`started@${d}`, count(d, (g) => g.facts.started), row.started);
    add(`closed@${d}`, count(d, (g) => g.facts.closed), row.closed);
    for (const r of row.closedByReason) add(`closed:${r.reason}@${d}`, count(d, (g) => g.facts.closed && g.closureReason === r.reason), r.cases);
    add(`cohort@${d}`, count(d, cohort), row.activeDuringPeriod);
    for (const a of row.ageGroups) add(`age:${a.ageGroup}@${d}`, count(d, (g) => cohort(g) && ageOf(g) === a.ageGroup), a.cases);
    add(`active@${d}`, count(d, (g) => g.facts.activeAtRef), row.activeOnReferenceDate);
    add(`recent@${d}`, count(d, (g) => g.facts.cadence === 'recent'), row.meetingInLastFiveWeeks);
    add(`overdue@${d}`, count(d, (g) => g.facts.cadence === 'overdue'), row.meetingOverdue);
    add(`notYetDue@${d}`, count(d, (g) => g.facts.cadence === 'notYetDue'), null);
    for (const p of row.participation) {
      add(`with:${p.agency}@${d}`, count(d, (g) => cohort(g) && g.members.includes(p.agency as Agency)), p.cases);
      add(`without:${p.agency}@${d}`, count(d, (g) => cohort(g) && !g.members.includes(p.agency as Agency)), null);
      lines.push({ total: `cohort@${d}`, parts: [`with:${p.agency}@${d}`, `without:${p.agency}@${d}`] });
      expectShare(p.share, `with:${p.agency}@${d}`, `cohort@${d}`);
    }
    expectShare(row.meetingInLastFiveWeeksShare, `recent@${d}`, `active@${d}`);
    for (const a of row.actions) {
      for (const s of ['done', 'late', 'open'] as const) {
        const status = s === 'done' ? 'DONE' : 'OPEN';
        const late = s === 'late';
        add(`actions:${a.agency}:${s}@${d}`, count(d, (g) => g.actions.some((x) => x.agency === a.agency && x.status === status && (s === 'done' || (x.due < '2025-12-31') === late))), a[s]);
      }
    }
    lines.push({ total: `closed@${d}`, parts: row.closedByReason.map((r) => `closed:${r.reason}@${d}`) });
    lines.push({ total: `cohort@${d}`, parts: row.ageGroups.map((a) => `age:${a.ageGroup}@${d}`) });
    lines.push({ total: `active@${d}`, parts: [`recent@${d}`, `overdue@${d}`, `notYetDue@${d}`] });
    if (d === 'city') for (const key of cells.keys()) if (key.endsWith('@city')) names.push(key.slice(0, -'@city'.length));
  }
  for (const name of names) lines.push({ total: `${name}@city`, parts: codes.map((c) => `${name}@${c}`) });
  for (const m of report.months) {
    const inMonth = (date: string | null) => date !== null && date.startsWith(m.month);
    add(`started@${m.month}`, count('city', (g) => inMonth(g.activatedOn)), m.started);
    add(`closed@${m.month}`, count('city', (g) => inMonth(g.closedOn)), m.closed);
  }
  lines.push({ total: 'started@city', parts: report.months.map((m) => `started@${m.month}`) });
  lines.push({ total: 'closed@city', parts: report.months.map((m) => `closed@${m.month}`) });
  // The agencies' parts: each count with its complement against the cohort (known where shown).
  const part = (prefix: string, partRows: { district: string }[], measures: [string, (g: FixtureGroup) => boolean, string][]) => {
    for (const row of partRows as any[]) {
      const d = row.district;
      for (const [name, test, of] of measures) {
        const base = of === 'cohort' ? (g: FixtureGroup) => g.facts.cohort : measures.find((m) => m[0] === of)![1];
        add(`${prefix}:${name}@${d}`, count(d, (g) => base(g) && test(g)), row[name]);
        add(`${prefix}:not:${name}@${d}`, count(d, (g) => base(g) && !test(g)), null);
        const total = of === 'cohort' ? `cohort@${d}` : `${prefix}:${of}@${d}`;
        lines.push({ total, parts: [`${prefix}:${name}@${d}`, `${prefix}:not:${name}@${d}`] });
        expectShare(row[`${name}Share`], `${prefix}:${name}@${d}`, total);
      }
    }
    for (const [name] of measures) for (const n of [`${prefix}:${name}`, `${prefix}:not:${name}`]) lines.push({ total: `${n}@city`, parts: codes.map((c) => `${n}@${c}`) });
  };
  const inCohort = (g: FixtureGroup) => g.facts.cohort;
  part('police', [...report.police!.districts, report.police!.city], [
    ['casesWithIncident', (g) => inCohort(g) && g.incident2025, 'cohort'],
    ['casesWithContact', (g) => inCohort(g) && g.contact2025, 'cohort'],
  ]);
  part('school', [...report.school!.districts, report.school!.city], [
    ['pupilsWithAttendance', (g) => inCohort(g) && g.attendance !== null, 'cohort'],
    ['attendanceRose', (g) => g.attendance !== null && g.attendance[1] > g.attendance[0], 'pupilsWithAttendance'],
  ]);
  part('leisure', [...report.leisure!.districts, report.leisure!.city], [
    ['casesWithActivity', (g) => inCohort(g) && g.activity2025, 'cohort'],
    ['casesWithSummerJob', (g) => inCohort(g) && g.summerJob2025, 'cohort'],
  ]);
  return { cells, lines };
}
