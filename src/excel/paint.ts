/**
 * Turns per-cell formatting into a few rectangles, so the number of Office.js
 * operations grows with the sheet's structure (sections, runs of alike rows),
 * not with its cells.
 */
import type { RangeRef } from '../layout/a1';
import { runSteps, type Steps } from './ops';

/** The value a cell needs, or undefined when any value will do (a blank or merged-away cell). */
export type Need<V> = (row: number, col: number) => V | undefined;

export interface Stroke<V> {
  range: RangeRef;
  value: V;
}

export interface PaintOptions<V> {
  key: (value: V) => string;
  /** Key of the value a new sheet already has; cells needing it get no stroke unless painted over. */
  hostDefault?: string;
  /** Whether a first stroke over the whole area may set the commonest value. */
  allowBase: boolean;
}

type Orientation = 'rows' | 'columns';

/** Each cell's needed value as a small number (its key's index), -1 where any value will do. */
interface NeedGrid {
  bounds: RangeRef;
  width: number;
  ids: Int32Array;
}

const ANY = -1;

/** Greedy rectangles covering every cell that needs `target`, grown across don't-care cells. */
function rectangles(grid: NeedGrid, target: number, orientation: Orientation): RangeRef[] {
  const { bounds, width, ids } = grid;
  // Work in (major, minor) coordinates so one routine serves both orientations.
  const rowsFirst = orientation === 'rows';
  const majorFrom = rowsFirst ? bounds.top : bounds.left;
  const majorTo = rowsFirst ? bounds.bottom : bounds.right;
  const minorFrom = rowsFirst ? bounds.left : bounds.top;
  const minorTo = rowsFirst ? bounds.right : bounds.bottom;
  const index = rowsFirst
    ? (major: number, minor: number) => (major - bounds.top) * width + (minor - bounds.left)
    : (major: number, minor: number) => (minor - bounds.top) * width + (major - bounds.left);
  const at = (major: number, minor: number) => ids[index(major, minor)];
  const fits = (major: number, minor: number) => {
    const v = at(major, minor);
    return v === ANY || v === target;
  };
  const covered = new Uint8Array(ids.length);
  const out: RangeRef[] = [];
  for (let major = majorFrom; major <= majorTo; major++) {
    for (let minor = minorFrom; minor <= minorTo; minor++) {
      if (at(major, minor) !== target || covered[index(major, minor)]) continue;
      let end = minor;
      while (end < minorTo && fits(major, end + 1)) end++;
      while (end > minor && at(major, end) === ANY) end--;
      const spanFits = (m: number) => {
        for (let x = minor; x <= end; x++) if (!fits(m, x)) return false;
        return true;
      };
      const spanBlank = (m: number) => {
        for (let x = minor; x <= end; x++) if (at(m, x) !== ANY) return false;
        return true;
      };
      let last = major;
      while (last < majorTo && spanFits(last + 1)) last++;
      while (last > major && spanBlank(last)) last--;
      for (let m = major; m <= last; m++) for (let x = minor; x <= end; x++) if (at(m, x) === target) covered[index(m, x)] = 1;
      out.push(
        rowsFirst
          ? { top: major, bottom: last, left: minor, right: end }
          : { top: minor, bottom: end, left: major, right: last },
      );
    }
  }
  return out;
}

function* strokesFor<V>(
  grid: NeedGrid,
  values: V[],
  base: number | undefined,
  settledDefault: number | undefined,
  orientation: Orientation,
): Steps<Stroke<V>[]> {
  const strokes: Stroke<V>[] = base === undefined ? [] : [{ range: { ...grid.bounds }, value: values[base] }];
  const settled = base ?? settledDefault;
  for (const [id, value] of values.entries()) {
    if (id === settled) continue;
    for (const range of rectangles(grid, id, orientation)) strokes.push({ range, value });
    yield;
  }
  return strokes;
}

/**
 * Strokes to apply in order (a later one overrides an earlier one) so that
 * every cell ends with the value it needs. Tries with and without a base
 * stroke, row-wise and column-wise, and keeps the shortest. `need` is asked
 * once per cell.
 */
export function paint<V>(bounds: RangeRef, need: Need<V>, options: PaintOptions<V>): Stroke<V>[] {
  return runSteps(paintSteps(bounds, need, options));
}

/** paint() in steps: it pauses once every cell's need is known, and after each value's rectangles of each try. */
export function* paintSteps<V>(bounds: RangeRef, need: Need<V>, options: PaintOptions<V>): Steps<Stroke<V>[]> {
  const width = bounds.right - bounds.left + 1;
  const ids = new Int32Array(width * (bounds.bottom - bounds.top + 1)).fill(ANY);
  const idOf = new Map<string, number>();
  // Looked up by the value itself first: most are a handful of strings, numbers and booleans, keyed once each.
  const idOfValue = new Map<V, number>();
  const values: V[] = [];
  const counts: number[] = [];
  for (let r = bounds.top; r <= bounds.bottom; r++) {
    for (let c = bounds.left; c <= bounds.right; c++) {
      const v = need(r, c);
      if (v === undefined) continue;
      let id = idOfValue.get(v);
      if (id === undefined) {
        const k = options.key(v);
        id = idOf.get(k);
        if (id === undefined) {
          id = values.length;
          idOf.set(k, id);
          counts.push(0);
        }
        idOfValue.set(v, id);
      }
      // The last value seen for a key stands for it, as it always has.
      values[id] = v;
      counts[id]++;
      ids[(r - bounds.top) * width + (c - bounds.left)] = id;
    }
  }
  if (values.length === 0) return [];
  yield;
  const grid: NeedGrid = { bounds, width, ids };
  const commonest = counts.indexOf(Math.max(...counts));
  const hostDefault = options.hostDefault === undefined ? undefined : idOf.get(options.hostDefault);
  const bases: (number | undefined)[] = [undefined];
  if (options.allowBase && commonest !== hostDefault) bases.push(commonest);
  let best: Stroke<V>[] | undefined;
  for (const base of bases) {
    for (const orientation of ['rows', 'columns'] as const) {
      const strokes = yield* strokesFor(grid, values, base, hostDefault, orientation);
      if (!best || strokes.length < best.length) best = strokes;
    }
  }
  return best as Stroke<V>[];
}
