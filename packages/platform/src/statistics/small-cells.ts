/**
 * Small-cell protection for published statistics (röjandeskydd): no count under the threshold is
 * published, and no published figure lets a reader work one out by subtraction.
 *
 * A table holds cells (counts) and lines (a total and the parts that sum to it). A cell is
 * - published: shown unless suppressed;
 * - hidden: never shown, but a reader could work it out from its line (e.g. "cases without a
 *   police member" = active cases − cases with one), so it is protected like a published one;
 * - fixed: published by another table (another subgraph) and not ours to suppress; treated as known.
 *
 * `protect()` suppresses every published cell under the threshold (primary suppression), then
 * follows what a reader can derive: whenever a line has exactly one unknown cell, that cell is
 * known by subtraction. If it is under the threshold, the smallest published cell of that line is
 * suppressed too (secondary suppression) and the derivation starts again, until no cell under the
 * threshold can be derived from any chain of lines. Rates and other figures derived from counts are
 * suppressed with them (`rate`, `figure`). A final check with linear algebra catches what only a
 * combination of several lines would reveal.
 */
export interface StatisticCountValue {
  value: number | null;
  suppressed: boolean;
}
export type StatisticFigureValue = StatisticCountValue;

type Visibility = 'published' | 'hidden' | 'fixed';

interface Cell {
  value: number;
  visibility: Visibility;
  suppressed: boolean;
}

export class SmallCellTable {
  private readonly cells = new Map<string, Cell>();
  private readonly lines: { total: string; parts: string[] }[] = [];
  private protectedAlready = false;

  constructor(readonly threshold: number) {
    if (!Number.isInteger(threshold) || threshold < 1) throw new Error(`small-cell threshold must be a positive integer, got ${threshold}`);
  }

  /** Adds a count. Keys are any strings unique in the table, e.g. "closed/spanga-tensta/GOALS_MET". */
  add(key: string, value: number, visibility: Visibility = 'published'): this {
    if (this.cells.has(key)) throw new Error(`small-cell table: cell ${key} added twice`);
    if (!Number.isInteger(value) || value < 0) throw new Error(`small-cell table: ${key} is not a count (${value})`);
    this.cells.set(key, { value, visibility, suppressed: false });
    return this;
  }

  /** Declares that `total` is the sum of `parts` (all cells of this table). Checks that it is. */
  line(total: string, parts: string[]): this {
    const sum = parts.reduce((s, k) => s + this.cell(k).value, 0);
    if (sum !== this.cell(total).value) throw new Error(`small-cell table: ${total} (${this.cell(total).value}) is not the sum of its parts (${sum})`);
    this.lines.push({ total, parts });
    return this;
  }

  /** Applies primary and secondary suppression. Idempotent. */
  protect(): this {
    if (this.protectedAlready) return this;
    this.protectedAlready = true;
    for (const cell of this.cells.values()) {
      if (cell.visibility === 'published' && cell.value < this.threshold) cell.suppressed = true;
    }
    // Each round suppresses one more cell, so this ends.
    for (;;) {
      while (this.suppressOneRecoverable()) {
        // line by line: the common case, cheap
      }
      // Sums of several lines can still pin a cell down (e.g. three lines over three cells pairwise):
      // a cell under the threshold that the published figures determine gets one more cell suppressed.
      if (!this.suppressOneDetermined()) break;
    }
    return this;
  }

  /** A published count: the number, or null and suppressed. */
  count(key: string): StatisticCountValue {
    const cell = this.cell(key);
    if (cell.visibility !== 'published') throw new Error(`small-cell table: ${key} is not a published cell`);
    this.requireProtected();
    return cell.suppressed ? { value: null, suppressed: true } : { value: cell.value, suppressed: false };
  }

  /** Whether a reader sees this cell's number (published and not suppressed, or published elsewhere). */
  isShown(key: string): boolean {
    this.requireProtected();
    const cell = this.cell(key);
    return cell.visibility === 'fixed' || (cell.visibility === 'published' && !cell.suppressed);
  }

  /** numerator ÷ denominator, suppressed unless both counts are shown (else the rate would give one away). */
  rate(numerator: string, denominator: string): StatisticFigureValue {
    if (!this.isShown(numerator) || !this.isShown(denominator) || this.cell(denominator).value === 0) return { value: null, suppressed: true };
    return { value: round(this.cell(numerator).value / this.cell(denominator).value, 3), suppressed: false };
  }

  /** A figure computed over the cases one count counts (e.g. a median): shown only with that count. */
  figure(value: number | null, base: string): StatisticFigureValue {
    if (!this.isShown(base) || value === null) return { value: null, suppressed: true };
    return { value: round(value, 1), suppressed: false };
  }

  private cell(key: string): Cell {
    const cell = this.cells.get(key);
    if (!cell) throw new Error(`small-cell table: no cell ${key}`);
    return cell;
  }

  private requireProtected() {
    if (!this.protectedAlready) throw new Error('small-cell table: protect() before reading figures');
  }

