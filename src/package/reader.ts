/**
 * Reads a returned workbook straight from its package, for the check, the
 * merge and generate over an existing file: the workbook part (sheets,
 * defined names), its relationships, the shared strings, the metadata sheet
 * and only the named cells of the other sheets, never styles, drawings or
 * the rest of the grid. The tests hold it against an ExcelJS reader on the
 * workbooks chamdiem, Excel and LibreOffice write; it takes a fraction of the
 * time and memory. Where the two differ it follows what Excel's formulas see:
 * a number in a date-formatted cell stays a number (ExcelJS turns it into a
 * date), so regenerating never turns a score into date text.
 */
import { META_SHEET_NAME } from '../layout/plan';
import type { CellInput } from '../scoring/inputs';
import { PACKAGE_TEXT } from '../text/messages';
import { WorkbookReadError } from '../app/ports';
import { openPackage } from './open';
import { relationships } from './relationships';
import { cellKey, readSheetCells, rowOfKey } from './sheet-cells';
import { sharedStrings } from './strings';
import { namedCells, workbookPart, type WorkbookPart } from './workbook-part';
import { METADATA_MISSING_MESSAGE, unreadable, type ReadWorkbook } from './workbook-view';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

const META_ROWS_READ = 1000;

/** The worksheets the workbook lists, by name, each with its part. */
function sheetTable(book: WorkbookPart, text: (path: string) => string | undefined): Map<string, string> {
  const rels = relationships(text(WORKBOOK_RELS));
  const sheetPath = new Map<string, string>();
  const taken = new Set<string>();
  for (const s of book.sheets) {
    const path = rels.get(s.relId);
    if (path === undefined || !WORKSHEET.test(path) || text(path) === undefined) continue;
    // Excel tells sheet names apart without case; two alike make names and formulas ambiguous.
    const key = s.name.toUpperCase();
    if (taken.has(key)) throw unreadable(PACKAGE_TEXT.twoSheetsOneName(s.name));
    taken.add(key);
    sheetPath.set(s.name, path);
  }
  if (sheetPath.size === 0) throw new WorkbookReadError(PACKAGE_TEXT.noSheets, 'UNREADABLE');
  return sheetPath;
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

/** The metadata sheet's keys and values; its keys are in the first two columns at the top. */
function readMeta(xml: string | undefined, strings: string[] | null): Record<string, string> {
  if (xml === undefined) throw new WorkbookReadError(METADATA_MISSING_MESSAGE, 'METADATA_MISSING');
  // A stray cell far below is not metadata.
  const cells = readSheetCells(xml, (row, col) => row <= META_ROWS_READ && col <= 2, strings);
  const meta: Record<string, string> = {};
  const rows = [...new Set([...cells.keys()].map(rowOfKey))].sort((a, b) => a - b);
  for (const r of rows) {
    const key = metaText(cells.get(cellKey(r, 1)));
    if (key) meta[key] = metaText(cells.get(cellKey(r, 2)));
  }
  if (!meta.rubricId) throw new WorkbookReadError(METADATA_MISSING_MESSAGE, 'METADATA_MISSING');
  return meta;
}

function readParts(parts: ReadonlyMap<string, string>): ReadWorkbook {
  const byPath = new Map<string, string>();
  for (const [name, xml] of parts) byPath.set(name.replace(/^\/+/, ''), xml);
  const text = (path: string) => byPath.get(path);

  const workbookXml = text(WORKBOOK);
  const book = workbookXml === undefined ? { sheets: [], definedNames: [] } : workbookPart(workbookXml);
  const sheetPath = sheetTable(book, text);
  const strings = sharedStrings(text(SHARED_STRINGS));
  const metaPath = sheetPath.get(META_SHEET_NAME);
  const meta = readMeta(metaPath === undefined ? undefined : text(metaPath), strings);

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

/**
 * A workbook from the XML parts of its package, by part name. Throws
 * WorkbookReadError, and only that, when it cannot be read or is not ours.
 */
export function readWorkbookParts(parts: ReadonlyMap<string, string>): ReadWorkbook {
  try {
    return readParts(parts);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw unreadable((e as Error)?.message ?? String(e));
  }
}

/**
 * A workbook file as `chamdiem check` and `chamdiem generate` (over an
 * existing file) read it: opened once behind the merge's gate, so a refused
 * file is refused in the merge's words. Throws WorkbookReadError when the
 * file is unreadable or not ours.
 */
export async function readReturnedWorkbook(bytes: Uint8Array): Promise<ReadWorkbook> {
  const opened = openPackage(bytes);
  if ('problem' in opened) throw new WorkbookReadError(opened.problem.message, 'UNREADABLE');
  return readWorkbookParts(opened.parts);
}
