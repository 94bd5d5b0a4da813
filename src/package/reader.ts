/**
 * Reads a returned workbook straight from its package, for the check, the
 * merge and generate over an existing file, finding its parts as Excel does:
 * the workbook through the package's officeDocument relationship, its sheets
 * and shared strings through the workbook's relationships, each checked
 * against its content type. It reads the workbook part (sheets, defined
 * names), the shared strings, the metadata sheet and only the named cells of
 * the other sheets, never styles, drawings or the rest of the grid. A part
 * nothing refers to is never read. The tests hold it against an ExcelJS reader on the
 * workbooks chamdiem, Excel and LibreOffice write; it takes a fraction of the
 * time and memory. Where the two differ it follows what Excel's formulas see:
 * a number in a date-formatted cell stays a number (ExcelJS turns it into a
 * date), so regenerating never turns a score into date text.
 */
import { MetadataMissingError, WorkbookReadError } from '../app/ports';
import { META_SHEET_NAME } from '../layout/plan';
import type { WorkbookCells } from '../layout/rubric-sheet';
import type { CellInput } from '../scoring/inputs';
import { PACKAGE_TEXT } from '../text/messages';
import { fflateCodec, type DeflateCodec } from './codec';
import { openPackage } from './open';
import {
  CONTENT_TYPE,
  CONTENT_TYPES_PART,
  contentTypeOf,
  contentTypes,
  PartTexts,
  type ContentTypes,
  type Relationship,
} from './parts';
import { cellKey, readSheetCells, rowOfKey } from './sheet-cells';
import { sharedStrings } from './strings';
import { namedCells, workbookPart, type WorkbookPart } from './workbook-part';
import { METADATA_MISSING_MESSAGE, unreadable, type ReadWorkbook } from './workbook-view';

const META_ROWS_READ = 1000;

/** The XML parts, and what [Content_Types].xml says each one is. */
class PackageParts extends PartTexts {
  private readonly types: ContentTypes;

  constructor(parts: ReadonlyMap<string, string>) {
    super(parts);
    const types = this.text(CONTENT_TYPES_PART);
    if (types === undefined) throw unreadable(PACKAGE_TEXT.noContentTypes);
    this.types = contentTypes(types);
  }

  /** A part a relationship found, refused when its content type is not what that relationship calls for. */
  typed(part: string, allowed: readonly string[]): string {
    const type = contentTypeOf(this.types, part);
    if (type === undefined || !allowed.some((a) => a.toLowerCase() === type.toLowerCase())) throw unreadable(PACKAGE_TEXT.wrongType(part));
    return part;
  }
}

/** The workbook part, as Excel finds it: the package's one officeDocument relationship. */
function workbookPath(pkg: PackageParts): string {
  const documents = pkg.relationships('').filter((r) => r.kind === 'officeDocument');
  if (documents.length === 0) throw unreadable(PACKAGE_TEXT.noWorkbook);
  if (documents.length > 1) throw unreadable(PACKAGE_TEXT.twoWorkbooks);
  const path = documents[0].target;
  if (pkg.text(path) === undefined) throw unreadable(PACKAGE_TEXT.partMissing(path));
  return pkg.typed(path, CONTENT_TYPE.workbook);
}

/** The worksheets the workbook lists, by name, each with its part; chart and dialog sheets hold no cells. */
function sheetTable(pkg: PackageParts, book: WorkbookPart, rels: Relationship[]): Map<string, string> {
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheetPath = new Map<string, string>();
  const taken = new Set<string>();
  for (const s of book.sheets) {
    const rel = byId.get(s.relId);
    if (rel?.kind !== 'worksheet' || pkg.text(rel.target) === undefined) continue;
    // Excel tells sheet names apart without case; two alike make names and formulas ambiguous.
    const key = s.name.toUpperCase();
    if (taken.has(key)) throw unreadable(PACKAGE_TEXT.twoSheetsOneName(s.name));
    taken.add(key);
    sheetPath.set(s.name, pkg.typed(rel.target, CONTENT_TYPE.worksheet));
  }
  if (sheetPath.size === 0) throw new WorkbookReadError(PACKAGE_TEXT.noSheets, 'UNREADABLE');
  return sheetPath;
}

