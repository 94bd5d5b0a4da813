/** Formatting rectangles: every cell ends with the value it needs, in few strokes. */
import fc from 'fast-check';
import { paint } from '../../src/excel/paint';

/** Applies the strokes in order to a new sheet whose cells start at `initial`. */
function painted(rows: number, cols: number, initial: string, strokes: ReturnType<typeof paint<string>>): string[][] {
  const grid = Array.from({ length: rows }, () => Array.from({ length: cols }, () => initial));
  for (const { range, value } of strokes) {
    for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) grid[r - 1][c - 1] = value;
  }
  return grid;
}

test('every needed cell gets its value, whatever the pattern', () => {
  const cell = fc.constantFrom('a', 'b', 'c', undefined);
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 7 }).chain((rows) =>
        fc.tuple(fc.constant(rows), fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { minLength: rows, maxLength: rows })),
      ),
      fc.boolean(),
      fc.boolean(),
      ([rows, needs], allowBase, withDefault) => {
        const need = (r: number, c: number) => needs[r - 1][c - 1];
        const hostDefault = withDefault ? 'a' : undefined;
        const strokes = paint({ top: 1, left: 1, bottom: rows, right: 6 }, need, { key: String, hostDefault, allowBase });
        const result = painted(rows, 6, hostDefault ?? 'host', strokes);
        for (let r = 1; r <= rows; r++) for (let c = 1; c <= 6; c++) if (need(r, c) !== undefined) expect(result[r - 1][c - 1]).toBe(need(r, c));
      },
    ),
  );
});

test('alike rows become one stroke, and a base stroke is used when it saves strokes', () => {
  const bounds = { top: 1, left: 1, bottom: 40, right: 3 };
  // Forty rows of "label | input | input", as a rubric's criterion rows are…
  const rows = (_r: number, c: number) => (c === 1 ? 'Top' : 'Center');
  expect(paint(bounds, rows, { key: String, hostDefault: 'Top', allowBase: true })).toEqual([
    { range: { top: 1, left: 2, bottom: 40, right: 3 }, value: 'Center' },
  ]);
  // …with one heading row across them: the commonest value goes first over everything.
  const withHeading = (r: number, c: number) => (r === 20 ? 'Top' : rows(r, c));
  const strokes = paint(bounds, withHeading, { key: String, allowBase: true });
  expect(strokes).toEqual([
    { range: bounds, value: 'Center' },
    { range: { top: 1, left: 1, bottom: 40, right: 1 }, value: 'Top' },
    { range: { top: 20, left: 2, bottom: 20, right: 3 }, value: 'Top' },
  ]);
  expect(paint(bounds, withHeading, { key: String, allowBase: false })).toHaveLength(4);
});
