/** The application layer's PackageReader, filled by this package layer. Runs in the browser too (with fflate). */
import type { PackageReader } from '../app/ports';
import { fflateCodec, type DeflateCodec } from './codec';
import { INPUT_LIMITS, tooLarge } from './guard';
import { openPackage } from './open';
import { WorkbookReadError } from '../app/ports';
import { readReturnedWorkbook, readWorkbookCells, readWorkbookParts } from './reader';

export function packageReaderWith(codec: DeflateCodec): PackageReader {
  return {
    sizeProblem: (size) => (size > INPUT_LIMITS.maxFileBytes ? tooLarge(size) : null),
    read: (bytes) => readReturnedWorkbook(bytes, codec),
    async guard(bytes) {
      const opened = openPackage(bytes, codec);
      if ('problem' in opened) return opened;
      return { savedAt: opened.savedAt, read: () => readWorkbookParts(opened.parts) };
    },
    async readCells(bytes) {
      const opened = openPackage(bytes, codec);
      if ('problem' in opened) throw new WorkbookReadError(opened.problem.message, 'UNREADABLE');
      return readWorkbookCells(opened.parts);
    },
  };
}

export const packageReader = packageReaderWith(fflateCodec);
