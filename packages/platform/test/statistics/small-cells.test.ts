import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SmallCellTable, smallCellThreshold } from '../../src/statistics';
import { determinedSmallCells } from '@sig/dev-kit/disclosure-check';

const shown = (t: SmallCellTable, key: string) => t.count(key).value;

describe('primary suppression', () => {
  it('withholds every count under the threshold, zero included, and shows the rest', () => {
    const t = new SmallCellTable(5).add('a', 0).add('b', 4).add('c', 5).add('d', 120).protect();
    expect(t.count('a')).toEqual({ value: null, suppressed: true });
    expect(t.count('b')).toEqual({ value: null, suppressed: true });
    expect(t.count('c')).toEqual({ value: 5, suppressed: false });
    expect(t.count('d')).toEqual({ value: 120, suppressed: false });
  });

  it('follows the threshold setting', () => {
    const t = new SmallCellTable(10).add('a', 7).protect();
    expect(t.count('a').suppressed).toBe(true);
    expect(smallCellThreshold({})).toBe(5);
    expect(smallCellThreshold({ SIG_SMALL_CELL_THRESHOLD: '11' })).toBe(11);
    expect(() => smallCellThreshold({ SIG_SMALL_CELL_THRESHOLD: 'five' })).toThrow(/positive integer/);
    expect(() => new SmallCellTable(0)).toThrow(/positive integer/);
  });
});

describe('secondary suppression: no total gives a suppressed cell away', () => {
  it('suppresses the smallest other part when a line would reveal its only suppressed cell', () => {
    const t = new SmallCellTable(5).add('total', 20).add('x', 3).add('y', 8).add('z', 9).line('total', ['x', 'y', 'z']).protect();
    expect(t.count('x').suppressed).toBe(true);
    expect(t.count('y').suppressed).toBe(true); // 20 − 8 − 9 would give x = 3
    expect(shown(t, 'z')).toBe(9);
    expect(shown(t, 'total')).toBe(20);
  });

  it('suppresses the total when it is the only other cell of the line', () => {
    const t = new SmallCellTable(5).add('total', 3).add('only', 3).line('total', ['only']).protect();
    expect(t.count('total').suppressed).toBe(true);
    expect(t.count('only').suppressed).toBe(true);
  });

  it('protects a hidden complement: "cases with" is withheld when "cases without" would be under the threshold', () => {
    const t = new SmallCellTable(5).add('cohort', 30, 'fixed').add('with', 28).add('without', 2, 'hidden').line('cohort', ['with', 'without']).protect();
    expect(t.count('with').suppressed).toBe(true);
    expect(t.rate('with', 'cohort')).toEqual({ value: null, suppressed: true });
  });

  it('follows chains of lines: a cell worked out in one line is used in the next', () => {
    // city = a + b; a = a1 + a2 (a1 small). Suppressing a1 forces a2; then a = a1 + a2 has two unknowns.
    const t = new SmallCellTable(5)
      .add('city', 50).add('a', 20).add('b', 30).add('a1', 2).add('a2', 18)
      .line('city', ['a', 'b']).line('a', ['a1', 'a2'])
      .protect();
    expect(t.count('a1').suppressed).toBe(true);
    expect(t.count('a2').suppressed).toBe(true);
    expect(shown(t, 'a')).toBe(20);
  });

  it('catches what only a combination of lines reveals (a = (T1 + T3 − T2) / 2)', () => {
    const t = new SmallCellTable(5)
      .add('a', 2).add('b', 10, 'hidden').add('c', 11, 'hidden')
      .add('T1', 12).add('T2', 21).add('T3', 13)
      .line('T1', ['a', 'b']).line('T2', ['b', 'c']).line('T3', ['a', 'c'])
      .protect();
    expect(t.count('a').suppressed).toBe(true);
    expect(t.count('T1').suppressed || t.count('T3').suppressed).toBe(true);
    expect(determinedSensitiveCells(t, 5)).toEqual([]);
  });

  it('refuses a line that does not add up, and reading before protecting', () => {
    expect(() => new SmallCellTable(5).add('t', 10).add('p', 9).line('t', ['p'])).toThrow(/not the sum/);
    expect(() => new SmallCellTable(5).add('t', 10).count('t')).toThrow(/protect/);
  });
});

