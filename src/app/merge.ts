/**
 * The merge: the files' readings (merge-read.ts) consolidated, and the
 * consolidated workbook written through the port. The Office.js host writes
 * it with `ExcelOperations.writeMerge` instead.
 */
import { consolidate, type MergeResult } from '../merge/consolidate';
import { buildMergePlan } from '../merge/plan';
import type { LoadedRubric } from '../rubric';
import type { WorkbookWriter } from './ports';

export { consolidate };
export { MERGE_SHEETS } from '../merge/plan';
export { STATUS_LABEL } from '../merge/problems';
export { mergeSummary } from '../merge/summary';

/** The consolidated workbook; `mergedAt` is shown on the "Tổng hợp" sheet. Null when no file could be merged. */
export async function writeMergeFile(writer: WorkbookWriter, result: MergeResult, loaded: LoadedRubric, mergedAt: string): Promise<Uint8Array | null> {
  if (result.units.length === 0) return null;
  return writer.writeMerge(buildMergePlan(result, loaded, { mergedAt }));
}
