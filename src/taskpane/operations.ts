/**
 * What the task pane asks of Excel. src/excel implements it with Office.js;
 * components receive it through props or the operations context and never
 * touch `Excel` themselves.
 */
import type { LoadedRubric } from '../rubric';
import type { Problem } from '../scoring/problems';

export interface SheetStatus {
  /** A sheet with the standard name exists. */
  exists: boolean;
  /** …and it carries our metadata (so it may be upgraded in place). */
  ours: boolean;
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
  mode: 'created' | 'upgraded';
  /** Entries carried over by defined name. */
  keptEntries: number;
  /** Filled cells whose names the new rubric no longer has; never dropped silently. */
  orphans: { name: string; value: string | number }[];
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
}
