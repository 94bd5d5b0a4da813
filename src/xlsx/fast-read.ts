/**
 * Reads a returned workbook straight from its package, for the check, the
 * merge and generate over an existing file: the workbook part (sheets, defined names), its relationships, the
 * shared strings, the metadata sheet and only the named cells of the other
 * sheets, never styles, drawings or the rest of the grid. The tests hold it
 * against an ExcelJS reader on the workbooks chamdiem, Excel and LibreOffice
 * write; it takes a fraction of the time and memory. Where the two differ it
 * follows what Excel's formulas see: a number in a date-formatted cell stays
 * a number (ExcelJS turns it into a date), so regenerating never turns a
 * score into date text.
 * Pure over bytes (JSZip, TextDecoder), so it runs in the browser too.
 */
import JSZip from 'jszip';
import { a1, columnNumber, MAX_COL, MAX_ROW, parseSheetRef, shiftFormula } from '../layout/a1';
import { META_SHEET_NAME } from '../layout/plan';
import type { MergeProblem } from '../merge/problems';
import { INPUT_LIMITS, readZipDirectory, unpackedMoreThanDeclared, zipDirectoryProblem } from '../merge/zip';
import type { CellInput } from '../scoring/inputs';
import { inspectPackage, joinChunks, unpackBounded } from './guard';
import { WorkbookReadError } from '../app/ports';
import { describeNonXlsx, METADATA_MISSING_MESSAGE, type NamedCell, type ReadWorkbook } from './workbook-view';
import { attribute, decodeXml, partText, scanXml } from './xml';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

/** The package entries this reader may look at; nothing else is unpacked for it. */
export function isWorkbookPart(name: string): boolean {
  const path = name.replace(/^\/+/, '');
  return path === WORKBOOK || path === WORKBOOK_RELS || path === SHARED_STRINGS || WORKSHEET.test(path);
}

const META_ROWS_READ = 1000;

const corrupt = (why: string) => new WorkbookReadError(`Tệp .xlsx bị hỏng, không đọc được (${why}).`, 'UNREADABLE');

// ---- workbook part ---------------------------------------------------------------

interface SheetEntry {
  name: string;
  path: string;
}

/** "worksheets/sheet1.xml" from xl/, or "/xl/worksheets/sheet1.xml" from the package root. */
function resolveTarget(target: string): string {
  const t = target.trim().replace(/\\/g, '/');
  const segments = (t.startsWith('/') ? t.slice(1) : `xl/${t}`).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

function relationships(xml: string | undefined): Map<string, string> {
  const targets = new Map<string, string>();
  if (xml === undefined) return targets;
  scanXml(xml, {
    open(name, attributes) {
      if (name !== 'Relationship') return;
      const id = attribute(attributes, 'Id');
      const target = attribute(attributes, 'Target');
      if (id !== undefined && target !== undefined && attribute(attributes, 'TargetMode') !== 'External') {
        targets.set(id, resolveTarget(target));
      }
    },
    close() {},
    text() {},
  });
  return targets;
}

interface WorkbookPart {
  sheets: { name: string; relId: string }[];
  /** In file order; `local` when the name belongs to one sheet (localSheetId). */
  definedNames: { name: string; text: string; local: boolean }[];
}

function workbookPart(xml: string): WorkbookPart {
  const sheets: WorkbookPart['sheets'] = [];
  const definedNames: WorkbookPart['definedNames'] = [];
  let inName: WorkbookPart['definedNames'][number] | null = null;
  scanXml(xml, {
    open(name, attributes, selfClosing) {
      if (name === 'sheet') {
        const sheetName = attribute(attributes, 'name');
        const relId = attribute(attributes, 'id');
        if (sheetName !== undefined && relId !== undefined) sheets.push({ name: sheetName, relId });
      } else if (name === 'definedName' && !selfClosing) {
        inName = { name: attribute(attributes, 'name') ?? '', text: '', local: attribute(attributes, 'localSheetId') !== undefined };
      }
    },
    close(name) {
      if (name === 'definedName' && inName) {
        definedNames.push(inName);
        inName = null;
      }
    },
    text(raw, cdata) {
      if (inName) inName.text += cdata ? raw : decodeXml(raw);
    },
  });
  return { sheets, definedNames };
}

/** Excel's grid; a name past it points at no cell. */
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;

/** Splits a name's formula at commas outside quoted sheet names. */
function areas(text: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "'") quoted = !quoted;
    else if (text[i] === ',' && !quoted) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.filter((a) => a.trim() !== '');
}

