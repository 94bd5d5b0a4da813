/**
 * A second reader of returned workbooks, on ExcelJS: the independent view the
 * package reader (src/package/reader.ts, what chamdiem uses) is tested against.
 */
import ExcelJS from 'exceljs';
import { parseA1, parseSheetRef } from '../../src/layout/a1';
import { META_SHEET_NAME } from '../../src/layout/plan';
import type { CellInput } from '../../src/scoring/inputs';

import { WorkbookReadError } from '../../src/app/ports';
import { sniffFile } from '../../src/package/guard';
import { METADATA_MISSING_MESSAGE, type NamedCell, type ReadWorkbook } from '../../src/package/workbook-view';

export { METADATA_MISSING_MESSAGE, WorkbookReadError, type NamedCell, type ReadWorkbook };

/**
 * A spreadsheet holds no NaN or Infinity; a file that claims one ("NaN",
 * "1e309" as a cell's number) gets the error Excel shows for a number out of range.
 */
const NUMBER_OUT_OF_RANGE: CellInput = { kind: 'error', value: '#NUM!' };

/** ExcelJS cell value → the host-neutral CellInput the scoring reads. */
export function toCellInput(cell: ExcelJS.Cell): CellInput {
  const v = cell.value;
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : NUMBER_OUT_OF_RANGE;
  if (typeof v === 'string') return { kind: 'text', value: v };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  // A date-formatted number past year 9999 is no Date; Excel shows it as ########.
  if (v instanceof Date) return { kind: 'text', value: Number.isNaN(v.getTime()) ? '########' : v.toISOString() };
  if ('formula' in v || 'sharedFormula' in v) {
    // cell.result, not v.result: ExcelJS drops a cached 0 from the value object.
    const r = cell.result as unknown;
    const result = (typeof r === 'number' && Number.isFinite(r)) || typeof r === 'string' || typeof r === 'boolean' ? r : null;
    return { kind: 'formula', formula: cell.formula ?? '', result };
  }
  if ('richText' in v) return { kind: 'text', value: v.richText.map((t) => t.text).join('') };
  if ('hyperlink' in v) return { kind: 'text', value: String(v.text ?? v.hyperlink) };
  if ('error' in v) return { kind: 'error', value: String(v.error) };
  return { kind: 'text', value: String(cell.text ?? '') };
}

/**
 * A returned workbook is read for its cell values, defined names and sheet
 * names only. Everything else in a sheet ExcelJS would build cell by cell —
 * a merge, validation or column run over the whole grid (or past it) never
 * finishes loading — so it is skipped.
 */
const SKIPPED_SHEET_PARTS = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'autoFilter',
  'mergeCells',
  'rowBreaks',
  'hyperlinks',
  'pageMargins',
  'dataValidations',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'picture',
  'drawing',
  'sheetProtection',
  'tableParts',
  'conditionalFormatting',
  'extLst',
];

interface DefinedNameModel {
  name: string;
  ranges: string[];
  localSheetId?: number;
}

/**
 * ExcelJS expands every defined name into one object per cell while loading,
 * so a name over a whole sheet never finishes. The names are only ever read
 * here, so they are kept as the file states them: ExcelJS hands them to
 * `definedNames.model` once, and this instance keeps that list as is.
 */
function keepNamesUnexpanded(workbook: ExcelJS.Workbook): void {
  let parsed: DefinedNameModel[] = [];
  Object.defineProperty(workbook.definedNames, 'model', {
    get: () => parsed,
    set: (value: DefinedNameModel[] | undefined) => {
      parsed = value ?? [];
    },
  });
}

/** A Node Buffer is a Uint8Array too; ExcelJS takes either, in Node and in the browser. */
export async function loadExcelWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const notXlsx = sniffFile(bytes);
  if (notXlsx) throw new WorkbookReadError(notXlsx.message, 'UNREADABLE');
  const workbook = new ExcelJS.Workbook();
  keepNamesUnexpanded(workbook);
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer, { ignoreNodes: SKIPPED_SHEET_PARTS });
  } catch (e) {
    throw new WorkbookReadError(`Tệp .xlsx bị hỏng, không đọc được (${(e as Error).message}).`, 'UNREADABLE');
  }
  if (workbook.worksheets.length === 0) throw new WorkbookReadError('Tệp không có trang tính nào.', 'UNREADABLE');
  return workbook;
}

/**
 * The metadata sheet holds a handful of keys at the top. Reading stops here,
 * so a stray row far down (row 999,999,999 in a damaged file) is not walked to.
 */
const META_ROWS_READ = 1000;

export function readMeta(workbook: ExcelJS.Workbook): Record<string, string> | null {
  const sheet = workbook.getWorksheet(META_SHEET_NAME);
  if (!sheet) return null;
  const meta: Record<string, string> = {};
  for (let r = 1; r <= META_ROWS_READ; r++) {
    const row = sheet.findRow(r);
    const key = row?.getCell(1).text;
    if (row && key) meta[key] = row.getCell(2).text;
  }
  return meta;
}

/** Excel's grid; a name past it points at no cell. */
const LAST_ROW = 1_048_576;
const LAST_COL = 16_384;

/** Workbook-wide names first; a sheet-scoped one counts only where no workbook-wide one does. */
export function readNames(workbook: ExcelJS.Workbook): Map<string, NamedCell> {
  const out = new Map<string, NamedCell>();
  const model = workbook.definedNames.model as DefinedNameModel[];
  const ordered = [...model.filter((d) => d.localSheetId === undefined), ...model.filter((d) => d.localSheetId !== undefined)];
  for (const { name, ranges } of ordered) {
    if (ranges.length !== 1 || out.has(name)) continue;
    const parsed = parseSheetRef(ranges[0]);
    if (!parsed || parsed.ref.includes(':') || !workbook.getWorksheet(parsed.sheet)) continue;
    const { row, col } = parseA1(parsed.ref);
    if (row < 1 || row > LAST_ROW || col > LAST_COL) continue;
    out.set(name, { sheet: parsed.sheet, row, col });
  }
  return out;
}

/** Reads a returned workbook; throws WorkbookReadError when it is unreadable or not ours. */
export async function readWorkbook(bytes: Uint8Array): Promise<ReadWorkbook> {
  const workbook = await loadExcelWorkbook(bytes);
  const meta = readMeta(workbook);
  if (!meta || !meta.rubricId) {
    throw new WorkbookReadError(METADATA_MISSING_MESSAGE, 'METADATA_MISSING');
  }
  const names = readNames(workbook);
  return {
    meta,
    names,
    hasName: (name) => names.has(name),
    locate: (name) => names.get(name),
    cell(name) {
      const at = names.get(name);
      if (!at) return { kind: 'empty' };
      return toCellInput((workbook.getWorksheet(at.sheet) as ExcelJS.Worksheet).getCell(at.row, at.col));
    },
    cellsAt: (locations) =>
      locations.map((l) => {
        const sheet = workbook.getWorksheet(l.sheet);
        return sheet ? toCellInput(sheet.getCell(l.row, l.col)) : { kind: 'empty' };
      }),
  };
}
