import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module a file names: static imports and re-exports (type-only ones too), and dynamic imports. */
function specifiers(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*['"]([^'"]+)['"]/g), ...text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g), ...text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)];
  return found.map((m) => m[1]);
}

const folderOf = (file: string) => path.relative(SRC, file).split(path.sep)[0];

describe('the package layout', () => {
  it('keeps only the root door in src/, every other file in a folder with its own door', () => {
    const rootFiles = fs.readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
    expect(rootFiles).toEqual(['index.ts']);
    const folders = fs.readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    for (const folder of folders) {
      expect(fs.existsSync(path.join(SRC, folder, 'index.ts')), `${folder}/index.ts`).toBe(true);
      expect(fs.existsSync(path.join(SRC, folder, 'README.md')), `${folder}/README.md`).toBe(true);
    }
  });

  it('never imports dev/ (demo data, personas, development keys) from outside dev/', () => {
    const devDir = path.join(SRC, 'dev');
    const offenders = sourceFiles(SRC)
      .filter((file) => folderOf(file) !== 'dev')
      .flatMap((file) =>
        specifiers(file)
          .filter((spec) => (spec.startsWith('.') && path.resolve(path.dirname(file), spec).startsWith(devDir)) || spec.startsWith('@sig/platform/dev'))
          .map((spec) => `${path.relative(SRC, file)} imports ${spec}`),
      );
    expect(offenders).toEqual([]);
  });

  it('keeps the root door to the pure access rules', () => {
    const root = specifiers(path.join(SRC, 'index.ts'));
    expect(root).toEqual(['./access']);
    const access = sourceFiles(path.join(SRC, 'access')).flatMap(specifiers).filter((spec) => !spec.startsWith('./'));
    expect(access.filter((spec) => spec.startsWith('.'))).toEqual([]);
  });
});