/**
 * Names that point at one cell of an existing sheet: a definition counts
 * when exactly one of its areas is a reference. Our names are workbook-wide,
 * and that is the definition the sheet's own formulas use; a sheet-scoped one
 * of the same name (Excel makes them when a sheet is copied, pointing into
 * the copy) counts only when no workbook-wide one does.
 */
function namedCells(definedNames: WorkbookPart['definedNames'], sheetNames: Set<string>): Map<string, NamedCell> {
  const out = new Map<string, NamedCell>();
  const ordered = [...definedNames.filter((d) => !d.local), ...definedNames.filter((d) => d.local)];
  for (const { name, text } of ordered) {
    if (!name || name.startsWith('_xlnm.') || out.has(name)) continue;
    const refs = areas(text).map(parseSheetRef).filter((r) => r !== null);
    if (refs.length !== 1) continue;
    const { sheet, ref } = refs[0];
    const m = CELL.exec(ref);
    if (!m || !sheetNames.has(sheet)) continue;
    const row = Number(m[4]);
    const col = columnNumber(m[2]);
    if (row >= 1 && row <= MAX_ROW && col <= MAX_COL) out.set(name, { sheet, row, col });
  }
  return out;
}

// ---- shared strings and cells ------------------------------------------------------------

/** OOXML writes characters XML cannot carry as _xHHHH_. */
function decodeEscapes(text: string): string {
  return text.indexOf('_x') < 0 ? text : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Collects the text of <t> elements inside `container` (<si> or <is>),
 * leaving out phonetic runs (<rPh>), as Excel displays them.
 */
class StringCollector {
  private depthInPhonetic = 0;
  private inT = false;
  private parts: string[] = [];

  open(name: string, selfClosing: boolean): void {
    if (name === 'rPh' && !selfClosing) this.depthInPhonetic++;
    else if (name === 't' && !selfClosing && this.depthInPhonetic === 0) this.inT = true;
  }

  close(name: string): void {
    if (name === 'rPh') this.depthInPhonetic = Math.max(0, this.depthInPhonetic - 1);
    else if (name === 't') this.inT = false;
  }

  text(raw: string, cdata: boolean): void {
    if (this.inT) this.parts.push(cdata ? raw : decodeXml(raw));
  }

  take(): string {
    const text = decodeEscapes(this.parts.join(''));
    this.parts = [];
    this.inT = false;
    this.depthInPhonetic = 0;
    return text;
  }
}

/** The shared strings in order; null when the package has no shared-strings part. */
function sharedStrings(xml: string | undefined): string[] | null {
  if (xml === undefined) return null;
  const strings: string[] = [];
  const collector = new StringCollector();
  let inItem = false;
  scanXml(xml, {
    open(name, _attributes, selfClosing) {
      if (name === 'si') {
        if (selfClosing) return;
        inItem = true;
        collector.take();
      } else if (inItem) collector.open(name, selfClosing);
    },
    close(name) {
      if (name === 'si') {
        // A self-closing <si/> is an empty string, as its open-and-close pair shows.
        strings.push(inItem ? collector.take() : '');
        inItem = false;
      } else if (inItem) collector.close(name);
    },
    text(raw, cdata) {
      if (inItem) collector.text(raw, cdata);
    },
  });
  return strings;
}

const cellKey = (row: number, col: number) => (row - 1) * MAX_COL + (col - 1);
const rowOfKey = (key: number) => Math.floor(key / MAX_COL) + 1;

interface RawCell {
  row: number;
  col: number;
  type: string | undefined;
  value: string | undefined;
  inline: string | undefined;
  formula: string | undefined;
  formulaType: string | undefined;
  sharedIndex: string | undefined;
  sharedRef: string | undefined;
}

function parseNumber(text: string): number | null {
  const n = parseFloat(text);
  return Number.isFinite(n) ? n : null;
}

function formulaResult(cell: RawCell): string | number | boolean | null {
  const v = cell.value;
  if (!v) return null;
  switch (cell.type) {
    case 'str':
      return v;
    case 'b':
      return parseInt(v, 10) !== 0;
    case 'e':
      return null;
    default:
      return parseNumber(v);
  }
}

/**
 * The cells of one worksheet that `wanted` asks for, as CellInput. Every
 * cell is looked at (shared formulas start in cells nobody asked for), but
 * only wanted ones are decoded.
 */
function readSheetCells(xml: string, wanted: (row: number, col: number) => boolean, strings: string[] | null): Map<number, CellInput> {
  const found = new Map<number, CellInput>();
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  const inline = new StringCollector();
  let inSheetData = false;
  let row = 0;
  let col = 0;
  let cell: RawCell | null = null;
  let want = false;
  let collecting: 'f' | 'v' | null = null;
  let inInline = false;

  const finish = (c: RawCell) => {
    if (c.formulaType === 'shared' && c.sharedRef !== undefined && c.sharedIndex !== undefined && c.formula) {
      masters.set(c.sharedIndex, { formula: c.formula, row: c.row, col: c.col });
    }
    if (want) found.set(cellKey(c.row, c.col), cellInput(c));
  };

  const cellInput = (c: RawCell): CellInput => {
    if (c.formula || c.formulaType) {
      let formula = c.formula ?? '';
      if (!formula && c.formulaType === 'shared' && c.sharedIndex !== undefined) {
        const master = masters.get(c.sharedIndex);
        if (master) formula = shiftFormula(master.formula, c.row - master.row, c.col - master.col);
      }
      return { kind: 'formula', formula, result: formulaResult(c) };
    }
    if (c.type === 'inlineStr') return c.inline === undefined && c.value === undefined ? { kind: 'empty' } : { kind: 'text', value: c.inline ?? c.value ?? '' };
    const v = c.value;
    if (v === undefined) return { kind: 'empty' };
    switch (c.type) {
      case 's': {
        // Without the shared-strings part every text is gone: the cell holds nothing readable.
        if (strings === null) return { kind: 'empty' };
        const text = strings[parseInt(v, 10)];
        if (text === undefined) throw corrupt(`ô ${a1(c.row, c.col)} trỏ tới chuỗi không có`);
        return { kind: 'text', value: text };
      }
      case 'str':
      case 'd':
        return { kind: 'text', value: v };
      case 'b':
        return { kind: 'boolean', value: parseInt(v, 10) !== 0 };
      case 'e':
        return { kind: 'error', value: v };
      default: {
        // A spreadsheet holds no NaN or Infinity: Excel shows a number out of range as #NUM!.
        const n = parseNumber(v);
        return n === null ? { kind: 'error', value: '#NUM!' } : { kind: 'number', value: n };
      }
    }
  };

  // Cells live in <sheetData>; the rules and formats after it are not read.
  const from = xml.indexOf('<sheetData');
  const to = xml.lastIndexOf('</sheetData>');
  scanXml(from >= 0 && to > from ? xml.slice(from, to + 12) : xml, {
    open(name, attributes, selfClosing) {
      if (!inSheetData) {
        if (name === 'sheetData' && !selfClosing) inSheetData = true;
        return;
      }
      if (cell) {
        if (inInline) inline.open(name, selfClosing);
        else if (name === 'f') {
          cell.formulaType = attribute(attributes, 't');
          cell.sharedIndex = attribute(attributes, 'si');
          cell.sharedRef = attribute(attributes, 'ref');
          collecting = selfClosing ? null : 'f';
        } else if (name === 'v') collecting = selfClosing ? null : 'v';
        else if (name === 'is' && !selfClosing) {
          inInline = true;
          inline.take();
        }
        return;
      }
      if (name === 'row') {
        const r = Number(attribute(attributes, 'r'));
        row = Number.isInteger(r) && r >= 1 ? r : row + 1;
        col = 0;
      } else if (name === 'c') {
        const ref = CELL.exec(attribute(attributes, 'r') ?? '');
        if (ref) {
          row = Number(ref[4]);
          col = columnNumber(ref[2]);
        } else {
          col++;
        }
        if (row < 1) row = 1;
        cell = { row, col, type: attribute(attributes, 't'), value: undefined, inline: undefined, formula: undefined, formulaType: undefined, sharedIndex: undefined, sharedRef: undefined };
        want = wanted(row, col);
        if (selfClosing) {
          finish(cell);
          cell = null;
        }
      }
    },
    close(name) {
      if (!inSheetData) return;
      if (name === 'sheetData') {
        inSheetData = false;
        return;
      }
      if (!cell) return;
      if (inInline) {
        if (name === 'is') {
          inInline = false;
          cell.inline = inline.take();
        } else inline.close(name);
      } else if (name === 'f' || name === 'v') collecting = null;
      else if (name === 'c') {
        finish(cell);
        cell = null;
        collecting = null;
      }
    },
    text(raw, cdata) {
      if (!cell) return;
      if (inInline) {
        if (want) inline.text(raw, cdata);
      } else if (collecting === 'f') {
        cell.formula = (cell.formula ?? '') + (cdata ? raw : decodeXml(raw));
      } else if (collecting === 'v' && want) {
        cell.value = (cell.value ?? '') + (cdata ? raw : decodeXml(raw));
      }
    },
  });
  return found;
}

/** A cell's text as the metadata sheet means it (ExcelJS's cell.text). */
function metaText(cell: CellInput | undefined): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
    case 'error':
      return cell.value;
    case 'number':
    case 'boolean':
      return String(cell.value);
    case 'formula':
      return cell.result ? String(cell.result) : '';
  }
}

