/**
 * A fake Excel host for tests and for the browser stand-in of office.js.
 *
 * - Writes are queued by the proxies and applied, in order, at sync().
 * - Syncs and queued operations are counted (syncCount, operationCount, syncLog),
 *   and each sync's request is sized (syncLog[].bytes: UTF-8 bytes of the
 *   operations' paths and the JSON of the values they carry).
 * - Reading a property that was not loaded and synced throws, as Office.js does.
 * - Missing sheets are null objects; what hangs off a null object is null
 *   too, and actions on it do nothing (as in Microsoft's own samples).
 * - Requirement sets are enforced: an API above `apiVersion` fails with ApiNotFound.
 * - failNextSync() makes the next sync fail without applying anything
 *   (InvalidOperationInCellEditMode by default); failSyncs(n) makes n in a row fail.
 * - getRanges takes areas joined by one list separator only (listSeparator).
 * - A context syncs only inside Excel.run; Excel.run(context, …) continues one.
 * - Formulas are stored, not calculated: a formula cell's value reads as "".
 *   Data validation is stored, not enforced.
 */
import type { ExcelRun } from '../../../src/excel/api';
import { rangeA1, sheetRef, type RangeRef } from '../../../src/layout/a1';
import { fittedRowHeight, MAX_ROW_HEIGHT_PT } from '../../../src/layout/text-fit';
import {
  FakeRichApiError,
  MAX_COLUMNS,
  MAX_ROWS,
  cellKey,
  cellsOf,
  enteredValue,
  newCell,
  parseAddress,
  rangeAddress,
  sameRange,
  valueType,
  type BorderEdge,
  type CellState,
  type ChangedEventArgs,
  type ConditionalFormatState,
  type NameState,
  type SheetState,
  type SheetVisibility,
  type ValidationState,
} from './model';
import { FakeRequestContext } from './objects';

/** Excel's standard row and column in Calibri 11: 15 pt, 8.43 characters (64 px). */
const DEFAULT_ROW_POINTS = 15;
const DEFAULT_COLUMN_POINTS = 48;

/** The performance measure of the host applying a request, in a browser page. */
export const HOST_WORK = 'fake Excel: request applied';

export interface FakeExcelHostOptions {
  /** Highest ExcelApi requirement set supported, e.g. '1.8'. */
  apiVersion?: string;
  /** Sheets the workbook starts with. */
  sheetNames?: string[];
  /**
   * The list separator getRanges takes: "," by default, ";" as some desktop
   * builds under a locale whose decimal mark is a comma (vi-VN, de-DE) want
   * it; the other one is refused. "none" refuses any address of several areas.
   */
  listSeparator?: ',' | ';' | 'none';
}

/** A cell range on a sheet, as proxies resolve it at sync time. */
export interface RangeTarget {
  sheet: SheetState;
  range: RangeRef;
  /** getEntireRow() / getEntireColumn(): only usable as an argument (print titles, page breaks). */
  entireRow?: boolean;
  entireColumn?: boolean;
}

export type BorderSide = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';

function compareVersions(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am !== bm ? am - bm : (an ?? 0) - (bn ?? 0);
}

const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/;
const NAME_SYNTAX = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;
const LOOKS_LIKE_CELL = /^[A-Za-z]{1,3}\d+$/;
const PROTECTED = 'The cell or chart you are trying to change is on a protected sheet.';

export class FakeExcelHost {
  readonly sheets: SheetState[] = [];
  /** Workbook-scope names by upper-case name (Excel compares names without case). */
  readonly names = new Map<string, NameState>();
  apiVersion: string;
  readonly listSeparator: ',' | ';' | 'none';
  activeSheetId?: string;
  selection?: { sheetId: string; range: RangeRef };
  syncCount = 0;
  /** Queued actions, loads and property writes sent over all syncs. */
  operationCount = 0;
  /** Per sync: its operations, where each was queued (the API path it took), and the request's size. */
  readonly syncLog: { operations: number; locations: string[]; bytes: number; failed?: string }[] = [];
  /** Errors thrown by change handlers (Excel only logs them). */
  readonly handlerErrors: unknown[] = [];
  private nextSheetId = 1;
  private readonly failures: string[] = [];
  private changes: { sheet: SheetState; range: RangeRef; trigger: ChangedEventArgs['triggerSource'] }[] = [];

