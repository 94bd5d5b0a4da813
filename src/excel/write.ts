/**
 * The Office.js writer: any sheet model (src/layout/model.ts) onto a new,
 * empty worksheet of the open workbook, as the file writer writes it to a
 * file. Operations go into a batch that syncs only when the next one would
 * take the request past its budget: the standard sheet fits one request,
 * and a merge of dozens of units with their evidence, which can pass
 * Excel's 5 MB limit, is sent in chunks. Contents go as 2-D arrays over
 * bands of whole rows, each band's number formats before its values, so
 * every text cell is text by the time its value arrives. Queuing needs no
 * sync, so between operations the batch may give the host's thread its
 * turn (`pause`) and the request goes on filling afterwards.
 */
import { a1, rangeA1 } from '../layout/a1';
import { sheetBounds, type NamedCell, type SheetModel } from '../layout/model';
import type { NamedItemCollectionApi, WorksheetApi } from './api';
import { CellGrid } from './grid';
import { OPERATION_BYTES, jsonBytes, type SheetOp, type MultiArea } from './ops';
import { freezeOp, pageSetupOps } from './page-ops';
import { columnWidthOps, looksSteps } from './sheet-ops';

/** Excel on the web refuses a request above 5 MB. */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
/** The estimate's budget per request, with a fifth of the limit to spare. */
export const CHUNK_BUDGET_BYTES = 4 * 1024 * 1024;

/** Queued operations, synced whenever the next one would take the request past the budget. */
export class RequestBatch {
  private pending = 0;
  /** Estimated size of each request sent. */
  readonly sent: number[] = [];

  /**
   * Without a budget nothing is sent until `flush`; without a sync, nothing at all: the caller's next sync sends it.
   * `pause` is awaited before each operation: the host's turn, when it is due.
   */
  constructor(
    private readonly sync: () => Promise<unknown> = async () => undefined,
    readonly budget: number = Infinity,
    readonly pause: () => Promise<void> = async () => undefined,
  ) {}

  get room(): number {
    return this.budget - this.pending;
  }

  /** Queues `op`, after sending what is queued if the two together would not fit. An op alone over budget goes alone. */
  async add(op: SheetOp): Promise<void> {
    await this.pause();
    if (this.pending > 0 && op.bytes > this.room) await this.flush();
    op.queue();
    this.pending += op.bytes;
  }

  async addAll(ops: readonly SheetOp[]): Promise<void> {
    for (const op of ops) await this.add(op);
  }

  async flush(): Promise<void> {
    if (this.pending === 0) return;
    await this.sync();
    this.sent.push(this.pending);
    this.pending = 0;
  }
}

export interface WriteSheetOptions {
  /** ExcelApi 1.9: page setup and the filter buttons. */
  pageLayout: boolean;
  /** ExcelApi 1.9: one call formats many rectangles (RangeAreas), joined by this separator; false: one call each. */
  rangeAreas: MultiArea;
  /** Called with the sheet's name after each part of it is queued: sheetParts(model) in all. */
  onPart?: (sheet: string) => void;
}

/** Rows of contents in one part of the progress writeSheet reports. */
const ROWS_PER_PART = 500;

/** The parts writeSheet reports for `model`: its contents in runs of rows, then its looks. */
export function sheetParts(model: SheetModel): number {
  const { top, bottom } = sheetBounds(model);
  return Math.ceil((bottom - top + 1) / ROWS_PER_PART) + 1;
}

/** Contents as bands of whole rows; a band takes as many rows as the request has room for, a row too big goes alone. */
async function queueContents(batch: RequestBatch, sheet: WorksheetApi, grid: CellGrid, partDone: () => void): Promise<void> {
  const { left, right, top, bottom } = grid.bounds;
  const rows = [];
  for (let r = top; r <= bottom; r++) {
    await batch.pause();
    const row = grid.row(r);
    // A row is one element of each of the two arrays: its JSON and a comma in both.
    rows.push({ r, ...row, bytes: jsonBytes(row.formats) + jsonBytes(row.formulas) + 2 });
    if ((r - top + 1) % ROWS_PER_PART === 0 || r === bottom) partDone();
  }
  const overhead = 2 * OPERATION_BYTES;
  let i = 0;
  while (i < rows.length) {
    if (overhead + rows[i].bytes > batch.room) await batch.flush();
    let end = i;
    let bytes = overhead + rows[i].bytes;
    while (end + 1 < rows.length && bytes + rows[end + 1].bytes <= batch.room) bytes += rows[++end].bytes;
    const band = rows.slice(i, end + 1);
    await batch.add({
      bytes,
      queue() {
        const range = sheet.getRange(rangeA1({ top: band[0].r, bottom: band[band.length - 1].r, left, right }));
        range.numberFormat = band.map((row) => row.formats);
        range.formulas = band.map((row) => row.formulas);
      },
    });
    i = end + 1;
  }
}

/**
 * Everything the model holds onto `sheet`, which must be new and empty:
 * widths, contents, looks, frozen panes, page setup and filter, then the
 * protection, so no write meets a locked cell, and the visibility.
 */
export async function writeSheet(batch: RequestBatch, sheet: WorksheetApi, model: SheetModel, options: WriteSheetOptions): Promise<void> {
  const partDone = () => options.onPart?.(model.name);
  const grid = new CellGrid(model);
  await batch.addAll(columnWidthOps(sheet, model.columnWidths));
  await queueContents(batch, sheet, grid, partDone);
  for (const step of looksSteps(sheet, grid, model, options.rangeAreas)) {
    const steps = step();
    for (let next = steps.next(); ; next = steps.next()) {
      await batch.pause();
      if (!next.done) continue;
      await batch.addAll(next.value);
      break;
    }
  }
  partDone();
  await batch.addAll(freezeOp(sheet, model.frozen.rows, model.frozen.cols));
  if (options.pageLayout && model.print) await batch.addAll(pageSetupOps(sheet, model.print));
  const filter = model.autoFilter;
  if (options.pageLayout && filter) await batch.add({ bytes: OPERATION_BYTES, queue: () => sheet.autoFilter.apply(sheet.getRange(rangeA1(filter))) });
  const protection = model.protection;
  if (protection) {
    const allow = protection.allowFormatting ? { allowFormatColumns: true, allowFormatRows: true } : undefined;
    await batch.add({ bytes: OPERATION_BYTES, queue: () => sheet.protection.protect(allow, protection.password || undefined) });
  }
  if (model.visibility === 'veryHidden') await batch.add({ bytes: OPERATION_BYTES, queue: () => (sheet.visibility = 'VeryHidden') });
}

/** Workbook-scope names, bound to the cells themselves so a later rename of the sheet keeps them. */
export function queueNames(names: NamedItemCollectionApi, sheet: WorksheetApi, cells: readonly NamedCell[]): void {
  for (const n of cells) names.add(n.name, sheet.getRange(a1(n.row, n.col)));
}
