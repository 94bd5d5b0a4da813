/** Merge results of any size, without writing and reading files. */
import type { WorkbookView } from '../../src/check';
import { buildSheetPlan } from '../../src/layout/plan';
import { consolidate, type FileReading, type MergeResult } from '../../src/merge/consolidate';
import { readUnit } from '../../src/merge/unit';
import type { LoadedRubric } from '../../src/rubric';
import type { CellInput } from '../../src/scoring/inputs';
import { completeEntries } from './fixtures';
import type { FillValue } from './workbooks';

/**
 * What a returned workbook holds when filled with `entries`, straight from
 * the sheet plan: the merge's input without writing and reading files.
 */
function filledView(loaded: LoadedRubric, entries: Record<string, FillValue>): WorkbookView {
  const plan = buildSheetPlan(loaded, { createdAt: '2026-01-15T08:00:00.000Z' });
  const fields = new Map(plan.fields.map((f) => [f.name, f]));
  return {
    meta: Object.fromEntries(plan.meta),
    hasName: (name) => fields.has(name),
    locate(name) {
      const f = fields.get(name);
      return f && { sheet: plan.name, row: f.row, col: f.col };
    },
    cell(name): CellInput {
      const f = fields.get(name);
      if (f?.role === 'computed') return { kind: 'formula', formula: f.formula ?? '', result: null };
      if (f?.role === 'max') return { kind: 'number', value: f.value as number };
      const v = entries[name];
      return typeof v === 'number' ? { kind: 'number', value: v } : typeof v === 'string' ? { kind: 'text', value: v } : { kind: 'empty' };
    },
  };
}

/** The consolidated result of `units` returned workbooks, every one filled in full. */
export function mergedUnits(loaded: LoadedRubric, units: number): MergeResult {
  const readings: FileReading[] = Array.from({ length: units }, (_, i) => {
    const unitName = `Hội LHPN đơn vị số ${i + 1}`;
    const unit = readUnit(filledView(loaded, completeEntries(unitName, i + 1, loaded)), loaded);
    return { file: `don-vi-${i + 1}.xlsx`, savedAt: null, unit, problems: unit.problems };
  });
  return consolidate(readings, loaded);
}
