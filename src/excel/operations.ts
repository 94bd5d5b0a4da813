/**
 * ExcelOperations over Office.js. Every operation is one Excel.run with a
 * fixed number of syncs: reads are queued together and synced once, then all
 * writes are queued and synced once. Nothing syncs in a loop.
 */
import { checkOpenSheet } from '../app/check';
import { adoption } from '../check/adopt';
import { planSheet } from '../app/generate';
import { MERGE_SHEETS, planMergeStepwise } from '../app/merge';
import type { EntryValue } from '../layout/carry';
import { META_SHEET_NAME, planNames, SHEET_NAME, type SheetPlan } from '../layout/plan';
import { metaSheet, withEntries } from '../layout/workbook';
import type { LoadedRubric } from '../rubric';
import type {
  ExcelOperations,
  GenerateRequest,
  GenerateResult,
  LiveCheck,
  MergeWriteRequest,
  MergeWriteResult,
  PrintOutcome,
  PrintRequest,
  RubricSheetNames,
  RubricWorkbookReading,
  RubricWriteResult,
} from '../app/operations';
import type { Rubric } from '../rubric';
import type { EventHandlerResultApi, ExcelContext, ExcelRun, NamedItemApi, RangeApi, WorksheetApi } from './api';
import { CELL_EDIT, ExcelOperationError, officeErrorCode, retryOnCellEdit } from './errors';
import { nameTarget, sheetView, type SheetView } from './read-sheet';
import { EXCEL_API } from './requirements';
import { session, type ExcelOperationsOptions, type Session } from './session';
import { queueStatusReads, sheetStatus, statusOf, type StatusReads } from './status';
import { queuePrint, queuePrintReads } from './print';
import { CHUNK_BUDGET_BYTES, chooseSheetNames, writeMergePlan } from './write-merge';
import { queueNewSheetsRead } from './new-sheets';
import { queueNames, RequestBatch, sheetParts, writeSheet, type WriteSheetOptions } from './write';
import { findRubricSheets, readRubricSheets, writeRubricSheets } from './rubric-sheets';
import { EXCEL_TEXT } from '../text/messages';
import { rubricLabel } from '../text/labels';

/** Where the new sheet is built during an upgrade, before the old one is removed. */
const BUILD_SHEET_NAME = 'ChamDiem_DangTao';

const MESSAGES = {
  ...EXCEL_TEXT,
  foreignSheet: EXCEL_TEXT.foreignSheet(SHEET_NAME, META_SHEET_NAME),
  foreignCheck: EXCEL_TEXT.foreignCheck(EXCEL_TEXT.notOurSheet(SHEET_NAME, META_SHEET_NAME)),
  noSheet: EXCEL_TEXT.noSheet(SHEET_NAME),
  lostMetaCheck: EXCEL_TEXT.lostMetaCheck(SHEET_NAME, META_SHEET_NAME),
  lostMetaOtherRubric: (rubric: string) => EXCEL_TEXT.lostMetaOtherRubric(SHEET_NAME, META_SHEET_NAME, rubric),
};

export type { ExcelOperationsOptions };

/** One read of everything the operations look at, queued before a single sync. */
interface Snapshot extends StatusReads {
  used?: RangeApi;
}

function queueSnapshot(context: ExcelContext, withCells: boolean): Snapshot {
  const reads = queueStatusReads(context);
  if (!withCells) return reads;
  const used = reads.sheet.getUsedRangeOrNullObject();
  used.load('address,values,formulas,valueTypes');
  return { ...reads, used };
}

interface SheetState {
  exists: boolean;
  ours: boolean;
  /** Our sheet's names on it, but no metadata sheet: a copy into a new workbook, which an upgrade may adopt. */
  recoverable: boolean;
  meta: Record<string, string>;
  view: SheetView;
}

function readSnapshot(s: Snapshot): SheetState {
  const { exists, ours, recoverable, meta } = statusOf(s);
  const used =
    s.used && !s.used.isNullObject
      ? { address: s.used.address, values: s.used.values, formulas: s.used.formulas, valueTypes: s.used.valueTypes as string[][] }
      : null;
  const loadedNames = s.names.items.map((n) => ({ name: n.name, formula: n.formula }));
  return { exists, ours, recoverable, meta, view: sheetView(SHEET_NAME, loadedNames, used, meta) };
}

