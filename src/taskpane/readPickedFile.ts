/**
 * Reads a file the user picked for the merge, in the browser: the same gate
 * and reader as `chamdiem merge`. Loaded on demand as its own chunk, so the
 * workbook readers stay out of the initial bundle.
 */
import type { FileReading } from '../merge/consolidate';
import { mergeProblem } from '../merge/problems';
import { INPUT_LIMITS, tooLarge } from '../merge/zip';
import type { LoadedRubric } from '../rubric';
import { readForMerge } from '../xlsx/merge-read';

/** FileReader, which every host webview has (Blob.arrayBuffer is younger). */
function bytesOf(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsArrayBuffer(file);
  });
}

export async function readPickedFile(file: File, loaded: LoadedRubric): Promise<FileReading> {
  const rejected = (problem: ReturnType<typeof mergeProblem>): FileReading => ({ file: file.name, savedAt: null, unit: null, problems: [problem] });
  // Judged by size before reading, so a huge file never lands in memory.
  if (file.size > INPUT_LIMITS.maxFileBytes) return rejected(tooLarge(file.size));
  let bytes: Uint8Array;
  try {
    bytes = await bytesOf(file);
  } catch (e) {
    // The file was moved or deleted after it was picked, or access was withdrawn.
    return rejected(mergeProblem('UNREADABLE', `Không đọc được tệp (${(e as Error).message}). Hãy chọn lại tệp.`));
  }
  return readForMerge(bytes, file.name, loaded);
}
