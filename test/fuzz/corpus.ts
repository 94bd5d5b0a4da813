/**
 * The regression corpus: every hostile input that once crashed or hung
 * `chamdiem check` or `chamdiem merge`, and the hand-made ones worth keeping,
 * each built from the valid bases in the test run (no binaries committed)
 * with the outcome it must keep.
 */
import ExcelJS from 'exceljs';
import { Readable, Writable } from 'stream';
import { pipeline } from 'stream/promises';
import * as zlib from 'zlib';
import { addressOf, type Base } from './bases';
import { applyCellCase, type CellCase } from './cell-mutations';
import type { CheckStatus, MergeStatus } from './harness';
import { applyZipCase, packZip, unzipEntries, type RawZipEntry, type ZipCase, type ZipEntry } from './zip-mutations';
import { zipOf, type RawEntry } from '../support/fixtures';
import { editWorkbook, namedCell, removeNames } from '../support/workbooks';
import { COL } from '../../src/layout/plan';

export interface Expected {
  /** With a code: error.code when unreadable, otherwise a problem code that must be among them. */
  check: { status: CheckStatus; code?: string; message?: RegExp };
  merge: { status: MergeStatus; code?: string };
  /** Invalid entries count nothing: check and merge give the total of this base with these names blank. */
  countsAsBlank?: { base: number; names: string[] };
}

export interface CorpusCase {
  name: string;
  description: string;
  /** Found by the fuzzer (with the seed that found it), or made by hand. */
  origin: string;
  build: (bases: Base[]) => Promise<Buffer>;
  expected: Expected;
  /** LibreOffice opens the file and decides its total: check must read what LibreOffice recalculates. */
  truth?: 'libreoffice';
}

const MAIN = "&apos;Tự chấm điểm&apos;";
const BY_HAND = 'by hand';

/** The complete base with one package entry's text rewritten. */
function rewrite(entry: string, edit: (xml: string) => string, base = 0): (bases: Base[]) => Promise<Buffer> {
  return async (bases) => {
    const entries = await unzipEntries(bases[base].bytes);
    const target = entries.find((e) => e.name === entry);
    if (!target) throw new Error(`no ${entry} in the base`);
    const edited = edit(target.data.toString('utf8'));
    if (edited === target.data.toString('utf8')) throw new Error(`the edit of ${entry} changed nothing`);
    return packZip(
      entries.map((e) => (e === target ? { name: e.name, data: Buffer.from(edited, 'utf8') } : e)),
      'deflate',
    );
  };
}

function entries(edit: (entries: ZipEntry[]) => (ZipEntry | RawZipEntry)[]): (bases: Base[]) => Promise<Buffer> {
  return async (bases) => packZip(edit(await unzipEntries(bases[0].bytes)), 'deflate');
}

function edited(edit: (wb: ExcelJS.Workbook) => void): (bases: Base[]) => Promise<Buffer> {
  return (bases) => editWorkbook(bases[0].bytes, edit);
}

const zipCase = (c: ZipCase) => (bases: Base[]) => applyZipCase(bases[c.base].bytes, c);
const cellCase = (c: CellCase) => async (bases: Base[]) => {
  const bytes = await applyCellCase(bases[c.base].bytes, c);
  if (!bytes) throw new Error('ExcelJS could not write the case');
  return bytes;
};

/** Puts raw XML into the cell element at this address, whatever it held; its style stays. */
const cellXml = (address: string, inner: string) => (xml: string) => {
  const out = xml.replace(new RegExp(`<c r="${address}"((?: [^>/]*)?)(?:/>|>.*?</c>)`), (_, attrs: string) => `<c r="${address}"${attrs.replace(/ t="\w+"/, '')}>${inner}</c>`);
  if (out === xml) throw new Error(`no cell ${address}`);
  return out;
};

// Function replacements: the references' "$1" would otherwise read as a capture group.
const addName = (name: string, ref: string) => (xml: string) =>
  xml.replace('</definedNames>', () => `<definedName name="${name}">${ref}</definedName></definedNames>`);

const moveName = (name: string, ref: string) => (xml: string) =>
  xml.replace(new RegExp(`<definedName name="${name}">[^<]*</definedName>`), () => `<definedName name="${name}">${ref}</definedName>`);

const absolute = (address: string) => address.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');

/**
 * What a spreadsheet program saves after one cell is cut and pasted onto
 * another: the cell's content moves, the names of the cut cell follow it and
 * those of the cell pasted over become #REF!.
 */
