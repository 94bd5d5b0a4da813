/**
 * Opens a returned file in one pass: the gate (kind of file, size, zip
 * directory), then every entry unpacked within its declared size and the
 * package limit and checked against its CRC-32, so a lie or damage anywhere
 * in the package is caught. The XML parts, by their content types, are
 * refused when they declare a DOCTYPE and kept as text for the reader, which
 * never touches the zip again.
 */
import { mergeProblem, type MergeProblem } from '../merge/problems';
import { ZIP_TEXT } from '../text/messages';
import { damaged, directoryOf, INPUT_LIMITS, sniffFile, unpackedMoreThanDeclared, zipDirectoryProblem } from './guard';
import { CONTENT_TYPES_PART, contentTypeOf, contentTypes, isXmlType, partKey, PartTexts, type ContentTypes } from './parts';
import { declaresDoctype, partText } from './xml';
import { fflateCodec, type DeflateCodec } from './codec';
import { crc32, unpackEntry, type ZipEntryInfo } from './zip';

export interface OpenedPackage {
  /** dcterms:modified of the core properties: when the workbook was last saved. */
  savedAt: string | null;
  /** The text of every XML part, by its name in the zip. */
  parts: Map<string, string>;
}

type Opened<T> = { problem: MergeProblem } | T;

/** Two entries of one part name (names compared as packages compare them, M1.12): which one is the part is anyone's guess. */
function duplicateEntryProblem(entries: ZipEntryInfo[]): MergeProblem | null {
  const seen = new Set<string>();
  for (const { name } of entries) {
    if (name.endsWith('/')) continue;
    const key = partKey(name);
    if (seen.has(key)) return mergeProblem('ZIP_DUPLICATE_ENTRY', ZIP_TEXT.duplicateEntry(name));
    seen.add(key);
  }
  return null;
}

/** Every entry unpacked, within the limits and true to its CRC-32. */
function unpackAll(
  bytes: Uint8Array,
  entries: ZipEntryInfo[],
  codec: DeflateCodec,
): Opened<{ files: { name: string; data: Uint8Array }[] }> {
  let budget = INPUT_LIMITS.maxUnpackedBytes;
  const files: { name: string; data: Uint8Array }[] = [];
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const limit = Math.min(budget, entry.uncompressedSize);
    const unpacked = unpackEntry(bytes, entry, limit, codec);
    if ('over' in unpacked) return { problem: unpackedMoreThanDeclared(entry.name, limit) };
    if ('damaged' in unpacked) return { problem: damaged(ZIP_TEXT.partDamaged(entry.name)) };
    if (crc32(unpacked.data) !== entry.crc) return { problem: mergeProblem('ZIP_CRC_MISMATCH', ZIP_TEXT.crcMismatch(entry.name)) };
    budget -= unpacked.data.length;
    files.push({ name: entry.name, data: unpacked.data });
  }
  return { files };
}

/** A part is XML when its content type says so; relationship parts and the content types always are. */
function isXmlPart(types: ContentTypes | null, name: string): boolean {
  if (partKey(name) === CONTENT_TYPES_PART || /\.rels$/i.test(name)) return true;
  return types === null ? /\.xml$/i.test(name) : isXmlType(contentTypeOf(types, name));
}

/** The XML parts' text; a DOCTYPE in any of them refuses the package. */
function xmlParts(files: { name: string; data: Uint8Array }[]): Opened<{ parts: Map<string, string> }> {
  const declared = files.find((f) => partKey(f.name) === CONTENT_TYPES_PART);
  const types = declared === undefined ? null : contentTypes(partText(declared.data));
  const parts = new Map<string, string>();
  for (const { name, data } of files) {
    if (!isXmlPart(types, name)) continue;
    const xml = partText(data);
    if (declaresDoctype(xml)) return { problem: mergeProblem('XML_DOCTYPE', ZIP_TEXT.doctype(name)) };
    parts.set(name, xml);
  }
  return { parts };
}

/** When the core properties the package's relationship points at say it was last saved. */
function savedAtOf(parts: PartTexts): string | null {
  const core = parts.relationships('').find((r) => r.kind === 'coreProperties');
  const xml = core === undefined ? undefined : parts.text(core.target);
  const m = xml === undefined ? null : /<dcterms:modified[^>]*>([^<]+)</.exec(xml);
  return m ? m[1].trim() : null;
}

export function openPackage(bytes: Uint8Array, codec: DeflateCodec = fflateCodec): Opened<OpenedPackage> {
  const sniffed = sniffFile(bytes);
  if (sniffed) return { problem: sniffed };
  const directory = directoryOf(bytes);
  if ('problem' in directory) return directory;
  const claimed = zipDirectoryProblem(directory.entries) ?? duplicateEntryProblem(directory.entries);
  if (claimed) return { problem: claimed };
  const unpacked = unpackAll(bytes, directory.entries, codec);
  if ('problem' in unpacked) return unpacked;
  const xml = xmlParts(unpacked.files);
  if ('problem' in xml) return xml;
  return { savedAt: savedAtOf(new PartTexts(xml.parts)), parts: xml.parts };
}
