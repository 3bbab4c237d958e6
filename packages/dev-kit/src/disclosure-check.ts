/**
 * A reader's view of a published table, for tests: which cells under the threshold can be worked
 * out exactly from the shown cells through any combination of the table's sums? Exact integer
 * arithmetic (BigInt), written apart from the implementation it checks.
 */
export interface ReaderCell {
  value: number;
  /** Shown to the reader (or published elsewhere). */
  known: boolean;
}

export function determinedSmallCells(cells: Map<string, ReaderCell>, lines: { total: string; parts: string[] }[], threshold: number): string[] {
  const unknown = [...cells.keys()].filter((k) => !cells.get(k)!.known);
  const col = new Map(unknown.map((k, i) => [k, i]));
  const rows = lines
    .map(({ total, parts }) => {
      const row = unknown.map(() => 0n);
      for (const [k, s] of [[total, 1n], ...parts.map((p) => [p, -1n] as const)] as const) {
        if (!cells.has(k)) throw new Error(`disclosure check: line names unknown cell ${k}`);
        if (col.has(k)) row[col.get(k)!] += s;
      }
      return row;
    })
    .filter((r) => r.some((v) => v !== 0n));
  const pivots: [number, number][] = [];
  let rank = 0;
  for (let c = 0; c < unknown.length && rank < rows.length; c++) {
    const r0 = rows.findIndex((r, i) => i >= rank && r[c] !== 0n);
    if (r0 < 0) continue;
    [rows[rank], rows[r0]] = [rows[r0], rows[rank]];
    for (let r = 0; r < rows.length; r++) {
      if (r === rank || rows[r][c] === 0n) continue;
      const a = rows[rank][c];
      const b = rows[r][c];
      rows[r] = rows[r].map((v, i) => v * a - rows[rank][i] * b);
    }
    pivots.push([rank, c]);
    rank++;
  }
  const pivotCols = new Set(pivots.map(([, c]) => c));
  return pivots
    .filter(([r, c]) => rows[r].every((v, i) => i === c || pivotCols.has(i) || v === 0n))
    .map(([, c]) => unknown[c])
    .filter((k) => cells.get(k)!.value < threshold);
}
