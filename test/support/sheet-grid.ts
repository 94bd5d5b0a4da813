/**
 * A returned sheet as cells and defined names, straight from the sheet plan,
 * with the edits a spreadsheet program makes to both: rows inserted, a column
 * moved, a cut and paste (the names of the cut cell follow it, those of the
 * overwritten cell break), a name pointed elsewhere by hand. Read through the
 * same WorkbookView the check takes from any host.
 */
import type { CellLocation, WorkbookView } from '../../src/check';
import { buildSheetPlan } from '../../src/layout/plan';
import type { LoadedRubric } from '../../src/rubric';
import type { CellInput } from '../../src/scoring/inputs';
import type { FillValue } from './workbooks';

const key = (row: number, col: number) => `${row},${col}`;

export class SheetGrid implements WorkbookView {
  readonly sheetName: string;
  readonly meta: Record<string, string>;
  readonly cells = new Map<string, CellInput>();
  readonly nameCells = new Map<string, CellLocation>();

  constructor(loaded: LoadedRubric, entries: Record<string, FillValue> = {}) {
    const plan = buildSheetPlan(loaded, { createdAt: '2026-01-15T08:00:00.000Z' });
    this.sheetName = plan.name;
    this.meta = Object.fromEntries(plan.meta);
    for (const c of plan.cells) {
      if (c.formula !== undefined) this.cells.set(key(c.row, c.col), { kind: 'formula', formula: c.formula, result: null });
      else if (typeof c.value === 'number') this.cells.set(key(c.row, c.col), { kind: 'number', value: c.value });
      else if (typeof c.value === 'string' && c.value !== '') this.cells.set(key(c.row, c.col), { kind: 'text', value: c.value });
    }
    for (const f of plan.fields) {
      this.nameCells.set(f.name, { sheet: plan.name, row: f.row, col: f.col });
      const v = entries[f.name];
      if (typeof v === 'number') this.cells.set(key(f.row, f.col), { kind: 'number', value: v });
      else if (typeof v === 'string') this.cells.set(key(f.row, f.col), { kind: 'text', value: v });
    }
  }

  hasName(name: string): boolean {
    return this.nameCells.has(name);
  }

  locate(name: string): CellLocation | undefined {
    return this.nameCells.get(name);
  }

  cell(name: string): CellInput {
    const at = this.nameCells.get(name);
    return (at && at.sheet === this.sheetName && this.cells.get(key(at.row, at.col))) || { kind: 'empty' };
  }

  /** Its names, as carrying entries over lists them. */
  get names(): Map<string, CellLocation> {
    return this.nameCells;
  }

  cellsAt(locations: CellLocation[]): CellInput[] {
    return locations.map((l) => (l.sheet === this.sheetName ? this.at(l.row, l.col) : { kind: 'empty' }));
  }

  at(row: number, col: number): CellInput {
    return this.cells.get(key(row, col)) ?? { kind: 'empty' };
  }

  where(name: string): CellLocation {
    const at = this.nameCells.get(name);
    if (!at) throw new Error(`no name ${name}`);
    return at;
  }

  /** Moves every cell and name by `map`, as inserting rows or moving columns does. */
  private remap(map: (row: number, col: number) => [number, number]): void {
    const moved = [...this.cells].map(([k, v]) => {
      const [r, c] = k.split(',').map(Number);
      const [row, col] = map(r, c);
      return [key(row, col), v] as const;
    });
    this.cells.clear();
    for (const [k, v] of moved) this.cells.set(k, v);
    for (const [name, at] of this.nameCells) {
      if (at.sheet !== this.sheetName) continue;
      const [row, col] = map(at.row, at.col);
      this.nameCells.set(name, { ...at, row, col });
    }
  }

  insertRows(before: number, count: number): this {
    this.remap((r, c) => [r >= before ? r + count : r, c]);
    return this;
  }

  /** Cuts column `from` and inserts it before column `before`, as Excel's "Insert Cut Cells" does. */
  moveColumn(from: number, before: number): this {
    this.remap((r, c) => {
      if (c === from) return [r, before > from ? before - 1 : before];
      if (from < before && c > from && c < before) return [r, c - 1];
      if (before <= c && c < from) return [r, c + 1];
      return [r, c];
    });
    return this;
  }

  /**
   * Cut and paste of one cell: its names follow it. Names of the cell pasted
   * over break (#REF!) in Excel; LibreOffice leaves them on it (`keep`).
   */
  cutAndPaste(from: string, to: string, overwritten: 'break' | 'keep' = 'break'): this {
    const a = this.where(from);
    const b = this.where(to);
    const content = this.at(a.row, a.col);
    this.cells.delete(key(a.row, a.col));
    this.cells.set(key(b.row, b.col), content);
    for (const [name, at] of [...this.nameCells]) {
      if (overwritten === 'break' && at.row === b.row && at.col === b.col) this.nameCells.delete(name);
    }
    for (const [name, at] of [...this.nameCells]) {
      if (at.row === a.row && at.col === a.col) this.nameCells.set(name, { ...b });
    }
    return this;
  }

  /** A name edited to point elsewhere; the cells stay as they were. */
  repoint(name: string, to: CellLocation | string): this {
    this.nameCells.set(name, typeof to === 'string' ? { ...this.where(to) } : to);
    return this;
  }
}
