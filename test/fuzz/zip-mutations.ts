/**
 * Package-level damage to a returned workbook: entries dropped, duplicated,
 * swapped, renamed or with garbled XML, then raw bytes flipped or cut off.
 * Every case is plain data, so fast-check prints it and a failure can be
 * copied into the regression corpus as is.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import * as zlib from 'zlib';
import { zipOf, type RawEntry } from '../support/fixtures';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** Text spliced anywhere into an entry's XML: markup breakers and values no writer would produce. */
export const XML_SNIPPETS = [
  '<',
  '>',
  '&',
  '&nope;',
  '"',
  '<!--',
  ']]>',
  '<![CDATA[x',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
  '\u0000',
  '\uFFFE',
  '\uD800',
  '</sheetData>',
  '</worksheet>',
  '<c r="A0"><v>1</v></c>',
  '<c r="XFD1048576" t="s"><v>999999</v></c>',
  '<c r="H12" t="e"><v>#REF!</v></c>',
  '<v>1e309</v>',
  '<v>NaN</v>',
  '<v>-0</v>',
  '<f>1/0</f>',
  '<f t="shared" si="999"/>',
  ' t="s"',
  ' t="d"',
  ' s="99999"',
  ' r="A1048577"',
];

const SHEET = 'xl/worksheets/sheet1.xml';
const META_SHEET = 'xl/worksheets/sheet2.xml';
const WORKBOOK = 'xl/workbook.xml';
const FAR_ROW = '<row r="999999999"><c r="A999999999"><v>1</v></c></row>';
const MAIN = '&apos;Tự chấm điểm&apos;';

/**
 * Children a reader acts on, by the part and container they belong in:
 * spliced at random they would mostly just break the XML.
 */
export const INJECTIONS: { entry: string; inside: string; children: string[] }[] = [
  { entry: SHEET, inside: '<cols', children: ['<col min="1" max="999999999" width="9"/>', '<col min="0" max="-5" width="9"/>'] },
  { entry: SHEET, inside: '<mergeCells', children: ['<mergeCell ref="A1:XFD1048576"/>', '<mergeCell ref="H12:J20"/>', '<mergeCell ref="Z9:A1"/>'] },
  {
    entry: SHEET,
    inside: '<dataValidations',
    children: ['<dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation>', '<dataValidation sqref="ZZZZ1"/>'],
  },
  { entry: SHEET, inside: '<sheetData', children: [FAR_ROW, '<row r="0"/>', '<row r="12"><c r="H12"><v>1e309</v></c></row>'] },
  { entry: META_SHEET, inside: '<sheetData', children: [FAR_ROW, '<row r="1"><c r="A1" t="s"><v>999999</v></c></row>'] },
  {
    entry: WORKBOOK,
    inside: '<definedNames',
    children: [
      `<definedName name="Ca_trang">${MAIN}!$A$1:$XFD$1048576</definedName>`,
      `<definedName name="Xa">${MAIN}!$B$999999999</definedName>`,
      `<definedName name="Dai">${MAIN}!$A$1:$A$5000</definedName>`,
      '<definedName name="TC_01">#REF!</definedName>',
      `<definedName name="TC_01">${MAIN}!$H$13</definedName>`,
    ],
  },
  { entry: WORKBOOK, inside: '<sheets', children: ['<sheet name="Thừa" sheetId="99" r:id="rId99"/>', '<sheet name="ChamDiem_Meta" sheetId="3" r:id="rId1"/>'] },
];

/** `between`: the edit moves just past the next '>', where a whole element keeps the XML well formed. */
export type XmlEdit = { at: number; between: boolean; remove: number; insert: string };

export type EntryOp =
  | { op: 'drop'; entry: number }
  | { op: 'duplicate'; entry: number; content: 'same' | 'other'; other: number }
  | { op: 'garble'; entry: number; edits: XmlEdit[] }
  | { op: 'swap'; a: number; b: number }
  | { op: 'rename'; entry: number; to: 'leading-slash' | 'upper-case' | 'backslash' | 'suffix' }
  | { op: 'inject'; entry: string; inside: string; insert: string };

export type RawOp = { op: 'truncate'; at: number } | { op: 'flip'; at: number; xor: number };

export interface ZipCase {
  base: number;
  entryOps: EntryOp[];
  /** How the entries are packed again after entry operations. */
  packing: 'deflate' | 'stored';
  rawOps: RawOp[];
}

/** A position as a fraction of whatever it lands in, so one case fits any base. */
const fraction = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000);
const index = fc.nat({ max: 63 });

const xmlEdit: fc.Arbitrary<XmlEdit> = fc.record({
  at: fraction,
  between: fc.boolean(),
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 64 }), fc.constant(Number.MAX_SAFE_INTEGER)),
  insert: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...XML_SNIPPETS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 16 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 16 }) },
    { weight: 1, arbitrary: fc.constant('') },
  ),
});

const entryOp: fc.Arbitrary<EntryOp> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), entry: index }),
  fc.record({ op: fc.constant('duplicate' as const), entry: index, content: fc.constantFrom('same' as const, 'other' as const), other: index }),
  { weight: 3, arbitrary: fc.record({ op: fc.constant('garble' as const), entry: index, edits: fc.array(xmlEdit, { minLength: 1, maxLength: 3 }) }) },
  fc.record({ op: fc.constant('swap' as const), a: index, b: index }),
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(...INJECTIONS)
      .chain(({ entry, inside, children }) =>
        fc.record({ op: fc.constant('inject' as const), entry: fc.constant(entry), inside: fc.constant(inside), insert: fc.constantFrom(...children) }),
      ),
  },
  fc.record({
    op: fc.constant('rename' as const),
    entry: index,
    to: fc.constantFrom('leading-slash' as const, 'upper-case' as const, 'backslash' as const, 'suffix' as const),
  }),
);