function cutAndPaste(from: string, to: string): (bases: Base[]) => Promise<Buffer> {
  const [source, target] = [addressOf(from), addressOf(to)];
  return async (bases) => {
    const edits: [string, (xml: string) => string][] = [
      [
        'xl/worksheets/sheet1.xml',
        (xml) => {
          const cell = new RegExp(`<c r="${source}"((?: [^>/]*)?)(/>|>.*?</c>)`).exec(xml);
          if (!cell) throw new Error(`no cell ${source}`);
          const over = new RegExp(`<c r="${target}"(?: [^>/]*)?(?:/>|>.*?</c>)`);
          if (!over.test(xml)) throw new Error(`no cell ${target}`);
          return xml.replace(over, () => `<c r="${target}"${cell[1]}${cell[2]}`).replace(cell[0], `<c r="${source}"/>`);
        },
      ],
      ['xl/workbook.xml', (xml) => moveName(from, `${MAIN}!${absolute(target)}`)(moveName(to, `${MAIN}!#REF!`)(xml))],
    ];
    let entries = await unzipEntries(bases[0].bytes);
    for (const [entry, edit] of edits) {
      entries = entries.map((e) => (e.name === entry ? { name: e.name, data: Buffer.from(edit(e.data.toString('utf8')), 'utf8') } : e));
    }
    return packZip(entries, 'deflate');
  };
}

/** Raw deflate of `bytes` zeros, streamed so they never sit in memory at once. */
async function deflatedZeros(bytes: number): Promise<Buffer> {
  const block = Buffer.alloc(1 << 20);
  const parts: Buffer[] = [];
  await pipeline(
    Readable.from(
      (function* () {
        for (let done = 0; done < bytes; done += block.length) yield block;
      })(),
    ),
    zlib.createDeflateRaw({ level: 9 }),
    new Writable({
      write(chunk: Buffer, _encoding, next) {
        parts.push(chunk);
        next();
      },
    }),
  );
  return Buffer.concat(parts);
}

/** The complete base with its sheet replaced by `bytes` zeros, the directory declaring `declared` bytes for it. */
function bomb(bytes: number, declared: number): (bases: Base[]) => Promise<Buffer> {
  return async (bases) => {
    const deflated = await deflatedZeros(bytes);
    const parts = (await unzipEntries(bases[0].bytes)).map((e) =>
      e.name === 'xl/worksheets/sheet1.xml' ? { name: e.name, deflated, declaredSize: declared } : e,
    );
    return packZip(parts, 'deflate');
  };
}

/** A part's entry, which the base must have. */
function part(es: ZipEntry[], name: string): ZipEntry {
  const found = es.find((e) => e.name === name);
  if (!found) throw new Error(`no ${name} in the base`);
  return found;
}

const text = (e: ZipEntry) => e.data.toString('utf8');
const withText = (name: string, xml: string): ZipEntry => ({ name, data: Buffer.from(xml, 'utf8') });

/** A new Override in [Content_Types].xml. */
const override = (partName: string, type: string) => (xml: string) =>
  xml.replace('</Types>', () => `<Override PartName="${partName}" ContentType="${type}"/></Types>`);

const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STRINGS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';

/**
 * The workbook part moved to xl/book/wb.xml, as other writers may place it:
 * its relationships move with it (targets one folder up), and the package's
 * relationship and content types follow.
 */
