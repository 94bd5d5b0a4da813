/** A sheet model's cells as the Office.js writer reads them: by address, with their looks and number formats. */
import type { RangeRef } from '../layout/a1';
import { TEXT_FORMAT, numberFormatOf, sheetBounds, type SheetCell, type SheetModel } from '../layout/model';
import { STYLES, type CellStyle } from '../layout/styles';
import type { Need } from './paint';

export const TEXT = TEXT_FORMAT;
const GENERAL = 'General';

/** A planned cell with its look resolved. */
export interface GridCell extends SheetCell {
  look: CellStyle;
}

const NO_STYLE: CellStyle = {};

/** Every cell of a sheet model's rectangle, with the cells hidden under merges. */
export class CellGrid {
  /** Row by row over the bounds: the formatting passes ask for every cell of the rectangle, many times. */
  private readonly cells: (GridCell | undefined)[];
  private readonly mergedAway: Uint8Array;
  private readonly width: number;
  readonly bounds: RangeRef;

  constructor(sheet: SheetModel) {
    this.bounds = sheetBounds(sheet);
    this.width = this.bounds.right - this.bounds.left + 1;
    const size = this.width * (this.bounds.bottom - this.bounds.top + 1);
    this.cells = new Array<GridCell | undefined>(size).fill(undefined);
    this.mergedAway = new Uint8Array(size);
    for (const c of sheet.cells) this.cells[this.indexOf(c.row, c.col)] = { ...c, look: c.style ? STYLES[c.style] : NO_STYLE };
    for (const m of sheet.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) this.mergedAway[this.indexOf(r, c)] = 1;
      }
    }
  }

  private indexOf(row: number, col: number): number {
    return (row - this.bounds.top) * this.width + (col - this.bounds.left);
  }

  cell(row: number, col: number): GridCell | undefined {
    return this.cells[this.indexOf(row, col)];
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
      return this.mergedAway[this.indexOf(row, col)] === 1 ? undefined : blank;
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

