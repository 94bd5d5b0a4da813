/**
 * What any planned sheet turns into through Office.js, as a list of queued
 * operations with their estimated size in the request. The standard sheet
 * runs them all before one sync; the merge packs them into requests that
 * stay under Excel's payload limit. Nothing here syncs.
 */
import { a1, formulaShape, rangeA1, type RangeRef } from '../layout/a1';
import { TEXT_FORMAT, numberFormatOf, sheetBounds, type PlanValidation, type PrintSetup, type SheetCell, type SheetModel } from '../layout/model';
import { BODY_SIZE, FLAG_STYLES, FONT_NAME, STYLES, type CellStyle } from '../layout/styles';
import type { BorderSide, FormatTargetApi, HeaderFooterApi, RangeApi, RangeFormatApi, WorksheetApi } from './api';
import { paint, type Need } from './paint';

export const TEXT = TEXT_FORMAT;
const GENERAL = 'General';
const POINTS_PER_MM = 72 / 25.4;
const BORDER_COLOR = '#808080';
const BORDER_SIDES: BorderSide[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'];
const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VERTICAL = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/**
 * Request bytes of one operation without its data: the action and the
 * object path it runs on (getRange("…").format.font…), as Office.js
 * serialises them. Generous, so estimates err towards smaller requests.
 */
export const OPERATION_BYTES = 400;

/** One or a few queued operations and what they add to the request. */
export interface SheetOp {
  bytes: number;
  queue(): void;
}

const op = (operations: number, queue: () => void): SheetOp => ({ bytes: operations * OPERATION_BYTES, queue });

/** Office.js documents 8,192 characters as the longest address it takes. */
export const MAX_ADDRESS_LENGTH = 8192;

/**
 * Applies `write` to each item's range: one call per range, or, when the
 * host has RangeAreas (ExcelApi 1.9), one call per as many ranges as an
 * address holds, so the count grows with distinct looks and rules rather
 * than with rows. `write` gets the first item of its call. With `anchored`
 * (relative formulas), items come sorted by top then left, and a call
 * stays where its first area's corner is the top-left corner of them all:
 * whether Excel reads the formula against the first area or against the
 * whole, it is the same cell, and the formula holds, moved, for the rest.
 */
function areaOps<T extends { range: RangeRef }>(
  sheet: WorksheetApi,
  items: readonly T[],
  multiArea: boolean,
  operations: number,
  dataBytes: (first: T) => number,
  write: (target: FormatTargetApi, first: T) => void,
  anchored = false,
): SheetOp[] {
  const single = (item: T, address: string): SheetOp => ({
    bytes: operations * OPERATION_BYTES + dataBytes(item) + address.length,
    queue: () => write(sheet.getRange(address), item),
  });
  if (!multiArea) return items.map((item) => single(item, rangeA1(item.range)));
  const out: SheetOp[] = [];
  let batch: T[] = [];
  let address = '';
  const flush = () => {
    if (batch.length === 1) out.push(single(batch[0], address));
    else if (batch.length > 1) {
      const first = batch[0];
      const areas = address;
      out.push({ bytes: operations * OPERATION_BYTES + dataBytes(first) + areas.length, queue: () => write(sheet.getRanges(areas), first) });
    }
    batch = [];
    address = '';
  };
  for (const item of items) {
    const next = rangeA1(item.range);
    const tooLong = address.length + 1 + next.length > MAX_ADDRESS_LENGTH;
    const leftOfAnchor = anchored && batch.length > 0 && item.range.left < batch[0].range.left;
    if (batch.length > 0 && (tooLong || leftOfAnchor)) flush();
    address = batch.length === 0 ? next : `${address},${next}`;
    batch.push(item);
  }
  flush();
  return out;
}

/** Items grouped by key, groups in order of first appearance. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

/** A rule's formula relative to its range's corner: rules of one shape can share a call. */
function ruleShape(range: RangeRef, formula: string | undefined): string {
  return formula === undefined ? '' : formulaShape(formula, { row: range.top, col: range.left });
}

const topThenLeft = <T extends { range: RangeRef }>(items: T[]): T[] =>
  [...items].sort((a, b) => a.range.top - b.range.top || a.range.left - b.range.left);

/** UTF-8 bytes of a value's JSON, as it travels in the request. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value);
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdfff ? 2 : 3;
  }
  return bytes;
}

/** Excel column widths are set in points; plans give characters of the default font. */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** A planned cell with its look resolved. */
interface GridCell extends SheetCell {
  look: CellStyle;
}

const NO_STYLE: CellStyle = {};

/** Every cell of a sheet model's rectangle, with the cells hidden under merges. */
export class CellGrid {
  private readonly cells = new Map<string, GridCell>();
  private readonly mergedAway = new Set<string>();
  readonly bounds: RangeRef;

  constructor(sheet: SheetModel) {
    this.bounds = sheetBounds(sheet);
    for (const c of sheet.cells) this.cells.set(`${c.row},${c.col}`, { ...c, look: c.style ? STYLES[c.style] : NO_STYLE });
    for (const m of sheet.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) this.mergedAway.add(`${r},${c}`);
      }
    }
  }

  cell(row: number, col: number): GridCell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  /** For formats nobody sees on a blank cell (font, alignment). */
  invisible<V>(of: (cell: GridCell) => V): Need<V> {
    return (row, col) => {
      const cell = this.cell(row, col);
      // A cell without a style keeps the workbook's default look.
      return cell?.style ? of(cell) : undefined;
    };
  }

  /** For formats a blank cell shows (fill, borders) or that guard it (locking): only merged-away cells are free. */
  visible<V>(of: (cell: GridCell) => V, blank: V): Need<V> {
    return (row, col) => {
      const cell = this.cell(row, col);
      if (cell) return of(cell);
      return this.mergedAway.has(`${row},${col}`) ? undefined : blank;
    };
  }

  /**
   * One row's number formats and contents. Text cells are formatted as text
   * (numberFormatOf), so a value like "=HYPERLINK(…)", "+84…" or "- Cấp huyện"
   * stays text once it lands: the formats must be written before the values.
   * Text in a cell that keeps another format (an entry carried into a
   * numeric input) gets a leading apostrophe, Excel's own marker for text.
   */
  row(row: number): { formats: string[]; formulas: (string | number)[] } {
    const formats: string[] = [];
    const formulas: (string | number)[] = [];
    for (let c = this.bounds.left; c <= this.bounds.right; c++) {
      const cell = this.cell(row, c);
      const format = (cell && numberFormatOf(cell)) ?? GENERAL;
      formats.push(format);
      if (cell?.formula !== undefined) formulas.push(`=${cell.formula}`);
      else if (typeof cell?.value === 'string') formulas.push(format === TEXT ? cell.value : `'${cell.value}`);
      else formulas.push(cell?.value ?? '');
    }
    return { formats, formulas };
  }
}

