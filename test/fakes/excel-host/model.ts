/**
 * The workbook a fake Excel host holds: sheets, cells with their formats,
 * merges, validations, conditional formats, protection, page setup and
 * workbook-scope names. Proxies (objects.ts) change it only at sync().
 * Plain TypeScript, no Node modules: it also runs in the browser.
 */
import type { WorksheetChangedArgs } from '../../../src/excel/api';
import { parseA1, rangeA1, sheetRef, type RangeRef } from '../../../src/layout/a1';

export type CellValue = string | number | boolean;

export interface BorderEdge {
  style: string;
  color: string;
  weight: string;
}

export interface CellFont {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
  underline: string;
  color: string;
}

export interface CellState {
  /** A constant, or a formula's result (null: this host does not calculate). */
  value: CellValue | null;
  /** Without the leading "=". */
  formula?: string;
  numberFormat: string;
  font: CellFont;
  /** "#RRGGBB", or null for no fill. */
  fill: string | null;
  horizontal: string;
  vertical: string;
  wrap: boolean;
  borders: { top?: BorderEdge; bottom?: BorderEdge; left?: BorderEdge; right?: BorderEdge };
  locked: boolean;
}

export interface ValidationState {
  range: RangeRef;
  rule?: Excel.DataValidationRule;
  errorAlert?: Excel.DataValidationErrorAlert;
  prompt?: Excel.DataValidationPrompt;
  ignoreBlanks: boolean;
}

export interface ConditionalFormatState {
  range: RangeRef;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  /** The box a flag draws, by edge (EdgeTop …). */
  borders?: Partial<Record<string, { style?: string; color?: string }>>;
}

export interface HeaderSections {
  left: string;
  center: string;
  right: string;
}

export interface PageLayoutState {
  orientation?: string;
  paperSize?: string;
  zoom?: Excel.PageLayoutZoomOptions;
  margins: Partial<Record<'left' | 'right' | 'top' | 'bottom' | 'header' | 'footer', number>>;
  headerState?: string;
  firstPage: HeaderSections;
  defaultForAllPages: HeaderSections;
  firstPageFooter: HeaderSections;
  defaultFooter: HeaderSections;
  printTitleRows?: { from: number; to: number };
  printTitleColumns?: { from: number; to: number };
  printArea?: RangeRef;
}

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** What a change handler receives: the fields of Excel's event args this host fills in. */
export type ChangedEventArgs = WorksheetChangedArgs;
export type ChangeHandler = (args: ChangedEventArgs) => Promise<unknown>;

export interface SheetState {
  id: string;
  name: string;
  visibility: SheetVisibility;
  cells: Map<string, CellState>;
  merges: RangeRef[];
  validations: ValidationState[];
  conditionalFormats: ConditionalFormatState[];
  protection: { protected: boolean; password?: string; options?: Excel.WorksheetProtectionOptions };
  /** Points. */
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  frozenRows: number;
  frozenColumns: number;
  pageLayout: PageLayoutState;
  /** Rows a manual page break comes before. */
  rowBreaks: number[];
  /** Columns a manual page break comes before. */
  columnBreaks: number[];
  autoFilter?: RangeRef;
  changeHandlers: Set<ChangeHandler>;
}

export interface NameState {
  name: string;
  /** null once the sheet it pointed at was deleted (#REF!). */
  target: { sheetId: string; range: RangeRef } | null;
  comment: string;
  visible: boolean;
}

export const MAX_COLUMNS = 16384;
export const MAX_ROWS = 1048576;

/** Excel's own error, shaped like OfficeExtension.Error. */
export class FakeRichApiError extends Error implements Pick<OfficeExtension.Error, 'code' | 'debugInfo' | 'traceMessages'> {
  readonly debugInfo: OfficeExtension.DebugInfo;
  readonly traceMessages: string[] = [];

  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, errorLocation };
  }
}

export function newCell(): CellState {
  return {
    value: null,
    numberFormat: 'General',
    font: { name: 'Calibri', size: 11, bold: false, italic: false, underline: 'None', color: '#000000' },
    fill: null,
    horizontal: 'General',
    vertical: 'Bottom',
    wrap: false,
    borders: {},
    locked: true,
  };
}

/** Bytes of a string in UTF-8, as it travels in a request. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair (two code units) is four bytes: two each.
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdfff ? 2 : 3;
  }
  return bytes;
}

export const cellKey = (row: number, col: number) => `${row},${col}`;

export function* cellsOf(range: RangeRef): Generator<[number, number]> {
  for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) yield [r, c];
}

/** "C4" or "A1:J99" (no sheet part) → rectangle. */
export function parseAddress(address: string): RangeRef {
  const parts = address.split(':');
  const invalid = () => new FakeRichApiError('InvalidArgument', `The argument is invalid or missing: address "${address}".`);
  if (parts.length > 2) throw invalid();
  let first, last;
  try {
    first = parseA1(parts[0]);
    last = parseA1(parts[1] ?? parts[0]);
  } catch {
    throw invalid();
  }
  return {
    top: Math.min(first.row, last.row),
    bottom: Math.max(first.row, last.row),
    left: Math.min(first.col, last.col),
    right: Math.max(first.col, last.col),
  };
}

export function sameRange(a: RangeRef, b: RangeRef): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

export function rangeAddress(sheet: SheetState, range: RangeRef): string {
  return sheetRef(sheet.name, rangeA1(range));
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A value as Excel stores it when it arrives through `values`/`formulas` or
 * is typed: in a text-formatted ('@') cell every string stays text;
 * elsewhere "=…", "+…", "-…" and "@…" become formulas, numeric strings
 * numbers, TRUE/FALSE booleans, and a leading apostrophe marks text.
 * Returns undefined for null (Office.js leaves such cells unchanged).
 */
export function enteredValue(raw: unknown, numberFormat: string): { value: CellValue | null; formula?: string } | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'number' || typeof raw === 'boolean') return { value: raw };
  const text = String(raw);
  if (text === '') return { value: null };
  if (numberFormat === '@') return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { value: null, formula: text.slice(1) };
  if (NUMBER.test(text)) return { value: Number(text) };
  if (/^[+\-@]/.test(text) && text.length > 1) return { value: null, formula: text };
  if (/^(true|false)$/i.test(text)) return { value: text.toUpperCase() === 'TRUE' };
  return { value: text };
}

/** Excel.RangeValueType's value for a cell. */
export function valueType(cell: CellState | undefined): string {
  if (!cell || cell.value === null) return 'Empty';
  if (typeof cell.value === 'number') return 'Double';
  if (typeof cell.value === 'boolean') return 'Boolean';
  return 'String';
}
