/**
 * Queues the sheet plan onto a new, empty worksheet through Office.js. Nothing
 * here syncs: the caller sends everything in one batch. Values and formulas
 * go as one 2-D array; formatting goes as rectangles (see paint.ts).
 */
import { a1, rangeA1, type RangeRef } from '../layout/a1';
import type { PlanCell, SheetPlan } from '../layout/plan';
import { BODY_SIZE, FLAG_STYLES, FONT_NAME, STYLES, type CellStyle } from '../layout/styles';
import type { EntryValue } from '../layout/carry';
import type { BorderSide, HeaderFooterApi, NamedItemCollectionApi, RangeApi, RangeFormatApi, WorksheetApi } from './api';
import { paint, type Need } from './paint';

/** Excel column widths are set in points; the plan gives characters of the default font. */
function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

const POINTS_PER_MM = 72 / 25.4;
const TEXT = '@';
const GENERAL = 'General';
const BORDER_COLOR = '#808080';
const BORDER_SIDES: BorderSide[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'];

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VERTICAL = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

function styleOf(cell: PlanCell): CellStyle {
  return STYLES[cell.style];
}

/** Every cell of the plan's rectangle, with the cells hidden under merges. */
class PlanGrid {
  readonly bounds: RangeRef;
  private readonly cells = new Map<string, PlanCell>();
  private readonly mergedAway = new Set<string>();

  constructor(readonly plan: SheetPlan) {
    this.bounds = { top: 1, left: 1, bottom: plan.lastRow, right: plan.lastCol };
    for (const c of plan.cells) this.cells.set(`${c.row},${c.col}`, c);
    for (const m of plan.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) this.mergedAway.add(`${r},${c}`);
      }
    }
  }

  cell(row: number, col: number): PlanCell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  /** For formats nobody sees on a blank cell (font, alignment). */
  invisible<V>(of: (cell: PlanCell) => V): Need<V> {
    return (row, col) => {
      const cell = this.cell(row, col);
      return cell ? of(cell) : undefined;
    };
  }

  /** For formats a blank cell shows (fill, borders) or that guard it (locking): only merged-away cells are free. */
  visible<V>(of: (cell: PlanCell) => V, blank: V): Need<V> {
    return (row, col) => {
      const cell = this.cell(row, col);
      if (cell) return of(cell);
      return this.mergedAway.has(`${row},${col}`) ? undefined : blank;
    };
  }
}

type FormatWriter<V> = (format: RangeFormatApi, value: V) => void;

function applyPainted<V>(
  sheet: WorksheetApi,
  grid: PlanGrid,
  need: Need<V>,
  write: FormatWriter<V>,
  options: { hostDefault?: V; allowBase: boolean },
): void {
  const key = (v: V) => String(v);
  const strokes = paint(grid.bounds, need, {
    key,
    hostDefault: options.hostDefault === undefined ? undefined : key(options.hostDefault),
    allowBase: options.allowBase,
  });
  for (const s of strokes) write(sheet.getRange(rangeA1(s.range)).format, s.value);
}

function writeBorders(format: RangeFormatApi, range: RangeRef): void {
  for (const side of BORDER_SIDES) {
    // Inside edges exist only where the range has more than one row or column.
    if (side === 'InsideHorizontal' && range.top === range.bottom) continue;
    if (side === 'InsideVertical' && range.left === range.right) continue;
    const border = format.borders.getItem(side);
    border.style = 'Continuous';
    border.weight = 'Thin';
    border.color = BORDER_COLOR;
  }
}

