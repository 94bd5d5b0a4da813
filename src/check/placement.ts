/**
 * Where each planned name belongs on a returned sheet, told from where all
 * the names point. The plan fixes every name's row and column; a returned
 * sheet may have rows inserted or deleted and columns moved, so its own rows
 * and columns are inferred: a plan column maps to the column most of its
 * names sit in, and a plan row to the row most of its names agree on, as
 * long as those rows keep the plan's order. A name off that place was
 * moved: by a cut and paste, or by editing the name.
 */
import type { PlanField } from '../layout/plan';

/** One cell of a sheet, as a defined name points at it. */
export interface CellLocation {
  sheet: string;
  row: number;
  col: number;
}

export interface Placement {
  field: PlanField;
  /** Where the name points; undefined when it is missing or points at no single cell. */
  actual?: CellLocation;
  /** Where the name belongs, as far as the other names tell; undefined when they cannot. */
  expected?: CellLocation;
  /** The name points somewhere, and not where it belongs. */
  misplaced: boolean;
}

export interface NamePlacements {
  /** The sheet most names point into: the standard sheet, whatever it is called now. */
  sheet?: string;
  /** Plan column → the column it is on the returned sheet. */
  columns: Map<number, number>;
  byName: Map<string, Placement>;
}

/** The most frequent value; a tie goes to `prefer` when it is among the most frequent, else to the first seen. */
function mostCommon<T>(values: T[], prefer?: T): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const [v, n] of counts) {
    if (n > bestCount || (n === bestCount && v === prefer)) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

/** The names of one plan row, and how many of them point into each row of the returned sheet. */
interface RowGroup {
  planRow: number;
  votes: Map<number, number>;
  /** The row most of its names agree on, when one row has more than any other. */
  top?: number;
  topVotes: number;
}

function rowGroups(fields: PlanField[], at: Map<string, CellLocation>): RowGroup[] {
  const byRow = new Map<number, RowGroup>();
  for (const f of fields) {
    const group = byRow.get(f.row) ?? { planRow: f.row, votes: new Map(), topVotes: 0 };
    byRow.set(f.row, group);
    const actual = at.get(f.name);
    if (actual) group.votes.set(actual.row, (group.votes.get(actual.row) ?? 0) + 1);
  }
  const groups = [...byRow.values()].sort((a, b) => a.planRow - b.planRow);
  for (const g of groups) {
    const counts = [...g.votes.values()];
    g.topVotes = Math.max(0, ...counts);
    if (counts.filter((n) => n === g.topVotes).length === 1) g.top = [...g.votes].find(([, n]) => n === g.topVotes)?.[0];
  }
  return groups;
}

/**
 * The rows that anchor the rest: plan rows whose names (two or more) agree
 * on one row, and the heaviest set of them that keeps the plan's order (a
 * weighted longest increasing subsequence). An agreeing row out of order is
 * not an anchor: its names were moved together.
 */
function anchorRows(groups: RowGroup[]): Set<RowGroup> {
  const strong = groups.filter((g) => g.top !== undefined && g.topVotes >= 2);
  const best: number[] = [];
  const previous: number[] = [];
  let end = -1;
  for (let i = 0; i < strong.length; i++) {
    best[i] = strong[i].topVotes;
    previous[i] = -1;
    for (let j = 0; j < i; j++) {
      if ((strong[j].top as number) < (strong[i].top as number) && best[j] + strong[i].topVotes > best[i]) {
        best[i] = best[j] + strong[i].topVotes;
        previous[i] = j;
      }
    }
    if (end < 0 || best[i] > best[end]) end = i;
  }
  const anchors = new Set<RowGroup>();
  for (let i = end; i >= 0; i = previous[i]) anchors.add(strong[i]);
  return anchors;
}

/**
 * Each plan row's row on the returned sheet. Between two anchors that are
 * shifted alike no row was inserted or deleted, so a row there sits exactly
 * as shifted; elsewhere it is the row most of its names agree on between the
 * rows already placed and the next anchor. Undefined when no such row exists.
 */
function placeRows(groups: RowGroup[]): Map<number, number | undefined> {
  const anchors = anchorRows(groups);
  const shift = (g: RowGroup) => (g.top as number) - g.planRow;
  const nextAnchor: (RowGroup | undefined)[] = [];
  for (let i = groups.length - 1; i >= 0; i--) nextAnchor[i] = anchors.has(groups[i + 1]) ? groups[i + 1] : nextAnchor[i + 1];
  const rows = new Map<number, number | undefined>();
  let before: RowGroup | undefined;
  let placedRow = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (anchors.has(g)) {
      rows.set(g.planRow, g.top);
      placedRow = g.top as number;
      before = g;
      continue;
    }
    const after = nextAnchor[i];
    const upper = after ? (after.top as number) : Infinity;
    const guess = g.planRow + (before ? shift(before) : after ? shift(after) : 0);
    let row: number | undefined;
    if (before && after && shift(before) === shift(after)) {
      row = guess;
    } else {
      const admissible = [...g.votes].filter(([r]) => r > placedRow && r < upper);
      admissible.sort(([ra, na], [rb, nb]) => nb - na || Math.abs(ra - guess) - Math.abs(rb - guess));
      row = admissible[0]?.[0];
    }
    rows.set(g.planRow, row);
    if (row !== undefined) placedRow = row;
  }
  return rows;
}

