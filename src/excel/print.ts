/**
 * The "In" tab's operation: the printed document's page layout and signer
 * fields applied to our sheet in two syncs. The fields are found by defined
 * name and checked against the sheet plan, whose PrintSetup the layout
 * comes from; they are written as text.
 */
import { a1, parseA1, sheetRef } from '../layout/a1';
import { placeDateLine } from '../layout/document';
import { buildSheetPlan, META_SHEET_NAME, SHEET_NAME, type SheetPlan } from '../layout/plan';
import { names } from '../rubric/names';
import type { PrintRequest, PrintResult } from '../app/operations';
import type { ExcelContext, RangeApi, WorksheetApi } from './api';
import { ExcelOperationError } from './errors';
import { nameTarget } from './read-sheet';
import { TEXT, pageSetupOps, runOps } from './sheet-ops';
import { sheetPageSetup } from './write-plan';
import { EXCEL_TEXT, rubricLabel } from '../text/messages';


/** The cells the tab writes, and one in the middle of the table that pins the layout. */
const FIELDS = [names.unitName, names.dateLine, names.preparerName, names.signerName, names.grandTotal] as const;

export interface PrintReads {
  ranges: Map<string, RangeApi>;
}

/** Queues the reads of the named cells; the sheet and metadata come from the caller's snapshot. */
export function queuePrintReads(context: ExcelContext): PrintReads {
  const ranges = new Map<string, RangeApi>();
  for (const name of FIELDS) {
    const range = context.workbook.names.getItemOrNullObject(name).getRangeOrNullObject();
    range.load('address,numberFormat,values');
    ranges.set(name, range);
  }
  return { ranges };
}

const typed = (text: string | undefined) => text?.normalize('NFC').trim() || undefined;

/** Each page setting, in Vietnamese, as the tab lists what could not be set. */
function printSettings(plan: SheetPlan): string[] {
  const { print } = plan;
  const text = EXCEL_TEXT.printSettings;
  return [
    text.paper,
    text.margins(print.marginsMm),
    text.fitToWidth(print.fitToWidth),
    print.titleRows.from === print.titleRows.to
      ? text.titleRow(print.titleRows.from)
      : text.titleRows(print.titleRows.from, print.titleRows.to),
    text.pageNumbers,
    ...print.rowBreaksBefore.map(text.breakBefore),
  ];
}

export interface PrintState {
  sheet: WorksheetApi;
  exists: boolean;
  ours: boolean;
  meta: Record<string, string>;
}

/**
 * After the read sync: checks the sheet, queues the writes (a text value in a
 * cell that is not text-formatted gets Excel's leading apostrophe) and
 * returns what the caller reports once they are synced.
 */
export function queuePrint(
  state: PrintState,
  reads: PrintReads,
  request: PrintRequest,
  pageLayout: boolean,
): Omit<PrintResult, 'syncs'> {
  const { loaded } = request;
  if (!state.exists) throw new ExcelOperationError(EXCEL_TEXT.noSheet(SHEET_NAME));
  if (!state.ours) throw new ExcelOperationError(EXCEL_TEXT.foreignPrint(EXCEL_TEXT.notOurSheet(SHEET_NAME, META_SHEET_NAME)));
  if (state.meta.rubricFingerprint !== loaded.fingerprint) {
    const sheetRubric = rubricLabel(state.meta.rubricId ?? '?', state.meta.rubricVersion ?? '?');
    throw new ExcelOperationError(EXCEL_TEXT.printOtherRubric(sheetRubric, rubricLabel(loaded.rubric.id, loaded.rubric.version)));
  }

  const missing = FIELDS.filter((name) => reads.ranges.get(name)?.isNullObject !== false);
  if (missing.length > 0) throw new ExcelOperationError(EXCEL_TEXT.printMissing(missing));
  const range = (name: string) => reads.ranges.get(name) as RangeApi;

  const unitName = typed(request.unitName);
  const preparer = typed(request.preparer);
  const signer = typed(request.signer);
  const place = typed(request.place) ?? loaded.rubric.document.place;
  const dateLine = placeDateLine(place, request.date);
  // The unit name's row grows with it, and the page breaks follow the rows.
  const shownUnit = unitName ?? String(range(names.unitName).values[0]?.[0] ?? '');
  const plan = buildSheetPlan(loaded, { unitName: shownUnit, preparer, signer, place, date: request.date });

  for (const name of FIELDS) {
    const field = plan.fields.find((f) => f.name === name);
    const target = nameTarget(range(name).address);
    const at = target && !target.ref.includes(':') ? parseA1(target.ref) : undefined;
    if (!field) throw new ExcelOperationError(EXCEL_TEXT.printMissing([name]));
    if (!target || target.sheet !== SHEET_NAME || !at || at.row !== field.row || at.col !== field.col) {
      throw new ExcelOperationError(EXCEL_TEXT.printMoved(name, range(name).address, sheetRef(SHEET_NAME, a1(field.row, field.col))));
    }
  }

  const writes: [string, string][] = [
    ...(unitName ? ([[names.unitName, unitName]] as [string, string][]) : []),
    [names.dateLine, dateLine],
    ...(preparer ? ([[names.preparerName, preparer]] as [string, string][]) : []),
    ...(signer ? ([[names.signerName, signer]] as [string, string][]) : []),
  ];
  for (const [name, text] of writes) {
    const cell = range(name);
    cell.values = [[cell.numberFormat[0]?.[0] === TEXT ? text : `'${text}`]];
  }
  const { sheet } = state;
  if (unitName) {
    const row = (plan.fields.find((f) => f.name === names.unitName) as { row: number }).row;
    const height = plan.rowHeights.get(row);
    if (height !== undefined) sheet.getRange(`A${row}`).format.rowHeight = height;
  }
  if (pageLayout) {
    // Breaks an earlier layout set would otherwise stay where the rows used to end.
    sheet.horizontalPageBreaks.removePageBreaks();
    runOps(pageSetupOps(sheet, sheetPageSetup(plan)));
  }
  // File › Print prints the active sheet.
  sheet.activate();
  return { dateLine, written: writes.map(([name]) => name), notSet: pageLayout ? [] : printSettings(plan) };
}
