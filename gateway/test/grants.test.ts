import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@sig/platform/runtime';
import { PERSONAS } from '@sig/platform/dev';
import type { Actor } from '@sig/platform/access';
import { createTestDatabases } from '@sig/dev-kit/testkit';
import { GrantsSource } from '../src/grants';

/** The grants cache over a real social-services database (seeded demo data), listening to its announcements. */
let grants: GrantsSource;
let drop: () => Promise<void>;
const worker = PERSONAS['social-worker'] as Actor;
const officer = PERSONAS['police-officer'] as Actor;

beforeAll(async () => {
  const created = await createTestDatabases({ seed: true });
  drop = created.drop;
  grants = new GrantsSource(created.databases.gatewayGrants, createLogger('grants-test'));
  await grants.start();
});

afterAll(async () => {
  await grants?.close();
  await drop?.();
});

describe('read your writes, targeted', () => {
  it("a mutation's author reads fresh grants; everyone else's stay cached", async () => {
    const mine = await grants.grantsFor(worker);
    const theirs = await grants.grantsFor(officer);
    expect(Object.keys(mine.cases).length).toBeGreaterThan(0);
    expect(await grants.grantsFor(worker)).toBe(mine);
    expect(await grants.grantsFor(officer)).toBe(theirs);

    grants.invalidateActor(worker);
    const fresh = await grants.grantsFor(worker);
    expect(fresh).not.toBe(mine);
    expect(fresh).toEqual(mine);
    expect(await grants.grantsFor(officer)).toBe(theirs);
    // And the fresh ones are cached again.
    expect(await grants.grantsFor(worker)).toBe(fresh);
  });

  it('a read of the author that was under way when they wrote is not cached', async () => {
    grants.invalidateActor(worker);
    const underWay = grants.grantsFor(worker);
    grants.invalidateActor(worker);
    const read = await underWay;
    expect(await grants.grantsFor(worker)).not.toBe(read);
  });

  it('an announcement still clears everyone', async () => {
    const theirs = await grants.grantsFor(officer);
    grants.invalidate();
    expect(await grants.grantsFor(officer)).not.toBe(theirs);
  });
});