describe('derived figures', () => {
  it('shows a rate only when both its counts are shown', () => {
    const t = new SmallCellTable(5).add('n', 6).add('d', 8).add('small', 2).protect();
    expect(t.rate('n', 'd')).toEqual({ value: 0.75, suppressed: false });
    expect(t.rate('small', 'd')).toEqual({ value: null, suppressed: true });
    expect(t.rate('n', 'small')).toEqual({ value: null, suppressed: true });
  });

  it('shows a median only with the count it is computed over', () => {
    const t = new SmallCellTable(5).add('started', 7).add('few', 3).protect();
    expect(t.figure(41.5, 'started')).toEqual({ value: 41.5, suppressed: false });
    expect(t.figure(12, 'few')).toEqual({ value: null, suppressed: true });
  });
});

/** What a reader of the table sees, checked by the independent disclosure check. */
function determinedSensitiveCells(t: SmallCellTable, threshold: number): string[] {
  const internals = t as unknown as { cells: Map<string, { value: number; visibility: string; suppressed: boolean }>; lines: { total: string; parts: string[] }[] };
  const cells = new Map([...internals.cells].map(([k, c]) => [k, { value: c.value, known: c.visibility === 'fixed' || (c.visibility === 'published' && !c.suppressed) }]));
  return determinedSmallCells(cells, internals.lines, threshold);
}

describe('property: a two-way table with margins never gives away a small cell', () => {
  it('holds for random tables (rows × columns, row and column totals, grand total)', () => {
    const table = fc.record({
      rows: fc.integer({ min: 1, max: 5 }),
      cols: fc.integer({ min: 1, max: 5 }),
      values: fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 })), { minLength: 25, maxLength: 25 }),
      hiddenColumn: fc.boolean(),
      threshold: fc.integer({ min: 1, max: 6 }),
    });
    fc.assert(
      fc.property(table, ({ rows, cols, values, hiddenColumn, threshold }) => {
        const t = new SmallCellTable(threshold);
        const v = (r: number, c: number) => values[r * 5 + c];
        for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t.add(`${r},${c}`, v(r, c), hiddenColumn && c === cols - 1 ? 'hidden' : 'published');
        for (let r = 0; r < rows; r++) t.add(`${r},*`, Array.from({ length: cols }, (_, c) => v(r, c)).reduce((a, b) => a + b, 0));
        for (let c = 0; c < cols; c++) t.add(`*,${c}`, Array.from({ length: rows }, (_, r) => v(r, c)).reduce((a, b) => a + b, 0));
        let grand = 0;
        for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) grand += v(r, c);
        t.add('*,*', grand);
        for (let r = 0; r < rows; r++) t.line(`${r},*`, Array.from({ length: cols }, (_, c) => `${r},${c}`));
        for (let c = 0; c < cols; c++) t.line(`*,${c}`, Array.from({ length: rows }, (_, r) => `${r},${c}`));
        t.line('*,*', Array.from({ length: rows }, (_, r) => `${r},*`));
        t.line('*,*', Array.from({ length: cols }, (_, c) => `*,${c}`));
        t.protect();
        // No shown count is under the threshold, and none under it can be worked out.
        const internals = t as unknown as { cells: Map<string, { value: number; visibility: string }> };
        for (const [key, cell] of internals.cells) {
          if (cell.visibility !== 'published') continue;
          const out = t.count(key);
          if (!out.suppressed) expect(out.value).toBeGreaterThanOrEqual(threshold);
        }
        expect(determinedSensitiveCells(t, threshold)).toEqual([]);
      }),
      { numRuns: 3000, seed: 20261125 },
    );
  });
});
