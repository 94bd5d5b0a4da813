/**
 * A zip package written by hand for the workbooks chamdiem writes: each part
 * arrives as text in chunks and is deflated as it comes, so only compressed
 * bytes are held. Plain zip (no ZIP64): a package past its 4 GB limits is
 * refused instead of written broken.
 */
import { Readable, Writable } from 'stream';
import { pipeline } from 'stream/promises';
import * as zlib from 'zlib';

/** A part's text: whole, or in pieces produced as it is written. */
export type PartText = string | Iterable<string>;

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 (the zip polynomial) of `bytes`, continuing from `crc`. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

const ZIP_LIMIT = 0xffffffff;
/** Text is encoded and deflated in pieces of about this many characters. */
const PIECE_CHARS = 64 * 1024;

function tooLarge(what: string): Error {
  return new Error(`Tệp kết quả quá lớn (${what} vượt 4 GB, giới hạn của định dạng .xlsx thường): hãy tổng hợp ít tệp hơn mỗi lần.`);
}

interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  compressed: Buffer[];
  compressedSize: number;
  offset: number;
}

/** MS-DOS date and time, as zip headers keep them (local time, two-second steps). */
function dosDateTime(d: Date): { date: number; time: number } {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
  };
}

export class PackageWriter {
  private readonly entries: Entry[] = [];
  private offset = 0;
  private readonly stamp: { date: number; time: number };

  constructor(modified: Date = new Date()) {
    this.stamp = dosDateTime(modified);
  }

  /** Deflates one part into the package. Parts go in the order they are added. */
  async add(name: string, text: PartText): Promise<void> {
    const entry: Entry = { name: Buffer.from(name, 'utf8'), crc: 0, size: 0, compressed: [], compressedSize: 0, offset: this.offset };
    const pieces = function* (): Generator<Buffer> {
      let pending = '';
      const flush = () => {
        const bytes = Buffer.from(pending, 'utf8');
        pending = '';
        entry.size += bytes.length;
        if (entry.size >= ZIP_LIMIT) throw tooLarge(name);
        entry.crc = crc32(bytes, entry.crc);
        return bytes;
      };
      for (const chunk of typeof text === 'string' ? [text] : text) {
        pending += chunk;
        if (pending.length >= PIECE_CHARS) yield flush();
      }
      if (pending.length > 0) yield flush();
    };
    await pipeline(
      Readable.from(pieces(), { objectMode: false }),
      zlib.createDeflateRaw(),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          entry.compressed.push(chunk);
          entry.compressedSize += chunk.length;
          done();
        },
      }),
    );
    this.offset += 30 + entry.name.length + entry.compressedSize;
    if (this.offset >= ZIP_LIMIT) throw tooLarge('tệp nén');
    this.entries.push(entry);
  }

  /** The whole package: local headers and data, then the central directory. */
  finish(): Buffer {
    const out: Buffer[] = [];
    const directory: Buffer[] = [];
    let directorySize = 0;
    for (const e of this.entries) {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      this.describe(local, 4, e);
      local.writeUInt16LE(e.name.length, 26);
      out.push(local, e.name, ...e.compressed);

      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      this.describe(central, 6, e);
      central.writeUInt16LE(e.name.length, 28);
      central.writeUInt32LE(e.offset, 42);
      directory.push(central, e.name);
      directorySize += central.length + e.name.length;
    }
    if (this.offset + directorySize >= ZIP_LIMIT) throw tooLarge('tệp nén');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directorySize, 12);
    end.writeUInt32LE(this.offset, 16);
    return Buffer.concat([...out, ...directory, end]);
  }

  /** The fields local and central headers share, from "version needed" to the uncompressed size. */
  private describe(header: Buffer, at: number, e: Entry): void {
    header.writeUInt16LE(20, at);
    // Bit 11: the name is UTF-8.
    header.writeUInt16LE(0x0800, at + 2);
    header.writeUInt16LE(8, at + 4);
    header.writeUInt16LE(this.stamp.time, at + 6);
    header.writeUInt16LE(this.stamp.date, at + 8);
    header.writeUInt32LE(e.crc, at + 10);
    header.writeUInt32LE(e.compressedSize, at + 14);
    header.writeUInt32LE(e.size, at + 18);
  }
}