  /**
   * Derives what a reader can work out line by line. On finding a cell under the threshold that can
   * be derived, suppresses one more published cell of that line and returns true; false when nothing
   * under the threshold can be derived.
   */
  private suppressOneRecoverable(): boolean {
    const known = new Set<string>();
    for (const [key, cell] of this.cells) if (cell.visibility === 'fixed' || (cell.visibility === 'published' && !cell.suppressed)) known.add(key);
    let progress = true;
    while (progress) {
      progress = false;
      for (const { total, parts } of this.lines) {
        const members = [total, ...parts];
        const unknown = members.filter((k) => !known.has(k));
        if (unknown.length !== 1) continue;
        const [derivable] = unknown;
        if (this.cell(derivable).value < this.threshold) {
          const candidates = members.filter((k) => {
            const c = this.cell(k);
            return c.visibility === 'published' && !c.suppressed;
          });
          if (candidates.length === 0) {
            // Everything else in the line is derived or someone else's: hold back the whole table.
            for (const c of this.cells.values()) if (c.visibility === 'published') c.suppressed = true;
            return false;
          }
          this.cell(this.leastInformative(candidates)).suppressed = true;
          return true;
        }
        known.add(derivable);
        progress = true;
      }
    }
    return false;
  }

  /** The cell to give up: the smallest; between equals, a part rather than a total (totals say more). */
  private leastInformative(candidates: string[]): string {
    const totals = new Set(this.lines.map((l) => l.total));
    const rank = (k: string) => this.cell(k).value * 2 + (totals.has(k) ? 1 : 0);
    return candidates.reduce((a, b) => (rank(b) < rank(a) ? b : a));
  }

  /**
   * Linear algebra over the unknown cells: every line is an equation, the known cells its constants.
   * A cell is determined by the published figures exactly when, in the reduced row echelon form,
   * its pivot row has no free variable. If a cell under the threshold is determined, suppresses the
   * smallest published cell on one of its lines and returns true.
   */
  private suppressOneDetermined(): boolean {
    const isKnown = (c: Cell) => c.visibility === 'fixed' || (c.visibility === 'published' && !c.suppressed);
    const unknown = [...this.cells].filter(([, c]) => !isKnown(c)).map(([k]) => k);
    if (unknown.length === 0) return false;
    const column = new Map(unknown.map((k, i) => [k, i]));
    const rows: Float64Array[] = [];
    for (const { total, parts } of this.lines) {
      const row = new Float64Array(unknown.length);
      let any = false;
      for (const [key, sign] of [[total, 1], ...parts.map((p) => [p, -1] as const)] as const) {
        const i = column.get(key);
        if (i !== undefined) {
          row[i] += sign;
          any = true;
        }
      }
      if (any) rows.push(row);
    }
    const pivots = reducedRowEchelon(rows, unknown.length);
    const pivotSet = new Set(pivots.map(([, c]) => c));
    for (const [r, col] of pivots) {
      const key = unknown[col];
      if (this.cell(key).value >= this.threshold) continue;
      const free = rows[r].some((v, i) => i !== col && !pivotSet.has(i) && Math.abs(v) > EPSILON);
      if (free) continue;
      // Determined: suppress the smallest published cell on a line through it.
      const candidates = this.lines
        .filter(({ total, parts }) => total === key || parts.includes(key))
        .flatMap(({ total, parts }) => [total, ...parts])
        .filter((k) => this.cell(k).visibility === 'published' && !this.cell(k).suppressed);
      if (candidates.length === 0) {
        for (const c of this.cells.values()) if (c.visibility === 'published') c.suppressed = true;
        return false;
      }
      this.cell(this.leastInformative(candidates)).suppressed = true;
      return true;
    }
    return false;
  }
}

const EPSILON = 1e-9;

/** Gauss-Jordan elimination in place; returns [row, pivot column] pairs. Coefficients are small integers, so doubles are exact enough. */
function reducedRowEchelon(rows: Float64Array[], columns: number): [number, number][] {
  const pivots: [number, number][] = [];
  let rank = 0;
  for (let col = 0; col < columns && rank < rows.length; col++) {
    let best = -1;
    for (let r = rank; r < rows.length; r++) if (Math.abs(rows[r][col]) > EPSILON && (best < 0 || Math.abs(rows[r][col]) > Math.abs(rows[best][col]))) best = r;
    if (best < 0) continue;
    [rows[rank], rows[best]] = [rows[best], rows[rank]];
    const pivot = rows[rank];
    const scale = pivot[col];
    for (let i = 0; i < columns; i++) pivot[i] /= scale;
    for (let r = 0; r < rows.length; r++) {
      if (r === rank) continue;
      const factor = rows[r][col];
      if (Math.abs(factor) <= EPSILON) continue;
      const row = rows[r];
      for (let i = 0; i < columns; i++) row[i] -= factor * pivot[i];
    }
    pivots.push([rank, col]);
    rank++;
  }
  return pivots;
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** The small-cell threshold: counts under it are never published. One setting, SIG_SMALL_CELL_THRESHOLD (default 5). */
export function smallCellThreshold(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SIG_SMALL_CELL_THRESHOLD;
  if (raw === undefined || raw === '') return 5;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`SIG_SMALL_CELL_THRESHOLD must be a positive integer, got "${raw}"`);
  return value;
}
