/** The check: a workbook compared with the plan its rubric produces, and scored. */
import { checkWorkbook, type CheckReport, type WorkbookView } from '../check';
import type { LoadedRubric } from '../rubric';
import type { LiveCheck, LiveProblem } from './operations';
import { FILE_TEXT } from '../text/messages';
import { MetadataMissingError, WorkbookReadError, type PackageReader } from './ports';
import { missingMetadata, type UnreadableCode } from './recover';

export { missingMetadata, type UnreadableCode };

export type FileCheck =
  | { report: CheckReport }
  | { unreadable: { code: UnreadableCode; reason?: WorkbookReadError['reason']; message: string } };

/** A workbook file, read through the port; `recovery` is the command that would recover a copied sheet. */
export async function checkFile(
  reader: PackageReader,
  bytes: Uint8Array,
  loaded: LoadedRubric,
  recovery = FILE_TEXT.recoverCommand(),
): Promise<FileCheck> {
  try {
    return { report: checkWorkbook(await reader.read(bytes), loaded) };
  } catch (e) {
    if (e instanceof MetadataMissingError) return { unreadable: missingMetadata(e, loaded, recovery) };
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
