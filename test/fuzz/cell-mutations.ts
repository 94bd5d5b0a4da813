/**
 * What a district user (or a careless tool) can do to a returned workbook in
 * a spreadsheet program, done through ExcelJS by defined name: odd values in
 * any cell, formulas in inputs, names deleted or moved, sheets renamed or
 * added, the metadata sheet deleted or edited, cells merged over inputs.
 * Cases are plain data (a 100,000-character string is `{ repeat, times }`),
 * so fast-check prints them readably.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readNames } from '../support/exceljs-read';
import { editWorkbook } from '../support/workbooks';
import { COMPUTED_NAMES, INPUT_NAMES, MAIN_SHEET_NAME, MAX_NAMES, META_SHEET_NAME } from './bases';

export type Hostile =
  | { text: string }
  | { repeat: string; times: number }
  | { number: number | 'NaN' | 'Infinity' | '-Infinity' }
  | { formula: string; result?: number | string }
  | { longFormula: number }
  | { date: number }
  | { dateFormatted: number }
  | { bool: boolean }
  | { error: string }
  | { richText: string[] }
  | { hyperlink: string; text: string }
  | { clear: true };

export type CellOp =
  | { op: 'set'; name: string; value: Hostile }
  | { op: 'deleteName'; name: string }
  | { op: 'moveName'; name: string; to: string }
  | { op: 'renameSheet'; to: string }
  | { op: 'extraSheets'; count: number }
  | { op: 'deleteMeta' }
  | { op: 'editMeta'; row: number; col: 1 | 2; value: Hostile }
  | { op: 'mergeOver'; name: string; rows: number; cols: number };

export interface CellCase {
  base: number;
  ops: CellOp[];
}

/** Text a number cell should never hold, but users and tools type. */
export const NUMBER_LIKE_TEXT = ['NaN', 'Infinity', '-Infinity', '1e309', '-1e309', '-0', '١٢', '１２', '1,5', '1.5.2', '0x10', ' 3 ', '3đ', '½', '∞', '', '   ', '=1+1', "'5", '5%'];

export const HOSTILE_FORMULAS = [
  'HYPERLINK("http://evil.example","bấm vào")',
  '1/0',
  'NA()',
  'INDIRECT("A1")',
  'TongDiem',
  'TC_01*1000',
  'SUM(A:A)',
  "'Tự chấm điểm'!H12",
  'WEBSERVICE("http://evil.example")',
  'CHAR(65)&"=1+1"',
  '"=HYPERLINK(""x"")"',
  '#REF!',
  '',
];

const oddText = fc.oneof(
  fc.constantFrom(...NUMBER_LIKE_TEXT),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

const oddNumber = fc.oneof(
  fc.constantFrom<number | 'NaN' | 'Infinity' | '-Infinity'>('NaN', 'Infinity', '-Infinity', -0, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, 2958466, -1),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -100, max: 100 }),
);

const hostile: fc.Arbitrary<Hostile> = fc.oneof(
  { weight: 4, arbitrary: oddText.map((text) => ({ text })) },
  fc.record({ repeat: fc.constantFrom('x', 'Hội ', '=', '&<>"'), times: fc.constantFrom(33_000, 100_000) }),
  { weight: 3, arbitrary: oddNumber.map((number) => ({ number })) },
  { weight: 2, arbitrary: fc.record({ formula: fc.constantFrom(...HOSTILE_FORMULAS) }, { requiredKeys: ['formula'] }) },
  fc.record({ formula: fc.constantFrom(...HOSTILE_FORMULAS), result: fc.oneof(oddNumber.filter((n): n is number => typeof n === 'number'), oddText) }),
  fc.record({ longFormula: fc.constantFrom(200, 3000, 8000) }),
  fc.record({ date: fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.constantFrom(0, 8.64e15 + 1, Number.MAX_SAFE_INTEGER)) }),
  fc.record({ dateFormatted: oddNumber.filter((n): n is number => typeof n === 'number') }),
  fc.record({ bool: fc.boolean() }),
  fc.record({ error: fc.constantFrom('#N/A', '#DIV/0!', '#REF!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!') }),
  fc.record({ richText: fc.array(oddText, { minLength: 1, maxLength: 3 }) }),
  fc.record({ hyperlink: fc.constantFrom('http://evil.example', 'javascript:alert(1)', 'file:///etc/passwd', '#Sheet1!A1'), text: oddText }),
  fc.constant({ clear: true as const }),
);