/** Consecutive indexes with the same value, as [first, last, value]. */
function runs(entries: Iterable<[number, number]>): [number, number, number][] {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const out: [number, number, number][] = [];
  for (const [index, value] of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === index - 1 && last[2] === value) last[1] = index;
    else out.push([index, index, value]);
  }
  return out;
}

export function columnWidthOps(sheet: WorksheetApi, widths: readonly number[]): SheetOp[] {
  return runs(widths.map((w, i): [number, number] => [i + 1, w])).map(([first, last, width]) =>
    op(1, () => {
      sheet.getRange(rangeA1({ top: 1, bottom: 1, left: first, right: last })).format.columnWidth = columnWidthPoints(width);
    }),
  );
}

function rowHeightOps(sheet: WorksheetApi, heights: Iterable<[number, number]>, multiArea: boolean): SheetOp[] {
  const bands = runs(heights).map(([first, last, height]) => ({ range: { top: first, bottom: last, left: 1, right: 1 }, height }));
  return groupBy(bands, (b) => String(b.height)).flatMap((group) =>
    areaOps(sheet, group, multiArea, 1, () => 0, (target, first) => (target.format.rowHeight = first.height)),
  );
}

function mergeOps(sheet: WorksheetApi, merges: readonly RangeRef[]): SheetOp[] {
  return merges.map((m) => op(1, () => sheet.getRange(rangeA1(m)).merge(false)));
}