const rawOp: fc.Arbitrary<RawOp> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fraction }),
  { weight: 3, arbitrary: fc.record({ op: fc.constant('flip' as const), at: fraction, xor: fc.integer({ min: 1, max: 255 }) }) },
);

export function zipCaseArb(bases: number): fc.Arbitrary<ZipCase> {
  return fc
    .record({
      base: fc.nat({ max: bases - 1 }),
      entryOps: fc.array(entryOp, { maxLength: 3 }),
      packing: fc.constantFrom('deflate' as const, 'stored' as const),
      // Raw damage mostly ends in a refusal; entry-level damage explores further.
      rawOps: fc.oneof({ weight: 2, arbitrary: fc.constant<RawOp[]>([]) }, fc.array(rawOp, { minLength: 1, maxLength: 3 })),
    })
    .filter((c) => c.entryOps.length + c.rawOps.length > 0);
}

export async function unzipEntries(bytes: Buffer): Promise<ZipEntry[]> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.values(zip.files).filter((f) => !f.dir);
  return Promise.all(files.map(async (f) => ({ name: f.name, data: await f.async('nodebuffer') })));
}

/** An entry packed as given: already deflated, its directory declaring whatever size it is told. */
export interface RawZipEntry {
  name: string;
  deflated: Buffer;
  declaredSize: number;
  /** The true CRC-32 where the case means the entry to be sound; 0 otherwise. */
  crc?: number;
}

/**
 * A zip with exactly these entries, in this order, duplicates included
 * (JSZip refuses to write two entries of one name), and raw entries that may
 * lie about their size.
 */
export function packZip(entries: (ZipEntry | RawZipEntry)[], packing: 'deflate' | 'stored'): Buffer {
  return zipOf(
    entries.map((e): RawEntry => {
      if ('deflated' in e) return { name: e.name, method: 8, data: e.deflated, uncompressedSize: e.declaredSize, crc: e.crc };
      const deflate = packing === 'deflate';
      return {
        name: e.name,
        method: deflate ? 8 : 0,
        data: deflate ? zlib.deflateRawSync(e.data) : e.data,
        uncompressedSize: e.data.length,
        crc: zlib.crc32(e.data),
      };
    }),
  );
}

function garble(data: Buffer, edits: XmlEdit[]): Buffer {
  // Latin-1 keeps every byte as one character, so edits never land inside a re-encoded sequence.
  let text = data.toString('latin1');
  for (const { at, between, remove, insert } of edits) {
    let i = Math.floor(at * text.length);
    if (between) i = text.indexOf('>', i) + 1 || text.length;
    text = text.slice(0, i) + Buffer.from(insert, 'utf8').toString('latin1') + text.slice(Math.min(text.length, i + remove));
  }
  return Buffer.from(text, 'latin1');
}

const RENAMES: Record<Extract<EntryOp, { op: 'rename' }>['to'], (name: string) => string> = {
  'leading-slash': (n) => `/${n}`,
  'upper-case': (n) => n.toUpperCase(),
  backslash: (n) => n.replace(/\//g, '\\'),
  suffix: (n) => `${n}.bak`,
};

export function applyEntryOp(entries: ZipEntry[], op: EntryOp): ZipEntry[] {
  if (entries.length === 0) return entries;
  const at = (i: number) => i % entries.length;
  const out = [...entries];
  switch (op.op) {
    case 'drop':
      out.splice(at(op.entry), 1);
      return out;
    case 'duplicate': {
      const e = entries[at(op.entry)];
      out.push({ name: e.name, data: op.content === 'same' ? e.data : entries[at(op.other)].data });
      return out;
    }
    case 'garble': {
      const e = entries[at(op.entry)];
      out[at(op.entry)] = { name: e.name, data: garble(e.data, op.edits) };
      return out;
    }
    case 'swap': {
      const [a, b] = [at(op.a), at(op.b)];
      out[a] = { name: entries[a].name, data: entries[b].data };
      out[b] = { name: entries[b].name, data: entries[a].data };
      return out;
    }
    case 'rename': {
      const e = entries[at(op.entry)];
      out[at(op.entry)] = { name: RENAMES[op.to](e.name), data: e.data };
      return out;
    }
    case 'inject': {
      const i = entries.findIndex((e) => e.name === op.entry);
      if (i < 0) return out;
      const text = entries[i].data.toString('utf8');
      const tag = text.indexOf(op.inside);
      if (tag < 0) return out;
      const after = text.indexOf('>', tag) + 1;
      out[i] = { name: op.entry, data: Buffer.from(text.slice(0, after) + op.insert + text.slice(after), 'utf8') };
      return out;
    }
  }
}

export function applyRawOp(bytes: Buffer, op: RawOp): Buffer {
  if (bytes.length === 0) return bytes;
  const i = Math.min(bytes.length - 1, Math.floor(op.at * bytes.length));
  if (op.op === 'truncate') return bytes.subarray(0, i);
  const out = Buffer.from(bytes);
  out[i] ^= op.xor;
  return out;
}

export async function applyZipCase(base: Buffer, c: ZipCase): Promise<Buffer> {
  let bytes = base;
  if (c.entryOps.length > 0) {
    let entries = await unzipEntries(base);
    for (const op of c.entryOps) entries = applyEntryOp(entries, op);
    bytes = packZip(entries, c.packing);
  }
  for (const op of c.rawOps) bytes = applyRawOp(bytes, op);
  return bytes;
}
