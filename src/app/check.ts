/** The check: a workbook compared with the plan its rubric produces, and scored. */
import { checkWorkbook, type CheckReport, type WorkbookView } from '../check';
import type { LoadedRubric } from '../rubric';
import type { LiveCheck, LiveProblem } from './operations';
import { WorkbookReadError, type PackageReader } from './ports';

export type FileCheck =
  | { report: CheckReport }
  | { unreadable: { code: WorkbookReadError['code']; reason?: WorkbookReadError['reason']; message: string } };

/** A workbook file, read through the port. */
export async function checkFile(reader: PackageReader, bytes: Uint8Array, loaded: LoadedRubric): Promise<FileCheck> {
  try {
    return { report: checkWorkbook(await reader.read(bytes), loaded) };
  } catch (e) {
    if (e instanceof WorkbookReadError) return { unreadable: { code: e.code, reason: e.reason, message: e.message } };
    throw e;
  }
}

/** The sheet open in a host, each problem with the address of its cell so the pane can go there. */
export function checkOpenSheet(view: WorkbookView & { addressOf(name: string): string | undefined }, loaded: LoadedRubric): LiveCheck {
  const report = checkWorkbook(view, loaded);
  const problems = report.problems.map((p): LiveProblem => {
    const address = p.name === undefined ? undefined : view.addressOf(p.name);
    return address === undefined ? p : { ...p, address };
  });
  return { problems, scoredCount: report.score.scoredCount, criterionCount: report.score.criterionCount, total: report.score.total };
}
