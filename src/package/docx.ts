/**
 * Reads a Word document (.docx) the way Word opens it: the package's
 * relationships lead to the main document part, whose content type must say
 * it is one; its body's paragraphs and tables are read as Word shows them
 * (automatic numbering included; hidden, deleted and field-code text and
 * text boxes left out), and pictures are named. A legacy .doc, a protected
 * file, a package with a DTD or one too large to be a rubric is refused
 * with a Vietnamese message. Pure over bytes: the CLI and the task pane run
 * the same code.
 */
import { DocumentReadError, type DocumentReader } from '../app/ports';
import type { WordDocument } from '../rubric/import/document';
import { DOCX_TEXT } from '../text/rubric-import';
import { partText } from './xml';
import { readBody } from './docx-body';
import { CONTENT_TYPES_PART, contentTypeOf, contentTypes, partKey, relationships, relationshipsPartOf } from './parts';
import { crc32, readZipDirectory, unpackEntry, type ZipEntryInfo } from './zip';
import { readNumbering } from './docx-numbering';

export { DocumentReadError };

export const DOCX_LIMITS = {
  /** A rubric document with a few pictures is well under this. */
  maxFileBytes: 50 * 1024 * 1024,
  /** What the parts read may unpack to, together. */
  maxPartBytes: 100 * 1024 * 1024,
};

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

const MAIN_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  'application/vnd.ms-word.document.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml',
  'application/vnd.ms-word.template.macroEnabledTemplate.main+xml',
]);

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Array.from(text, (c) => c.charCodeAt(0));
  outer: for (let i = 0; i + needle.length * 2 <= bytes.length; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + 2 * k] !== needle[k] || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

function sniff(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new DocumentReadError('EMPTY', DOCX_TEXT.empty);
  if (bytes.length > DOCX_LIMITS.maxFileBytes) throw new DocumentReadError('TOO_LARGE', DOCX_TEXT.tooLarge(bytes.length, DOCX_LIMITS.maxFileBytes));
  if (startsWith(bytes, OLE)) {
    if (containsUtf16(bytes, 'EncryptedPackage')) throw new DocumentReadError('ENCRYPTED', DOCX_TEXT.encrypted);
    throw new DocumentReadError('LEGACY_DOC', DOCX_TEXT.legacyDoc);
  }
  if (bytes[0] === 0x7b && new TextDecoder().decode(bytes.subarray(0, 5)) === '{\\rtf') throw new DocumentReadError('LEGACY_DOC', DOCX_TEXT.rtf);
  if (!startsWith(bytes, ZIP)) throw new DocumentReadError('NOT_DOCX', DOCX_TEXT.notDocx);
}

/** The package's parts, found case-insensitively as part names are compared, each unpacked within the limits. */
class Package {
  private readonly entries = new Map<string, ZipEntryInfo>();
  private unpacked = 0;

  constructor(private readonly bytes: Uint8Array) {
    const directory = readZipDirectory(bytes);
    if ('damage' in directory) throw new DocumentReadError('CORRUPT', DOCX_TEXT.corrupt(DOCX_TEXT.zipDamage[directory.damage]));
    for (const entry of directory.entries) {
      const key = partKey(entry.name);
      if (this.entries.has(key)) throw new DocumentReadError('CORRUPT', DOCX_TEXT.corrupt(DOCX_TEXT.duplicateEntry(entry.name)));
      this.entries.set(key, entry);
    }
  }

  /** The part's text, or undefined when the package has no such part. Refuses a DTD. */
  read(partName: string): string | undefined {
    const entry = this.entries.get(partKey(partName));
    if (entry === undefined) return undefined;
    if (entry.method !== 0 && entry.method !== 8) throw new DocumentReadError('CORRUPT', DOCX_TEXT.corruptPart(entry.name, DOCX_TEXT.unknownMethod(entry.method)));
    if (entry.flags & 1) throw new DocumentReadError('ENCRYPTED', DOCX_TEXT.corruptPart(entry.name, DOCX_TEXT.encryptedEntries));
    const budget = DOCX_LIMITS.maxPartBytes - this.unpacked;
    if (entry.uncompressedSize > budget) throw new DocumentReadError('TOO_LARGE', DOCX_TEXT.partTooLarge(entry.name, DOCX_LIMITS.maxPartBytes));
    // Never more than the directory declares: an entry that lies is stopped there.
    const unpacked = unpackEntry(this.bytes, entry, entry.uncompressedSize);
    if ('over' in unpacked) throw new DocumentReadError('CORRUPT', DOCX_TEXT.corruptPart(entry.name, DOCX_TEXT.moreThanDeclared));
    if ('damaged' in unpacked) throw new DocumentReadError('CORRUPT', DOCX_TEXT.corruptPart(entry.name, DOCX_TEXT.damagedEntry));
    if (crc32(unpacked.data) !== entry.crc) throw new DocumentReadError('CORRUPT', DOCX_TEXT.corruptPart(entry.name, DOCX_TEXT.crcMismatch));
    this.unpacked += unpacked.data.length;
    const text = partText(unpacked.data);
    if (/<!DOCTYPE/i.test(text)) throw new DocumentReadError('DOCTYPE', DOCX_TEXT.doctype(entry.name));
    return text;
  }
}

/** The main document part, found as Word finds it: the package's officeDocument relationship, of a document's content type. */
function mainPart(pkg: Package): string {
  const rels = pkg.read('_rels/.rels');
  if (rels === undefined) throw new DocumentReadError('NOT_DOCX', DOCX_TEXT.noRelationships);
  const rel = relationships(rels, '').find((r) => r.kind === 'officeDocument');
  if (!rel) throw new DocumentReadError('NOT_DOCX', DOCX_TEXT.noMainPart);
  const typesXml = pkg.read(CONTENT_TYPES_PART);
  const type = typesXml === undefined ? undefined : contentTypeOf(contentTypes(typesXml), rel.target);
  if (!type || !MAIN_TYPES.has(type)) {
    const what = type?.includes('spreadsheetml') ? DOCX_TEXT.spreadsheet : type?.includes('presentationml') ? DOCX_TEXT.presentation : DOCX_TEXT.contentType(type);
    throw new DocumentReadError('NOT_DOCX', DOCX_TEXT.mainPartIs(`/${rel.target}`, what));
  }
  return rel.target;
}

/** The document's body as the rubric importer reads it. Throws DocumentReadError with a Vietnamese message. */
export function readDocx(bytes: Uint8Array): WordDocument {
  sniff(bytes);
  const pkg = new Package(bytes);
  const main = mainPart(pkg);
  const xml = pkg.read(main);
  if (xml === undefined) throw new DocumentReadError('CORRUPT', DOCX_TEXT.mainPartMissing(main));
  const rels = relationships(pkg.read(relationshipsPartOf(main)), main);
  const partOf = (suffix: string) => {
    const r = rels.find((x) => x.type.endsWith(suffix));
    return r ? pkg.read(r.target) : undefined;
  };
  const images = new Map<string, string>();
  for (const r of rels) {
    if (!r.type.endsWith('/image')) continue;
    const file = r.target.slice(r.target.lastIndexOf('/') + 1);
    images.set(r.id, file.includes('.') ? file.slice(0, file.lastIndexOf('.')) : file);
  }
  const numbering = readNumbering(partOf('/numbering'), partOf('/styles'));
  return { blocks: readBody(xml, images, numbering) };
}

/** The application layer's DocumentReader, filled by this package layer. Runs in the browser too. */
export const docxReader: DocumentReader = { read: readDocx };
