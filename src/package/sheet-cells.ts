/**
 * The cells of one worksheet part that a reader asks for, as CellInput.
 * Every cell is looked at (shared formulas start in cells nobody asked for),
 * but only wanted ones are decoded.
 */
import { a1, columnNumber, MAX_COL, shiftFormula } from '../layout/a1';
import type { CellInput } from '../scoring/inputs';
import { PACKAGE_TEXT } from '../text/messages';
import { StringCollector } from './strings';
import { unreadable } from './workbook-view';
import { attribute, decodeXml, scanXml, type XmlVisitor } from './xml';

/** One cell reference, "$A$1" or "A1"; Excel's grid, so a name past it points at no cell. */
export const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;

export const cellKey = (row: number, col: number) => (row - 1) * MAX_COL + (col - 1);
export const rowOfKey = (key: number) => Math.floor(key / MAX_COL) + 1;

interface RawCell {
  row: number;
  col: number;
  type: string | undefined;
  value: string | undefined;
  inline: string | undefined;
  formula: string | undefined;
  formulaType: string | undefined;
  sharedIndex: string | undefined;
  sharedRef: string | undefined;
}

function parseNumber(text: string): number | null {
  const n = parseFloat(text);
  return Number.isFinite(n) ? n : null;
}

function formulaResult(cell: RawCell, strings: string[] | null): string | number | boolean | null {
  const v = cell.value;
  if (!v) return null;
  switch (cell.type) {
    case 'str':
      return v;
    case 's':
      // Gnumeric saves a formula's text result in the shared strings, as Excel reads it.
      return strings?.[parseInt(v, 10)] ?? null;
    case 'b':
      return parseInt(v, 10) !== 0;
    case 'e':
      return null;
    default:
      return parseNumber(v);
  }
}

/** A cell without a formula, as its type attribute says to read its value. */
function valueInput(c: RawCell, strings: string[] | null): CellInput {
  if (c.type === 'inlineStr') return c.inline === undefined && c.value === undefined ? { kind: 'empty' } : { kind: 'text', value: c.inline ?? c.value ?? '' };
  const v = c.value;
  if (v === undefined) return { kind: 'empty' };
  switch (c.type) {
    case 's': {
      // Without the shared-strings part every text is gone: the cell holds nothing readable.
      if (strings === null) return { kind: 'empty' };
      const text = strings[parseInt(v, 10)];
      if (text === undefined) throw unreadable(PACKAGE_TEXT.missingString(a1(c.row, c.col)));
      return { kind: 'text', value: text };
    }
    case 'str':
    case 'd':
      return { kind: 'text', value: v };
    case 'b':
      return { kind: 'boolean', value: parseInt(v, 10) !== 0 };
    case 'e':
      return { kind: 'error', value: v };
    default: {
      // A spreadsheet holds no NaN or Infinity: Excel shows a number out of range as #NUM!.
      const n = parseNumber(v);
      return n === null ? { kind: 'error', value: '#NUM!' } : { kind: 'number', value: n };
    }
  }
}

/** Walks <sheetData>, row by row and cell by cell, collecting the wanted cells. */
class SheetCellScanner implements XmlVisitor {
  readonly found = new Map<number, CellInput>();
  private readonly masters = new Map<string, { formula: string; row: number; col: number }>();
  private readonly inline = new StringCollector();
  private inSheetData = false;
  private row = 0;
  private col = 0;
  private cell: RawCell | null = null;
  private want = false;
  private collecting: 'f' | 'v' | null = null;
  private inInline = false;

  constructor(
    private readonly wanted: (row: number, col: number) => boolean,
    private readonly strings: string[] | null,
  ) {}

  open(name: string, attributes: string, selfClosing: boolean): void {
    if (!this.inSheetData) {
      if (name === 'sheetData' && !selfClosing) this.inSheetData = true;
    } else if (this.cell) {
      this.openInCell(this.cell, name, attributes, selfClosing);
    } else if (name === 'row') {
      const r = Number(attribute(attributes, 'r'));
      this.row = Number.isInteger(r) && r >= 1 ? r : this.row + 1;
      this.col = 0;
    } else if (name === 'c') {
      this.startCell(attributes, selfClosing);
    }
  }

