/** The one place that converts between row/column numbers and A1 text. */

export interface CellRef {
  row: number;
  col: number;
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new RangeError(`Cột không hợp lệ: ${col}`);
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`Cột không hợp lệ: ${letters}`);
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export function a1(row: number, col: number, absolute = false): string {
  if (!Number.isInteger(row) || row < 1) throw new RangeError(`Dòng không hợp lệ: ${row}`);
  const d = absolute ? '$' : '';
  return `${d}${columnLetters(col)}${d}${row}`;
}

export function rangeA1(r: RangeRef, absolute = false): string {
  const tl = a1(r.top, r.left, absolute);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right, absolute)}`;
}

/** "B7", "$B$7" → {row: 7, col: 2}. */
export function parseA1(ref: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new RangeError(`Địa chỉ ô không hợp lệ: ${ref}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

/** Sheet names need quotes unless they are plain ASCII words; a quote inside is doubled. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function sheetRef(sheet: string, ref: string): string {
  return `${quoteSheetName(sheet)}!${ref}`;
}

/**
 * Splits "'Tự chấm'!$H$10" or "Sheet1!A1:B2" into sheet and range text.
 * Returns null for anything else (#REF!, external links, several areas).
 */
export function parseSheetRef(text: string): { sheet: string; ref: string } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/.exec(text.trim());
  if (!m) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], ref: m[3] };
}