function relocateWorkbook(es: ZipEntry[]): ZipEntry[] {
  const moved = new Map([
    ['xl/workbook.xml', (e: ZipEntry) => ({ name: 'xl/book/wb.xml', data: e.data })],
    ['xl/_rels/workbook.xml.rels', (e: ZipEntry) => withText('xl/book/_rels/wb.xml.rels', text(e).replace(/Target="(?!\/)/g, 'Target="../'))],
    ['_rels/.rels', (e: ZipEntry) => withText(e.name, text(e).replace('Target="xl/workbook.xml"', 'Target="xl/book/wb.xml"'))],
    ['[Content_Types].xml', (e: ZipEntry) => withText(e.name, text(e).replace('PartName="/xl/workbook.xml"', 'PartName="/xl/book/wb.xml"'))],
  ]);
  for (const name of moved.keys()) part(es, name);
  return es.map((e) => moved.get(e.name)?.(e) ?? e);
}

/**
 * The complete base with its workbook at xl/book/wb.xml and, where a reader
 * that assumes the usual path looks, the workbook of another base: its own
 * sheets and strings under xl/decoy/, declared in the content types, but
 * referred to by nothing the package's relationships reach.
 */
async function withDecoy(bases: Base[]): Promise<Buffer> {
  const real = relocateWorkbook(await unzipEntries(bases[0].bytes));
  const other = await unzipEntries(bases[1].bytes);
  const decoyRels = text(part(other, 'xl/_rels/workbook.xml.rels'))
    .replace(/Target="worksheets\/(sheet\d+\.xml)"/g, 'Target="decoy/$1"')
    .replace('Target="sharedStrings.xml"', 'Target="decoy/sharedStrings.xml"');
  const decoy = [
    part(other, 'xl/workbook.xml'),
    withText('xl/_rels/workbook.xml.rels', decoyRels),
    { name: 'xl/decoy/sheet1.xml', data: part(other, 'xl/worksheets/sheet1.xml').data },
    { name: 'xl/decoy/sheet2.xml', data: part(other, 'xl/worksheets/sheet2.xml').data },
    { name: 'xl/decoy/sharedStrings.xml', data: part(other, 'xl/sharedStrings.xml').data },
  ];
  const types = part(real, '[Content_Types].xml');
  const declared = [
    override('/xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'),
    override('/xl/decoy/sheet1.xml', WORKSHEET_TYPE),
    override('/xl/decoy/sheet2.xml', WORKSHEET_TYPE),
    override('/xl/decoy/sharedStrings.xml', STRINGS_TYPE),
  ].reduce((xml, add) => add(xml), text(types));
  return packZip([...real.map((e) => (e === types ? withText(e.name, declared) : e)), ...decoy], 'deflate');
}

/**
 * `length` characters that deflate packs only 4–6×: words picked at
 * random. A block of 1 MB repeats, farther apart than deflate's 32 kB window
 * looks back, so the whole packs as densely as the block.
 */
function denseText(length: number): string {
  const words = ['báo', 'cáo', 'số', 'ngày', 'tháng', 'năm', 'hội', 'viên', 'phụ', 'nữ', 'kế', 'hoạch', 'chi', 'cơ', 'sở', 'xã'];
  let seed = 20260115;
  const parts: string[] = [];
  for (let size = 0; size < 1 << 20; ) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const word = words[(seed >>> 16) % words.length];
    parts.push(word, ' ');
    size += word.length + 1;
  }
  const block = parts.join('');
  return block.repeat(Math.ceil(length / block.length)).slice(0, length);
}

const clean: Expected = { check: { status: 'clean' }, merge: { status: 'valid' } };
const unreadable = (mergeCode: string, checkCode = 'UNREADABLE'): Expected => ({
  check: { status: 'unreadable', code: checkCode },
  merge: { status: 'rejected', code: mergeCode },
});
const rejected = (code: string): Expected => ({ check: { status: 'problems', code }, merge: { status: 'rejected', code } });
const bombRefused: Expected = {
  check: { status: 'unreadable', code: 'UNREADABLE', message: /có thể là tệp độc hại/ },
  merge: { status: 'rejected', code: 'ZIP_BOMB' },
};
/** Refused by the package guard for what the package standard forbids: check names the same code as the merge. */
const forbidden = (code: string, message: RegExp): Expected => ({
  check: { status: 'unreadable', code, message },
  merge: { status: 'rejected', code },
});
const warned = (code: string): Expected => ({ check: { status: 'problems', code }, merge: { status: 'warning', code } });
const uncounted = (base: number, ...names: string[]): Expected => ({ ...warned('INVALID_VALUE'), countsAsBlank: { base, names } });

export const CORPUS: CorpusCase[] = [
  // ---- hangs, crashes and blow-ups found, now fixed ---------------------------
  {
    name: 'name-over-the-whole-sheet',
    description: 'an extra defined name over A1:XFD1048576 (ExcelJS built 17 billion cells: hang, 4 GB)',
    origin: BY_HAND,
    build: rewrite('xl/workbook.xml', addName('Ca_trang', `${MAIN}!$A$1:$XFD$1048576`)),
    expected: clean,
  },
  {
    name: 'name-over-the-whole-sheet-in-pieces',
    description: 'a name of two areas, the second the whole sheet, on a sheet that does not exist (hang)',
    origin: BY_HAND,
    build: rewrite('xl/workbook.xml', addName('Hai_vung', `${MAIN}!$A$1,&apos;Không có&apos;!$A$1:$XFD$1048576`)),
    expected: clean,
  },
  {
    name: 'score-name-over-the-whole-sheet',
    description: 'TC_01 moved onto the whole sheet: no longer one cell (hang)',
    origin: BY_HAND,
    build: rewrite('xl/workbook.xml', moveName('TC_01', `${MAIN}!$A$1:$XFD$1048576`)),
    expected: rejected('NAME_MISSING'),
  },
  {
    name: 'name-past-the-grid',
    description: 'an extra name at row 999,999,999 (ExcelJS walked every row up to it: hang)',
    origin: BY_HAND,
    build: rewrite('xl/workbook.xml', addName('Xa', `${MAIN}!$A$999999999`)),
    expected: clean,
  },
  {
    name: 'score-name-past-the-grid',
    description: 'TC_01 moved to row 99,999,999 (12 s per read before): it names no cell',
    origin: BY_HAND,
    build: rewrite('xl/workbook.xml', moveName('TC_01', `${MAIN}!$H$99999999`)),
    expected: rejected('NAME_MISSING'),
  },
  {
    name: 'merge-over-the-whole-sheet',
    description: 'a merged range A1:XFD1048576 (ExcelJS merged cell by cell: hang)',
    origin: BY_HAND,
    build: rewrite('xl/worksheets/sheet1.xml', (x) => x.replace(/<mergeCell ref="[^"]+"\/>/, '<mergeCell ref="A1:XFD1048576"/>')),
    expected: clean,
  },
  {
    name: 'overlapping-merges-over-inputs',
    description: 'merges H12:J14 and H13:H14 overlap (no spreadsheet writes that; was unreadable)',
    origin: BY_HAND,
    build: rewrite('xl/worksheets/sheet1.xml', (x) => x.replace(/<mergeCell ref="[^"]+"\/>/, '<mergeCell ref="H12:J14"/><mergeCell ref="H13:H14"/>')),
    expected: clean,
  },
  {
    name: 'column-run-past-the-grid',
    description: 'a <col> from 20 to 2,000,000,000 (ExcelJS made a column object each: hang, 3.5 GB)',
    origin: BY_HAND,
    build: rewrite('xl/worksheets/sheet1.xml', (x) => x.replace('<cols>', '<cols><col min="20" max="2000000000" width="3"/>')),
    expected: clean,
  },
  {
    name: 'validation-over-the-whole-sheet',
    description: 'a data validation over A1:XFD1048576 (ExcelJS indexed every address: hang)',
    origin: 'zip fuzzing of the unfixed reader, FUZZ_SEED=647818216',
    build: zipCase({
      base: 2,
      entryOps: [
        {
          op: 'inject',
          entry: 'xl/worksheets/sheet1.xml',
          inside: '<dataValidations',
          insert: '<dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation>',
        },
      ],
      packing: 'deflate',
      rawOps: [],
    }),
    expected: warned('UNSCORED'),
  },
  {
    name: 'metadata-row-far-down',
    description: 'the metadata sheet with a row at 999,999,999 (walking its rows hung)',
    origin: BY_HAND,
    build: rewrite('xl/worksheets/sheet2.xml', (x) => x.replace('</sheetData>', '<row r="999999999"><c r="A999999999"><v>1</v></c></row></sheetData>')),
    expected: clean,
  },
  {
    name: 'date-past-9999-in-a-score',
    description: 'TC_01 holds 1e20 formatted as a date (ExcelJS made an invalid Date: "Lỗi không mong đợi: Invalid time value")',
    origin: BY_HAND,
    build: edited((wb) => {
      const cell = namedCell(wb, 'TC_01');
      cell.value = 1e20;
      cell.style = { ...cell.style, numFmt: 'dd/mm/yyyy' };
    }),
    expected: uncounted(0, 'TC_01'),
  },
  {
    name: 'date-past-9999-as-unit-name',
    description: 'the unit name cell holds -1e20 formatted as a date: read as the ######## Excel shows',
    origin: BY_HAND,
    build: edited((wb) => {
      const cell = namedCell(wb, 'TenDonVi');
      cell.value = -1e20;
      cell.style = { ...cell.style, numFmt: 'yyyy-mm-dd' };
    }),
    expected: clean,
  },
  {
    name: 'date-past-9999-as-evidence',
    description: 'bonus evidence holding -3.3e92 formatted as a date (same crash)',
    origin: 'cell fuzzing of the unfixed reader, FUZZ_SEED=647212984, case 23',
    build: cellCase({
      base: 2,
      ops: [
        { op: 'set', name: 'GC_30', value: { number: 5.6946252100776376e-266 } },
        { op: 'set', name: 'MC_Thuong_3', value: { dateFormatted: -3.3223413657917093e92 } },
      ],
    }),
    expected: warned('UNSCORED'),
  },
  {
    name: 'deduction-near-the-largest-double',
    description: 'Tru_3 = -1e308: the merge rounded the total to Infinity and printed null where check printed 1e308',
    origin: 'cell fuzzing, FUZZ_SEED=645482510, case 8',
    build: cellCase({ base: 1, ops: [{ op: 'set', name: 'Tru_3', value: { number: -1e308 } }] }),
    expected: uncounted(1, 'Tru_3'),
  },
  {
    name: 'zip-bomb-for-check',
    description: '150 MB of zeros declared honestly (check unpacked it whole: 9 s and 1.2 GB per GB, so a 20 MB file never finished)',
    origin: BY_HAND,
    build: bomb(150 * 1024 * 1024, 150 * 1024 * 1024),
    expected: bombRefused,
  },
  {
    name: 'lying-zip-bomb-for-check',
    description: '150 MB of zeros declared as 4 KB',
    origin: BY_HAND,
    build: bomb(150 * 1024 * 1024, 4096),
    expected: bombRefused,
  },
  // ---- the defined-name contract: a name on the wrong cell is caught -------------
  {
    name: 'two-names-on-one-cell',
    description: 'TC_05 pointed at criterion 6’s score cell: criterion 5 read criterion 6’s score, counted twice (was clean)',
    origin: BY_HAND,
    build: rewrite('xl/workbook.xml', moveName('TC_05', `${MAIN}!${absolute(addressOf('TC_06'))}`)),
    expected: rejected('NAME_SHARED'),
  },
  {
    name: 'name-moved-to-another-row',
    description: 'criterion 5’s score cut and pasted onto criterion 6’s: TC_05 on criterion 6’s row, TC_06 #REF!',
    origin: BY_HAND,
    build: cutAndPaste('TC_05', 'TC_06'),
    expected: rejected('NAME_MOVED'),
  },
  {
    name: 'name-moved-to-another-column',
    description: 'criterion 5’s evidence cut and pasted onto its note: MC_05 in the Ghi chú column of its own row',
    origin: BY_HAND,
    build: cutAndPaste('MC_05', 'GC_05'),
    expected: rejected('NAME_MOVED'),
  },
  {
    name: 'total-on-a-constant',
    description: 'TongDiem pointed at section I’s printed maximum (20): the total read a constant',
    origin: BY_HAND,
    build: rewrite('xl/workbook.xml', moveName('TongDiem', `${MAIN}!${absolute(addressOf('Tong_I', COL.max))}`)),
    expected: rejected('NAME_NOT_FORMULA'),
  },
  // ---- the package read as spreadsheet programs read it ----------------------
  {
    name: 'workbook-elsewhere',
    description: 'the workbook part at xl/book/wb.xml, found through _rels/.rels (was refused: "Tệp không có trang tính nào")',
    origin: BY_HAND,
    build: entries(relocateWorkbook),
    expected: clean,
    truth: 'libreoffice',
  },
  {
    name: 'decoy-workbook',
    description: 'an unreferenced xl/workbook.xml of another unit beside the real workbook at xl/book/wb.xml (the decoy was merged)',
    origin: BY_HAND,
    build: withDecoy,
    expected: clean,
    truth: 'libreoffice',
  },
  {
    name: 'workbook-without-its-content-type',
    description: 'the workbook part\'s Override removed: by the xml Default it is plain XML, not a workbook, as Excel refuses it',
    origin: BY_HAND,
    build: rewrite('[Content_Types].xml', (x) => x.replace(/<Override PartName="\/xl\/workbook\.xml"[^>]*\/>/, '')),
    expected: unreadable('UNREADABLE'),
  },
  {
    name: 'content-types-missing',
    description: 'no [Content_Types].xml: no part says what it is',
    origin: BY_HAND,
    build: entries((es) => es.filter((e) => e.name !== '[Content_Types].xml')),
    expected: unreadable('UNREADABLE'),
  },
  // ---- what the package standard forbids ---------------------------------------
  {
    name: 'doctype-with-external-entity',
    description: 'a DOCTYPE declaring &xxe; as file:///etc/passwd in the sheet, &xxe; typed as evidence (M1.18; the literal &xxe; was merged as evidence)',
    origin: BY_HAND,
    build: rewrite('xl/worksheets/sheet1.xml', (x) =>
      cellXml(addressOf('MC_01'), '<is><t>&xxe;</t></is>')(x.replace('?>', () => '?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')).replace(
        new RegExp(`<c r="${addressOf('MC_01')}"`),
        (c) => `${c} t="inlineStr"`,
      ),
    ),
    expected: forbidden('XML_DOCTYPE', /một khai báo mà định dạng Excel cấm/),
  },
  {
    name: 'doctype-in-a-part-nobody-reads',
    description: 'an entity-expanding DOCTYPE in xl/styles.xml, a part the reader never looks at: refused all the same',
    origin: BY_HAND,
    build: rewrite('xl/styles.xml', (x) => x.replace('?>', () => '?><!DOCTYPE styleSheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>')),
    expected: forbidden('XML_DOCTYPE', /xl\/styles\.xml/),
  },
  {
    name: 'duplicate-entry-same-content',
    description: 'xl/workbook.xml twice in the package, same bytes (M1.12)',
    origin: BY_HAND,
    build: entries((es) => [...es, part(es, 'xl/workbook.xml')]),
    expected: forbidden('ZIP_DUPLICATE_ENTRY', /hai phần cùng tên xl\/workbook\.xml/),
  },
  {
    name: 'duplicate-entry-other-content',
    description: 'a second xl/worksheets/sheet1.xml with TC_01 raised to its maximum (the second silently won)',
    origin: BY_HAND,
    build: entries((es) => {
      const sheet = part(es, 'xl/worksheets/sheet1.xml');
      return [...es, withText(sheet.name, cellXml(addressOf('TC_01'), '<v>3</v>')(text(sheet)))];
    }),
    expected: forbidden('ZIP_DUPLICATE_ENTRY', /xl\/worksheets\/sheet1\.xml/),
  },
  {
    name: 'duplicate-entry-in-other-case',
    description: 'XL/Worksheets/Sheet1.xml beside xl/worksheets/sheet1.xml: part names are compared without case (M1.12)',
    origin: BY_HAND,
    build: entries((es) => [...es, { name: 'XL/Worksheets/Sheet1.xml', data: part(es, 'xl/worksheets/sheet1.xml').data }]),
    expected: forbidden('ZIP_DUPLICATE_ENTRY', /XL\/Worksheets\/Sheet1\.xml/),
  },
  {
    name: 'crc-mismatch',
    description: 'TC_01 changed inside the sheet after the CRC-32 was recorded (the changed value was merged)',
    origin: BY_HAND,
    build: async (bases) => {
      const es = await unzipEntries(bases[0].bytes);
      const sheet = part(es, 'xl/worksheets/sheet1.xml');
      const changed = Buffer.from(cellXml(addressOf('TC_01'), '<v>3</v>')(text(sheet)), 'utf8');
      return zipOf(
        es.map((e): RawEntry => {
          const data = e === sheet ? changed : e.data;
          // The sheet keeps the CRC of what was there before.
          return { name: e.name, method: 8, data: zlib.deflateRawSync(data), uncompressedSize: data.length, crc: zlib.crc32(e.data) };
        }),
      );
    },
    expected: forbidden('ZIP_CRC_MISMATCH', /mã kiểm tra/),
  },
  // ---- hostile inputs kept because they are worth keeping ----------------------
  {
    name: 'merge-down-a-whole-column',
    description: 'a merge K1:K1048576 (10 s and 1.8 GB a read before merges were skipped; slow, not hung)',
    origin: BY_HAND,
    build: rewrite('xl/worksheets/sheet1.xml', (x) => x.replace(/<mergeCell ref="[^"]+"\/>/, '<mergeCell ref="K1:K1048576"/>')),
    expected: clean,
  },
  // ---- entries that once counted although invalid ------------------------------
  {
    name: 'date-typed-as-score',
    description: 'a date typed into TC_02 (serial 45445, shown 02/06/2024): it topped a merge ranking',
    origin: BY_HAND,
    build: cellCase({ base: 0, ops: [{ op: 'set', name: 'TC_02', value: { dateFormatted: 45445 } }] }),
    expected: uncounted(0, 'TC_02'),
  },
  {
    name: 'score-1e308',
    description: 'TC_07 = 1E+308: it topped a merge ranking',
    origin: BY_HAND,
    build: cellCase({ base: 0, ops: [{ op: 'set', name: 'TC_07', value: { number: 1e308 } }] }),
    expected: uncounted(0, 'TC_07'),
  },
  {
    name: 'score-over-max-and-three-decimals',
    description: 'TC_01 = 5 of 3 and TC_03 = 2.125: section I showed 20.25 of 20',
    origin: BY_HAND,
    build: cellCase({
      base: 0,
      ops: [
        { op: 'set', name: 'TC_01', value: { number: 5 } },
        { op: 'set', name: 'TC_03', value: { number: 2.125 } },
      ],
    }),
    expected: uncounted(0, 'TC_01', 'TC_03'),
  },
  {
    name: 'negative-bonus-and-deduction',
    description: 'Thuong_1 = -5 lowered the total, Tru_1 = -3 raised it',
    origin: BY_HAND,
    build: cellCase({
      base: 0,
      ops: [
        { op: 'set', name: 'Thuong_1', value: { number: -5 } },
        { op: 'set', name: 'Tru_1', value: { number: -3 } },
      ],
    }),
    expected: uncounted(0, 'Thuong_1', 'Tru_1'),
  },
  {
    name: 'sub-item-over-max',
    description: 'TC_14_1 = 3 of 2: criterion 14 summed it',
    origin: BY_HAND,
    build: cellCase({ base: 0, ops: [{ op: 'set', name: 'TC_14_1', value: { number: 3 } }] }),
    expected: uncounted(0, 'TC_14_1'),
  },
  {
    name: 'not-a-number-in-xml',
    description: 'a bonus cell whose XML says NaN and a score that says 1e309: #NUM!, not a NaN total',
    origin: BY_HAND,
    build: rewrite('xl/worksheets/sheet1.xml', (x) => cellXml(addressOf('Thuong_1'), '<v>NaN</v>')(cellXml(addressOf('TC_01'), '<v>1e309</v>')(x))),
    expected: warned('INVALID_VALUE'),
  },
  {
    name: 'workbook-xml-missing',
    description: 'the package without xl/workbook.xml',
    origin: BY_HAND,
    build: entries((es) => es.filter((e) => e.name !== 'xl/workbook.xml')),
    expected: unreadable('UNREADABLE'),
  },
  {
    name: 'shared-strings-garbled',
    description: 'xl/sharedStrings.xml cut in half',
    origin: BY_HAND,
    build: rewrite('xl/sharedStrings.xml', (x) => x.slice(0, x.length >> 1)),
    expected: unreadable('UNREADABLE'),
  },
  {
    name: 'shared-strings-missing',
    description: 'no xl/sharedStrings.xml: the metadata keys are gone with it',
    origin: BY_HAND,
    build: entries((es) => es.filter((e) => e.name !== 'xl/sharedStrings.xml')),
    expected: unreadable('METADATA_MISSING', 'METADATA_MISSING'),
  },
  {
    name: 'entries-swapped',
    description: 'xl/workbook.xml and xl/sharedStrings.xml trade contents',
    origin: BY_HAND,
    build: entries((es) => {
      const [workbook, strings] = ['xl/workbook.xml', 'xl/sharedStrings.xml'].map((n) => es.find((e) => e.name === n) as ZipEntry);
      return es.map((e) => (e === workbook ? { ...e, data: strings.data } : e === strings ? { ...e, data: workbook.data } : e));
    }),
    expected: unreadable('UNREADABLE'),
  },
  {
    name: 'truncated-half',
    description: 'the file cut at half its length',
    origin: BY_HAND,
    build: zipCase({ base: 0, entryOps: [], packing: 'deflate', rawOps: [{ op: 'truncate', at: 0.5 }] }),
    expected: unreadable('ZIP_CORRUPT'),
  },
  {
    name: 'two-sheets-one-name',
    description: 'the metadata sheet renamed to the main sheet\'s name in workbook.xml',
    origin: BY_HAND,
    build: rewrite('xl/workbook.xml', (x) => x.replace('name="ChamDiem_Meta"', 'name="Tự chấm điểm"')),
    expected: unreadable('UNREADABLE'),
  },
  {
    name: 'filter-range-scoped-to-the-sheet',
    description: 'the hidden sheet-scoped name a filter leaves, over a column',
    origin: BY_HAND,
    build: rewrite('xl/workbook.xml', (x) =>
      x.replace('</definedNames>', () => `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${MAIN}!$A$10:$J$1048576</definedName></definedNames>`),
    ),
    expected: clean,
  },
  {
    name: 'name-on-a-deleted-sheet',
    description: 'TC_01 points at a sheet that is not there',
    origin: BY_HAND,
    build: rewrite('xl/workbook.xml', moveName('TC_01', "&apos;Đã xoá&apos;!$H$12")),
    expected: rejected('NAME_MISSING'),
  },
  {
    name: 'sheet-renamed',
    description: 'the main sheet renamed: every name points at a missing sheet',
    origin: BY_HAND,
    build: cellCase({ base: 0, ops: [{ op: 'renameSheet', to: 'Sheet1' }] }),
    expected: rejected('COLUMN_MISSING'),
  },
  {
    name: 'metadata-sheet-deleted',
    description: 'the hidden metadata sheet removed, every name kept, as Move/Copy to a new book leaves it: was "not ours", no way out',
    origin: BY_HAND,
    build: cellCase({ base: 0, ops: [{ op: 'deleteMeta' }] }),
    expected: unreadable('METADATA_LOST', 'METADATA_LOST'),
  },
  {
    name: 'metadata-sheet-emptied',
    description: 'the metadata sheet left, its rubricId row cleared: tampered with, not copied, so not recovered',
    origin: BY_HAND,
    build: cellCase({ base: 1, ops: [{ op: 'editMeta', row: 1, col: 1, value: { clear: true } }] }),
    expected: unreadable('METADATA_MISSING', 'METADATA_MISSING'),
  },
  {
    name: 'metadata-lost-and-names-gone',
    description: 'no metadata sheet and the evidence column deleted: names of ours, but not this rubric’s sheet whole',
    origin: BY_HAND,
    build: async (bases) => {
      const noMeta = await applyCellCase(bases[0].bytes, { base: 0, ops: [{ op: 'deleteMeta' }] });
      if (!noMeta) throw new Error('ExcelJS could not write the case');
      return removeNames(noMeta, (n) => n.startsWith('MC_'));
    },
    expected: unreadable('METADATA_MISSING', 'METADATA_MISSING'),
  },
  {
    name: 'number-like-text',
    description: 'scores typed as "NaN", "Infinity", "1e309", "-0" and Arabic-Indic "١٢"',
    origin: BY_HAND,
    build: cellCase({
      base: 0,
      ops: ['NaN', 'Infinity', '1e309', '-0', '١٢'].map((text, i) => ({ op: 'set' as const, name: `TC_0${i + 1}`, value: { text } })),
    }),
    expected: warned('INVALID_VALUE'),
  },
  {
    name: 'formulas-in-inputs',
    description: 'HYPERLINK as the unit name, =1/0 as a score, an 8,000-term formula as evidence',
    origin: BY_HAND,
    build: cellCase({
      base: 0,
      ops: [
        { op: 'set', name: 'TenDonVi', value: { formula: 'HYPERLINK("http://evil.example","bấm vào")' } },
        { op: 'set', name: 'TC_01', value: { formula: '1/0' } },
        { op: 'set', name: 'MC_02', value: { longFormula: 8000 } },
      ],
    }),
    expected: warned('FORMULA_IN_INPUT'),
  },
  {
    name: 'huge-strings',
    description: '400,000 characters as the unit name and 100,000 as evidence: passed as clean, cut in the merge without a word',
    origin: BY_HAND,
    build: cellCase({
      base: 0,
      ops: [
        { op: 'set', name: 'TenDonVi', value: { repeat: 'Hội ', times: 100_000 } },
        { op: 'set', name: 'MC_01', value: { repeat: 'x', times: 100_000 } },
      ],
    }),
    expected: { check: { status: 'problems', code: 'TEXT_TOO_LONG' }, merge: { status: 'warning', code: 'TEXT_CUT' } },
  },
  {
    name: 'dense-50-mb-evidence',
    description: 'evidence of 50 million characters (70 MB of UTF-8) that packs only 4.5×, within the guard’s limits: passed as clean',
    origin: BY_HAND,
    // The complete base's evidence for criterion 2, whatever its number, replaced in the shared strings (deflated fast).
    build: entries((es) =>
      es.map((e) => {
        if (e.name !== 'xl/sharedStrings.xml') return e;
        const xml = e.data.toString('utf8');
        const data = Buffer.from(xml.replace(/(<t[^>]*>)Báo cáo số \d+\/BC-HPN, tiêu chí 2</, (_, open: string) => `${open}${denseText(50_000_000)}<`));
        if (data.length < 50_000_000) throw new Error('no evidence of criterion 2 in the base');
        return { name: e.name, deflated: zlib.deflateRawSync(data, { level: 1 }), declaredSize: data.length, crc: zlib.crc32(data) };
      }),
    ),
    expected: { check: { status: 'problems', code: 'TEXT_TOO_LONG' }, merge: { status: 'warning', code: 'TEXT_CUT' } },
  },
];