  constructor(options: FakeExcelHostOptions = {}) {
    this.apiVersion = options.apiVersion ?? '1.9';
    this.listSeparator = options.listSeparator ?? ',';
    for (const name of options.sheetNames ?? ['Sheet1']) this.addSheet(name);
    this.activeSheetId = this.sheets[0]?.id;
  }

  // ---- Office.js entry points -------------------------------------------

  /** Office.context.requirements.isSetSupported. */
  supports(set: string, minVersion = '1.1'): boolean {
    return set.toLowerCase() === 'excelapi' && compareVersions(this.apiVersion, minVersion) >= 0;
  }

  /** The one place a fake context passes for the real Excel.RequestContext. */
  private asExcel(context: FakeRequestContext): Excel.RequestContext {
    return context as unknown as Excel.RequestContext;
  }

  /**
   * Excel.run(batch): a fresh context; Excel.run(context, batch) continues an
   * earlier one (as removing an event handler must). Queued work left
   * unsynced at the end is a bug and fails.
   */
  readonly run: ExcelRun = (batch, continuing) =>
    this.runIn(continuing ? (continuing as unknown as FakeRequestContext) : new FakeRequestContext(this), batch);

  async runIn<T>(context: FakeRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    context.running++;
    try {
      const result = await batch(this.asExcel(context));
      if (context.pending > 0) throw new Error(`fake Excel: ${context.pending} queued operation(s) were never synced`);
      return result;
    } finally {
      context.running--;
    }
  }

  failNextSync(code = 'InvalidOperationInCellEditMode'): void {
    this.failures.push(code);
  }

  /**
   * `count` syncs in a row fail without applying anything, as Excel refuses
   * every request while a user keeps editing a cell; `after` syncs go through first.
   */
  failSyncs(count: number, { after = 0, code = 'InvalidOperationInCellEditMode' }: { after?: number; code?: string } = {}): void {
    for (let i = 0; i < after; i++) this.failures.push('');
    for (let i = 0; i < count; i++) this.failures.push(code);
  }

  async sync(context: FakeRequestContext): Promise<void> {
    const steps = context.takeQueue();
    this.syncCount++;
    this.operationCount += steps.length;
    const bytes = steps.reduce((n, step) => n + step.bytes, 0);
    const locations = steps.map((step) => step.location);
    // A round trip, as Office.js makes one: the request is answered in a later task of the page, so
    // the host's own work on it is no task of the caller's (a task of this file's, in a browser's
    // timings); nothing queued is visible before it resolves.
    await new Promise<void>((resolve) => setTimeout(() => resolve(), 0));
    const failure = this.failures.shift();
    if (failure) {
      this.syncLog.push({ operations: steps.length, locations, bytes, failed: failure });
      throw new FakeRichApiError(failure, 'This operation is not permitted in the current state (fake failure).');
    }
    this.syncLog.push({ operations: steps.length, locations, bytes });
    const appliedFrom = performance.now();
    try {
      for (const step of steps) {
        try {
          step.apply();
        } catch (error) {
          if (error instanceof FakeRichApiError && !error.debugInfo.errorLocation) error.debugInfo.errorLocation = step.location;
          throw error;
        }
      }
    } finally {
      // In a page, the host's own work is marked, so a timing of the page can leave it out.
      if (typeof window !== 'undefined') performance.measure(HOST_WORK, { start: appliedFrom, end: performance.now() });
      // The answer comes back in a task of its own too.
      await new Promise<void>((resolve) => setTimeout(() => resolve(), 0));
      this.dispatchChanges();
    }
  }

  requireApi(version: string, what: string): void {
    if (!this.supports('ExcelApi', version)) {
      throw new FakeRichApiError('ApiNotFound', `The API you are trying to use could not be found (${what} needs ExcelApi ${version}).`);
    }
  }

  // ---- sheets -------------------------------------------------------------

  sheetByKey(key: string): SheetState | undefined {
    const upper = key.toUpperCase();
    return this.sheets.find((s) => s.id === key || s.name.toUpperCase() === upper);
  }

