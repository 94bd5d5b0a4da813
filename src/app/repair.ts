/**
 * Repairing the name contract on an upgrade. The new sheet puts every name
 * back on its planned cell; what matters is which entry each input takes
 * from the old sheet when its name was off its cell (name-contract.ts):
 *
 * - a name on its own cell keeps that cell's entry;
 * - a name moved onto a cell no name of ours belongs to keeps what it points
 *   at: a cut and paste carried the entry there with the name;
 * - a name on a cell another name belongs to (pointed there by hand, or a
 *   cut and paste that left both names on it), or a missing name, takes its
 *   own cell by position, when the other names tell where that is and no
 *   other name points at it; otherwise the entry is gone (pasted over).
 *
 * A cell's entry goes to one input at most.
 */
import { placeNames, type CellLocation, type Placement } from '../check';
import { a1 } from '../layout/a1';
import type { NamedCells } from '../layout/carry';
import { SHEET_NAME, type SheetPlan } from '../layout/plan';
import type { CellInput } from '../scoring/inputs';
import { NAME_TEXT } from '../text/messages';

/** What a repair reads of the old sheet: its names, where they point, and any cells by position. */
export interface NamedSheet extends NamedCells {
  locate(name: string): CellLocation | undefined;
  /** The cells at these places, in order, read in one pass; empty where there is nothing. */
  cellsAt(at: CellLocation[]): CellInput[];
}

/** One name put back on its cell, and where its entry came from. */
export interface NameRepair {
  name: string;
  /** Its cell in the new sheet, as "H16". */
  cell: string;
  /** The old sheet's cell its entry was taken from; undefined when none was left to keep. */
  from?: string;
  /** The entry came from the cell the name had been moved to, with it. */
  followed: boolean;
}

const key = (at: CellLocation) => `${at.sheet}\u0000${at.row}\u0000${at.col}`;

type Source = { by: 'name' } | { by: 'cell'; at: CellLocation } | { by: 'none' };

/** Where each misplaced or missing input takes its entry from. */
function entrySources(placements: Placement[]): Map<string, Source> {
  const claimed = new Set<string>();
  const pointed = new Set<string>();
  for (const p of placements) {
    if (!p.actual) continue;
    pointed.add(key(p.actual));
    if (!p.misplaced) claimed.add(key(p.actual));
  }
  const sources = new Map<string, Source>();
  for (const p of placements) {
    if (!p.misplaced || claimed.has(key(p.actual as CellLocation))) continue;
    sources.set(p.field.name, { by: 'name' });
    claimed.add(key(p.actual as CellLocation));
  }
  for (const p of placements) {
    if (sources.has(p.field.name) || (p.actual && !p.misplaced)) continue;
    const own = p.expected;
    if (own && !pointed.has(key(own)) && !claimed.has(key(own))) {
      sources.set(p.field.name, { by: 'cell', at: own });
      claimed.add(key(own));
    } else {
      sources.set(p.field.name, { by: 'none' });
    }
  }
  return sources;
}

/**
 * The old sheet as the upgrade should carry it: every input read from where
 * its entry is, by the rules above, and the names repaired on the way. The
 * sheet is returned as it is when every input name is on its cell.
 */
export function repairNames(plan: SheetPlan, old: NamedSheet): { cells: NamedCells; repairs: NameRepair[] } {
  const { byName } = placeNames(plan.fields, (name) => old.locate(name), SHEET_NAME);
  const inputs = [...byName.values()].filter((p) => p.field.role === 'input');
  const broken = inputs.filter((p) => p.misplaced || (!p.actual && p.expected));
  if (broken.length === 0) return { cells: old, repairs: [] };

  const sources = entrySources(inputs);
  const positional = [...sources].flatMap(([name, s]) => (s.by === 'cell' ? [[name, s.at] as const] : []));
  const read = old.cellsAt(positional.map(([, at]) => at));
  const byPosition = new Map(positional.map(([name], i) => [name, read[i]]));
  const repairs = broken.map(({ field, actual }): NameRepair => {
    const source = sources.get(field.name) as Source;
    const from = source.by === 'name' ? actual : source.by === 'cell' ? source.at : undefined;
    const filled = source.by === 'name' || (byPosition.get(field.name)?.kind ?? 'empty') !== 'empty';
    return { name: field.name, cell: a1(field.row, field.col), from: from && filled ? a1(from.row, from.col) : undefined, followed: source.by === 'name' };
  });
  const names = new Set([...old.names.keys(), ...byPosition.keys()]);
  return {
    repairs,
    cells: {
      names,
      cell(name) {
        const source = sources.get(name);
        if (!source || source.by === 'name') return old.cell(name);
        return source.by === 'cell' ? (byPosition.get(name) as CellInput) : { kind: 'empty' };
      },
    },
  };
}

/** One repair in words, for the pane and the command line. */
export function describeRepair(r: NameRepair): string {
  if (r.from === undefined) return NAME_TEXT.repairLost(r.name, r.cell);
  return r.followed ? NAME_TEXT.repairFollowed(r.name, r.cell, r.from) : NAME_TEXT.repairOwn(r.name, r.cell, r.from);
}
