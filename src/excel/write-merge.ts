/**
 * Writes the merge plan (src/merge/plan.ts) into the open workbook as new
 * sheets, as the file writer (src/xlsx/merge-write.ts) writes it to a
 * file. Dozens of units with their evidence can pass Excel's 5 MB limit on
 * one request, so the operations are packed into chunks whose estimated
 * request stays under a budget, one sync per chunk; contents go as 2-D
 * arrays over bands of whole rows.
 */
import { rangeA1, type RangeRef } from '../layout/a1';
import { MERGE_SHEETS, type MergePlan, type MergeSheetPlan } from '../merge/plan';
import { MERGE_FLAGS, MERGE_STYLES } from '../merge/styles';
import type { ExcelContext, WorksheetApi } from './api';
import {
  CellGrid,
  OPERATION_BYTES,
  columnWidthOps,
  freezeOp,
  jsonBytes,
  looksOps,
  pageSetupOps,
  type PageSetup,
  type SheetOp,
} from './sheet-ops';

/** Excel on the web refuses a request above 5 MB. */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
/** The estimate's budget per request, with a fifth of the limit to spare. */
export const CHUNK_BUDGET_BYTES = 4 * 1024 * 1024;

type MergeSheetKey = keyof typeof MERGE_SHEETS;
export type MergeSheetNames = Record<MergeSheetKey, string>;

const KEYS = Object.keys(MERGE_SHEETS) as MergeSheetKey[];

/**
 * The sheets' names in a workbook that has `existing` sheets. An earlier
 * merge's sheets hold the province's appraisal, and a sheet of the same name
 * may be anyone's: nothing is overwritten. When any standard name is taken,
 * all four get the first " (n)" suffix free for every one of them, so the
 * new set reads as one ("Tổng hợp (2)" next to "Xếp hạng (2)").
 */
export function chooseSheetNames(existing: readonly string[]): MergeSheetNames {
  // Excel compares sheet names without case.
  const taken = new Set(existing.map((n) => n.toLocaleUpperCase('vi')));
  const free = (suffix: string) => KEYS.every((k) => !taken.has(`${MERGE_SHEETS[k]}${suffix}`.toLocaleUpperCase('vi')));
  let suffix = '';
  for (let n = 2; !free(suffix); n++) suffix = ` (${n})`;
  return Object.fromEntries(KEYS.map((k) => [k, `${MERGE_SHEETS[k]}${suffix}`])) as MergeSheetNames;
}

/** Syncs whenever the next operation would take the request past the budget. */
class Chunker {
  private pending = 0;
  readonly chunkBytes: number[] = [];

  constructor(
    private readonly sync: () => Promise<unknown>,
    readonly budget: number,
  ) {}

  get room(): number {
    return this.budget - this.pending;
  }

  /** Queues `op`, after sending what is queued if the two together would not fit. An op alone over budget goes alone. */
  async add(op: SheetOp): Promise<void> {
    if (this.pending > 0 && op.bytes > this.room) await this.flush();
    op.queue();
    this.pending += op.bytes;
  }

  async flush(): Promise<void> {
    if (this.pending === 0) return;
    await this.sync();
    this.chunkBytes.push(this.pending);
    this.pending = 0;
  }
}

function gridOf(plan: MergeSheetPlan): CellGrid {
  const bounds: RangeRef = { top: 1, left: 1, bottom: 1, right: Math.max(1, plan.columnWidths.length) };
  for (const c of plan.cells) {
    bounds.bottom = Math.max(bounds.bottom, c.row);
    bounds.right = Math.max(bounds.right, c.col);
  }
  for (const m of plan.merges) {
    bounds.bottom = Math.max(bounds.bottom, m.bottom);
    bounds.right = Math.max(bounds.right, m.right);
  }
  return new CellGrid(
    plan.cells.map((c) => ({ ...c, style: MERGE_STYLES[c.style] })),
    plan.merges,
    bounds,
  );
}

/** A merge sheet's print setup, as the Office.js page layout takes it. */
function mergePageSetup({ print }: MergeSheetPlan): PageSetup {
  return {
    orientation: print.orientation,
    marginsMm: print.marginsMm,
    fit: print.fitToWidth ? { pagesWide: 1 } : { scale: print.scale ?? 100 },
    titleRows: print.titleRows,
    titleCols: print.titleCols,
    rowBreaksBefore: print.rowBreaksBefore,
    columnBreaksAfter: print.columnBreaksAfter,
    header: print.header,
    firstPageHeader: print.firstPageHeader,
    // The file writer centres the footer the same way.
    footer: print.footer === undefined ? undefined : `&C${print.footer}`,
  };
}