  private checkSheetName(name: string, except?: SheetState): void {
    if (name.length === 0 || name.length > 31 || SHEET_NAME_FORBIDDEN.test(name) || /^'|'$/.test(name)) {
      throw new FakeRichApiError('InvalidArgument', `The argument is invalid or missing: sheet name "${name}".`);
    }
    const clash = this.sheetByKey(name);
    if (clash && clash !== except) throw new FakeRichApiError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
  }

  addSheet(name?: string): SheetState {
    let chosen = name;
    for (let n = this.sheets.length + 1; chosen === undefined; n++) if (!this.sheetByKey(`Sheet${n}`)) chosen = `Sheet${n}`;
    this.checkSheetName(chosen);
    const sheet: SheetState = {
      id: `{sheet-${this.nextSheetId++}}`,
      name: chosen,
      visibility: 'Visible',
      cells: new Map(),
      merges: [],
      validations: [],
      conditionalFormats: [],
      protection: { protected: false },
      columnWidths: new Map(),
      rowHeights: new Map(),
      frozenRows: 0,
      frozenColumns: 0,
      pageLayout: {
        margins: {},
        firstPage: { left: '', center: '', right: '' },
        defaultForAllPages: { left: '', center: '', right: '' },
        firstPageFooter: { left: '', center: '', right: '' },
        defaultFooter: { left: '', center: '', right: '' },
      },
      rowBreaks: [],
      columnBreaks: [],
      changeHandlers: new Set(),
    };
    this.sheets.push(sheet);
    return sheet;
  }

  private visibleSheets(): SheetState[] {
    return this.sheets.filter((s) => s.visibility === 'Visible');
  }

  deleteSheet(sheet: SheetState): void {
    if (!this.sheets.includes(sheet)) throw new FakeRichApiError('ItemNotFound', 'The requested resource does not exist.');
    if (sheet.visibility === 'VeryHidden') {
      throw new FakeRichApiError('InvalidOperation', 'A very hidden worksheet cannot be deleted; make it visible or hidden first.');
    }
    if (sheet.visibility === 'Visible' && this.visibleSheets().length === 1) {
      throw new FakeRichApiError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const n of this.names.values()) if (n.target?.sheetId === sheet.id) n.target = null;
    sheet.changeHandlers.clear();
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.visibleSheets()[0]?.id;
    if (this.selection?.sheetId === sheet.id) this.selection = undefined;
  }

  renameSheet(sheet: SheetState, name: string): void {
    this.checkSheetName(name, sheet);
    sheet.name = name;
  }

