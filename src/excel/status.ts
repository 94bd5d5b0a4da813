/**
 * Whether the workbook has our sheet, and what its metadata says: the one
 * read the first tab needs before its button works, kept apart from the rest
 * of the adapter so that it loads with the pane and the rest on demand.
 */
import type { SheetStatus } from '../app/operations';
import { META_SHEET_NAME, SHEET_NAME } from '../layout/sheet-names';
import type { ExcelContext, ExcelRun, NamedItemCollectionApi, RangeApi, WorksheetApi } from './api';
import { session, type ExcelOperationsOptions, type Session } from './session';

/** Key/value rows of the metadata sheet. */
export function metaFromRows(rows: unknown[][] | undefined): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const row of rows ?? []) {
    const key = row[0];
    if (typeof key === 'string' && key !== '') meta[key] = row[1] === null || row[1] === undefined ? '' : String(row[1]);
  }
  return meta;
}

export interface StatusReads {
  sheet: WorksheetApi;
  metaSheet: WorksheetApi;
  metaRows: RangeApi;
  names: NamedItemCollectionApi;
}

/** Names every rubric's sheet has: on our sheet without its metadata sheet, they tell a copy of ours. */
const CONTRACT_NAMES = ['TONGDIEM', 'TENDONVI'];

export function queueStatusReads(context: ExcelContext): StatusReads {
  const sheets = context.workbook.worksheets;
  // Missing sheets come back as null objects, and what hangs off them too,
  // so one sync answers "is it there?" and "what is in it?" together.
  const sheet = sheets.getItemOrNullObject(SHEET_NAME);
  sheet.load('name,position');
  const metaSheet = sheets.getItemOrNullObject(META_SHEET_NAME);
  metaSheet.load('name,position');
  const metaRows = metaSheet.getUsedRangeOrNullObject(true);
  metaRows.load('values');
  const names = context.workbook.names;
  names.load('items/name,items/type,items/formula');
  return { sheet, metaSheet, metaRows, names };
}

export function statusOf(reads: StatusReads): Required<SheetStatus> {
  const exists = !reads.sheet.isNullObject;
  const metaPresent = !reads.metaSheet.isNullObject;
  const meta = metaPresent && !reads.metaRows.isNullObject ? metaFromRows(reads.metaRows.values) : {};
  // A sheet moved or copied into a new workbook keeps its names and loses the metadata sheet.
  const onSheet = new Set(
    reads.names.items.filter((n) => String(n.formula).startsWith(`='${SHEET_NAME}'!`)).map((n) => n.name.toUpperCase()),
  );
  const recoverable = exists && !metaPresent && CONTRACT_NAMES.every((n) => onSheet.has(n));
  return { exists, ours: exists && metaPresent, recoverable, meta };
}

/** One sync. */
export function sheetStatus({ batch }: Session): Promise<SheetStatus> {
  return batch(async (context, sync) => {
    const reads = queueStatusReads(context);
    await sync();
    const { exists, ours, recoverable, meta } = statusOf(reads);
    return { exists, ours, ...(recoverable ? { recoverable } : {}), ...(ours ? { meta } : {}) };
  });
}

/** The status alone, for a host that loads the rest of the adapter later. */
export function statusReader(run: ExcelRun, options: ExcelOperationsOptions = {}): () => Promise<SheetStatus> {
  const s = session(run, options);
  return () => sheetStatus(s);
}
