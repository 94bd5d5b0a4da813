/**
 * The gate a returned file passes before any reader sees it: type sniffing,
 * size, the zip directory, then a bounded unpack that stops as soon as an
 * entry yields more than it declared (a lying zip bomb would otherwise be
 * unpacked whole in memory). Runs wherever JSZip runs.
 */
import JSZip from 'jszip';
import { mergeProblem, type MergeProblem } from '../merge/problems';
import { INPUT_LIMITS, readZipDirectory, sniffFile, unpackedMoreThanDeclared, zipDirectoryProblem } from '../merge/zip';

export interface PackageFacts {
  /** dcterms:modified of docProps/core.xml: when the workbook was last saved. */
  savedAt: string | null;
  /** The unpacked entries the caller asked to keep, by name. */
  parts: Map<string, Uint8Array>;
}

/** JSZip's chunked unpacking; public typings only offer whole-file reads. */
interface ChunkStream {
  on(event: 'data', fn: (chunk: Uint8Array) => void): ChunkStream;
  on(event: 'error', fn: (e: Error) => void): ChunkStream;
  on(event: 'end', fn: () => void): ChunkStream;
  resume(): ChunkStream;
  pause(): ChunkStream;
}

/** Unpacks one entry, giving up (null) once it passes `limit` bytes. */
export function unpackBounded(file: JSZip.JSZipObject, limit: number, keep: boolean): Promise<{ size: number; chunks: Uint8Array[] } | null> {
  return new Promise((resolve, reject) => {
    const stream = (file as unknown as { internalStream(type: 'uint8array'): ChunkStream }).internalStream('uint8array');
    let size = 0;
    let done = false;
    const chunks: Uint8Array[] = [];
    stream
      .on('data', (chunk) => {
        if (done) return;
        size += chunk.length;
        if (size > limit) {
          done = true;
          stream.pause();
          resolve(null);
        } else if (keep) {
          chunks.push(chunk);
        }
      })
      .on('error', (e) => {
        if (!done) reject(e);
        done = true;
      })
      .on('end', () => {
        if (!done) resolve({ size, chunks });
        done = true;
      })
      .resume();
  });
}

export function joinChunks(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return all;
}

function savedAtFrom(bytes: Uint8Array): string | null {
  const xml = new TextDecoder().decode(bytes);
  const m = /<dcterms:modified[^>]*>([^<]+)</.exec(xml);
  return m ? m[1].trim() : null;
}

/**
 * Every entry is unpacked within the limits, so a lie anywhere in the
 * package is caught; the entries `keep` names are handed back unpacked, so
 * a reader need not unpack them again.
 */
export async function inspectPackage(
  bytes: Uint8Array,
  keep: (name: string) => boolean = () => false,
): Promise<{ problem: MergeProblem } | PackageFacts> {
  const sniffed = sniffFile(bytes);
  if (sniffed) return { problem: sniffed };
  const directory = readZipDirectory(bytes);
  if ('problem' in directory) return directory;
  const claimed = zipDirectoryProblem(directory.entries);
  if (claimed) return { problem: claimed };
  const declared = new Map(directory.entries.map((e) => [e.name, e.uncompressedSize]));

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    return { problem: mergeProblem('ZIP_CORRUPT', `Tệp .xlsx bị hỏng, không mở được (${(e as Error).message}). Hãy xin đơn vị gửi lại.`) };
  }
  let budget = INPUT_LIMITS.maxUnpackedBytes;
  let savedAt: string | null = null;
  const parts = new Map<string, Uint8Array>();
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const limit = Math.min(budget, declared.get(file.name) ?? budget);
    const isCore = file.name === 'docProps/core.xml';
    const kept = keep(file.name);
    let unpacked;
    try {
      unpacked = await unpackBounded(file, limit, isCore || kept);
    } catch (e) {
      return { problem: mergeProblem('ZIP_CORRUPT', `Tệp .xlsx bị hỏng: thành phần ${file.name} không giải nén được (${(e as Error).message}).`) };
    }
    if (!unpacked) return { problem: unpackedMoreThanDeclared(file.name, limit) };
    budget -= unpacked.size;
    if (isCore) savedAt = savedAtFrom(joinChunks(unpacked.chunks));
    if (kept) parts.set(file.name, joinChunks(unpacked.chunks));
  }
  return { savedAt, parts };
}
