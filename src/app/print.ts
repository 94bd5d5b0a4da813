/**
 * Print setup of our sheet, the "In" tab's job: checks that the sheet is ours,
 * of the chosen rubric and laid out as the plan says, then decides what to
 * write into the signer fields and which page layout to set. Pure; the
 * Office.js adapter reads the sheet and applies the answer.
 */
import { a1, sheetRef } from '../layout/a1';
import { buildSheetPlan, LAYOUT_VERSION, META_SHEET_NAME, SHEET_NAME, type SheetPlan } from '../layout/plan';
import type { RangeRef } from '../layout/a1';
import { BODY_SIZE } from '../layout/styles';
import { fittedRowHeight, type TextBox } from '../layout/text-fit';
import type { LoadedRubric } from '../rubric';
import { names } from '../rubric/names';
import { EXCEL_TEXT, rubricLabel } from '../text/messages';
import { checkWorkbook, type WorkbookView } from '../check';
import type { Problem } from '../scoring/problems';
import { planSheet, type ExistingSheet } from './generate';
import { typedName, type CalendarDate } from './input';
import { WorkbookReadError, type PackageReader, type ReturnedWorkbook, type WorkbookWriter } from './ports';

export { parseIsoDate, placeDateLine } from '../layout/document';

export interface PrintRequest {
  loaded: LoadedRubric;
  /** Blank ones leave what the sheet has. */
  unitName?: string;
  preparer?: string;
  signer?: string;
  /** Place of the place–date line; blank takes the rubric's. */
  place?: string;
  /** Without a date the line keeps dotted blanks for writing by hand. */
  date?: CalendarDate;
  /** Set the page up even though the sheet has errors (the user confirmed, as `pdf --force`). */
  force?: boolean;
}

/** Errors (an entry not counted, a formula replaced, a name off its cell) and warnings, as `check` counts them. */
export interface ProblemCounts {
  errors: number;
  warnings: number;
}

export function countProblems(problems: readonly Problem[]): ProblemCounts {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}

/** What a printout cannot show whole, each naming its cell: text past the tallest row. */
export function clippedOnPaper(problems: readonly Problem[]): string[] {
  return problems.filter((p) => p.code === 'TEXT_CLIPPED').map((p) => p.message);
}

/** The cells the job writes, and one in the middle of the table that pins the layout. */
export const PRINT_FIELDS = [names.unitName, names.dateLine, names.preparerName, names.signerName, names.grandTotal] as const;

/** One printed field's defined name as the host found it. */
export interface FoundField {
  /** Where the name points, as the host shows it ("'Tự chấm điểm'!C2"). */
  address: string;
  /** The one cell it points at, when it does. */
  cell?: { sheet: string; row: number; col: number };
}

/** What the host read of the sheet to print. */
export interface PrintTarget {
  exists: boolean;
  ours: boolean;
  meta: Record<string, string>;
  /** Each of PRINT_FIELDS the workbook names; a missing one is absent. */
  fields: ReadonlyMap<string, FoundField>;
  /** The unit name the sheet shows now. */
  shownUnit: string;
  /** The sheet's cells by name: the check before printing, and the entries the rows fit. */
  view: ExistingSheet & WorkbookView;
}

export interface PrintWork {
  /** The plan whose page layout is set. */
  plan: SheetPlan;
  /** The place–date line as written. */
  dateLine: string;
  /** Text written into the fields, by defined name, in sheet order. */
  writes: [string, string][];
  /** The unit name's row grows with a new name, and the page breaks follow the rows. */
  unitRowHeight?: { row: number; height: number };
  /** Each page setting in Vietnamese, listed to the user when the host cannot set them. */
  settings: string[];
  /** What the check found; errors only when the user confirmed printing them. */
  counts: ProblemCounts;
  /** Texts the printout clips, in Vietnamese, each naming its cell. */
  clipped: string[];
  /** The table's rows, fitted to what was typed (Excel's autofit). */
  tableRows: RangeRef;
  /** Rows of the table with merged cells, which autofit leaves out, and the height each keeps. */
  keptHeights: [number, number][];
}