/**
 * Each plan column's column on the returned sheet: the one most of its names
 * point into. Two plan columns never share one; the column with more names
 * there keeps it, and the other takes its next choice.
 */
function placeColumns(fields: PlanField[], at: Map<string, CellLocation>): Map<number, number> {
  const votes = new Map<number, Map<number, number>>();
  for (const f of fields) {
    const actual = at.get(f.name);
    if (!actual) continue;
    const counts = votes.get(f.col) ?? new Map<number, number>();
    counts.set(actual.col, (counts.get(actual.col) ?? 0) + 1);
    votes.set(f.col, counts);
  }
  // Every (plan column, column) choice, the most agreed first; the plan's own column wins a tie.
  const choices = [...votes].flatMap(([planCol, counts]) => [...counts].map(([col, n]) => ({ planCol, col, n })));
  choices.sort((a, b) => b.n - a.n || Number(b.col === b.planCol) - Number(a.col === a.planCol) || a.planCol - b.planCol);
  const columns = new Map<number, number>();
  const taken = new Set<number>();
  for (const { planCol, col } of choices) {
    if (columns.has(planCol) || taken.has(col)) continue;
    columns.set(planCol, col);
    taken.add(col);
  }
  return columns;
}

/**
 * Where every field's name points and where it belongs. `sheetName` is the
 * standard sheet's planned name, preferred when names split evenly.
 */
export function placeNames(fields: PlanField[], locate: (name: string) => CellLocation | undefined, sheetName: string): NamePlacements {
  const located = new Map<string, CellLocation>();
  for (const f of fields) {
    const at = locate(f.name);
    if (at) located.set(f.name, at);
  }
  const sheet = mostCommon([...located.values()].map((l) => l.sheet), sheetName);
  const onSheet = new Map([...located].filter(([, l]) => l.sheet === sheet));

  const colOf = placeColumns(fields, onSheet);
  const rowOf = placeRows(rowGroups(fields, onSheet));

  const byName = new Map<string, Placement>();
  for (const field of fields) {
    const actual = located.get(field.name);
    const row = rowOf.get(field.row);
    const col = colOf.get(field.col);
    const expected = sheet !== undefined && row !== undefined && col !== undefined ? { sheet, row, col } : undefined;
    const misplaced =
      actual !== undefined &&
      (expected === undefined || actual.sheet !== expected.sheet || actual.row !== expected.row || actual.col !== expected.col);
    byName.set(field.name, { field, actual, expected, misplaced });
  }
  return { sheet, columns: colOf, byName };
}