function queueFormats(sheet: WorksheetApi, grid: PlanGrid): void {
  const invisible = grid.invisible.bind(grid);
  const visible = grid.visible.bind(grid);
  applyPainted(sheet, grid, invisible(() => FONT_NAME), (f, v) => (f.font.name = v), { allowBase: true });
  applyPainted(sheet, grid, invisible((c) => styleOf(c).size ?? BODY_SIZE), (f, v) => (f.font.size = v), { allowBase: true });
  applyPainted(sheet, grid, invisible((c) => styleOf(c).bold === true), (f, v) => (f.font.bold = v), {
    hostDefault: false,
    allowBase: true,
  });
  applyPainted(sheet, grid, invisible((c) => styleOf(c).italic === true), (f, v) => (f.font.italic = v), {
    hostDefault: false,
    allowBase: true,
  });
  applyPainted(sheet, grid, invisible((c) => styleOf(c).underline === true), (f, v) => (f.font.underline = v ? 'Single' : 'None'), {
    hostDefault: false,
    allowBase: true,
  });
  applyPainted(sheet, grid, invisible((c) => styleOf(c).color ?? '000000'), (f, v) => (f.font.color = `#${v}`), {
    hostDefault: '000000',
    allowBase: true,
  });
  type Horizontal = RangeFormatApi['horizontalAlignment'];
  applyPainted<Horizontal>(
    sheet,
    grid,
    invisible((c): Horizontal => {
      const h = styleOf(c).horizontal;
      return h ? HORIZONTAL[h] : 'General';
    }),
    (f, v) => (f.horizontalAlignment = v),
    { hostDefault: 'General', allowBase: true },
  );
  type Vertical = RangeFormatApi['verticalAlignment'];
  applyPainted<Vertical>(sheet, grid, invisible((c): Vertical => VERTICAL[styleOf(c).vertical ?? 'top']), (f, v) => (f.verticalAlignment = v), {
    hostDefault: 'Bottom',
    allowBase: true,
  });
  applyPainted(sheet, grid, invisible((c) => styleOf(c).wrap === true), (f, v) => (f.wrapText = v), {
    hostDefault: false,
    allowBase: true,
  });
  // No base stroke for fills and borders: taking them off again costs more than it saves.
  applyPainted(sheet, grid, visible((c) => styleOf(c).fill ?? '', ''), (f, v) => (f.fill.color = `#${v}`), {
    hostDefault: '',
    allowBase: false,
  });
  const bordered = paint(grid.bounds, visible((c) => styleOf(c).border === true, false), {
    key: String,
    hostDefault: 'false',
    allowBase: false,
  });
  for (const s of bordered) writeBorders(sheet.getRange(rangeA1(s.range)).format, s.range);
  applyPainted(sheet, grid, visible((c) => c.unlocked !== true, true), (f, v) => (f.protection.locked = v), {
    hostDefault: true,
    allowBase: false,
  });
}

/** Consecutive indexes with the same value, as [first, last, value]. */
function runs(entries: [number, number][]): [number, number, number][] {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const out: [number, number, number][] = [];
  for (const [index, value] of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === index - 1 && last[2] === value) last[1] = index;
    else out.push([index, index, value]);
  }
  return out;
}

/**
 * The sheet's contents as one `formulas` array and its number formats as one
 * `numberFormat` array. Every text cell is formatted as text ('@') before its
 * value lands, so rubric lines like "- Cấp huyện" and typed entries like
 * "=HYPERLINK(…)" stay text. A text entry carried into a numeric cell gets a
 * leading apostrophe, Excel's own marker for "this is text".
 */
function contents(grid: PlanGrid, entries: ReadonlyMap<string, EntryValue>): { formats: string[][]; formulas: (string | number)[][] } {
  const { plan } = grid;
  const formats: string[][] = [];
  const formulas: (string | number)[][] = [];
  for (let r = 1; r <= plan.lastRow; r++) {
    const formatRow: string[] = [];
    const formulaRow: (string | number)[] = [];
    for (let c = 1; c <= plan.lastCol; c++) {
      const cell = grid.cell(r, c);
      const style = cell ? styleOf(cell) : undefined;
      const format = style?.numberFormat ?? (typeof cell?.value === 'string' ? TEXT : GENERAL);
      formatRow.push(format);
      formulaRow.push(cell?.formula !== undefined ? `=${cell.formula}` : (cell?.value ?? ''));
    }
    formats.push(formatRow);
    formulas.push(formulaRow);
  }
  for (const f of plan.fields) {
    const value = entries.get(f.name);
    if (f.role !== 'input' || value === undefined) continue;
    const isText = formats[f.row - 1][f.col - 1] === TEXT;
    formulas[f.row - 1][f.col - 1] = typeof value === 'string' && !isText ? `'${value}` : value;
  }
  return { formats, formulas };
}

export interface QueuePlanOptions {
  /** ExcelApi 1.9: page setup through worksheet.pageLayout. */
  pageLayout: boolean;
}

/**
 * Queues the standard sheet's contents and looks onto `sheet`, which must be
 * new and empty. Names and protection come separately (queueNames,
 * queueProtection) so an upgrade can place them after the old sheet is gone.
 */
