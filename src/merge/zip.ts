/**
 * Looks at a returned file's bytes before any spreadsheet library does:
 * what kind of file it is, and what its zip directory claims it unpacks to.
 * Pure over Uint8Array, so the task pane can run it in the browser.
 */
import { mergeProblem, type MergeProblem } from './problems';

export const INPUT_LIMITS = {
  /** Returned workbooks are tens of kilobytes; anything this big is not one. */
  maxFileBytes: 20 * 1024 * 1024,
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
  /** Spreadsheet XML packs 5–30×; only entries past `ratioFloorBytes` are judged. */
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

export const MB = 1024 * 1024;
const mb = (n: number) => `${Math.round((n / MB) * 10) / 10} MB`.replace('.', ',');

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** UTF-16LE, as names of streams inside an OLE compound file are stored. */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * Empty, too large, not a zip at all, or an OLE file: a legacy .xls, or an
 * .xlsx encrypted with a password to open (Excel wraps those in OLE).
 */
export function sniffFile(bytes: Uint8Array): MergeProblem | null {
  if (bytes.length === 0) return mergeProblem('FILE_EMPTY', 'Tệp rỗng (0 byte): có thể tải về chưa xong. Hãy xin đơn vị gửi lại.');
  if (bytes.length > INPUT_LIMITS.maxFileBytes) return tooLarge(bytes.length);
  if (startsWith(bytes, OLE)) {
    if (containsUtf16(bytes, 'EncryptedPackage')) {
      return mergeProblem(
        'ENCRYPTED',
        'Tệp được đặt mật khẩu mở nên không đọc được. Hãy mở tệp trong Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi gửi lại.',
      );
    }
    return mergeProblem(
      'LEGACY_XLS',
      'Tệp Excel cũ (.xls) hoặc định dạng khác, không phải bảng .xlsx do chamdiem tạo. Hãy dùng đúng bảng tự chấm đã phát.',
    );
  }
  if (!startsWith(bytes, ZIP_LOCAL) && !startsWith(bytes, ZIP_EMPTY)) {
    return mergeProblem('NOT_XLSX', 'Không phải tệp .xlsx (nội dung không đúng định dạng Excel).');
  }
  return null;
}

export function tooLarge(size: number): MergeProblem {
  return mergeProblem(
    'FILE_TOO_LARGE',
    `Tệp quá lớn (${mb(size)}, giới hạn ${mb(INPUT_LIMITS.maxFileBytes)}): bảng tự chấm chỉ vài chục KB. Hãy kiểm tra lại tệp gửi đến.`,
  );
}

export interface ZipEntryInfo {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
}

const corrupt = (why: string) =>
  mergeProblem('ZIP_CORRUPT', `Tệp .xlsx bị hỏng (${why}): có thể tải về chưa hết. Hãy xin đơn vị gửi lại.`);

/** Reads the zip's central directory; a problem when it is missing or damaged. */
export function readZipDirectory(bytes: Uint8Array): { entries: ZipEntryInfo[] } | { problem: MergeProblem } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const EOCD = 0x06054b50;
  let eocd = -1;
  // The end record is 22 bytes plus a comment of at most 65535.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { problem: corrupt('không thấy mục lục zip') };
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    return { problem: corrupt('dạng zip64, bảng tự chấm không bao giờ cần') };
  }
  if (dirOffset + dirSize > eocd) return { problem: corrupt('mục lục zip nằm ngoài tệp') };
  if (count > INPUT_LIMITS.maxEntries) {
    return { problem: mergeProblem('ZIP_BOMB', `Tệp chứa ${count} thành phần nén, quá nhiều đối với một bảng tính.`) };
  }
  const entries: ZipEntryInfo[] = [];
  const decoder = new TextDecoder();
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== 0x02014b50) return { problem: corrupt('mục lục zip bị cắt') };
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > eocd) return { problem: corrupt('mục lục zip bị cắt') };
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
    });
    at = next;
  }
  return { entries };
}

/** What the directory claims: too much unpacked data, or a ratio no spreadsheet has. */
export function zipDirectoryProblem(entries: ZipEntryInfo[]): MergeProblem | null {
  if (entries.some((e) => (e.flags & 1) === 1)) {
    return mergeProblem('ENCRYPTED', 'Tệp nén có mật khẩu, không đọc được. Hãy bỏ mật khẩu rồi gửi lại.');
  }
  const unsupported = entries.find((e) => e.method !== 0 && e.method !== 8);
  if (unsupported) return corrupt(`kiểu nén ${unsupported.method} không phải của Excel`);
  const total = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (total > INPUT_LIMITS.maxUnpackedBytes) {
    return mergeProblem(
      'ZIP_BOMB',
      `Tệp giải nén ra ${mb(total)} (giới hạn ${mb(INPUT_LIMITS.maxUnpackedBytes)}): không phải bảng tự chấm, có thể là tệp độc hại.`,
    );
  }
  const extreme = entries.find(
    (e) => e.uncompressedSize > INPUT_LIMITS.ratioFloorBytes && e.uncompressedSize > INPUT_LIMITS.maxRatio * Math.max(1, e.compressedSize),
  );
  if (extreme) {
    const ratio = Math.round(extreme.uncompressedSize / Math.max(1, extreme.compressedSize));
    return mergeProblem(
      'ZIP_BOMB',
      `Thành phần ${extreme.name} nén tới ${ratio} lần (${mb(extreme.uncompressedSize)}): không phải bảng tự chấm, có thể là tệp độc hại.`,
    );
  }
  return null;
}

/** The directory lied: an entry unpacks to more than it declares. */
export function unpackedMoreThanDeclared(name: string, declared: number): MergeProblem {
  return mergeProblem(
    'ZIP_BOMB',
    `Thành phần ${name} giải nén ra nhiều hơn kích thước khai báo (${declared} byte): tệp bị làm giả, có thể là tệp độc hại.`,
  );
}
