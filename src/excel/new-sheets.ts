/**
 * New sheets written over one or more requests as one piece: a merge, the
 * rubric sheets. Excel refuses every request while a cell is being edited
 * (office-js #3388), the clean-up after a refused chunk too, so a refused
 * write must neither leave half-written sheets nor make the next attempt
 * add a second set "(2)" beside them. While a set is written each sheet
 * carries a workbook name on its A1 (ChamDiem_DangGhi_n), which its last
 * request removes; whatever still carries one when a write starts was left
 * by a write cut short, and is removed before anything new is added.
 */
import type { SheetModel } from '../layout/model';
import type { ExcelContext, NamedItemApi, WorksheetApi } from './api';
import { retryOnCellEdit } from './errors';
import { op } from './ops';
import { nameTarget } from './read-sheet';
import { RequestBatch, writeSheet, type WriteSheetOptions } from './write';

const MARK = 'ChamDiem_DangGhi_';
/** Clean-up requests tried after a refused one before giving up to the next write. */
const CLEANUP_ATTEMPTS = 5;

/** What a write of new sheets starts from, loaded in the caller's first (read-only) request. */
export interface NewSheetsRead {
  sheetNames(): string[];
  /** Marks an unfinished write left, and the sheets they are on. */
  unfinished(): { marks: NamedItemApi[]; sheets: string[] };
}

export function queueNewSheetsRead(context: ExcelContext): NewSheetsRead {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const names = context.workbook.names;
  names.load('items/name,items/formula');
  const unfinished = () => {
    const marks = names.items.filter((n) => n.name.toUpperCase().startsWith(MARK.toUpperCase()));
    const on = marks.map((m) => nameTarget(m.formula)?.sheet).filter((s): s is string => s !== undefined);
    return { marks, sheets: [...new Set(on)] };
  };
  return {
    unfinished,
    // The sheets an unfinished write left are removed first: their names are free again.
    sheetNames: () => {
      const left = new Set(unfinished().sheets.map((s) => s.toUpperCase()));
      return sheets.items.map((s) => s.name).filter((n) => !left.has(n.toUpperCase()));
    },
  };
}

export interface NewSheetsOptions extends WriteSheetOptions {
  /** Estimated request bytes per chunk; one request for all when absent. */
  chunkBudget?: number;
  /** Wait between clean-up attempts. */
  retryDelayMs: number;
  /** Awaited between operations: the host's turn, when due (a merge of hundreds of units). */
  pause?: () => Promise<void>;
  /** Kept by the caller across attempts: whether unfinished sheets are in the workbook now. */
  progress?: { leftBehind: boolean };
}

/**
 * Adds `models` as new sheets after the workbook's own, fills them and shows
 * the first, syncing once per chunk; returns each request's estimated size.
 * A failure removes what was added (retried while Excel refuses) and is thrown.
 */
export async function writeNewSheets(
  context: ExcelContext,
  read: NewSheetsRead,
  models: readonly SheetModel[],
  sync: () => Promise<unknown>,
  options: NewSheetsOptions,
): Promise<number[]> {
  const sheets = context.workbook.worksheets;
  const names = context.workbook.names;
  const left = read.unfinished();
  const progress = options.progress ?? { leftBehind: false };
  progress.leftBehind = left.sheets.length > 0;
  // Every request but the last leaves unfinished sheets behind it.
  const batch = new RequestBatch(async () => {
    await sync();
    progress.leftBehind = true;
  }, options.chunkBudget, options.pause);
  await batch.add(
    op(left.sheets.length + left.marks.length, () => {
      for (const name of left.sheets) sheets.getItemOrNullObject(name).delete();
      for (const mark of left.marks) mark.delete();
    }),
  );
  const marks = models.map((_, i) => `${MARK}${i + 1}`);
  try {
    for (const [i, model] of models.entries()) {
      let sheet: WorksheetApi | undefined;
      await batch.add(
        op(2, () => {
          sheet = sheets.add(model.name);
          names.add(marks[i], sheet.getRange('A1'));
        }),
      );
      await writeSheet(batch, sheet as WorksheetApi, model, options);
    }
    await batch.add(
      op(marks.length + 1, () => {
        for (const mark of marks) names.getItemOrNullObject(mark).delete();
        sheets.getItem(models[0].name).activate();
      }),
    );
    await batch.flush();
    progress.leftBehind = false;
  } catch (error) {
    if (await removeUnfinished(context, models, marks, sync, options.retryDelayMs)) progress.leftBehind = false;
    throw error;
  }
  return batch.sent;
}

/**
 * Deletes the sheets and marks of a write that failed, and says whether it
 * could; while Excel keeps refusing, the marks stay for the next write.
 */
async function removeUnfinished(
  context: ExcelContext,
  models: readonly SheetModel[],
  marks: readonly string[],
  sync: () => Promise<unknown>,
  delayMs: number,
): Promise<boolean> {
  const attempt = () => {
    for (const model of models) context.workbook.worksheets.getItemOrNullObject(model.name).delete();
    for (const mark of marks) context.workbook.names.getItemOrNullObject(mark).delete();
    return sync();
  };
  try {
    await retryOnCellEdit(attempt, delayMs, CLEANUP_ATTEMPTS);
    return true;
  } catch {
    return false;
  }
}
