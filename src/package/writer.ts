/**
 * The zip package of the workbooks chamdiem writes, through fflate's zip: each
 * part arrives as text in pieces and is deflated as it comes by the codec
 * given, so only compressed bytes are held. It runs in Node and in the browser
 * alike. Plain zip (no ZIP64): a package past its 4 GB limits is refused
 * instead of written broken.
 */
import { strToU8, Zip, ZipPassThrough } from 'fflate';
import { fflateCodec, joinChunks, type DeflateCodec } from './codec';
import { MERGE_TEXT } from '../text/messages';

/** A part's text: whole, or in pieces produced as it is written. */
export type PartText = string | Iterable<string>;

const ZIP_LIMIT = 0xffffffff;
/** Text is encoded and deflated in pieces of about this many characters. */
const PIECE_CHARS = 64 * 1024;

/** A zip entry deflated by a codec's stream: fflate's zip computes its CRC-32 and size. */
class CodecZipDeflate extends ZipPassThrough {
  private readonly deflate: (piece: Uint8Array, final: boolean) => Uint8Array;

  constructor(name: string, codec: DeflateCodec) {
    super(name);
    this.compression = 8;
    this.deflate = codec.deflateStream();
  }

  protected process(chunk: Uint8Array, final: boolean): void {
    // Both codecs return bytes over a plain ArrayBuffer (fflate's own, or a zlib Buffer's).
    this.ondata(null, this.deflate(chunk, final) as Uint8Array<ArrayBuffer>, final);
  }
}

const tooLarge = (what: string) => new Error(MERGE_TEXT.outputTooLarge(what));

export class PackageWriter {
  private readonly chunks: Uint8Array[] = [];
  private length = 0;
  private readonly zip: Zip;

  constructor(
    private readonly modified: Date = new Date(),
    private readonly codec: DeflateCodec = fflateCodec,
  ) {
    this.zip = new Zip((error, data) => {
      if (error) throw error;
      this.length += data.length;
      if (this.length >= ZIP_LIMIT) throw tooLarge(MERGE_TEXT.wholePackage);
      this.chunks.push(data);
    });
  }

  /** Deflates one part into the package. Parts go in the order they are added. */
  add(name: string, text: PartText): void {
    const part = new CodecZipDeflate(name, this.codec);
    part.mtime = this.modified;
    this.zip.add(part);
    let size = 0;
    let pending = '';
    const flush = (final: boolean) => {
      const bytes = strToU8(pending);
      pending = '';
      size += bytes.length;
      if (size >= ZIP_LIMIT) throw tooLarge(name);
      part.push(bytes, final);
    };
    for (const piece of typeof text === 'string' ? [text] : text) {
      pending += piece;
      if (pending.length >= PIECE_CHARS) flush(false);
    }
    flush(true);
  }

  /** The whole package: local headers and data, then the central directory. */
  finish(): Uint8Array {
    this.zip.end();
    return joinChunks(this.chunks, this.length);
  }
}
