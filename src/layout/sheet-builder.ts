/** Collects a sheet model's cells, merged areas and row heights as a plan places them. */
import type { RangeRef } from './a1';
import type { SheetCell } from './model';

export type CellContent = Omit<SheetCell, 'row' | 'col'>;

export class SheetBuilder {
  readonly cells: SheetCell[] = [];
  readonly merges: RangeRef[] = [];
  readonly rowHeights = new Map<number, number>();

  /** `text` turns every planned string into what a cell can hold. */
  constructor(private readonly text: (value: string) => string = (value) => value) {}

  put(row: number, col: number, cell: CellContent): void {
    this.cells.push({ row, col, ...cell, ...(typeof cell.value === 'string' ? { value: this.text(cell.value) } : {}) });
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    this.merges.push({ top, left, bottom, right });
  }

  /** A value in the first cell of `from`..`to` on one row, merged across when wider than one column. */
  span(row: number, [from, to]: readonly [number, number], cell: CellContent): void {
    this.put(row, from, cell);
    if (to > from) this.merge(row, from, row, to);
  }

  height(row: number, points: number): void {
    this.rowHeights.set(row, points);
  }
}