/** The sheet has errors and printing was not confirmed: nothing is written. */
export interface PrintBlocked {
  blocked: ProblemCounts;
}

/** Each page setting, in Vietnamese, as the tab lists what could not be set. */
function printSettings(plan: SheetPlan): string[] {
  const { print } = plan;
  const text = EXCEL_TEXT.printSettings;
  return [
    text.paper,
    text.margins(print.marginsMm),
    text.fitToWidth('pagesWide' in print.fit ? print.fit.pagesWide : 1),
    print.titleRows.from === print.titleRows.to ? text.titleRow(print.titleRows.from) : text.titleRows(print.titleRows.from, print.titleRows.to),
    text.pageNumbers,
    ...print.rowBreaksBefore.map(text.breakBefore),
  ];
}

/** Why the sheet cannot be set up for printing, in Vietnamese; null when it can. */
function refusal(target: PrintTarget, loaded: LoadedRubric, plan: SheetPlan): string | null {
  if (!target.exists) return EXCEL_TEXT.noSheet(SHEET_NAME);
  if (!target.ours) return EXCEL_TEXT.foreignPrint(EXCEL_TEXT.notOurSheet(SHEET_NAME, META_SHEET_NAME));
  // An older layout lacks what the printout needs (flag marks that survive black and white); Cập nhật lays it out anew.
  if (Number(target.meta.layoutVersion ?? 0) < Number(LAYOUT_VERSION)) return EXCEL_TEXT.printOldLayout(SHEET_NAME);
  if (target.meta.rubricFingerprint !== loaded.fingerprint) {
    const sheetRubric = rubricLabel(target.meta.rubricId ?? '?', target.meta.rubricVersion ?? '?');
    return EXCEL_TEXT.printOtherRubric(sheetRubric, rubricLabel(loaded.rubric.id, loaded.rubric.version));
  }
  const missing = PRINT_FIELDS.filter((name) => !target.fields.has(name));
  if (missing.length > 0) return EXCEL_TEXT.printMissing(missing);
  for (const name of PRINT_FIELDS) {
    const field = plan.fields.find((f) => f.name === name);
    if (!field) return EXCEL_TEXT.printMissing([name]);
    const found = target.fields.get(name) as FoundField;
    const at = found.cell;
    if (!at || at.sheet !== SHEET_NAME || at.row !== field.row || at.col !== field.col) {
      return EXCEL_TEXT.printMoved(name, found.address, sheetRef(SHEET_NAME, a1(field.row, field.col)));
    }
  }
  return null;
}

/** The cell text a plan gives a named input. */
function plannedText(plan: SheetPlan, name: string): string {
  const field = plan.fields.find((f) => f.name === name);
  const cell = field && plan.cells.find((c) => c.row === field.row && c.col === field.col);
  return String(cell?.value ?? '');
}

/**
 * The table's rows, from under its header to above the total, which Excel's
 * autofit sizes, and the rows where autofit does not apply, with the height
 * the plan measures from their printed text and entries: autofit leaves
 * merged cells out (the row shrinks under a heading), and it measures the
 * whole row, so a rubric guidance cell, unprinted, would stretch the page.
 */
function rowFitting(plan: SheetPlan): { tableRows: RangeRef; keptHeights: [number, number][] } {
  const total = plan.fields.find((f) => f.name === names.grandTotal) as (typeof plan.fields)[number];
  // The total's row holds no entry and keeps its own height.
  const rows: RangeRef = { top: plan.headerRow + 1, left: 1, bottom: total.row - 1, right: plan.print.area?.right ?? plan.lastCol };
  const planned = (row: number) => plan.rowHeights.get(row) ?? 15;
  const kept = new Set(plan.merges.filter((m) => m.top >= rows.top && m.top <= rows.bottom).map((m) => m.top));
  const guidance = new Map<number, TextBox[]>();
  for (const c of plan.cells) {
    if (c.row < rows.top || c.row > rows.bottom || c.col <= rows.right || typeof c.value !== 'string') continue;
    guidance.set(c.row, [...(guidance.get(c.row) ?? []), { text: c.value, widthChars: plan.columnWidths[c.col - 1], sizePt: BODY_SIZE }]);
  }
  for (const [row, boxes] of guidance) if (fittedRowHeight(boxes) > planned(row)) kept.add(row);
  const keptHeights = [...kept].sort((a, b) => a - b).map((row): [number, number] => [row, planned(row)]);
  return { tableRows: rows, keptHeights };
}

