/** Carrying what was entered into a newly planned sheet, matched by defined name. */
import type { SheetPlan } from './plan';
import type { CellInput } from '../scoring/inputs';

/** A value carried into an input cell: numbers stay numbers, everything else is text. */
export type EntryValue = string | number;

/** How an entry travels into a new sheet: numbers as numbers, anything else as text, never a formula. */
export function entryValue(cell: CellInput): EntryValue | undefined {
  switch (cell.kind) {
    case 'empty':
      return undefined;
    case 'number':
      return cell.value;
    case 'text':
      return cell.value === '' ? undefined : cell.value;
    case 'boolean':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'error':
      return cell.value;
    case 'formula':
      return `=${cell.formula}`;
  }
}

export interface CarriedEntries {
  entries: Map<string, EntryValue>;
  /** Filled cells of the old sheet that the new plan has no place for. */
  orphans: { name: string; value: EntryValue }[];
}

const PLAN_OWNED = /^(DC_|Tong|DiemThuong$|DiemTru$|TongDiem$)/;

/** What carrying needs from an old sheet, whichever host read it: its defined names and their cells. */
export interface NamedCells {
  names: { keys(): Iterable<string> };
  cell(name: string): CellInput;
}

/** Every entry of an existing sheet, matched by defined name to the new plan's inputs. */
export function carryEntries(old: NamedCells, plan: SheetPlan): CarriedEntries {
  const entries = new Map<string, EntryValue>();
  const planned = new Map(plan.fields.map((f) => [f.name, f]));
  const orphans: CarriedEntries['orphans'] = [];
  for (const name of old.names.keys()) {
    const cell = old.cell(name);
    const field = planned.get(name);
    if (field) {
      if (field.role !== 'input') continue;
      // A formula in a numeric input carries its computed number (an old
      // computed cell has none worth keeping); in a text input, its text.
      const value =
        cell.kind === 'formula' && field.spec?.rule
          ? typeof cell.result === 'number'
            ? cell.result
            : undefined
          : entryValue(cell);
      if (value !== undefined) entries.set(name, value);
    } else if (!PLAN_OWNED.test(name) && cell.kind !== 'formula') {
      const value = entryValue(cell);
      if (value !== undefined) orphans.push({ name, value });
    }
  }
  return { entries, orphans };
}
