/**
 * What a reader of a returned workbook gives (fast-read.ts, and the ExcelJS
 * reader the tests hold it against). Free of ExcelJS, so the task pane's
 * reading chunk does not carry it.
 */
import type { CellLocation, WorkbookView } from '../check';

export type NamedCell = CellLocation;

/** A returned workbook, seen only through its defined names and metadata. */
export interface ReadWorkbook extends WorkbookView {
  /** Names that point at one cell of an existing sheet; broken names are absent. */
  names: Map<string, NamedCell>;
}

export const METADATA_MISSING_MESSAGE = 'Tệp không phải bảng tự chấm điểm do chamdiem tạo (không có trang thông tin ẩn).';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Plain Uint8Array, not Node's Buffer, so the task pane can read files in the browser. */
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** Why bytes that are no zip at all cannot be a workbook; null when they may be one. */
export function describeNonXlsx(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'Tệp rỗng (0 byte).';
  if (startsWith(bytes, OLE_MAGIC)) {
    return 'Tệp Excel cũ (.xls) hoặc tệp có mật khẩu mở. Hãy mở trong Excel, bỏ mật khẩu và lưu lại dạng .xlsx.';
  }
  if (!startsWith(bytes, ZIP_MAGIC)) return 'Không phải tệp .xlsx.';
  return null;
}
