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
import type { WordBlock, WordCell, WordDocument } from '../rubric/import/document';
import { DOCX_TEXT } from '../text/rubric';
import { attribute, decodeXml, partText, scanXml } from './xml';
import { CONTENT_TYPES_PART, contentTypeOf, contentTypes, partKey, relationships, relationshipsPartOf } from './parts';
import { crc32, readZipDirectory, unpackEntry, type ZipEntryInfo } from './zip';
import { readNumbering, type Numbering } from './docx-numbering';

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

const SKIP_CONTENT = new Set([
  'drawing', 'pict', 'object', 'Fallback', 'del', 'moveFrom', 'sdtPr', 'instrText', 'delText', 'delInstrText',
  'pPrChange', 'rPrChange', 'tcPrChange', 'trPrChange', 'tblPrChange', 'numberingChange', 'sectPrChange',
]);
const OFF = new Set(['0', 'false', 'off']);

interface TableBuild {
  rows: WordCell[][];
  row: WordCell[] | null;
  cell: (WordCell & { mergesLeft: boolean }) | null;
  column: number;
}

/** The body's blocks, from the main part's XML. */
function readBody(xml: string, images: Map<string, string>, numbering: Numbering): WordBlock[] {
  const blocks: WordBlock[] = [];
  const tables: TableBuild[] = [];
  let paragraph: { text: string; numId?: string; ilvl?: number; style?: string; inPPr: boolean } | null = null;
  let run: { hidden: boolean; inRPr: boolean } | null = null;
  let skipping = 0;
  let inText = false;
  const cell = () => tables[tables.length - 1]?.cell ?? null;
  const append = (s: string) => {
    if (paragraph && run && !run.hidden && skipping === 0) paragraph.text += s;
  };

  scanXml(xml, {
    open(name, attrs, selfClosing) {
      if (SKIP_CONTENT.has(name)) {
        if (!selfClosing) skipping++;
        return;
      }
      if (name === 'blip' || name === 'imagedata') {
        const target = images.get(attribute(attrs, 'embed') ?? attribute(attrs, 'id') ?? '');
        const c = cell();
        if (target && c) c.images.push(target);
        return;
      }
      if (skipping > 0) return;
      const table = tables[tables.length - 1];
      switch (name) {
        case 'tbl':
          tables.push({ rows: [], row: null, cell: null, column: 0 });
          break;
        case 'tr':
          if (table) [table.row, table.column] = [[], 0];
          break;
        case 'gridBefore':
          if (table) table.column += Number(attribute(attrs, 'val') ?? 0);
          break;
        case 'tc':
          if (table) table.cell = { column: table.column, span: 1, continuesAbove: false, paragraphs: [], images: [], mergesLeft: false };
          break;
        case 'gridSpan':
          if (table?.cell) table.cell.span = Math.max(1, Number(attribute(attrs, 'val') ?? 1));
          break;
        case 'vMerge':
          if (table?.cell) table.cell.continuesAbove = (attribute(attrs, 'val') ?? 'continue') !== 'restart';
          break;
        case 'hMerge':
          if (table?.cell) table.cell.mergesLeft = (attribute(attrs, 'val') ?? 'continue') !== 'restart';
          break;
        case 'p':
          paragraph = { text: '', inPPr: false };
          break;
        case 'pPr':
          if (paragraph && !run) paragraph.inPPr = !selfClosing;
          break;
        case 'pStyle':
          if (paragraph?.inPPr) paragraph.style = attribute(attrs, 'val');
          break;
        case 'numId':
          if (paragraph?.inPPr) paragraph.numId = attribute(attrs, 'val');
          break;
        case 'ilvl':
          if (paragraph?.inPPr) paragraph.ilvl = Number(attribute(attrs, 'val') ?? 0);
          break;
        case 'r':
          if (!selfClosing) run = { hidden: false, inRPr: false };
          break;
        case 'rPr':
          if (run) run.inRPr = !selfClosing;
          break;
        case 'vanish':
          if (run?.inRPr) run.hidden = !OFF.has((attribute(attrs, 'val') ?? '').toLowerCase());
          break;
        case 't':
          inText = !selfClosing;
          break;
        case 'tab':
          if (run && !run.inRPr) append('\t');
          break;
        case 'br':
        case 'cr':
          if (run && !run.inRPr) append('\n');
          break;
        case 'noBreakHyphen':
          append('-');
          break;
      }
    },
    close(name) {
      if (SKIP_CONTENT.has(name)) {
        skipping = Math.max(0, skipping - 1);
        return;
      }
      if (skipping > 0) return;
      const table = tables[tables.length - 1];
      switch (name) {
        case 't':
          inText = false;
          break;
        case 'rPr':
          if (run) run.inRPr = false;
          break;
        case 'r':
          run = null;
          break;
        case 'pPr':
          if (paragraph) paragraph.inPPr = false;
          break;
        case 'p': {
          if (!paragraph) break;
          const text = numbering.label(paragraph.numId, paragraph.ilvl, paragraph.style) + paragraph.text;
          const c = cell();
          if (c) c.paragraphs.push(text);
          else if (tables.length === 0) blocks.push({ kind: 'paragraph', text });
          paragraph = null;
          break;
        }
        case 'tc':
          if (table?.row && table.cell) {
            const { mergesLeft, ...done } = table.cell;
            const left = table.row[table.row.length - 1];
            if (mergesLeft && left) left.span += done.span;
            else table.row.push(done);
            table.column += done.span;
            table.cell = null;
          }
          break;
        case 'tr':
          if (table?.row) table.rows.push(table.row);
          if (table) table.row = null;
          break;
        case 'tbl': {
          const done = tables.pop();
          if (!done) break;
          const outer = cell();
          if (outer) {
            // A table inside a cell is read as the cell's further paragraphs.
            for (const row of done.rows) for (const c of row) outer.paragraphs.push(...c.paragraphs), outer.images.push(...c.images);
          } else {
            blocks.push({ kind: 'table', table: { rows: done.rows } });
          }
          break;
        }
      }
    },
    text(raw, cdata) {
      if (inText) append(cdata ? raw : decodeXml(raw));
    },
  });
  return blocks;
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