/** The shared strings the workbook's relationship points at; null when it has none. */
function workbookStrings(pkg: PackageParts, rels: Relationship[]): string[] | null {
  const rel = rels.find((r) => r.kind === 'sharedStrings');
  const xml = rel === undefined ? undefined : pkg.text(rel.target);
  if (rel === undefined || xml === undefined) return null;
  pkg.typed(rel.target, CONTENT_TYPE.sharedStrings);
  return sharedStrings(xml);
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

/**
 * The metadata sheet's keys and values, its keys in the first two columns at
 * the top; null when the workbook has no metadata sheet. A metadata sheet
 * that names no rubric is not ours (or damaged, its strings gone).
 */
function readMeta(xml: string | undefined, strings: string[] | null): Record<string, string> | null {
  if (xml === undefined) return null;
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

/** The workbook part as Excel finds it: through the package's relationship, its sheets and strings through its own. */
function openWorkbook(parts: ReadonlyMap<string, string>) {
  const pkg = new PackageParts(parts);
  const workbook = workbookPath(pkg);
  const book = workbookPart(pkg.text(workbook) as string);
  const rels = pkg.relationships(workbook);
  return { pkg, book, sheetPath: sheetTable(pkg, book, rels), strings: workbookStrings(pkg, rels) };
}

function readParts(parts: ReadonlyMap<string, string>): ReadWorkbook {
  const { pkg, book, sheetPath, strings } = openWorkbook(parts);
  const metaPath = sheetPath.get(META_SHEET_NAME);
  const meta = readMeta(metaPath === undefined ? undefined : pkg.text(metaPath), strings);

  const names = namedCells(book.definedNames, new Set(sheetPath.keys()));
  const wantedBySheet = new Map<string, Set<number>>();
  for (const at of names.values()) {
    const keys = wantedBySheet.get(at.sheet) ?? new Set<number>();
    keys.add(cellKey(at.row, at.col));
    wantedBySheet.set(at.sheet, keys);
  }
  const cellsBySheet = new Map<string, Map<number, CellInput>>();
  for (const [sheet, keys] of wantedBySheet) {
    const xml = pkg.text(sheetPath.get(sheet) as string) as string;
    cellsBySheet.set(sheet, readSheetCells(xml, (r, c) => keys.has(cellKey(r, c)), strings));
  }

  const read: ReadWorkbook = {
    meta: meta ?? {},
    names,
    hasName: (name) => names.has(name),
    locate: (name) => names.get(name),
    cell(name) {
      const at = names.get(name);
      const found = at ? cellsBySheet.get(at.sheet)?.get(cellKey(at.row, at.col)) : undefined;
      return found ? { ...found } : { kind: 'empty' };
    },
    // Only an upgrade repairing misplaced names asks: one more pass over each sheet concerned.
    cellsAt(locations) {
      const found = new Map<string, Map<number, CellInput>>();
      for (const sheet of new Set(locations.map((l) => l.sheet))) {
        const path = sheetPath.get(sheet);
        const keys = new Set(locations.filter((l) => l.sheet === sheet).map((l) => cellKey(l.row, l.col)));
        if (path !== undefined) found.set(sheet, readSheetCells(pkg.text(path) as string, (r, c) => keys.has(cellKey(r, c)), strings));
      }
      return locations.map((l) => ({ ...(found.get(l.sheet)?.get(cellKey(l.row, l.col)) ?? { kind: 'empty' }) }) as CellInput);
    },
  };
  // No metadata sheet, as a sheet copied into a new workbook has none: read by its names all the same, for recovery.
  if (meta === null) throw new MetadataMissingError(METADATA_MISSING_MESSAGE, read);
  return read;
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
export async function readReturnedWorkbook(bytes: Uint8Array, codec: DeflateCodec = fflateCodec): Promise<ReadWorkbook> {
  const opened = openPackage(bytes, codec);
  if ('problem' in opened) throw new WorkbookReadError(opened.problem.message, 'UNREADABLE', opened.problem.code);
  return readWorkbookParts(opened.parts);
}

/**
 * Every cell of every worksheet, found as the reader finds them (the
 * workbook through its relationship, sheets and strings through theirs), for
 * a workbook read whole rather than by name: the rubric workbook. Each sheet
 * is decoded when first asked for.
 */
export function readWorkbookCells(parts: ReadonlyMap<string, string>): WorkbookCells {
  try {
    const { pkg, sheetPath, strings } = openWorkbook(parts);
    const decoded = new Map<string, { cell: (row: number, col: number) => CellInput; rows: number }>();
    return {
      sheet(name) {
        const path = sheetPath.get(name);
        if (path === undefined) return undefined;
        let sheet = decoded.get(name);
        if (!sheet) {
          const cells = readSheetCells(pkg.text(path) as string, () => true, strings);
          const rows = Math.max(0, ...[...cells.keys()].map(rowOfKey));
          sheet = { cell: (row, col) => ({ ...(cells.get(cellKey(row, col)) ?? { kind: 'empty' }) }), rows };
          decoded.set(name, sheet);
        }
        return sheet;
      },
    };
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw unreadable((e as Error)?.message ?? String(e));
  }
}
