/**
 * Reads a file the user picked for the merge, in the browser: the same job
 * and package reader as `chamdiem merge`, composed here. Loaded on demand as
 * its own chunk, so the workbook readers stay out of the initial bundle.
 */
import { mergeProblem, readForMerge, refusedReading } from '../app/merge-read';
import type { FileReading } from '../merge/consolidate';
import type { LoadedRubric } from '../rubric';
import { packageReader } from '../package/package-reader';
import { TAB_TEXT } from '../text/messages';
import { bytesOf } from './fileBytes';
import { slicedYield } from './yieldToHost';

export async function readPickedFile(file: File, loaded: LoadedRubric): Promise<FileReading> {
  // Judged by size before reading, so a huge file never lands in memory.
  const tooLarge = packageReader.sizeProblem(file.size);
  if (tooLarge) return refusedReading(file.name, tooLarge);
  let bytes: Uint8Array;
  try {
    bytes = await bytesOf(file);
  } catch (e) {
    // The file was moved or deleted after it was picked, or access was withdrawn.
    return refusedReading(file.name, mergeProblem('UNREADABLE', TAB_TEXT.merge.pickAgain((e as Error).message)));
  }
  return readForMerge(packageReader, bytes, file.name, loaded, slicedYield());
}