/**
 * Contents as bands of whole rows, each band's number formats written before
 * its values in the same request, so every string cell is text ('@') by the
 * time its value arrives. A band takes as many rows as the current chunk has
 * room for; a row too big for an empty chunk goes alone.
 */
async function queueContents(chunker: Chunker, sheet: WorksheetApi, grid: CellGrid): Promise<void> {
  const { left, right, bottom } = grid.bounds;
  const rows = [];
  for (let r = grid.bounds.top; r <= bottom; r++) {
    const row = grid.row(r);
    // A row is one element of each of the two arrays: its JSON and a comma in both.
    rows.push({ r, ...row, bytes: jsonBytes(row.formats) + jsonBytes(row.formulas) + 2 });
  }
  let i = 0;
  while (i < rows.length) {
    const overhead = 2 * OPERATION_BYTES;
    if (overhead + rows[i].bytes > chunker.room) await chunker.flush();
    let end = i;
    let bytes = overhead + rows[i].bytes;
    while (end + 1 < rows.length && bytes + rows[end + 1].bytes <= chunker.room) bytes += rows[++end].bytes;
    const band = rows.slice(i, end + 1);
    await chunker.add({
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

export interface WriteMergeOptions {
  /** ExcelApi 1.9: page setup and the filter buttons. */
  pageLayout: boolean;
  /** ExcelApi 1.9: one call formats many rectangles (RangeAreas). */
  rangeAreas: boolean;
  /** Estimated request bytes per chunk. */
  chunkBudget: number;
}

export interface WrittenMerge {
  /** Estimated request size of each write sync. */
  chunkBytes: number[];
}

/**
 * Adds the plan's sheets after the workbook's own and fills them, syncing
 * once per chunk; protection comes last, so no write meets a locked cell.
 * If a sync fails, the sheets added so far are removed again (best effort)
 * and the failure is thrown: a half-written merge is never left behind.
 */
export async function writeMergePlan(
  context: ExcelContext,
  plan: MergePlan,
  sync: () => Promise<unknown>,
  options: WriteMergeOptions,
): Promise<WrittenMerge> {
  const chunker = new Chunker(sync, options.chunkBudget);
  const sheets = context.workbook.worksheets;
  const added: WorksheetApi[] = [];
  try {
    for (const sheetPlan of plan.sheets) {
      let sheet: WorksheetApi | undefined;
      await chunker.add({ bytes: OPERATION_BYTES, queue: () => added.push((sheet = sheets.add(sheetPlan.name))) });
      const ws = sheet as WorksheetApi;
      const grid = gridOf(sheetPlan);
      for (const op of columnWidthOps(ws, sheetPlan.columnWidths)) await chunker.add(op);
      await queueContents(chunker, ws, grid);
      const rest: SheetOp[] = [
        ...looksOps(ws, grid, sheetPlan, MERGE_FLAGS, options.rangeAreas),
        ...freezeOp(ws, sheetPlan.frozen.rows, sheetPlan.frozen.cols),
      ];
      if (options.pageLayout) {
        rest.push(...pageSetupOps(ws, mergePageSetup(sheetPlan)));
        const filter = sheetPlan.autoFilter;
        if (filter) rest.push({ bytes: OPERATION_BYTES, queue: () => ws.autoFilter.apply(ws.getRange(rangeA1(filter))) });
      }
      for (const op of rest) await chunker.add(op);
    }
    for (const [i, sheetPlan] of plan.sheets.entries()) {
      if (!sheetPlan.protect) continue;
      await chunker.add({
        bytes: OPERATION_BYTES,
        queue: () => added[i].protection.protect({ allowFormatColumns: true, allowFormatRows: true }),
      });
    }
    await chunker.add({ bytes: OPERATION_BYTES, queue: () => added[0]?.activate() });
    await chunker.flush();
  } catch (error) {
    for (const sheetPlan of plan.sheets) sheets.getItemOrNullObject(sheetPlan.name).delete();
    await sync().catch(() => undefined);
    throw error;
  }
  return { chunkBytes: chunker.chunkBytes };
}
