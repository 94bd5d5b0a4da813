/**
 * The merge: the files' readings (merge-read.ts) consolidated, and the
 * consolidated workbook written through the port. The Office.js host writes
 * it with `ExcelOperations.writeMerge` instead.
 */
import { consolidate, type MergeResult } from '../merge/consolidate';
import { buildMergePlan, mergePlanSteps, type MergePlan, type MergePlanOptions } from '../merge/plan';
import type { LoadedRubric } from '../rubric';
import type { WorkbookWriter, YieldToHost } from './ports';

export { consolidate };
export { MERGE_SHEETS } from '../merge/plan';
export { STATUS_LABEL } from '../merge/problems';
export { mergeSummary } from '../merge/summary';

/** The merge's sheets, the same for every host; `mergedAt` is shown on the "Tổng hợp" sheet. */
export function planMerge(result: MergeResult, loaded: LoadedRubric, options: MergePlanOptions): MergePlan {
  return buildMergePlan(result, loaded, options);
}

/** The same plan, built step by step with the host's turn between steps when it is due. */
export async function planMergeStepwise(result: MergeResult, loaded: LoadedRubric, options: MergePlanOptions, yieldToHost: YieldToHost): Promise<MergePlan> {
  const steps = mergePlanSteps(result, loaded, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await yieldToHost();
  }
}

/** The consolidated workbook file; null when no file could be merged. */
export async function writeMergeFile(writer: WorkbookWriter, result: MergeResult, loaded: LoadedRubric, mergedAt: string): Promise<Uint8Array | null> {
  return result.units.length === 0 ? null : writer.writeMerge(planMerge(result, loaded, { mergedAt }));
}
