import type { LoadedRubric } from '../rubric';
import type { FileReading } from '../merge/consolidate';
import { mergeProblem } from '../merge/problems';
import { readUnit } from '../merge/unit';
import { isWorkbookPart, readWorkbookParts } from './fast-read';
import { inspectPackage } from './guard';
import { WorkbookReadError } from './workbook-view';

/**
 * One returned file, read for the merge: guarded, then read by its defined
 * names and metadata only, from the parts the guard unpacked. Only the
 * compact reading is kept. Never throws for a bad file; it says why instead.
 */
export async function readForMerge(bytes: Uint8Array, file: string, loaded: LoadedRubric): Promise<FileReading> {
  const inspected = await inspectPackage(bytes, isWorkbookPart);
  if ('problem' in inspected) return { file, savedAt: null, unit: null, problems: [inspected.problem] };
  try {
    const view = readWorkbookParts(inspected.parts);
    const unit = readUnit(view, loaded);
    return { file, savedAt: inspected.savedAt, unit, problems: unit.problems };
  } catch (e) {
    // One odd file must not stop the others: whatever it throws is reported.
    const problem =
      e instanceof WorkbookReadError && e.code === 'METADATA_MISSING'
        ? mergeProblem(
            'METADATA_MISSING',
            'Tệp không phải bảng tự chấm điểm do chamdiem tạo (không có trang thông tin ẩn). Hãy dùng đúng bảng đã phát cho đơn vị.',
          )
        : e instanceof WorkbookReadError
          ? mergeProblem('UNREADABLE', e.message)
          : mergeProblem('UNREADABLE', `Không đọc được tệp (${(e as Error).message}).`);
    return { file, savedAt: inspected.savedAt, unit: null, problems: [problem] };
  }
}
