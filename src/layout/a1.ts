/** The one place that converts between row/column numbers and A1 text. */
import { FAULT_TEXT } from '../text/messages';

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
  if (!Number.isInteger(col) || col < 1) throw new RangeError(FAULT_TEXT.badColumn(col));
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(FAULT_TEXT.badColumn(letters));
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export function a1(row: number, col: number, absolute = false): string {
  if (!Number.isInteger(row) || row < 1) throw new RangeError(FAULT_TEXT.badRow(row));
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
  if (!m) throw new RangeError(FAULT_TEXT.badAddress(ref));
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

/** The grid's size since Excel 2007. */
export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

const CELL_WORD = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;

interface FoundRef {
  colAbs: boolean;
  col: number;
  rowAbs: boolean;
  row: number;
}

/**
 * Rewrites every cell reference of a formula. String literals and quoted
 * sheet names pass untouched, and so do names (TC_01), functions (LOG10()),
 * numbers (1E5) and unquoted sheet names (Sheet1!): a reference is a whole
 * word of letters then digits, not followed by "(" or "!".
 */
function mapCellRefs(formula: string, map: (ref: FoundRef) => string): string {
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const c = formula[i];
    if (c === '"' || c === "'") {
      // A doubled quote stays inside the literal.
      let j = i + 1;
      while (j < n) {
        if (formula[j] === c) {
          if (formula[j + 1] === c) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (/[A-Za-z0-9_.$\\]/.test(c)) {
      let j = i;
      while (j < n && /[A-Za-z0-9_.$\\]/.test(formula[j])) j++;
      const word = formula.slice(i, j);
      const m = CELL_WORD.exec(word);
      out += m && formula[j] !== '(' && formula[j] !== '!' ? map({ colAbs: !!m[1], col: columnNumber(m[2]), rowAbs: !!m[3], row: Number(m[4]) }) : word;
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/**
 * A formula written for one cell, as it reads from a cell `rows` down and
 * `cols` across: relative references move, absolute ones stay, and one
 * moved off the sheet becomes #REF!, as in Excel. This is how a shared
 * formula reads in each of its cells, and a validation or flag rule in
 * each cell of its range.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  return mapCellRefs(formula, (r) => {
    const col = r.colAbs ? r.col : r.col + cols;
    const row = r.rowAbs ? r.row : r.row + rows;
    if (col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) return '#REF!';
    return `${r.colAbs ? '$' : ''}${columnLetters(col)}${r.rowAbs ? '$' : ''}${row}`;
  });
}

/** A formula relative to its anchor cell, in R1C1 terms: equal shapes mean the same rule. */
export function formulaShape(formula: string, anchor: CellRef): string {
  return mapCellRefs(formula, (r) => {
    const row = r.rowAbs ? `R${r.row}` : `R[${r.row - anchor.row}]`;
    const col = r.colAbs ? `C${r.col}` : `C[${r.col - anchor.col}]`;
    return row + col;
  });
}
