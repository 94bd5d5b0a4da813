/**
 * The gate a returned file passes before anything reads it: what kind of
 * file it is, and what its zip directory claims it unpacks to. Refusals are
 * merge problems with stable codes; the task pane runs the same gate.
 */
import { mergeProblem, type MergeProblem } from '../merge/problems';
import { FILE_TEXT, ZIP_TEXT } from '../text/messages';
import { readZipDirectory, type ZipDirectory, type ZipEntryInfo } from './zip';

export const INPUT_LIMITS = {
  /** Returned workbooks are tens of kilobytes; anything this big is not one. */
  maxFileBytes: 20 * 1024 * 1024,
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
  /** Spreadsheet XML packs 5–30×; only entries past `ratioFloorBytes` are judged. */
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

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
  if (bytes.length === 0) return mergeProblem('FILE_EMPTY', FILE_TEXT.empty);
  if (bytes.length > INPUT_LIMITS.maxFileBytes) return tooLarge(bytes.length);
  if (startsWith(bytes, OLE)) {
    return containsUtf16(bytes, 'EncryptedPackage')
      ? mergeProblem('ENCRYPTED', FILE_TEXT.encrypted)
      : mergeProblem('LEGACY_XLS', FILE_TEXT.legacyXls);
  }
  if (!startsWith(bytes, ZIP_LOCAL) && !startsWith(bytes, ZIP_EMPTY)) return mergeProblem('NOT_XLSX', FILE_TEXT.notXlsx);
  return null;
}

export function tooLarge(size: number): MergeProblem {
  return mergeProblem('FILE_TOO_LARGE', FILE_TEXT.tooLarge(size, INPUT_LIMITS.maxFileBytes));
}

export const damaged = (why: string) => mergeProblem('ZIP_CORRUPT', ZIP_TEXT.corrupt(why));

const DAMAGE: Record<Extract<ZipDirectory, { damage: unknown }>['damage'], string> = {
  'end-missing': ZIP_TEXT.noDirectory,
  zip64: ZIP_TEXT.zip64,
  'end-outside': ZIP_TEXT.directoryOutside,
  'cut-short': ZIP_TEXT.directoryCut,
};

/** The zip's central directory; a problem when it is missing, damaged or absurdly long. */
export function directoryOf(bytes: Uint8Array): { entries: ZipEntryInfo[] } | { problem: MergeProblem } {
  const directory = readZipDirectory(bytes);
  if ('damage' in directory) return { problem: damaged(DAMAGE[directory.damage]) };
  if (directory.entries.length > INPUT_LIMITS.maxEntries) {
    return { problem: mergeProblem('ZIP_BOMB', ZIP_TEXT.tooManyEntries(directory.entries.length)) };
  }
  return directory;
}

/** What the directory claims: encryption, a foreign compression, too much unpacked data, or a ratio no spreadsheet has. */
export function zipDirectoryProblem(entries: ZipEntryInfo[]): MergeProblem | null {
  if (entries.some((e) => (e.flags & 1) === 1)) return mergeProblem('ENCRYPTED', ZIP_TEXT.encryptedEntries);
  const unsupported = entries.find((e) => e.method !== 0 && e.method !== 8);
  if (unsupported) return damaged(ZIP_TEXT.unknownMethod(unsupported.method));
  const total = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (total > INPUT_LIMITS.maxUnpackedBytes) return mergeProblem('ZIP_BOMB', ZIP_TEXT.unpacksTooMuch(total, INPUT_LIMITS.maxUnpackedBytes));
  const extreme = entries.find(
    (e) => e.uncompressedSize > INPUT_LIMITS.ratioFloorBytes && e.uncompressedSize > INPUT_LIMITS.maxRatio * Math.max(1, e.compressedSize),
  );
  if (extreme) {
    const ratio = Math.round(extreme.uncompressedSize / Math.max(1, extreme.compressedSize));
    return mergeProblem('ZIP_BOMB', ZIP_TEXT.extremeRatio(extreme.name, ratio, extreme.uncompressedSize));
  }
  return null;
}

/** The directory lied: an entry unpacks to more than it declares. */
export function unpackedMoreThanDeclared(name: string, declared: number): MergeProblem {
  return mergeProblem('ZIP_BOMB', ZIP_TEXT.moreThanDeclared(name, declared));
}
