/**
 * The zip container of a package, read as Excel reads it: through its
 * central directory, each entry unpacked within a byte limit, so
 * an entry that lies about its size is stopped as soon as it passes the
 * limit instead of being unpacked whole in memory. Pure over Uint8Array, so
 * it runs in Node and in the browser alike.
 */
import { buf as crc32Of } from 'crc-32';
import { fflateCodec, type DeflateCodec, type Unpacked } from './codec';

export interface ZipEntryInfo {
  name: string;
  flags: number;
  method: number;
  /** CRC-32 of the unpacked bytes, as the directory records it. */
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's local header starts. */
  localOffset: number;
}

export type ZipDirectory = { entries: ZipEntryInfo[] } | { damage: 'end-missing' | 'zip64' | 'end-outside' | 'cut-short' };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The end-of-directory record: 22 bytes plus a comment of at most 65535, found from the end. */
function findEndRecord(bytes: Uint8Array, view: DataView): number {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) return i;
  }
  return -1;
}

/** The entries the central directory lists, in its order, or how the directory is damaged. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const view = viewOf(bytes);
  const eocd = findEndRecord(bytes, view);
  if (eocd < 0) return { damage: 'end-missing' };
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) return { damage: 'zip64' };
  if (dirOffset + dirSize > eocd) return { damage: 'end-outside' };
  const entries: ZipEntryInfo[] = [];
  const decoder = new TextDecoder();
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL) return { damage: 'cut-short' };
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > eocd) return { damage: 'cut-short' };
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at = next;
  }
  return { entries };
}

/** Unpacks one entry (stored or deflated; the caller has refused other methods) to at most `limit` bytes. */
export function unpackEntry(
  bytes: Uint8Array,
  entry: ZipEntryInfo,
  limit: number,
  codec: DeflateCodec = fflateCodec,
): Unpacked {
  const view = viewOf(bytes);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) return { damaged: true };
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return { damaged: true };
  const packed = bytes.subarray(start, end);
  if (entry.method === 0) return packed.length > limit ? { over: true } : { data: packed };
  return codec.inflate(packed, limit);
}

/**
 * CRC-32 of unpacked bytes, as the directory records it. fflate exports none
 * of its own; crc-32 (SheetJS) computes it about four times as fast, which
 * a merge of a thousand files notices.
 */
export function crc32(data: Uint8Array): number {
  return crc32Of(data) >>> 0;
}