const anyName = fc.oneof(
  { weight: 7, arbitrary: fc.constantFrom(...INPUT_NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...COMPUTED_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom(...MAX_NAMES) },
);

const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** Where a name can be moved to: another cell, a small range, the metadata sheet, a sheet that is not there. */
const NAME_TARGETS = [
  `${quoted(MAIN_SHEET_NAME)}!$B$5`,
  `${quoted(MAIN_SHEET_NAME)}!$H$12:$J$14`,
  `${quoted(MAIN_SHEET_NAME)}!$A$1048576`,
  `${quoted(META_SHEET_NAME)}!$B$1`,
  `${quoted('Đã xoá')}!$H$12`,
];

const SHEET_NAMES = ['Sheet1', 'Khác', 'Tự chấm điểm (2)', "Bảng 'A'", 'tự chấm điểm', META_SHEET_NAME.toLowerCase()];

const cellOp: fc.Arbitrary<CellOp> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ op: fc.constant('set' as const), name: anyName, value: hostile }) },
  fc.record({ op: fc.constant('deleteName' as const), name: anyName }),
  fc.record({ op: fc.constant('moveName' as const), name: anyName, to: fc.constantFrom(...NAME_TARGETS) }),
  fc.record({ op: fc.constant('renameSheet' as const), to: fc.constantFrom(...SHEET_NAMES) }),
  fc.record({ op: fc.constant('extraSheets' as const), count: fc.integer({ min: 1, max: 30 }) }),
  fc.constant({ op: 'deleteMeta' as const }),
  { weight: 2, arbitrary: fc.record({ op: fc.constant('editMeta' as const), row: fc.integer({ min: 1, max: 12 }), col: fc.constantFrom(1 as const, 2 as const), value: hostile }) },
  fc.record({ op: fc.constant('mergeOver' as const), name: anyName, rows: fc.integer({ min: 1, max: 4 }), cols: fc.integer({ min: 1, max: 3 }) }),
);

export function cellCaseArb(bases: number): fc.Arbitrary<CellCase> {
  return fc.record({ base: fc.nat({ max: bases - 1 }), ops: fc.array(cellOp, { minLength: 1, maxLength: 4 }) });
}

const NUMBERS: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

export function cellValue(v: Hostile): { value: ExcelJS.CellValue; numFmt?: string } {
  if ('text' in v && !('hyperlink' in v)) return { value: v.text };
  if ('repeat' in v) return { value: v.repeat.repeat(v.times) };
  if ('number' in v) return { value: typeof v.number === 'number' ? v.number : NUMBERS[v.number] };
  if ('formula' in v) return { value: v.result === undefined ? { formula: v.formula } : ({ formula: v.formula, result: v.result } as ExcelJS.CellValue) };
  if ('longFormula' in v) return { value: { formula: Array.from({ length: v.longFormula }, (_, i) => `TC_01*${i}`).join('+') } };
  if ('date' in v) return { value: new Date(v.date) };
  if ('dateFormatted' in v) return { value: v.dateFormatted, numFmt: 'dd/mm/yyyy' };
  if ('bool' in v) return { value: v.bool };
  if ('error' in v) return { value: { error: v.error } as ExcelJS.CellErrorValue };
  if ('richText' in v) return { value: { richText: v.richText.map((text) => ({ text })) } };
  if ('hyperlink' in v) return { value: { text: v.text, hyperlink: v.hyperlink } };
  return { value: null };
}

function setCell(cell: ExcelJS.Cell, v: Hostile): void {
  const { value, numFmt } = cellValue(v);
  cell.value = value;
  // A new style object: ExcelJS shares one among the cells loaded with it.
  if (numFmt) cell.style = { ...cell.style, numFmt };
}

function rangesOf(wb: ExcelJS.Workbook, name: string): string[] {
  return (wb.definedNames.model as { name: string; ranges: string[] }[]).find((d) => d.name === name)?.ranges ?? [];
}

/** Applies one operation; one ExcelJS refuses (a merge over merged cells) leaves the workbook as it was. */
function applyCellOp(wb: ExcelJS.Workbook, op: CellOp): void {
  const at = 'name' in op ? readNames(wb).get(op.name) : undefined;
  const sheetAt = () => (at ? wb.getWorksheet(at.sheet) : undefined);
  try {
    switch (op.op) {
      case 'set':
        if (at) setCell((sheetAt() as ExcelJS.Worksheet).getCell(at.row, at.col), op.value);
        break;
      case 'deleteName':
        for (const range of rangesOf(wb, op.name)) wb.definedNames.remove(range, op.name);
        break;
      case 'moveName':
        for (const range of rangesOf(wb, op.name)) wb.definedNames.remove(range, op.name);
        wb.definedNames.add(op.to, op.name);
        break;
      case 'renameSheet': {
        const main = wb.getWorksheet(MAIN_SHEET_NAME);
        if (main) main.name = op.to;
        break;
      }
      case 'extraSheets':
        for (let i = 1; i <= op.count; i++) {
          const ws = wb.addWorksheet(`Thêm ${i}`);
          ws.getCell('A1').value = `Trang thêm ${i}`;
          ws.getCell('B2').value = i;
        }
        break;
      case 'deleteMeta': {
        const meta = wb.getWorksheet(META_SHEET_NAME);
        if (meta) wb.removeWorksheet(meta.id);
        break;
      }
      case 'editMeta': {
        const meta = wb.getWorksheet(META_SHEET_NAME);
        if (meta) setCell(meta.getCell(op.row, op.col), op.value);
        break;
      }
      case 'mergeOver':
        if (at) (sheetAt() as ExcelJS.Worksheet).mergeCells(at.row, at.col, at.row + op.rows - 1, at.col + op.cols);
        break;
    }
  } catch {
    // ExcelJS refused; the case goes on with the other operations.
  }
}

/** The edited workbook, or null when ExcelJS cannot write what the operations left. */
export async function applyCellCase(base: Buffer, c: CellCase): Promise<Buffer | null> {
  try {
    return await editWorkbook(base, (wb) => {
      for (const op of c.ops) applyCellOp(wb, op);
    });
  } catch {
    return null;
  }
}
