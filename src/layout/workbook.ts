/** The standard workbook as sheet models: the plan's sheet with its entries, and the metadata sheet. */
import type { EntryValue } from './carry';
import type { SheetModel, WorkbookModel } from './model';
import { planNames, type SheetPlan } from './plan';

/** The plan's sheet with `entries` (by defined name) in their input cells. */
export function withEntries(plan: SheetPlan, entries: ReadonlyMap<string, EntryValue>): SheetModel {
  if (entries.size === 0) return plan;
  const byCell = new Map<string, EntryValue>();
  for (const f of plan.fields) {
    const value = entries.get(f.name);
    if (f.role === 'input' && value !== undefined) byCell.set(`${f.row},${f.col}`, value);
  }
  return { ...plan, cells: plan.cells.map((c) => (byCell.has(`${c.row},${c.col}`) ? { ...c, value: byCell.get(`${c.row},${c.col}`) } : c)) };
}

/** The very hidden metadata sheet: key/value rows, all text, locked. */
export function metaSheet(plan: SheetPlan): SheetModel {
  return {
    name: plan.metaSheetName,
    columnWidths: [22, 70],
    cells: plan.meta.flatMap(([key, value], i) => [
      { row: i + 1, col: 1, value: key },
      { row: i + 1, col: 2, value },
    ]),
    merges: [],
    rowHeights: new Map(),
    frozen: { rows: 0, cols: 0 },
    validations: [],
    conditionalFormats: [],
    protection: { password: plan.protection.password, allowFormatting: false },
    visibility: 'veryHidden',
  };
}

export function standardWorkbook(plan: SheetPlan, entries: ReadonlyMap<string, EntryValue> = new Map()): WorkbookModel {
  return { sheets: [withEntries(plan, entries), metaSheet(plan)], names: planNames(plan) };
}