/**
 * Existing names the new sheet's names would collide with (Excel compares
 * names without case), and names of the old sheet that go with it. A name
 * the user made elsewhere is never deleted.
 */
function namesToRemove(items: NamedItemApi[], plan: SheetPlan, replacingOurSheet: boolean): NamedItemApi[] {
  const planned = new Set(plan.fields.map((f) => f.name.toUpperCase()));
  const remove: NamedItemApi[] = [];
  const taken: string[] = [];
  for (const item of items) {
    const target = nameTarget(item.formula);
    if (replacingOurSheet && target?.sheet === SHEET_NAME) remove.push(item);
    else if (planned.has(item.name.toUpperCase())) {
      // A broken name (its sheet was deleted) holds nothing; anything else belongs to the user.
      if (item.type === 'Error') remove.push(item);
      else taken.push(`${item.name} (${String(item.formula)})`);
    }
  }
  if (taken.length > 0) throw new ExcelOperationError(MESSAGES.nameTaken(taken));
  return remove;
}

/**
 * Queues the new sheet in place of the old one: built beside it, the old
 * sheet, its metadata and names removed, the new one named and put where
 * the old one was. Nothing syncs: it all goes in the caller's next request.
 */
async function queueReplacement(
  context: ExcelContext,
  snapshot: Snapshot,
  exists: boolean,
  work: { plan: SheetPlan; entries: ReadonlyMap<string, EntryValue> },
  options: WriteSheetOptions,
): Promise<void> {
  const { plan } = work;
  const stale = namesToRemove(snapshot.names.items, plan, exists);
  const sheets = context.workbook.worksheets;
  let sheet: WorksheetApi;
  if (exists) {
    // Leftover of an interrupted upgrade; a no-op on the null object otherwise.
    sheets.getItemOrNullObject(BUILD_SHEET_NAME).delete();
    sheet = sheets.add(BUILD_SHEET_NAME);
  } else {
    sheet = sheets.add(SHEET_NAME);
  }
  const requests = new RequestBatch();
  await writeSheet(requests, sheet, withEntries(plan, work.entries), options);
  if (!snapshot.metaSheet.isNullObject) {
    // Excel refuses to delete a very hidden sheet.
    snapshot.metaSheet.visibility = 'Hidden';
    snapshot.metaSheet.delete();
  }
  if (exists) {
    const metaBefore = !snapshot.metaSheet.isNullObject && snapshot.metaSheet.position < snapshot.sheet.position;
    snapshot.sheet.delete();
    sheet.name = SHEET_NAME;
    // Back where the old sheet was, counting the metadata sheet deleted above.
    sheet.position = snapshot.sheet.position - (metaBefore ? 1 : 0);
  }
  for (const item of stale) item.delete();
  queueNames(context.workbook.names, sheet, planNames(plan));
  await writeSheet(requests, sheets.add(META_SHEET_NAME), metaSheet(plan), options);
  sheet.activate();
}

function generate(s: Session, { loaded, unitName, preparer, signer }: GenerateRequest): Promise<GenerateResult> {
  // Page layout and RangeAreas both arrive with ExcelApi 1.9.
  const pageLayout = s.supports(EXCEL_API.pageLayout);
  const now = s.options.now ?? (() => new Date().toISOString());
  return s.batchWithAreas(async (context, sync, multiArea) => {
    const snapshot = queueSnapshot(context, true);
    await sync();
    const state = readSnapshot(snapshot);
    // A sheet copied into a new workbook is adopted when its names fit the rubric; any other sheet of that name is the user's.
    if (state.exists && !state.ours) {
      const fit = state.recoverable ? adoption(state.view, loaded) : 'foreign';
      if (fit === 'otherRubric') throw new ExcelOperationError(MESSAGES.lostMetaOtherRubric(rubricLabel(loaded.rubric.id, loaded.rubric.version)));
      if (fit === 'foreign') throw new ExcelOperationError(MESSAGES.foreignSheet);
    }
    const work = planSheet(loaded, state.exists ? state.view : null, {
      unitName,
      preparer,
      signer,
      generatorVersion: s.options.generatorVersion,
      createdAt: now(),
    });
    await queueReplacement(context, snapshot, state.exists, work, { pageLayout, rangeAreas: multiArea() });
    const syncs = await sync();
    return {
      mode: !state.exists ? 'created' : state.ours ? 'upgraded' : 'recovered',
      keptEntries: work.keptEntries,
      orphans: work.orphans,
      repairs: work.repairs,
      notices: pageLayout ? [] : [MESSAGES.noPrintLayout],
      syncs,
    };
  });
}