type FormatWriter<V> = (format: RangeFormatApi, value: V) => void;

function paintedOps<V>(
  sheet: WorksheetApi,
  grid: CellGrid,
  multiArea: boolean,
  need: Need<V>,
  write: FormatWriter<V>,
  options: { hostDefault?: V; allowBase: boolean },
): SheetOp[] {
  const key = (v: V) => String(v);
  const strokes = paint(grid.bounds, need, {
    key,
    hostDefault: options.hostDefault === undefined ? undefined : key(options.hostDefault),
    allowBase: options.allowBase,
  });
  // A base stroke's value never returns later, and strokes of different values
  // meet only on cells that take either: grouping by value keeps the result.
  return groupBy(strokes, (s) => key(s.value)).flatMap((group) =>
    areaOps(sheet, group, multiArea, 1, () => 0, (target, first) => write(target.format, first.value)),
  );
}

function borderOp(sheet: WorksheetApi, range: RangeRef): SheetOp {
  // Inside edges exist only where the range has more than one row or column.
  const sides = BORDER_SIDES.filter(
    (side) => !(side === 'InsideHorizontal' && range.top === range.bottom) && !(side === 'InsideVertical' && range.left === range.right),
  );
  return op(3 * sides.length, () => {
    const format = sheet.getRange(rangeA1(range)).format;
    for (const side of sides) {
      const border = format.borders.getItem(side);
      border.style = 'Continuous';
      border.weight = 'Thin';
      border.color = BORDER_COLOR;
    }
  });
}

/** Fonts, alignment, fills, borders and locking, as few rectangles as paint() finds. */
function formatOps(sheet: WorksheetApi, grid: CellGrid, multiArea: boolean): SheetOp[] {
  const invisible = grid.invisible.bind(grid);
  const visible = grid.visible.bind(grid);
  type Horizontal = RangeFormatApi['horizontalAlignment'];
  type Vertical = RangeFormatApi['verticalAlignment'];
  return [
    ...paintedOps(sheet, grid, multiArea, invisible(() => FONT_NAME), (f, v) => (f.font.name = v), { allowBase: true }),
    ...paintedOps(sheet, grid, multiArea, invisible((c) => c.look.size ?? BODY_SIZE), (f, v) => (f.font.size = v), { allowBase: true }),
    ...paintedOps(sheet, grid, multiArea, invisible((c) => c.look.bold === true), (f, v) => (f.font.bold = v), {
      hostDefault: false,
      allowBase: true,
    }),
    ...paintedOps(sheet, grid, multiArea, invisible((c) => c.look.italic === true), (f, v) => (f.font.italic = v), {
      hostDefault: false,
      allowBase: true,
    }),
    ...paintedOps(sheet, grid, multiArea, invisible((c) => c.look.underline === true), (f, v) => (f.font.underline = v ? 'Single' : 'None'), {
      hostDefault: false,
      allowBase: true,
    }),
    ...paintedOps(sheet, grid, multiArea, invisible((c) => c.look.color ?? '000000'), (f, v) => (f.font.color = `#${v}`), {
      hostDefault: '000000',
      allowBase: true,
    }),
    ...paintedOps<Horizontal>(
      sheet,
      grid,
      multiArea,
      invisible((c): Horizontal => (c.look.horizontal ? HORIZONTAL[c.look.horizontal] : 'General')),
      (f, v) => (f.horizontalAlignment = v),
      { hostDefault: 'General', allowBase: true },
    ),
    ...paintedOps<Vertical>(
      sheet,
      grid,
      multiArea,
      invisible((c): Vertical => VERTICAL[c.look.vertical ?? 'top']),
      (f, v) => (f.verticalAlignment = v),
      { hostDefault: 'Bottom', allowBase: true },
    ),
    ...paintedOps(sheet, grid, multiArea, invisible((c) => c.look.wrap === true), (f, v) => (f.wrapText = v), {
      hostDefault: false,
      allowBase: true,
    }),
    // No base stroke for fills and borders: taking them off again costs more than it saves.
    ...paintedOps(sheet, grid, multiArea, visible((c) => c.look.fill ?? '', ''), (f, v) => (f.fill.color = `#${v}`), {
      hostDefault: '',
      allowBase: false,
    }),
    ...paint(grid.bounds, visible((c) => c.look.border === true, false), { key: String, hostDefault: 'false', allowBase: false }).map(
      (s) => borderOp(sheet, s.range),
    ),
    ...paintedOps(sheet, grid, multiArea, visible((c) => c.unlocked !== true, true), (f, v) => (f.protection.locked = v), {
      hostDefault: true,
      allowBase: false,
    }),
  ];
}

