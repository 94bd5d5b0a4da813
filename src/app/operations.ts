/**
 * The port of the workbook open in Excel: what the task pane asks of it.
 * src/excel implements it with Office.js, running the jobs of this layer
 * (the sheet workflow, print setup); components receive it through props or
 * the operations context and never touch `Excel` themselves.
 */
import type { MergeResult } from '../merge/consolidate';
import type { RubricSheetNames, RubricWorkbookReading } from '../layout/rubric-sheet';
import type { LoadedRubric, Rubric } from '../rubric';
import type { Problem } from '../scoring/problems';
import type { Orphan } from './generate';
import type { PrintRequest, ProblemCounts } from './print';
import type { YieldToHost } from './ports';
import type { NameRepair } from './repair';

/** The sheet the operations work on, as the pane names it to the user. */
export { SHEET_NAME } from '../layout/sheet-names';
export type { PrintRequest };

export interface SheetStatus {
  /** A sheet with the standard name exists. */
  exists: boolean;
  /** …and it carries our metadata (so it may be upgraded in place). */
  ours: boolean;
  /**
   * …or it lost its metadata sheet but carries our names (copied into a new
   * workbook): Cập nhật adopts it when its names fit the rubric chosen.
   */
  recoverable?: boolean;
  meta?: Record<string, string>;
}

export interface GenerateRequest {
  loaded: LoadedRubric;
  unitName: string;
  /** Names printed under the signatures; when blank, an upgrade keeps the sheet's own. */
  preparer?: string;
  signer?: string;
}

export interface GenerateResult {
  /** Recovered: a sheet that had lost its metadata sheet, adopted with every entry. */
  mode: 'created' | 'upgraded' | 'recovered';
  /** Entries carried over by defined name. */
  keptEntries: number;
  /** Entries the new rubric has no cell for, found now or kept by an earlier upgrade; never dropped. */
  orphans: Orphan[];
  /** Names that were off their cells, put back, with where each entry was found. */
  repairs: NameRepair[];
  /** Host features that were missing, in Vietnamese (e.g. print layout below ExcelApi 1.9). */
  notices: string[];
  syncs: number;
}

export interface LiveProblem extends Problem {
  /** A1 address on the sheet, for navigation. */
  address?: string;
}

export interface LiveCheck {
  problems: LiveProblem[];
  scoredCount: number;
  criterionCount: number;
  total: number;
}

export interface MergeWriteRequest {
  loaded: LoadedRubric;
  /** The consolidated files; at least one unit. */
  result: MergeResult;
  /** When the merge was made, shown on the "Tổng hợp" sheet. */
  mergedAt?: string;
  /** Told how the write goes: while the sheets are planned, then after each part of a sheet is queued. */
  onProgress?: (progress: MergeWriteProgress) => void;
  /** The host's turn between steps; without it every step follows at once. */
  yieldToHost?: YieldToHost;
}

export type MergeWriteProgress =
  | { stage: 'planning' }
  /** `done` of `total` parts queued (a sheet's contents in runs of rows, then its looks); requests go as they fill. */
  | { stage: 'writing'; sheet: string; done: number; total: number };

export interface MergeWriteResult {
  /** The sheets added, in order: Tổng hợp, Xếp hạng, Kiểm tra, Minh chứng, or each with the same " (n)". */
  sheets: string[];
  /** The standard names were taken (an earlier merge), so the new sheets carry a suffix. */
  renamed: boolean;
  /** Host features that were missing, in Vietnamese. */
  notices: string[];
  syncs: number;
  /** Estimated request size of each write sync, in bytes; each stays under Excel's 5 MB. */
  chunkBytes: number[];
}

export interface PrintResult {
  /** The place–date line as written. */
  dateLine: string;
  /** Defined names of the cells written. */
  written: string[];
  /** Page settings that could not be set (ExcelApi 1.9 missing), each in Vietnamese; empty when all were. */
  notSet: string[];
  /** What the check found before printing; errors only when the user confirmed printing them. */
  errors: number;
  warnings: number;
  /** Texts the printout clips (past Excel's tallest row), in Vietnamese, each naming its cell. */
  clipped: string[];
  syncs: number;
}

/** The sheet has errors and printing was not confirmed (`force`): nothing was written. */
export interface PrintBlocked {
  blocked: ProblemCounts;
  syncs: number;
}

export type PrintOutcome = PrintResult | PrintBlocked;

export type { RubricSheetNames, RubricWorkbookReading };

export interface RubricWriteResult {
  /** The sheets added: Bộ tiêu chí, Thông tin bộ tiêu chí, Sửa lỗi văn bản, or each with the same " (n)". */
  sheets: RubricSheetNames;
  syncs: number;
}

export interface ExcelOperations {
  status(): Promise<SheetStatus>;
  /** Creates the sheet, or upgrades ours in place keeping every entry. Refuses a foreign sheet of the same name. */
  generate(request: GenerateRequest): Promise<GenerateResult>;
  /** Reads the whole input area in one sync and checks it. */
  check(loaded: LoadedRubric): Promise<LiveCheck>;
  /** Selects the cell behind a problem. */
  select(address: string): Promise<void>;
  /** Calls back on every change to the sheet; resolves to an unsubscribe function. */
  onChanged(callback: () => void): Promise<() => Promise<void>>;
  /** Adds the merge's sheets to the open workbook, never over an existing sheet. */
  writeMerge(request: MergeWriteRequest): Promise<MergeWriteResult>;
  /** Sets our sheet's print layout and writes the signer fields; two syncs. */
  /** Checks the sheet first; with errors and no `force` it only says how many. */
  applyPrint(request: PrintRequest): Promise<PrintOutcome>;
  /** The rubric sheet sets in the open workbook, the one written last first; one sync. */
  rubricSheets(): Promise<RubricSheetNames[]>;
  /** Adds the rubric's editable sheets, never over an existing sheet; two syncs. */
  writeRubric(rubric: Rubric): Promise<RubricWriteResult>;
  /** Reads the rubric back from its sheets, every problem at its cell; one sync. */
  readRubric(sheets: RubricSheetNames): Promise<RubricWorkbookReading>;
  /** Selects a cell of any sheet. */
  selectIn(sheet: string, address: string): Promise<void>;
  /** Calls back on every change to these sheets; resolves to an unsubscribe function. */
  onSheetsChanged(sheets: string[], callback: () => void): Promise<() => Promise<void>>;
}
