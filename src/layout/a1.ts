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

/**
 * Rewrites every cell reference of a formula; string literals and quoted
 * sheet names pass untouched. A reference is letters then digits, not part
 * of a longer name (TC_01) and not a function (LOG10()).
 */
function mapCellRefs(formula: string, map: (ref: { colAbs: boolean; col: number; rowAbs: boolean; row: number }) => string): string {
  const ref = /(\$?)([A-Z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_(.!])/y;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let end = i + 1;
      for (; end < formula.length; end++) {
        if (formula[end] !== ch) continue;
        if (formula[end + 1] === ch) end++;
        else break;
      }
      out += formula.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    ref.lastIndex = i;
    const m = /[A-Za-z0-9_.]/.test(formula[i - 1] ?? '') ? null : ref.exec(formula);
    if (m) {
      out += map({ colAbs: m[1] === '$', col: columnNumber(m[2]), rowAbs: m[3] === '$', row: Number(m[4]) });
      i = ref.lastIndex;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/**
 * A formula written for one cell, as it reads from a cell `rows` down and
 * `cols` across: relative references move, absolute ones stay. This is how
 * a validation or flag rule holds over every cell of its range.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  return mapCellRefs(formula, (r) => {
    const col = r.colAbs ? r.col : r.col + cols;
    const row = r.rowAbs ? r.row : r.row + rows;
    if (col < 1 || row < 1) throw new RangeError(`Công thức ra ngoài trang tính khi dời: ${formula}`);
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