/** Excel validates blanks by default (ignoreBlanks = true), as the file writer's allowBlank does. */
export function validationOps(sheet: WorksheetApi, validations: readonly PlanValidation[], multiArea: boolean): SheetOp[] {
  const key = (v: PlanValidation) => JSON.stringify([v.type, v.maxLength, v.title, v.promptTitle, v.message, ruleShape(v.range, v.formula)]);
  return groupBy(validations, key).flatMap((group) =>
    areaOps(
      sheet,
      topThenLeft(group),
      multiArea,
      3,
      (v) => jsonBytes([v.formula, v.title, v.promptTitle, v.message, v.message]),
      (target, v) => {
        const validation: RangeApi['dataValidation'] = target.dataValidation;
        validation.rule =
          v.type === 'custom'
            ? { custom: { formula: `=${v.formula}` } }
            : { textLength: { formula1: v.maxLength as number, operator: 'LessThanOrEqualTo' } };
        validation.errorAlert = { showAlert: true, style: 'Stop', title: v.title, message: v.message };
        validation.prompt = { showPrompt: true, title: v.promptTitle, message: v.message };
      },
      true,
    ),
  );
}

interface PlannedConditionalFormat {
  range: RangeRef;
  /** Relative to the range's top-left cell, without "=". */
  formula: string;
  look: { fill: string; color: string };
}

function conditionalFormatOps(sheet: WorksheetApi, formats: readonly PlannedConditionalFormat[], multiArea: boolean): SheetOp[] {
  const key = (cf: PlannedConditionalFormat) => JSON.stringify([cf.look.fill, cf.look.color, ruleShape(cf.range, cf.formula)]);
  return groupBy(formats, key).flatMap((group) =>
    areaOps(
      sheet,
      topThenLeft(group),
      multiArea,
      5,
      (cf) => jsonBytes(cf.formula),
      (target, cf) => {
        const custom = target.conditionalFormats.add('Custom').custom;
        custom.rule.formula = `=${cf.formula}`;
        custom.format.fill.color = `#${cf.look.fill}`;
        custom.format.font.color = `#${cf.look.color}`;
        custom.format.font.bold = true;
      },
      true,
    ),
  );
}

/** What a sheet model lays over its contents: formats, merges, row heights, validations and flag rules. */
export function looksOps(sheet: WorksheetApi, grid: CellGrid, model: SheetModel, multiArea: boolean): SheetOp[] {
  return [
    ...formatOps(sheet, grid, multiArea),
    ...mergeOps(sheet, model.merges),
    ...rowHeightOps(sheet, model.rowHeights, multiArea),
    ...validationOps(sheet, model.validations, multiArea),
    ...conditionalFormatOps(
      sheet,
      model.conditionalFormats.map((cf) => ({ range: cf.range, formula: cf.formula, look: FLAG_STYLES[cf.flag] })),
      multiArea,
    ),
  ];
}

