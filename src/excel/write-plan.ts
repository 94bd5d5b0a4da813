/**
 * Queues the sheet plan onto a new, empty worksheet through Office.js. Nothing
 * here syncs: the caller sends everything in one batch. Values and formulas
 * go as one 2-D array; formatting goes as rectangles (see paint.ts).
 */
import { a1, rangeA1 } from '../layout/a1';
import type { SheetPlan } from '../layout/plan';
import { FLAG_STYLES, STYLES } from '../layout/styles';
import type { EntryValue } from '../layout/carry';
import type { NamedItemCollectionApi, WorksheetApi } from './api';
import {
  CellGrid,
  TEXT,
  columnWidthOps,
  columnWidthPoints,
  freezeOp,
  looksOps,
  pageSetupOps,
  runOps,
  type PageSetup,
} from './sheet-ops';

function gridOf(plan: SheetPlan): CellGrid {
  return new CellGrid(
    plan.cells.map((c) => ({ ...c, style: STYLES[c.style] })),
    plan.merges,
    { top: 1, left: 1, bottom: plan.lastRow, right: plan.lastCol },
  );
}

/**
 * The sheet's contents as one `formulas` array and its number formats as one
 * `numberFormat` array. Every text cell is formatted as text ('@') before its
 * value lands, so rubric lines like "- Cấp huyện" and typed entries like
 * "=HYPERLINK(…)" stay text. A text entry carried into a numeric cell gets a
 * leading apostrophe, Excel's own marker for "this is text".
 */
function contents(grid: CellGrid, plan: SheetPlan, entries: ReadonlyMap<string, EntryValue>) {
  const formats: string[][] = [];
  const formulas: (string | number)[][] = [];
  for (let r = 1; r <= plan.lastRow; r++) {
    const row = grid.row(r);
    formats.push(row.formats);
    formulas.push(row.formulas);
  }
  for (const f of plan.fields) {
    const value = entries.get(f.name);
    if (f.role !== 'input' || value === undefined) continue;
    const isText = formats[f.row - 1][f.col - 1] === TEXT;
    formulas[f.row - 1][f.col - 1] = typeof value === 'string' && !isText ? `'${value}` : value;
  }
  return { formats, formulas };
}

/** The standard sheet's print setup, as the Office.js page layout takes it. */
export function sheetPageSetup(plan: SheetPlan): PageSetup {
  const { print } = plan;
  return {
    orientation: print.orientation,
    marginsMm: print.marginsMm,
    fit: { pagesWide: print.fitToWidth },
    titleRows: print.titleRows,
    rowBreaksBefore: print.rowBreaksBefore,
    header: print.header,
    firstPageHeader: print.firstPageHeader,
  };
}

export interface QueuePlanOptions {
  /** ExcelApi 1.9: page setup through worksheet.pageLayout. */
  pageLayout: boolean;
  /** ExcelApi 1.9: one call formats many rectangles (RangeAreas). */
  rangeAreas: boolean;
}

/**
 * Queues the standard sheet's contents and looks onto `sheet`, which must be
 * new and empty. Names and protection come separately (queueNames,
 * queueProtection) so an upgrade can place them after the old sheet is gone.
 */
export function queueSheet(
  sheet: WorksheetApi,
  plan: SheetPlan,
  entries: ReadonlyMap<string, EntryValue>,
  options: QueuePlanOptions,
): void {
  const grid = gridOf(plan);
  runOps(columnWidthOps(sheet, plan.columnWidths));
  const { formats, formulas } = contents(grid, plan, entries);
  const all = sheet.getRange(rangeA1(grid.bounds));
  all.numberFormat = formats;
  all.formulas = formulas;
  runOps([
    ...looksOps(sheet, grid, plan, FLAG_STYLES, options.rangeAreas),
    ...freezeOp(sheet, plan.headerRow, 0),
    ...(options.pageLayout ? pageSetupOps(sheet, sheetPageSetup(plan)) : []),
  ]);
}

/** Workbook-scope names, bound to the cells themselves so a later rename of the sheet keeps them. */
export function queueNames(names: NamedItemCollectionApi, sheet: WorksheetApi, plan: SheetPlan): void {
  for (const f of plan.fields) names.add(f.name, sheet.getRange(a1(f.row, f.col)));
}

/** Locks the sheet; only the input cells (unlocked by queueSheet) stay editable. */
export function queueProtection(sheet: WorksheetApi, plan: SheetPlan): void {
  sheet.protection.protect({ allowFormatColumns: true, allowFormatRows: true }, plan.protection.password || undefined);
}

/** The hidden metadata sheet: key/value rows, all text. */
export function queueMeta(sheet: WorksheetApi, plan: SheetPlan): void {
  const rows = plan.meta;
  const range = sheet.getRange(rangeA1({ top: 1, left: 1, bottom: rows.length, right: 2 }));
  range.numberFormat = rows.map(() => [TEXT, TEXT]);
  range.values = rows.map(([k, v]) => [k, v]);
  sheet.getRange('A1').format.columnWidth = columnWidthPoints(22);
  sheet.getRange('B1').format.columnWidth = columnWidthPoints(70);
  sheet.protection.protect(undefined, plan.protection.password || undefined);
  sheet.visibility = 'VeryHidden';
}
