/**
 * The sheet model: what any sheet chamdiem writes holds, as pure data. Every
 * plan (the standard sheet, its metadata sheet, the merge sheets) builds
 * these, and the two writers, the file writer (src/xlsx/) and the Office.js
 * writer (src/excel/), apply them; neither knows which plan a sheet came from.
 */
import type { RangeRef } from './a1';
import type { PlanValidation } from './rules';
import { STYLES, type FlagStyle, type StyleName } from './styles';

export type { PlanValidation } from './rules';

export interface SheetCell {
  row: number;
  col: number;
  /** Strings are literal text, never formulas. */
  value?: string | number;
  /** Without the leading "=". */
  formula?: string;
  /** Absent: the workbook's default look. */
  style?: StyleName;
  /** Input cells stay editable on a protected sheet. */
  unlocked?: boolean;
}

export interface ConditionalFormat {
  range: RangeRef;
  /** Relative to the range's top-left cell, without "=". */
  formula: string;
  flag: FlagStyle;
}

export interface PageMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
  header: number;
  footer: number;
}

export interface PrintSetup {
  paperSize: 'A4';
  orientation: 'portrait' | 'landscape';
  /** Millimetres. */
  marginsMm: PageMargins;
  /** Fit to this many pages wide (as many tall as needed), or print at a fixed percentage. */
  fit: { pagesWide: number } | { scale: number };
  /** What prints; absent: everything the sheet holds. */
  area?: RangeRef;
  /** Repeated on every page. */
  titleRows?: { from: number; to: number };
  titleCols?: { from: number; to: number };
  /** Manual page breaks above these rows. */
  rowBreaksBefore: readonly number[];
  /** Manual page breaks to the right of these columns. */
  columnBreaksAfter: readonly number[];
  /**
   * Header and footer codes (&L &C &R sections, &P page, &N pages). A
   * first-page header, even an empty one, makes page 1 differ.
   */
  header?: string;
  firstPageHeader?: string;
  footer?: string;
}

export interface SheetProtection {
  /** Empty: protected without a password. */
  password: string;
  /** Row heights and column widths stay adjustable. */
  allowFormatting: boolean;
}

export interface SheetModel {
  name: string;
  /** In characters of the default font, from column A. */
  columnWidths: readonly number[];
  cells: SheetCell[];
  merges: RangeRef[];
  /** Points, by row. */
  rowHeights: Map<number, number>;
  /**
   * Rows whose height the spreadsheet program may fit again as text is typed
   * (saved without a custom height): their height holds what the plan put,
   * and a longer entry grows the row on screen and on paper.
   */
  growingRows?: ReadonlySet<number>;
  /** Rows and columns that stay in view while scrolling. */
  frozen: { rows: number; cols: number };
  validations: PlanValidation[];
  conditionalFormats: ConditionalFormat[];
  /** Filter buttons over this range's first row. */
  autoFilter?: RangeRef;
  /** Absent: unprotected. */
  protection?: SheetProtection;
  /** Absent: the host's default page. */
  print?: PrintSetup;
  /** Very hidden sheets cannot be shown from Excel's menus. */
  visibility: 'visible' | 'veryHidden';
}

/** A workbook-scope name bound to one cell. */
export interface NamedCell {
  name: string;
  sheet: string;
  row: number;
  col: number;
}

export interface WorkbookModel {
  /** In tab order; the first is the one shown on opening. */
  sheets: SheetModel[];
  names: NamedCell[];
}

export const TEXT_FORMAT = '@';

/**
 * A cell's number format. Text the plan puts in a locked cell is formatted as
 * text, so no host reads "=HYPERLINK(…)", "+84…" or "- Cấp huyện" as a
 * formula or a number. An input cell keeps its style's format whatever it
 * holds now, so a number typed later is still a number.
 */
export function numberFormatOf(cell: SheetCell): string | undefined {
  const own = cell.style ? STYLES[cell.style].numberFormat : undefined;
  return own ?? (typeof cell.value === 'string' && !cell.unlocked ? TEXT_FORMAT : undefined);
}

/** The rectangle from A1 that holds every cell, merged area and sized column of the sheet. */
export function sheetBounds(sheet: SheetModel): RangeRef {
  const bounds: RangeRef = { top: 1, left: 1, bottom: 1, right: Math.max(1, sheet.columnWidths.length) };
  for (const c of sheet.cells) {
    if (c.row > bounds.bottom) bounds.bottom = c.row;
    if (c.col > bounds.right) bounds.right = c.col;
  }
  for (const m of sheet.merges) {
    if (m.bottom > bounds.bottom) bounds.bottom = m.bottom;
    if (m.right > bounds.right) bounds.right = m.right;
  }
  return bounds;
}
