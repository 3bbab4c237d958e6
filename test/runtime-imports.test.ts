import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const PLATFORM_SRC = path.join(ROOT, 'packages/platform/src');

/** Every module a file names: static imports and re-exports (type-only ones too), and dynamic imports. */
function specifiers(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*['"]([^'"]+)['"]/g), ...text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g), ...text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)];
  return found.map((m) => m[1]);
}

/** The file a specifier names, for the repository's own code (relative paths and the platform's doors); null for packages. */
function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else if (spec === '@sig/platform') base = path.join(PLATFORM_SRC, 'index');
  else if (spec.startsWith('@sig/platform/')) base = path.join(PLATFORM_SRC, spec.slice('@sig/platform/'.length), 'index');
  else return null;
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${path.relative(ROOT, from)}: cannot resolve ${spec}`);
}

/** Every file of the repository a process loads from its entry point, and the packages it names. */
function loaded(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const spec of specifiers(file)) {
      const target = resolve(file, spec);
      if (target) queue.push(target);
      else packages.add(spec);
    }
  }
  return { files: [...files].map((f) => path.relative(ROOT, f)), packages: [...packages] };
}

const ENTRIES = [...fs.readdirSync(path.join(ROOT, 'subgraphs')).map((name) => `subgraphs/${name}/src/main.ts`), 'gateway/src/main.ts'];

describe('what a deployed process loads', () => {
  it.each(ENTRIES)('%s loads no demo, dev, benchmark or tooling code', (entry) => {
    const { files, packages } = loaded(path.join(ROOT, entry));
    expect(files.length).toBeGreaterThan(3);
    const offenders = files.filter((f) => /(^|\/)seed\.ts$/.test(f) || f.startsWith('packages/platform/src/dev/') || /^(bench|scripts|test)\//.test(f) || f.includes('/test/'));
    expect(offenders).toEqual([]);
    expect(packages.filter((p) => p.startsWith('@sig/') || p.includes('/seed'))).toEqual([]);
  });
});