  moveSheet(sheet: SheetState, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw new FakeRichApiError('InvalidArgument', `The argument is invalid or missing: position ${position}.`);
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  setVisibility(sheet: SheetState, visibility: SheetVisibility): void {
    if (visibility !== 'Visible' && sheet.visibility === 'Visible' && this.visibleSheets().length === 1) {
      throw new FakeRichApiError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    }
    sheet.visibility = visibility;
    if (visibility !== 'Visible' && this.activeSheetId === sheet.id) this.activeSheetId = this.visibleSheets()[0]?.id;
  }

  activate(sheet: SheetState): void {
    if (sheet.visibility !== 'Visible') throw new FakeRichApiError('InvalidOperation', 'A hidden worksheet cannot be activated.');
    this.activeSheetId = sheet.id;
  }

  select(target: RangeTarget): void {
    this.activate(target.sheet);
    this.selection = { sheetId: target.sheet.id, range: target.range };
  }

  protect(sheet: SheetState, options: Excel.WorksheetProtectionOptions | undefined, password: string | undefined): void {
    if (sheet.protection.protected) throw new FakeRichApiError('InvalidOperation', 'The worksheet is already protected.');
    sheet.protection = { protected: true, password, options: { ...options } };
  }

  // ---- cells --------------------------------------------------------------

  cell(sheet: SheetState, row: number, col: number): CellState {
    const key = cellKey(row, col);
    let cell = sheet.cells.get(key);
    if (!cell) {
      cell = newCell();
      sheet.cells.set(key, cell);
    }
    return cell;
  }

  /** Bounding box of cells holding something (or, unless valuesOnly, formatted). */
  usedRange(sheet: SheetState, valuesOnly: boolean): RangeRef | null {
    let box: RangeRef | null = null;
    for (const [key, cell] of sheet.cells) {
      if (valuesOnly && cell.value === null && cell.formula === undefined) continue;
      const [row, col] = key.split(',').map(Number);
      box = box
        ? { top: Math.min(box.top, row), left: Math.min(box.left, col), bottom: Math.max(box.bottom, row), right: Math.max(box.right, col) }
        : { top: row, left: col, bottom: row, right: col };
    }
    return box;
  }

  private cellsOnly(target: RangeTarget, what: string): RangeRef {
    if (target.entireRow || target.entireColumn) throw new Error(`fake Excel: ${what} on an entire row or column is not implemented`);
    return target.range;
  }

  readGrid(target: RangeTarget, property: string): unknown {
    const { sheet } = target;
    const range = this.cellsOnly(target, `reading ${property}`);
    const grid = (of: (cell: CellState | undefined) => unknown) => {
      const rows: unknown[][] = [];
      for (let r = range.top; r <= range.bottom; r++) {
        const row: unknown[] = [];
        for (let c = range.left; c <= range.right; c++) row.push(of(sheet.cells.get(cellKey(r, c))));
        rows.push(row);
      }
      return rows;
    };
    switch (property) {
      case 'address':
        return rangeAddress(sheet, range);
      case 'values':
        return grid((cell) => cell?.value ?? '');
      case 'formulas':
        return grid((cell) => (cell?.formula !== undefined ? `=${cell.formula}` : (cell?.value ?? '')));
      case 'numberFormat':
        return grid((cell) => cell?.numberFormat ?? 'General');
      case 'valueTypes':
        return grid((cell) => valueType(cell));
      case 'rowIndex':
        return range.top - 1;
      case 'columnIndex':
        return range.left - 1;
      case 'rowCount':
        return range.bottom - range.top + 1;
      case 'columnCount':
        return range.right - range.left + 1;
      default:
        throw new Error(`fake Excel: Range.${property} cannot be loaded`);
    }
  }

  /** A 2-D argument must match the range; a single value fills it, as in Office.js. */
  private grid(range: RangeRef, raw: unknown, what: string): (row: number, col: number) => unknown {
    if (!Array.isArray(raw)) return () => raw;
    const rows = range.bottom - range.top + 1;
    const cols = range.right - range.left + 1;
    if (raw.length !== rows || raw.some((r) => !Array.isArray(r) || r.length !== cols)) {
      throw new FakeRichApiError(
        'InvalidArgument',
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
      );
    }
    return (row, col) => (raw as unknown[][])[row - range.top][col - range.left];
  }

  private assertEditable(sheet: SheetState, range: RangeRef): void {
    if (!sheet.protection.protected) return;
    for (const [r, c] of cellsOf(range)) {
      if (sheet.cells.get(cellKey(r, c))?.locked ?? true) throw new FakeRichApiError('AccessDenied', PROTECTED);
    }
  }

  private assertFormattable(sheet: SheetState, allowed?: boolean): void {
    if (sheet.protection.protected && !allowed) throw new FakeRichApiError('AccessDenied', PROTECTED);
  }

  /** Range.values / Range.formulas. */
  writeEntries(target: RangeTarget, raw: unknown, what: string): void {
    const { sheet } = target;
    const range = this.cellsOnly(target, what);
    this.assertEditable(sheet, range);
    const at = this.grid(range, raw, what);
    for (const [r, c] of cellsOf(range)) this.enter(sheet, r, c, at(r, c));
    this.changes.push({ sheet, range, trigger: 'ThisLocalAddin' });
  }

  private enter(sheet: SheetState, row: number, col: number, raw: unknown): void {
    const cell = this.cell(sheet, row, col);
    const entered = enteredValue(raw, cell.numberFormat);
    if (!entered) return;
    cell.value = entered.value;
    if (entered.formula === undefined) delete cell.formula;
    else cell.formula = entered.formula;
  }

  writeNumberFormat(target: RangeTarget, raw: unknown): void {
    const { sheet } = target;
    const range = this.cellsOnly(target, 'numberFormat');
    this.assertFormattable(sheet, sheet.protection.options?.allowFormatCells);
    const at = this.grid(range, raw, 'numberFormat');
    for (const [r, c] of cellsOf(range)) {
      const v = at(r, c);
      if (v !== null && v !== undefined) this.cell(sheet, r, c).numberFormat = String(v);
    }
  }

  formatCells(target: RangeTarget, apply: (cell: CellState) => void): void {
    const { sheet } = target;
    const range = this.cellsOnly(target, 'formatting');
    this.assertFormattable(sheet, sheet.protection.options?.allowFormatCells);
    for (const [r, c] of cellsOf(range)) apply(this.cell(sheet, r, c));
  }

  setLocked(target: RangeTarget, locked: boolean): void {
    const { sheet } = target;
    this.assertFormattable(sheet);
    for (const [r, c] of cellsOf(this.cellsOnly(target, 'locking'))) this.cell(sheet, r, c).locked = locked;
  }

  setColumnWidth(target: RangeTarget, points: number): void {
    this.assertFormattable(target.sheet, target.sheet.protection.options?.allowFormatColumns);
    for (let c = target.range.left; c <= Math.min(target.range.right, MAX_COLUMNS); c++) target.sheet.columnWidths.set(c, points);
  }

  setRowHeight(target: RangeTarget, points: number): void {
    this.assertFormattable(target.sheet, target.sheet.protection.options?.allowFormatRows);
    for (let r = target.range.top; r <= target.range.bottom; r++) target.sheet.rowHeights.set(r, points);
  }

  /**
   * Range.format.autofitRows, as Excel fits a row: to the tallest cell of
   * the whole row, not only of the range; a merged cell is left out, so a
   * row whose text is all in merged cells falls to the default height
   * (office-js #1840, "same as UI design"); wrapped text takes its lines
   * in the column's width, other text one line; an empty row 15 pt.
   */
  autofitRows(target: RangeTarget): void {
    const { sheet, range } = target;
    this.assertFormattable(sheet, sheet.protection.options?.allowFormatRows);
    const merged = (row: number, col: number) => sheet.merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
    const heights = new Map<number, number>();
    for (const [key, cell] of sheet.cells) {
      const [row, col] = key.split(',').map(Number);
      if (row < range.top || row > range.bottom || merged(row, col)) continue;
      const text = cell.value === null ? '' : String(cell.value);
      if (text === '') continue;
      const widthChars = ((sheet.columnWidths.get(col) ?? DEFAULT_COLUMN_POINTS) / 0.75 - 5) / 7;
      const box = { text: cell.wrap ? text : 'x', widthChars, sizePt: cell.font.size, bold: cell.font.bold };
      heights.set(row, Math.max(heights.get(row) ?? DEFAULT_ROW_POINTS, fittedRowHeight([box])));
    }
    // No row is taller than Excel's 409 pt: a longer text stays clipped.
    for (let r = range.top; r <= Math.min(range.bottom, MAX_ROWS); r++) sheet.rowHeights.set(r, Math.min(MAX_ROW_HEIGHT_PT, heights.get(r) ?? DEFAULT_ROW_POINTS));
  }

  setBorder(target: RangeTarget, side: BorderSide, change: Partial<BorderEdge>): void {
    const { sheet } = target;
    const range = this.cellsOnly(target, 'borders');
    this.assertFormattable(sheet, sheet.protection.options?.allowFormatCells);
    const edit = (row: number, col: number, edge: keyof CellState['borders']) => {
      const cell = this.cell(sheet, row, col);
      const next = { ...(cell.borders[edge] ?? { style: 'Continuous', color: '#000000', weight: 'Thin' }), ...change };
      if (next.style === 'None') delete cell.borders[edge];
      else cell.borders[edge] = next;
    };
    for (const [r, c] of cellsOf(range)) {
      if (side === 'EdgeTop' && r === range.top) edit(r, c, 'top');
      if (side === 'EdgeBottom' && r === range.bottom) edit(r, c, 'bottom');
      if (side === 'EdgeLeft' && c === range.left) edit(r, c, 'left');
      if (side === 'EdgeRight' && c === range.right) edit(r, c, 'right');
      if (side === 'InsideHorizontal' && r > range.top) edit(r, c, 'top');
      if (side === 'InsideHorizontal' && r < range.bottom) edit(r, c, 'bottom');
      if (side === 'InsideVertical' && c > range.left) edit(r, c, 'left');
      if (side === 'InsideVertical' && c < range.right) edit(r, c, 'right');
    }
  }

  merge(target: RangeTarget, across: boolean): void {
    const { sheet } = target;
    const range = this.cellsOnly(target, 'merge');
    this.assertFormattable(sheet);
    const areas = across
      ? Array.from({ length: range.bottom - range.top + 1 }, (_, i) => ({ ...range, top: range.top + i, bottom: range.top + i }))
      : [range];
    for (const area of areas) {
      const overlaps = sheet.merges.some(
        (m) => m.left <= area.right && area.left <= m.right && m.top <= area.bottom && area.top <= m.bottom,
      );
      if (overlaps) throw new FakeRichApiError('InvalidOperation', 'Cannot merge cells that overlap an existing merged area.');
      if (area.top !== area.bottom || area.left !== area.right) sheet.merges.push(area);
    }
  }

  validationAt(target: RangeTarget): ValidationState {
    const { sheet } = target;
    const range = this.cellsOnly(target, 'data validation');
    this.assertFormattable(sheet);
    let validation = sheet.validations.find((v) => sameRange(v.range, range));
    if (!validation) {
      validation = { range, ignoreBlanks: true };
      sheet.validations.push(validation);
    }
    return validation;
  }

  addConditionalFormat(target: RangeTarget, type: string): ConditionalFormatState {
    const { sheet } = target;
    const range = this.cellsOnly(target, 'conditional formats');
    this.assertFormattable(sheet);
    if (type !== 'Custom') throw new Error(`fake Excel: conditional format type ${type} is not implemented`);
    const cf: ConditionalFormatState = { range, type };
    sheet.conditionalFormats.push(cf);
    return cf;
  }

  /**
   * Range.moveTo, and a user's cut and paste: what `source` holds (values,
   * formulas, formats, locking) moves to the area of its size at the top-left
   * corner of `destination`, and the source is left blank. Names whose range
   * lies inside the source follow it; names inside the area pasted over, and
   * not moved with it, become #REF!, as references to it do in Excel.
   * Refused on a protected sheet when a cell on either side is locked.
   * Not modelled: formulas referring to moved cells by address (the standard
   * sheet refers to names), and the validation and conditional formats that
   * travel with the cells.
   */
  moveCells(source: RangeTarget, destination: RangeTarget, trigger: ChangedEventArgs['triggerSource']): void {
    const from = this.cellsOnly(source, 'moveTo');
    const corner = this.cellsOnly(destination, 'moveTo');
    const rows = from.bottom - from.top;
    const cols = from.right - from.left;
    const to: RangeRef = { top: corner.top, left: corner.left, bottom: corner.top + rows, right: corner.left + cols };
    if (to.bottom > MAX_ROWS || to.right > MAX_COLUMNS) {
      throw new FakeRichApiError('InvalidArgument', 'The argument is invalid or missing: moveTo would leave the grid.');
    }
    this.assertEditable(source.sheet, from);
    this.assertEditable(destination.sheet, to);
    const moving = [...cellsOf(from)].map(([r, c]) => source.sheet.cells.get(cellKey(r, c)));
    for (const [r, c] of cellsOf(from)) source.sheet.cells.delete(cellKey(r, c));
    [...cellsOf(to)].forEach(([r, c], i) => {
      const cell = moving[i];
      if (cell) destination.sheet.cells.set(cellKey(r, c), structuredClone(cell));
      else destination.sheet.cells.delete(cellKey(r, c));
    });
    const inside = (name: NameState, sheet: SheetState, area: RangeRef) =>
      name.target?.sheetId === sheet.id &&
      name.target.range.top >= area.top &&
      name.target.range.bottom <= area.bottom &&
      name.target.range.left >= area.left &&
      name.target.range.right <= area.right;
    const followers = [...this.names.values()].filter((n) => inside(n, source.sheet, from));
    for (const n of this.names.values()) if (!followers.includes(n) && inside(n, destination.sheet, to)) n.target = null;
    for (const n of followers) {
      const r = (n.target as NonNullable<NameState['target']>).range;
      const down = to.top - from.top;
      const across = to.left - from.left;
      n.target = { sheetId: destination.sheet.id, range: { top: r.top + down, bottom: r.bottom + down, left: r.left + across, right: r.right + across } };
    }
    this.changes.push({ sheet: source.sheet, range: from, trigger }, { sheet: destination.sheet, range: to, trigger });
  }

  // ---- names ----------------------------------------------------------------

  addName(name: string, target: RangeTarget, comment: string): NameState {
    if (!NAME_SYNTAX.test(name) || LOOKS_LIKE_CELL.test(name) || name.length > 255) {
      throw new FakeRichApiError('InvalidArgument', `The argument is invalid or missing: name "${name}".`);
    }
    if (this.names.has(name.toUpperCase())) throw new FakeRichApiError('ItemAlreadyExists', `The name "${name}" already exists.`);
    if (target.entireRow || target.entireColumn) throw new Error('fake Excel: names over entire rows or columns are not implemented');
    const state: NameState = { name, target: { sheetId: target.sheet.id, range: target.range }, comment, visible: true };
    this.names.set(name.toUpperCase(), state);
    return state;
  }

  deleteName(name: NameState): void {
    this.names.delete(name.name.toUpperCase());
  }

  /** NamedItem.formula: "='Tự chấm điểm'!$C$4", or "=#REF!" once its sheet is gone. */
  nameFormula(name: NameState): string {
    const sheet = name.target && this.sheets.find((s) => s.id === name.target?.sheetId);
    return sheet && name.target ? `=${sheetRef(sheet.name, rangeA1(name.target.range, true))}` : '=#REF!';
  }

  /** A reference given as text to names.add: "=Sheet!$A$1" or "Sheet!A1". */
  referenceTarget(reference: string): RangeTarget {
    const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(reference.trim());
    const sheet = m && this.sheetByKey(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
    if (!m || !sheet) throw new FakeRichApiError('InvalidArgument', `The argument is invalid or missing: reference "${reference}".`);
    return { sheet, range: parseAddress(m[3].replace(/\$/g, '')) };
  }

  // ---- events ---------------------------------------------------------------

  private dispatchChanges(): void {
    const changes = this.changes;
    this.changes = [];
    for (const change of changes) {
      const args: ChangedEventArgs = {
        address: rangeA1(change.range),
        changeType: 'RangeEdited',
        source: 'Local',
        type: 'WorksheetChanged',
        worksheetId: change.sheet.id,
        triggerSource: change.trigger,
      };
      for (const handler of change.sheet.changeHandlers) {
        // Excel calls handlers after the batch that caused the change returns.
        void Promise.resolve()
          .then(() => handler(args))
          .catch((error: unknown) => this.handlerErrors.push(error));
      }
    }
  }

  // ---- for tests: look and type like a user ---------------------------------

  sheet(name: string): SheetState {
    const sheet = this.sheetByKey(name);
    if (!sheet) throw new Error(`fake Excel: no sheet "${name}"`);
    return sheet;
  }

  cellAt(sheetName: string, address: string): CellState | undefined {
    const range = parseAddress(address);
    return this.sheet(sheetName).cells.get(cellKey(range.top, range.left));
  }

  /** The sheet and A1 address a defined name points at. */
  nameAddress(name: string): { sheet: string; address: string } | undefined {
    const state = this.names.get(name.toUpperCase());
    const sheet = state?.target && this.sheets.find((s) => s.id === state.target?.sheetId);
    return sheet && state?.target ? { sheet: sheet.name, address: rangeA1(state.target.range) } : undefined;
  }

  /** Types into a cell as a user would; refused on a locked cell of a protected sheet. */
  type(sheetName: string, address: string, input: string | number): void {
    const sheet = this.sheet(sheetName);
    const range = parseAddress(address);
    this.assertEditable(sheet, range);
    for (const [r, c] of cellsOf(range)) this.enter(sheet, r, c, input);
    this.changes.push({ sheet, range, trigger: 'Unknown' });
    this.dispatchChanges();
  }

  /** Cuts a cell range and pastes it at `to`, as a user would: Excel's move, names and all. */
  cutAndPaste(sheetName: string, from: string, to: string): void {
    const sheet = this.sheet(sheetName);
    this.moveCells({ sheet, range: parseAddress(from) }, { sheet, range: parseAddress(to) }, 'Unknown');
    this.dispatchChanges();
  }

  typeIntoName(name: string, input: string | number): void {
    const at = this.nameAddress(name);
    if (!at) throw new Error(`fake Excel: no name "${name}"`);
    this.type(at.sheet, at.address, input);
  }
}