/**
 * What to write and set, or why not (`refused`, in Vietnamese), or that the
 * sheet has errors the user has not confirmed printing (`blocked`): the
 * rule of `chamdiem pdf`, which refuses them without --force.
 */
export function planPrint(target: PrintTarget, request: PrintRequest): PrintWork | PrintBlocked | { refused: string } {
  const { loaded } = request;
  const unitName = typedName(request.unitName);
  const preparer = typedName(request.preparer);
  const signer = typedName(request.signer);
  const options = { unitName: unitName ?? target.shownUnit, preparer, signer, place: typedName(request.place), date: request.date };
  const refused = refusal(target, loaded, buildSheetPlan(loaded, options));
  if (refused !== null) return { refused };
  const { problems } = checkWorkbook(target.view, loaded);
  const counts = countProblems(problems);
  if (counts.errors > 0 && !request.force) return { blocked: counts };
  // Heights and page breaks follow what was typed, as in the copy `chamdiem pdf` prints.
  const plan = buildSheetPlan(loaded, { ...options, entries: planSheet(loaded, target.view, {}).entries });

  const dateLine = plannedText(plan, names.dateLine);
  const given: [string, string | undefined][] = [
    [names.unitName, unitName],
    [names.dateLine, dateLine],
    [names.preparerName, preparer],
    [names.signerName, signer],
  ];
  const writes = given.filter((w): w is [string, string] => w[1] !== undefined);
  const unitRow = plan.fields.find((f) => f.name === names.unitName)?.row;
  const height = unitRow === undefined ? undefined : plan.rowHeights.get(unitRow);
  return {
    plan,
    dateLine,
    writes,
    ...(unitName && unitRow !== undefined && height !== undefined ? { unitRowHeight: { row: unitRow, height } } : {}),
    settings: printSettings(plan),
    counts,
    clipped: clippedOnPaper(problems),
    ...rowFitting(plan),
  };
}

/** How a workbook file is to be printed, decided before anything is printed. */
export type FilePrint =
  /** A district sheet: `bytes` is what prints, errors and warnings as the check counts them. */
  | { bytes: Uint8Array; errors: number; warnings: number; refused: false; clipped: string[] }
  /** It has errors and printing was not forced: nothing prints. */
  | { errors: number; warnings: number; refused: true }
  /** Not a district sheet of ours (a merge workbook, say): printed as it is, `why` says so. */
  | { bytes: Uint8Array; notOurs: string };

/**
 * The printout of a workbook file. A sheet without errors is laid out afresh
 * from the plan with every entry in it, so its rows grow to what was typed
 * and an older layout prints as the current one; a sheet with errors prints
 * only when forced, and then exactly as saved, so a replaced formula shows as
 * it is and every flag keeps its mark.
 */
export async function printFile(
  files: { reader: PackageReader; writer: WorkbookWriter },
  loaded: LoadedRubric,
  bytes: Uint8Array,
  force: boolean,
): Promise<FilePrint> {
  let sheet: ReturnedWorkbook;
  try {
    sheet = await files.reader.read(bytes);
  } catch (e) {
    if (e instanceof WorkbookReadError && e.code === 'METADATA_MISSING') return { bytes, notOurs: e.message };
    throw e;
  }
  const { problems } = checkWorkbook(sheet, loaded);
  const { errors, warnings } = countProblems(problems);
  const clipped = clippedOnPaper(problems);
  if (errors > 0) return force ? { bytes, errors, warnings, refused: false, clipped } : { errors, warnings, refused: true };
  const work = planSheet(loaded, sheet, {});
  return { bytes: await files.writer.writeSheet(work.plan, work.entries), errors, warnings, refused: false, clipped };
}