export function queueSheet(
  sheet: WorksheetApi,
  plan: SheetPlan,
  entries: ReadonlyMap<string, EntryValue>,
  options: QueuePlanOptions,
): void {
  const grid = new PlanGrid(plan);
  const all = sheet.getRange(rangeA1(grid.bounds));

  for (const [first, last, width] of runs(plan.columnWidths.map((w, i) => [i + 1, w]))) {
    sheet.getRange(rangeA1({ top: 1, bottom: 1, left: first, right: last })).format.columnWidth = columnWidthPoints(width);
  }
  const { formats, formulas } = contents(grid, entries);
  all.numberFormat = formats;
  all.formulas = formulas;
  queueFormats(sheet, grid);
  for (const m of plan.merges) sheet.getRange(rangeA1(m)).merge(false);
  for (const [first, last, height] of runs([...plan.rowHeights])) {
    sheet.getRange(rangeA1({ top: first, bottom: last, left: 1, right: 1 })).format.rowHeight = height;
  }

  // Excel validates blanks by default (ignoreBlanks = true), as the file writer's allowBlank does.
  for (const v of plan.validations) {
    const validation: RangeApi['dataValidation'] = sheet.getRange(rangeA1(v.range)).dataValidation;
    validation.rule =
      v.type === 'custom'
        ? { custom: { formula: `=${v.formula}` } }
        : { textLength: { formula1: v.maxLength as number, operator: 'LessThanOrEqualTo' } };
    validation.errorAlert = { showAlert: true, style: 'Stop', title: v.title, message: v.message };
    validation.prompt = { showPrompt: true, title: v.promptTitle, message: v.message };
  }
  for (const cf of plan.conditionalFormats) {
    const look = FLAG_STYLES[cf.flag];
    const custom = sheet.getRange(rangeA1(cf.range)).conditionalFormats.add('Custom').custom;
    custom.rule.formula = `=${cf.formula}`;
    custom.format.fill.color = `#${look.fill}`;
    custom.format.font.color = `#${look.color}`;
    custom.format.font.bold = true;
  }

  sheet.freezePanes.freezeRows(plan.headerRow);

  if (options.pageLayout) queuePageLayout(sheet, plan);
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

/** ExcelApi 1.9: paper, margins, fit to width, title rows, headers and page breaks. */
function queuePageLayout(sheet: WorksheetApi, plan: SheetPlan): void {
  const { print } = plan;
  const layout = sheet.pageLayout;
  layout.orientation = 'Landscape';
  layout.paperSize = 'A4';
  // 0 pages tall means "as many as needed", as fitToHeight="0" does in the file.
  layout.zoom = { horizontalFitToPages: print.fitToWidth, verticalFitToPages: 0 };
  const mm = print.marginsMm;
  const points = (v: number) => Math.round(v * POINTS_PER_MM * 100) / 100;
  layout.topMargin = points(mm.top);
  layout.bottomMargin = points(mm.bottom);
  layout.leftMargin = points(mm.left);
  layout.rightMargin = points(mm.right);
  layout.headerMargin = points(mm.header);
  layout.footerMargin = points(mm.footer);
  layout.headersFooters.state = 'FirstAndDefault';
  setHeader(layout.headersFooters.firstPage, print.firstPageHeader);
  setHeader(layout.headersFooters.defaultForAllPages, print.header);
  const { from, to } = print.titleRows;
  layout.setPrintTitleRows(sheet.getRange(rangeA1({ top: from, bottom: to, left: 1, right: 1 })).getEntireRow());
  for (const row of print.rowBreaksBefore) sheet.horizontalPageBreaks.add(sheet.getRange(a1(row, 1)));
}

/** Workbook-scope names, bound to the cells themselves so a later rename of the sheet keeps them. */
export function queueNames(names: NamedItemCollectionApi, sheet: WorksheetApi, plan: SheetPlan): void {
  for (const f of plan.fields) names.add(f.name, sheet.getRange(a1(f.row, f.col)));
}

/** Locks the sheet; only the input cells (unlocked by queueSheet) stay editable. */
export function queueProtection(sheet: WorksheetApi, plan: SheetPlan): void {
  sheet.protection.protect({ allowFormatColumns: true, allowFormatRows: true }, plan.protection.password || undefined);
}

/** The hidden metadata sheet: key/value rows, all text. */
export function queueMeta(sheet: WorksheetApi, plan: SheetPlan): void {
  const rows = plan.meta;
  const range = sheet.getRange(rangeA1({ top: 1, left: 1, bottom: rows.length, right: 2 }));
  range.numberFormat = rows.map(() => [TEXT, TEXT]);
  range.values = rows.map(([k, v]) => [k, v]);
  sheet.getRange('A1').format.columnWidth = columnWidthPoints(22);
  sheet.getRange('B1').format.columnWidth = columnWidthPoints(70);
  sheet.protection.protect(undefined, plan.protection.password || undefined);
  sheet.visibility = 'VeryHidden';
}
