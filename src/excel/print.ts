/**
 * The "In" tab's operation on Office.js: the named fields and the sheet are
 * read in one sync, the application layer's print job decides, and its
 * writes and page layout are queued for the second sync. Text goes in as
 * text (a cell that is not text-formatted gets Excel's leading apostrophe).
 */
import { planPrint, PRINT_FIELDS, type FoundField, type PrintWork } from '../app/print';
import type { PrintBlocked, PrintRequest, PrintResult } from '../app/operations';
import { parseA1, rangeA1 } from '../layout/a1';
import { names } from '../rubric/names';
import type { ExcelContext, RangeApi, WorksheetApi } from './api';
import type { SheetView } from './read-sheet';
import { ExcelOperationError } from './errors';
import { nameTarget } from './read-sheet';
import { TEXT } from './grid';
import { runOps } from './ops';
import { pageSetupOps } from './page-ops';

export interface PrintReads {
  ranges: Map<string, RangeApi>;
}

/** Queues the reads of the named cells; the sheet and metadata come from the caller's snapshot. */
export function queuePrintReads(context: ExcelContext): PrintReads {
  const ranges = new Map<string, RangeApi>();
  for (const name of PRINT_FIELDS) {
    const range = context.workbook.names.getItemOrNullObject(name).getRangeOrNullObject();
    range.load('address,numberFormat,values');
    ranges.set(name, range);
  }
  return { ranges };
}

/** The fields the workbook names, and the one cell each points at. */
function foundFields(reads: PrintReads): Map<string, FoundField> {
  const fields = new Map<string, FoundField>();
  for (const [name, range] of reads.ranges) {
    if (range.isNullObject) continue;
    const target = nameTarget(range.address);
    const at = target && !target.ref.includes(':') ? parseA1(target.ref) : undefined;
    fields.set(name, { address: range.address, ...(target && at ? { cell: { sheet: target.sheet, row: at.row, col: at.col } } : {}) });
  }
  return fields;
}

export interface PrintState {
  sheet: WorksheetApi;
  exists: boolean;
  ours: boolean;
  meta: Record<string, string>;
  view: SheetView;
}

/**
 * Rows fitted to what was typed, in the one request: Excel's autofit over
 * the table, then the rows it must not size (merged cells, unprinted
 * guidance taller than the printed text) back at the heights measured from
 * their printed text.
 */
function fitRows(sheet: WorksheetApi, work: PrintWork): void {
  sheet.getRange(rangeA1(work.tableRows)).format.autofitRows();
  for (const [row, height] of work.keptHeights) sheet.getRange(`A${row}`).format.rowHeight = height;
}

/**
 * After the read sync: queues what the print job decided and returns what
 * the caller reports once it is synced; a sheet with errors the user has
 * not confirmed printing gets nothing queued.
 */
export function queuePrint(state: PrintState, reads: PrintReads, request: PrintRequest, pageLayout: boolean): Omit<PrintResult, 'syncs'> | Omit<PrintBlocked, 'syncs'> {
  const fields = foundFields(reads);
  const range = (name: string) => reads.ranges.get(name) as RangeApi;
  const shownUnit = fields.has(names.unitName) ? String(range(names.unitName).values[0]?.[0] ?? '') : '';
  const work = planPrint({ exists: state.exists, ours: state.ours, meta: state.meta, fields, shownUnit, view: state.view }, request);
  if ('refused' in work) throw new ExcelOperationError(work.refused);
  if ('blocked' in work) return { blocked: work.blocked };

  for (const [name, text] of work.writes) {
    const cell = range(name);
    cell.values = [[cell.numberFormat[0]?.[0] === TEXT ? text : `'${text}`]];
  }
  const { sheet } = state;
  if (work.unitRowHeight) sheet.getRange(`A${work.unitRowHeight.row}`).format.rowHeight = work.unitRowHeight.height;
  fitRows(sheet, work);
  if (pageLayout) {
    // Breaks an earlier layout set would otherwise stay where the rows used to end.
    sheet.horizontalPageBreaks.removePageBreaks();
    runOps(pageSetupOps(sheet, work.plan.print));
  }
  // File › Print prints the active sheet.
  sheet.activate();
  return { dateLine: work.dateLine, written: work.writes.map(([name]) => name), notSet: pageLayout ? [] : work.settings, ...work.counts, clipped: work.clipped };
}
