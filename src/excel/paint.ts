/**
 * Turns per-cell formatting into a few rectangles, so the number of Office.js
 * operations grows with the sheet's structure (sections, runs of alike rows),
 * not with its cells.
 */
import type { RangeRef } from '../layout/a1';

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

/** Greedy rectangles covering every cell that needs `target`, grown across don't-care cells. */
function rectangles<V>(bounds: RangeRef, need: Need<V>, key: (v: V) => string, target: string, orientation: Orientation): RangeRef[] {
  // Work in (major, minor) coordinates so one routine serves both orientations.
  const rowsFirst = orientation === 'rows';
  const majorFrom = rowsFirst ? bounds.top : bounds.left;
  const majorTo = rowsFirst ? bounds.bottom : bounds.right;
  const minorFrom = rowsFirst ? bounds.left : bounds.top;
  const minorTo = rowsFirst ? bounds.right : bounds.bottom;
  const at = (major: number, minor: number) => (rowsFirst ? need(major, minor) : need(minor, major));
  const isTarget = (major: number, minor: number) => {
    const v = at(major, minor);
    return v !== undefined && key(v) === target;
  };
  const fits = (major: number, minor: number) => {
    const v = at(major, minor);
    return v === undefined || key(v) === target;
  };
  const covered = new Set<string>();
  const out: RangeRef[] = [];
  for (let major = majorFrom; major <= majorTo; major++) {
    for (let minor = minorFrom; minor <= minorTo; minor++) {
      if (!isTarget(major, minor) || covered.has(`${major},${minor}`)) continue;
      let end = minor;
      while (end < minorTo && fits(major, end + 1)) end++;
      while (end > minor && at(major, end) === undefined) end--;
      const spanFits = (m: number) => {
        for (let x = minor; x <= end; x++) if (!fits(m, x)) return false;
        return true;
      };
      const spanBlank = (m: number) => {
        for (let x = minor; x <= end; x++) if (at(m, x) !== undefined) return false;
        return true;
      };
      let last = major;
      while (last < majorTo && spanFits(last + 1)) last++;
      while (last > major && spanBlank(last)) last--;
      for (let m = major; m <= last; m++) for (let x = minor; x <= end; x++) if (isTarget(m, x)) covered.add(`${m},${x}`);
      out.push(
        rowsFirst
          ? { top: major, bottom: last, left: minor, right: end }
          : { top: minor, bottom: end, left: major, right: last },
      );
    }
  }
  return out;
}

function strokesFor<V>(
  bounds: RangeRef,
  need: Need<V>,
  options: PaintOptions<V>,
  values: Map<string, V>,
  base: string | undefined,
  orientation: Orientation,
): Stroke<V>[] {
  const strokes: Stroke<V>[] = base === undefined ? [] : [{ range: { ...bounds }, value: values.get(base) as V }];
  const settled = base ?? options.hostDefault;
  for (const [k, value] of values) {
    if (k === settled) continue;
    for (const range of rectangles(bounds, need, options.key, k, orientation)) strokes.push({ range, value });
  }
  return strokes;
}

/**
 * Strokes to apply in order (a later one overrides an earlier one) so that
 * every cell ends with the value it needs. Tries with and without a base
 * stroke, row-wise and column-wise, and keeps the shortest.
 */
export function paint<V>(bounds: RangeRef, need: Need<V>, options: PaintOptions<V>): Stroke<V>[] {
  const values = new Map<string, V>();
  const counts = new Map<string, number>();
  for (let r = bounds.top; r <= bounds.bottom; r++) {
    for (let c = bounds.left; c <= bounds.right; c++) {
      const v = need(r, c);
      if (v === undefined) continue;
      const k = options.key(v);
      values.set(k, v);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  if (values.size === 0) return [];
  const commonest = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  const bases: (string | undefined)[] = [undefined];
  if (options.allowBase && commonest !== options.hostDefault) bases.push(commonest);
  let best: Stroke<V>[] | undefined;
  for (const base of bases) {
    for (const orientation of ['rows', 'columns'] as const) {
      const strokes = strokesFor(bounds, need, options, values, base, orientation);
      if (!best || strokes.length < best.length) best = strokes;
    }
  }
  return best as Stroke<V>[];
}
