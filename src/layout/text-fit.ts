/**
 * Row heights from text. Spreadsheet programs do not autofit wrapped or
 * merged rows of a file they open, so the plan sets every height itself,
 * measuring text with Times New Roman advance widths (Liberation Serif is
 * metric-compatible; see scripts/font-metrics.js).
 */
import metrics from './font-metrics.json';

type Widths = Record<string, number>;
const REGULAR = metrics.regular as Widths;
const BOLD = metrics.bold as Widths;
/** Characters outside the table (rare symbols) are taken as wide as "M" so they never overflow. */
const FALLBACK = REGULAR.M;

const PX_PER_PT = 96 / 72;
/** Column widths are in characters of the default font (Calibri 11: 7 px per character, 5 px padding). */
const MAX_DIGIT_PX = 7;
/** Cell padding left and right, with a little slack for renderers that measure differently. */
const CELL_INSET_PX = 8;
/** Line height as a multiple of the font size (Excel's row height for Times New Roman). */
const LINE_HEIGHT = 1.32;
const ROW_PADDING_PT = 4;

export function columnWidthPx(widthChars: number): number {
  return Math.trunc(widthChars * MAX_DIGIT_PX + 5);
}

export function textWidthPx(text: string, sizePt: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text.normalize('NFC')) units += table[ch] ?? FALLBACK;
  return (units / metrics.unitsPerEm) * sizePt * PX_PER_PT;
}

/** Lines the text takes when word-wrapped in a column of `widthPx`; explicit line breaks count. */
export function wrappedLineCount(text: string, widthPx: number, sizePt: number, bold = false): number {
  const space = textWidthPx(' ', sizePt, bold);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = textWidthPx(word, sizePt, bold);
      if (used > 0 && used + space + w > widthPx) {
        lines++;
        used = 0;
      }
      // A word wider than the column breaks across lines by itself.
      if (w > widthPx) {
        lines += Math.ceil(w / widthPx) - 1;
        used = w % widthPx;
      } else {
        used += (used > 0 ? space : 0) + w;
      }
    }
  }
  return lines;
}

export interface TextBox {
  text: string;
  /** Width in characters: one column's, or the sum of a merged range's. */
  widthChars: number;
  /** Number of columns the box spans (each adds its padding). */
  columns?: number;
  sizePt: number;
  bold?: boolean;
}

/** Excel's tallest row: a longer text is clipped on screen and on paper. */
export const MAX_ROW_HEIGHT_PT = 409;

/** Far more characters than the tallest row of any column shows: a longer text is measured by its start only. */
const SCAN_LIMIT = 4096;

/** How many of the text's characters a cell of one row shows before the tallest row clips it: all of them when it fits. */
export function shownWithinTallestRow(box: TextBox): number {
  const fits = (length: number) => fittedRowHeight([{ ...box, text: box.text.slice(0, length) }]) <= MAX_ROW_HEIGHT_PT;
  const scanned = Math.min(box.text.length, SCAN_LIMIT);
  if (fits(scanned)) return box.text.length;
  let low = 0;
  let high = scanned;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (fits(mid)) low = mid;
    else high = mid;
  }
  return low;
}

export function lineHeightPt(sizePt: number): number {
  return sizePt * LINE_HEIGHT;
}

/** The row height (points) that shows every box's whole text. */
export function fittedRowHeight(boxes: TextBox[], minimumPt = 0): number {
  let height = minimumPt;
  for (const box of boxes) {
    if (!box.text) continue;
    const columns = box.columns ?? 1;
    const widthPx = columnWidthPx(box.widthChars) + (columns - 1) * 5 - CELL_INSET_PX;
    const lines = wrappedLineCount(box.text, widthPx, box.sizePt, box.bold);
    height = Math.max(height, lines * lineHeightPt(box.sizePt) + ROW_PADDING_PT);
  }
  return Math.ceil(height * 4) / 4;
}
