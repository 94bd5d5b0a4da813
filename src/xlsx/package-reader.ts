/** The application layer's PackageReader, filled by this package layer. Runs in the browser too. */
import type { PackageReader } from '../app/ports';
import { INPUT_LIMITS, tooLarge } from '../merge/zip';
import { isWorkbookPart, readReturnedWorkbook, readWorkbookParts } from './fast-read';
import { inspectPackage } from './guard';

export const packageReader: PackageReader = {
  sizeProblem: (size) => (size > INPUT_LIMITS.maxFileBytes ? tooLarge(size) : null),
  read: readReturnedWorkbook,
  async guard(bytes) {
    const inspected = await inspectPackage(bytes, isWorkbookPart);
    if ('problem' in inspected) return inspected;
    return { savedAt: inspected.savedAt, read: () => readWorkbookParts(inspected.parts) };
  },
};