function check({ batch }: Session, loaded: LoadedRubric): Promise<LiveCheck> {
  return batch(async (context, sync) => {
    const snapshot = queueSnapshot(context, true);
    await sync();
    const state = readSnapshot(snapshot);
    if (!state.exists) throw new ExcelOperationError(MESSAGES.noSheet);
    if (state.recoverable) throw new ExcelOperationError(MESSAGES.lostMetaCheck);
    if (!state.ours) throw new ExcelOperationError(MESSAGES.foreignCheck);
    return checkOpenSheet(state.view, loaded);
  });
}

/** Syncs, turning "sheet not found" into the message that says what to do. */
async function syncOnOurSheet(sync: () => Promise<number>): Promise<void> {
  try {
    await sync();
  } catch (error) {
    if (officeErrorCode(error) === 'ItemNotFound') throw new ExcelOperationError(MESSAGES.noSheet, 'ItemNotFound', { cause: error });
    throw error;
  }
}

function select({ batch }: Session, address: string): Promise<void> {
  return batch(async (context, sync) => {
    const sheet = context.workbook.worksheets.getItem(SHEET_NAME);
    sheet.activate();
    sheet.getRange(address).select();
    await syncOnOurSheet(sync);
  });
}

/**
 * Removes event handlers as the documentation shows: in Excel.run on the
 * context they were added in, the one that can remove them.
 */
function removeHandlers(run: ExcelRun, handles: readonly EventHandlerResultApi[], retryDelayMs: number): () => Promise<void> {
  return () =>
    handles.length === 0
      ? Promise.resolve()
      : retryOnCellEdit(
          () =>
            run(async (context) => {
              for (const handle of handles) handle.remove();
              await context.sync();
            }, handles[0].context),
          retryDelayMs,
        );
}

async function onChanged({ batch, run, retryDelayMs }: Session, callback: () => void): Promise<() => Promise<void>> {
  const handle = await batch(async (context, sync) => {
    const registration = context.workbook.worksheets.getItem(SHEET_NAME).onChanged.add(async () => callback());
    await syncOnOurSheet(sync);
    return registration;
  });
  return removeHandlers(run, [handle], retryDelayMs);
}