  private startCell(attributes: string, selfClosing: boolean): void {
    const ref = CELL.exec(attribute(attributes, 'r') ?? '');
    if (ref) {
      this.row = Number(ref[4]);
      this.col = columnNumber(ref[2]);
    } else {
      this.col++;
    }
    if (this.row < 1) this.row = 1;
    const { row, col } = this;
    this.cell = { row, col, type: attribute(attributes, 't'), value: undefined, inline: undefined, formula: undefined, formulaType: undefined, sharedIndex: undefined, sharedRef: undefined };
    this.want = this.wanted(row, col);
    if (selfClosing) this.finish();
  }

  private openInCell(cell: RawCell, name: string, attributes: string, selfClosing: boolean): void {
    if (this.inInline) this.inline.open(name, selfClosing);
    else if (name === 'f') {
      cell.formulaType = attribute(attributes, 't');
      cell.sharedIndex = attribute(attributes, 'si');
      cell.sharedRef = attribute(attributes, 'ref');
      this.collecting = selfClosing ? null : 'f';
    } else if (name === 'v') this.collecting = selfClosing ? null : 'v';
    else if (name === 'is' && !selfClosing) {
      this.inInline = true;
      this.inline.take();
    }
  }

  close(name: string): void {
    if (!this.inSheetData) return;
    if (name === 'sheetData') {
      this.inSheetData = false;
      return;
    }
    const cell = this.cell;
    if (!cell) return;
    if (this.inInline) {
      if (name === 'is') {
        this.inInline = false;
        cell.inline = this.inline.take();
      } else this.inline.close(name);
    } else if (name === 'f' || name === 'v') this.collecting = null;
    else if (name === 'c') this.finish();
  }

  text(raw: string, cdata: boolean): void {
    const cell = this.cell;
    if (!cell) return;
    if (this.inInline) {
      if (this.want) this.inline.text(raw, cdata);
    } else if (this.collecting === 'f') {
      cell.formula = (cell.formula ?? '') + (cdata ? raw : decodeXml(raw));
    } else if (this.collecting === 'v' && this.want) {
      cell.value = (cell.value ?? '') + (cdata ? raw : decodeXml(raw));
    }
  }

  private finish(): void {
    const c = this.cell as RawCell;
    if (c.formulaType === 'shared' && c.sharedRef !== undefined && c.sharedIndex !== undefined && c.formula) {
      this.masters.set(c.sharedIndex, { formula: c.formula, row: c.row, col: c.col });
    }
    if (this.want) this.found.set(cellKey(c.row, c.col), this.cellInput(c));
    this.cell = null;
    this.collecting = null;
  }

  private cellInput(c: RawCell): CellInput {
    if (!c.formula && !c.formulaType) return valueInput(c, this.strings);
    let formula = c.formula ?? '';
    if (!formula && c.formulaType === 'shared' && c.sharedIndex !== undefined) {
      const master = this.masters.get(c.sharedIndex);
      if (master) formula = shiftFormula(master.formula, c.row - master.row, c.col - master.col);
    }
    return { kind: 'formula', formula, result: formulaResult(c, this.strings) };
  }
}

/** The wanted cells of a worksheet part, by cellKey. */
export function readSheetCells(xml: string, wanted: (row: number, col: number) => boolean, strings: string[] | null): Map<number, CellInput> {
  const scanner = new SheetCellScanner(wanted, strings);
  // Cells live in <sheetData>; the rules and formats after it are not read.
  const from = xml.indexOf('<sheetData');
  const to = xml.lastIndexOf('</sheetData>');
  scanXml(from >= 0 && to > from ? xml.slice(from, to + 12) : xml, scanner);
  return scanner.found;
}
