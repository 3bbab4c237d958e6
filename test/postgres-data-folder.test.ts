import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareDataFolder, serverUser } from '@sig/dev-kit/postgres';

/**
 * Issue 14 (hole 9, part): the embedded PostgreSQL's folder (its data and the admin password) is
 * the server user's alone, mode 0700, and never under a folder anyone may write to. It was made
 * world-writable for the postgres user (when running as root) to create the data folder in.
 */
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sig-folder-test-'));
  made.push(dir);
  return dir;
}

describe('prepareDataFolder', () => {
  it("makes the folder the server user's own, mode 0700, also when it was world-writable before", () => {
    const base = path.join(scratch(), 'local', 'postgres');
    fs.mkdirSync(base, { recursive: true });
    fs.chmodSync(base, 0o777);
    prepareDataFolder(base);
    const stat = fs.statSync(base);
    expect(stat.mode & 0o7777).toBe(0o700);
    expect(stat.uid).toBe(serverUser().uid);
    // The folder above it, made here, is not writable by everyone, but the server user may pass through it.
    expect(fs.statSync(path.dirname(base)).mode & 0o002).toBe(0);
    expect(fs.statSync(path.dirname(base)).mode & 0o001).toBe(0o001);
  });

  it('makes the folders above it passable for the server user (only the data folder is private)', () => {
    const top = scratch();
    prepareDataFolder(path.join(top, 'a', 'b', 'postgres'));
    for (const dir of [path.join(top, 'a'), path.join(top, 'a', 'b')]) expect(fs.statSync(dir).mode & 0o003).toBe(0o001);
    expect(fs.statSync(path.join(top, 'a', 'b', 'postgres')).mode & 0o777).toBe(0o700);
  });

  it('takes the everyone-may-write bit off a folder above it that this process owns', () => {
    const parent = path.join(scratch(), 'shared');
    fs.mkdirSync(parent);
    fs.chmodSync(parent, 0o777);
    prepareDataFolder(path.join(parent, 'postgres'));
    expect(fs.statSync(parent).mode & 0o777).toBe(0o775);
  });

  it('accepts a sticky folder above it such as /tmp', () => {
    const parent = path.join(scratch(), 'sticky');
    fs.mkdirSync(parent);
    fs.chmodSync(parent, 0o1777);
    prepareDataFolder(path.join(parent, 'postgres'));
    expect(fs.statSync(parent).mode & 0o7777).toBe(0o1777);
    expect(fs.statSync(path.join(parent, 'postgres')).mode & 0o777).toBe(0o700);
  });

  it.runIf(process.getuid?.() === 0)('as root, hands the folder to the postgres user, whom PostgreSQL runs as', () => {
    const base = path.join(scratch(), 'postgres');
    prepareDataFolder(base);
    const { uid } = serverUser();
    expect(uid).not.toBe(0);
    expect(fs.statSync(base).uid).toBe(uid);
  });
});