// ---- the reader -----------------------------------------------------------------------

/**
 * A workbook from its unpacked parts (see isWorkbookPart). Throws
 * WorkbookReadError, and only that, when it cannot be read or is not ours.
 */
export function readWorkbookParts(parts: ReadonlyMap<string, Uint8Array>): ReadWorkbook {
  try {
    return readParts(parts);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw corrupt((e as Error)?.message ?? String(e));
  }
}

function readParts(parts: ReadonlyMap<string, Uint8Array>): ReadWorkbook {
  const byPath = new Map<string, Uint8Array>();
  for (const [name, bytes] of parts) byPath.set(name.replace(/^\/+/, ''), bytes);
  const text = (path: string) => {
    const bytes = byPath.get(path);
    return bytes === undefined ? undefined : partText(bytes);
  };

  const workbookXml = text(WORKBOOK);
  const book = workbookXml === undefined ? { sheets: [], definedNames: [] } : workbookPart(workbookXml);
  const rels = relationships(text(WORKBOOK_RELS));
  const sheets: SheetEntry[] = [];
  for (const s of book.sheets) {
    const path = rels.get(s.relId);
    if (path !== undefined && WORKSHEET.test(path) && byPath.has(path)) sheets.push({ name: s.name, path });
  }
  if (sheets.length === 0) throw new WorkbookReadError('Tệp không có trang tính nào.', 'UNREADABLE');
  const sheetPath = new Map<string, string>();
  const taken = new Set<string>();
  for (const s of sheets) {
    // Excel tells sheet names apart without case; two alike make names and formulas ambiguous.
    const key = s.name.toUpperCase();
    if (taken.has(key)) throw corrupt(`hai trang tính cùng tên “${s.name}”`);
    taken.add(key);
    sheetPath.set(s.name, s.path);
  }

  const strings = sharedStrings(text(SHARED_STRINGS));
  const metaPath = sheetPath.get(META_SHEET_NAME);
  if (metaPath === undefined) throw new WorkbookReadError(METADATA_MISSING_MESSAGE, 'METADATA_MISSING');
  // Its keys are in the first two columns at the top; a stray cell far below is not metadata.
  const metaCells = readSheetCells(text(metaPath) as string, (row, col) => row <= META_ROWS_READ && col <= 2, strings);
  const meta: Record<string, string> = {};
  const metaRows = [...new Set([...metaCells.keys()].map(rowOfKey))].sort((a, b) => a - b);
  for (const r of metaRows) {
    const key = metaText(metaCells.get(cellKey(r, 1)));
    if (key) meta[key] = metaText(metaCells.get(cellKey(r, 2)));
  }
  if (!meta.rubricId) throw new WorkbookReadError(METADATA_MISSING_MESSAGE, 'METADATA_MISSING');

  const names = namedCells(book.definedNames, new Set(sheetPath.keys()));
  const wantedBySheet = new Map<string, Set<number>>();
  for (const at of names.values()) {
    const keys = wantedBySheet.get(at.sheet) ?? new Set<number>();
    keys.add(cellKey(at.row, at.col));
    wantedBySheet.set(at.sheet, keys);
  }
  const cellsBySheet = new Map<string, Map<number, CellInput>>();
  for (const [sheet, keys] of wantedBySheet) {
    const xml = text(sheetPath.get(sheet) as string) as string;
    cellsBySheet.set(sheet, readSheetCells(xml, (r, c) => keys.has(cellKey(r, c)), strings));
  }

  return {
    meta,
    names,
    hasName: (name) => names.has(name),
    locate: (name) => names.get(name),
    cell(name) {
      const at = names.get(name);
      const found = at ? cellsBySheet.get(at.sheet)?.get(cellKey(at.row, at.col)) : undefined;
      return found ? { ...found } : { kind: 'empty' };
    },
  };
}

