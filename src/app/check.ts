/** The check of a workbook file: read through the port, compared with the plan, scored. */
import { checkWorkbook, type CheckReport } from '../check';
import type { LoadedRubric } from '../rubric';
import { WorkbookReadError, type PackageReader } from './ports';

export type FileCheck = { report: CheckReport } | { unreadable: { code: WorkbookReadError['code']; message: string } };

export async function checkFile(reader: PackageReader, bytes: Uint8Array, loaded: LoadedRubric): Promise<FileCheck> {
  try {
    return { report: checkWorkbook(await reader.read(bytes), loaded) };
  } catch (e) {
    if (e instanceof WorkbookReadError) return { unreadable: { code: e.code, message: e.message } };
    throw e;
  }
}