function writeMerge(s: Session, { loaded, result, mergedAt, onProgress, yieldToHost }: MergeWriteRequest): Promise<MergeWriteResult> {
  if (result.units.length === 0) return Promise.reject(new ExcelOperationError(MESSAGES.nothingToMerge));
  // Page layout and RangeAreas both arrive with ExcelApi 1.9.
  const pageLayout = s.supports(EXCEL_API.pageLayout);
  const progress = { leftBehind: false };
  return s.batchWithAreas(async (context, sync, multiArea) => {
    const read = queueNewSheetsRead(context);
    await sync();
    // Named before the plan is built: its formulas refer to the sheets by these names.
    const sheetNames = chooseSheetNames(read.sheetNames());
    onProgress?.({ stage: 'planning' });
    const pause = yieldToHost ?? (async () => undefined);
    const plan = await planMergeStepwise(result, loaded, { mergedAt, sheetNames }, pause);
    const total = plan.sheets.reduce((n, sheet) => n + sheetParts(sheet), 0);
    let done = 0;
    onProgress?.({ stage: 'writing', sheet: plan.sheets[0].name, done, total });
    const written = await writeMergePlan(context, read, plan, sync, {
      pause,
      onPart: (sheet) => onProgress?.({ stage: 'writing', sheet, done: ++done, total }),
      pageLayout,
      rangeAreas: multiArea(),
      chunkBudget: s.options.mergeChunkBytes ?? CHUNK_BUDGET_BYTES,
      retryDelayMs: s.retryDelayMs,
      progress,
    });
    const names = plan.sheets.map((sheet) => sheet.name);
    return {
      sheets: names,
      renamed: sheetNames.summary !== MERGE_SHEETS.summary,
      notices: pageLayout ? [] : [MESSAGES.mergeNoLayout(names)],
      syncs: 1 + written.chunkBytes.length,
      chunkBytes: written.chunkBytes,
    };
  }).catch((error: unknown) => {
    // Refused while a cell is edited, too long to clean up after: the user is told what becomes of the half-written sheets.
    if (!progress.leftBehind || !(error instanceof ExcelOperationError) || error.code !== CELL_EDIT) throw error;
    throw new ExcelOperationError(`${error.message} ${MESSAGES.mergeUnfinished}`, error.code, { cause: error });
  });
}

function applyPrint(s: Session, request: PrintRequest): Promise<PrintOutcome> {
  const pageLayout = s.supports(EXCEL_API.pageLayout);
  return s.batch(async (context, sync) => {
    // The cells too: the sheet is checked before anything is set.
    const snapshot = queueSnapshot(context, true);
    const reads = queuePrintReads(context);
    const read = await sync();
    const { exists, ours, meta, view } = readSnapshot(snapshot);
    const queued = queuePrint({ sheet: snapshot.sheet, exists, ours, meta, view }, reads, request, pageLayout);
    if ('blocked' in queued) return { ...queued, syncs: read };
    const syncs = await sync();
    return { ...queued, syncs };
  });
}

function writeRubric(s: Session, rubric: Rubric): Promise<RubricWriteResult> {
  const pageLayout = s.supports(EXCEL_API.pageLayout);
  return s.batchWithAreas(async (context, sync, multiArea) => {
    let syncs = 0;
    const counted = async () => (syncs = await sync());
    const sheets = await writeRubricSheets(context, rubric, counted, () => ({ pageLayout, rangeAreas: multiArea(), retryDelayMs: s.retryDelayMs }));
    return { sheets, syncs };
  });
}

function readRubric({ batch }: Session, sheets: RubricSheetNames): Promise<RubricWorkbookReading> {
  return batch((context, sync) => readRubricSheets(context, sheets, sync));
}

function selectIn({ batch }: Session, sheetName: string, address: string): Promise<void> {
  return batch(async (context, sync) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(address).select();
    await sync();
  });
}

async function onSheetsChanged({ batch, run, retryDelayMs }: Session, names: string[], callback: () => void): Promise<() => Promise<void>> {
  const handles = await batch(async (context, sync) => {
    const registered = names.map((name) => context.workbook.worksheets.getItem(name).onChanged.add(async () => callback()));
    await sync();
    return registered;
  });
  return removeHandlers(run, handles, retryDelayMs);
}

export function createExcelOperations(run: ExcelRun, options: ExcelOperationsOptions = {}): ExcelOperations {
  const s = session(run, options);
  return {
    status: () => sheetStatus(s),
    generate: (request) => generate(s, request),
    check: (loaded) => check(s, loaded),
    select: (address) => select(s, address),
    onChanged: (callback) => onChanged(s, callback),
    writeMerge: (request) => writeMerge(s, request),
    applyPrint: (request) => applyPrint(s, request),
    rubricSheets: () => s.batch((context, sync) => findRubricSheets(context, sync)),
    writeRubric: (rubric) => writeRubric(s, rubric),
    readRubric: (sheets) => readRubric(s, sheets),
    selectIn: (sheet, address) => selectIn(s, sheet, address),
    onSheetsChanged: (sheets, callback) => onSheetsChanged(s, sheets, callback),
  };
}
