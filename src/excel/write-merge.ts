/**
 * Writes the merge plan (src/merge/plan.ts) into the open workbook as new
 * sheets, through the Office.js writer (write.ts), one sync per chunk of at
 * most the budget.
 */
import { MERGE_SHEETS, type MergePlan } from '../merge/plan';
import type { ExcelContext } from './api';
import { writeNewSheets, type NewSheetsOptions, type NewSheetsRead } from './new-sheets';

export { CHUNK_BUDGET_BYTES, REQUEST_LIMIT_BYTES } from './write';

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

export interface WriteMergeOptions extends NewSheetsOptions {
  /** Estimated request bytes per chunk. */
  chunkBudget: number;
}

export interface WrittenMerge {
  /** Estimated request size of each write sync. */
  chunkBytes: number[];
}

/**
 * Adds the plan's sheets after the workbook's own and fills them, syncing
 * once per chunk, as one piece (new-sheets.ts): a refused chunk leaves no
 * half-written merge behind, and a later attempt no second set.
 */
export async function writeMergePlan(
  context: ExcelContext,
  read: NewSheetsRead,
  plan: MergePlan,
  sync: () => Promise<unknown>,
  options: WriteMergeOptions,
): Promise<WrittenMerge> {
  return { chunkBytes: await writeNewSheets(context, read, plan.sheets, sync, options) };
}
