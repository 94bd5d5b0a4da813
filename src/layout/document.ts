/** Wording and page rules of Nghị định 30/2020/NĐ-CP that the printed sheets follow. */
import { columnWidthPx } from './text-fit';
import { WORKBOOK_TEXT } from '../text/messages';

/** Top and bottom 20 mm, left 30 mm, right 15 mm; header and footer inside the margins. */
export const DOCUMENT_MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15, header: 8, footer: 8 };
const PT_PER_MM = 72 / 25.4;
const A4_MM = { short: 210, long: 297 };

/**
 * "Cao Bằng, ngày 05 tháng 02 năm 2025": days below 10 and the months
 * January and February take a leading zero; without a date, dotted blanks
 * are left for writing by hand.
 */
export function placeDateLine(place: string, date?: { year: number; month: number; day: number }): string {
  if (!date) return WORKBOOK_TEXT.placeDateBlank(place);
  const day = String(date.day).padStart(2, '0');
  const month = date.month <= 2 ? String(date.month).padStart(2, '0') : String(date.month);
  return WORKBOOK_TEXT.placeDate(place, day, month, date.year);
}

/** Parses "YYYY-MM-DD" strictly; null when it is not a real calendar date. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? { year, month, day } : null;
}

export interface KeepTogether {
  heights: Map<number, number>;
  /** In characters, as the sheet's columns are set. */
  columnWidths: number[];
  orientation: 'portrait' | 'landscape';
  /** Repeated on every page after the first. */
  headerRow: number;
  start: number;
  end: number;
}

/**
 * Pages as a printer would cut them, from the row heights and the
 * fit-to-width scale. When rows start..end would straddle a page break, a
 * manual break before `start` moves the block whole onto the next page.
 */
export function keepTogether({ heights, columnWidths, orientation, headerRow, start, end }: KeepTogether): number[] {
  const page = orientation === 'landscape' ? { width: A4_MM.long, height: A4_MM.short } : { width: A4_MM.short, height: A4_MM.long };
  const m = DOCUMENT_MARGINS_MM;
  const widthPt = (columnWidths.reduce((px, w) => px + columnWidthPx(w), 0) * 72) / 96;
  const scale = Math.min(1, ((page.width - m.left - m.right) * PT_PER_MM) / widthPt);
  const full = ((page.height - m.top - m.bottom) * PT_PER_MM) / scale;
  const height = (r: number) => heights.get(r) ?? 15;
  /** Whether the block straddles a page end when a page holds `capacity` points of rows. */
  const straddles = (capacity: number): boolean => {
    let pageIndex = 0;
    let used = 0;
    let startPage = 0;
    for (let r = 1; r <= end; r++) {
      if (used + height(r) > capacity) {
        pageIndex++;
        used = height(headerRow);
      }
      used += height(r);
      if (r === start) startPage = pageIndex;
    }
    return pageIndex !== startPage;
  };
  // The programs' own rounding puts a page end anywhere within the last tenth of the page.
  return [0.9, 0.95, 1].some((share) => straddles(full * share)) ? [start] : [];
}
