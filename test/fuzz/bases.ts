/**
 * The valid returned workbooks the hostile inputs start from, generated and
 * filled by defined name in the test run, and the names they are read by.
 */
import { a1 } from '../../src/layout/a1';
import { buildSheetPlan, META_SHEET_NAME } from '../../src/layout/plan';
import { builtinRubric } from '../../src/rubric';
import { completeEntries, UNITS } from '../support/fixtures';
import { fillByName, generated, type FillValue } from '../support/workbooks';

export { META_SHEET_NAME };

const plan = buildSheetPlan(builtinRubric());
export const MAIN_SHEET_NAME = plan.name;
export const INPUT_NAMES = plan.fields.filter((f) => f.role === 'input').map((f) => f.name);
export const COMPUTED_NAMES = plan.fields.filter((f) => f.role === 'computed').map((f) => f.name);
export const MAX_NAMES = plan.fields.filter((f) => f.role === 'max').map((f) => f.name);

/** Where a name's cell is on the main sheet, as "H12"; with `col`, that column of the name's row. */
export function addressOf(name: string, col?: number): string {
  const field = plan.fields.find((f) => f.name === name);
  if (!field) throw new Error(`no field ${name}`);
  return a1(field.row, col ?? field.col);
}

export interface Base {
  label: string;
  bytes: Buffer;
  /** How check and merge see it untouched. */
  check: 'clean' | 'problems';
  merge: 'valid' | 'warning';
}

const CREATED_AT = '2026-01-15T08:00:00.000Z';

/** Every criterion scored with evidence; a third of them; nothing at all. */
export async function buildBases(): Promise<Base[]> {
  const blank = await generated({ unitName: UNITS.baoLac, createdAt: CREATED_AT });
  const complete = completeEntries(UNITS.haQuang, 1);
  const partial: Record<string, FillValue> = Object.fromEntries(Object.entries(completeEntries(UNITS.trungKhanh, 2)).filter((_, i) => i % 3 === 0));
  return [
    { label: 'complete', bytes: await fillByName(blank, complete), check: 'clean', merge: 'valid' },
    { label: 'partial', bytes: await fillByName(blank, partial), check: 'problems', merge: 'warning' },
    { label: 'blank', bytes: blank, check: 'problems', merge: 'warning' },
  ];
}