// ---- straight from bytes -------------------------------------------------------------------

function problemError(problem: MergeProblem): WorkbookReadError {
  return new WorkbookReadError(problem.message, 'UNREADABLE');
}

/**
 * Reads a workbook from its bytes, unpacking only the parts it needs, each
 * stopped at the size its zip directory declares and all within the
 * package limits. Throws WorkbookReadError, with the same messages as the
 * ExcelJS reader for files that are not .xlsx at all.
 */
export async function readWorkbookFast(bytes: Uint8Array): Promise<ReadWorkbook> {
  const notXlsx = describeNonXlsx(bytes);
  if (notXlsx) throw new WorkbookReadError(notXlsx, 'UNREADABLE');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw corrupt((e as Error).message);
  }
  const directory = readZipDirectory(bytes);
  if ('problem' in directory) throw problemError(directory.problem);
  const claimed = zipDirectoryProblem(directory.entries);
  if (claimed) throw problemError(claimed);
  const declared = new Map(directory.entries.map((e) => [e.name, e.uncompressedSize]));

  const parts = new Map<string, Uint8Array>();
  let budget = INPUT_LIMITS.maxUnpackedBytes;
  for (const file of Object.values(zip.files)) {
    if (file.dir || !isWorkbookPart(file.name)) continue;
    const limit = Math.min(budget, declared.get(file.name) ?? budget);
    let unpacked;
    try {
      unpacked = await unpackBounded(file, limit, true);
    } catch (e) {
      throw corrupt(`thành phần ${file.name}: ${(e as Error).message}`);
    }
    if (!unpacked) throw problemError(unpackedMoreThanDeclared(file.name, limit));
    budget -= unpacked.size;
    parts.set(file.name, joinChunks(unpacked.chunks));
  }
  return readWorkbookParts(parts);
}

/**
 * A workbook file as `chamdiem check` and `chamdiem generate` (over an
 * existing file) read it: behind the merge's gate, so a zip bomb or an
 * oversized file is refused in the merge's words; other damage is described
 * by the reader. Throws WorkbookReadError when the file is unreadable or not ours.
 */
export async function readReturnedWorkbook(bytes: Uint8Array): Promise<ReadWorkbook> {
  const inspected = await inspectPackage(bytes, isWorkbookPart);
  if ('problem' in inspected && (inspected.problem.code === 'ZIP_BOMB' || inspected.problem.code === 'FILE_TOO_LARGE')) {
    throw new WorkbookReadError(inspected.problem.message, 'UNREADABLE');
  }
  return 'problem' in inspected ? readWorkbookFast(bytes) : readWorkbookParts(inspected.parts);
}