/** Rows and columns that stay in view while scrolling. */
export function freezeOp(sheet: WorksheetApi, rows: number, cols: number): SheetOp[] {
  if (rows === 0 && cols === 0) return [];
  return [
    op(1, () => {
      if (cols === 0) sheet.freezePanes.freezeRows(rows);
      else if (rows === 0) sheet.freezePanes.freezeColumns(cols);
      else sheet.freezePanes.freezeAt(sheet.getRange(rangeA1({ top: 1, left: 1, bottom: rows, right: cols })));
    }),
  ];
}

/**
 * Splits an OOXML header ("&LLeft&CCentre&RRight") into the three sections
 * Office.js sets one by one; "&&" is a literal ampersand and text before any
 * section code is centred, as Excel reads it.
 */
function headerSections(code: string): { left: string; center: string; right: string } {
  const out = { left: '', center: '', right: '' };
  const sections = { L: 'left', C: 'center', R: 'right' } as const;
  let section: keyof typeof out = 'center';
  for (let i = 0; i < code.length; i++) {
    const next = code[i + 1];
    if (code[i] === '&' && next !== undefined) {
      if (next === 'L' || next === 'C' || next === 'R') section = sections[next];
      else out[section] += `&${next}`;
      i++;
    } else {
      out[section] += code[i];
    }
  }
  return out;
}

function setHeader(target: HeaderFooterApi, code: string): void {
  const { left, center, right } = headerSections(code);
  target.leftHeader = left;
  target.centerHeader = center;
  target.rightHeader = right;
}

function setFooter(target: HeaderFooterApi, code: string): void {
  const { left, center, right } = headerSections(code);
  target.leftFooter = left;
  target.centerFooter = center;
  target.rightFooter = right;
}

/** ExcelApi 1.9: paper, margins, scaling, title rows and columns, headers, footers and page breaks. */
export function pageSetupOps(sheet: WorksheetApi, print: PrintSetup): SheetOp[] {
  const breaks = print.rowBreaksBefore.length + print.columnBreaksAfter.length;
  return [
    op(20 + breaks, () => {
      const layout = sheet.pageLayout;
      layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      layout.paperSize = 'A4';
      // 0 pages tall means "as many as needed", as fitToHeight="0" does in the file.
      layout.zoom = 'pagesWide' in print.fit ? { horizontalFitToPages: print.fit.pagesWide, verticalFitToPages: 0 } : { scale: print.fit.scale };
      const mm = print.marginsMm;
      const points = (v: number) => Math.round(v * POINTS_PER_MM * 100) / 100;
      layout.topMargin = points(mm.top);
      layout.bottomMargin = points(mm.bottom);
      layout.leftMargin = points(mm.left);
      layout.rightMargin = points(mm.right);
      layout.headerMargin = points(mm.header);
      layout.footerMargin = points(mm.footer);
      const headers = layout.headersFooters;
      if (print.firstPageHeader !== undefined) {
        headers.state = 'FirstAndDefault';
        setHeader(headers.firstPage, print.firstPageHeader);
      }
      if (print.header !== undefined) setHeader(headers.defaultForAllPages, print.header);
      if (print.footer !== undefined) setFooter(headers.defaultForAllPages, print.footer);
      const { titleRows, titleCols } = print;
      if (titleRows) {
        layout.setPrintTitleRows(sheet.getRange(rangeA1({ top: titleRows.from, bottom: titleRows.to, left: 1, right: 1 })).getEntireRow());
      }
      if (titleCols) {
        layout.setPrintTitleColumns(sheet.getRange(rangeA1({ top: 1, bottom: 1, left: titleCols.from, right: titleCols.to })).getEntireColumn());
      }
      for (const row of print.rowBreaksBefore) sheet.horizontalPageBreaks.add(sheet.getRange(a1(row, 1)));
      // A break "after column c" sits before column c + 1.
      for (const col of print.columnBreaksAfter) sheet.verticalPageBreaks.add(sheet.getRange(a1(1, col + 1)));
    }),
  ];
}

export function runOps(ops: readonly SheetOp[]): void {
  for (const o of ops) o.queue();
}
