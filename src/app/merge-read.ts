/**
 * The merge's reading job, the same for every host: one returned file,
 * guarded, then read by its defined names and metadata only, from the parts
 * the guard unpacked. Only the compact reading is kept. Never throws for a
 * bad file; it says why instead.
 */
import type { FileReading } from '../merge/consolidate';
import { mergeProblem, type MergeProblem } from '../merge/problems';
import { readUnit } from '../merge/unit';
import type { LoadedRubric } from '../rubric';
import { FILE_TEXT } from '../text/messages';
import { missingMetadata } from './recover';
import { MetadataMissingError, WorkbookReadError, type PackageReader, type YieldToHost } from './ports';

export { mergeProblem };

/** A file refused before its package was opened: too large, missing, unreadable. */
export function refusedReading(file: string, problem: MergeProblem): FileReading {
  return { file, savedAt: null, unit: null, problems: [problem] };
}

/** `yieldToHost` comes between unpacking the file, taking its parts and reading them: the host's turn, when due. */
export async function readForMerge(
  reader: PackageReader,
  bytes: Uint8Array,
  file: string,
  loaded: LoadedRubric,
  yieldToHost?: YieldToHost,
): Promise<FileReading> {
  const guarded = await reader.guard(bytes);
  if ('problem' in guarded) return refusedReading(file, guarded.problem);
  await yieldToHost?.();
  try {
    const parts = guarded.read();
    await yieldToHost?.();
    const unit = readUnit(parts, loaded);
    return { file, savedAt: guarded.savedAt, unit, problems: unit.problems };
  } catch (e) {
    // One odd file must not stop the others: whatever it throws is reported.
    const missing =
      e instanceof MetadataMissingError
        ? missingMetadata(e, loaded, FILE_TEXT.recoverCommand(file))
        : e instanceof WorkbookReadError && e.code === 'METADATA_MISSING'
          ? { code: e.code, message: FILE_TEXT.notOurs }
          : null;
    const problem = missing
      ? mergeProblem(missing.code, missing.message)
      : mergeProblem('UNREADABLE', e instanceof WorkbookReadError ? e.message : FILE_TEXT.cannotRead((e as Error).message));
    return { file, savedAt: guarded.savedAt, unit: null, problems: [problem] };
  }
}
