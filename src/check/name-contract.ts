/**
 * The defined-name contract of a returned sheet, beyond each name existing:
 * one cell, one name; every name on its own row and column (placement.ts);
 * computed names on their formula cells. Each finding names the names and
 * cells involved and what probably happened.
 */
import { a1 } from '../layout/a1';
import { COLUMNS } from '../layout/plan';
import { allGroups, allCriteria, type LoadedRubric } from '../rubric';
import { names } from '../rubric/names';
import { inputSpecs } from '../scoring/inputs';
import type { Problem } from '../scoring/problems';
import { INPUT_LABELS, NAME_TEXT } from '../text/messages';
import type { CellLocation, NamePlacements, Placement } from './placement';

/** What a name holds and whose row it is on, for messages: "Minh chứng", "tiêu chí 5". */
interface NameLabel {
  what?: string;
  row: string;
}

const labelsByRubric = new WeakMap<LoadedRubric, Map<string, NameLabel>>();

/** Labels of every planned name of a rubric, built once per rubric. */
function nameLabels(loaded: LoadedRubric): Map<string, NameLabel> {
  const cached = labelsByRubric.get(loaded);
  if (cached) return cached;
  const { rubric } = loaded;
  const labels = new Map<string, NameLabel>();
  for (const c of allCriteria(rubric)) {
    labels.set(names.score(c.id), { what: INPUT_LABELS.score, row: NAME_TEXT.criterionRow(c.id) });
    for (const item of [c, ...(c.subItems ?? [])]) {
      labels.set(names.maxPoints(item.id), { what: NAME_TEXT.maxPoints, row: NAME_TEXT.criterionRow(item.id) });
    }
  }
  for (const s of rubric.sections) labels.set(names.sectionTotal(s.id), { row: NAME_TEXT.sectionTotal(s.label || s.id) });
  for (const g of allGroups(rubric)) {
    labels.set(names.groupTotal(g.id), { row: g.label ? NAME_TEXT.groupTotal(g.label) : NAME_TEXT.taskTotal(g.title.split(':')[0]) });
  }
  labels.set(names.bonusTotal, { row: NAME_TEXT.bonusTotal(rubric.bonus.id) });
  labels.set(names.deductionTotal, { row: NAME_TEXT.deductionTotal(rubric.deduction.id) });
  labels.set(names.grandTotal, { row: NAME_TEXT.grandTotal });
  for (const spec of inputSpecs(rubric)) {
    const owner = spec.owner;
    const row = owner === undefined ? spec.label.toLowerCase() : /^\d/.test(owner) ? NAME_TEXT.criterionRow(owner) : NAME_TEXT.itemRow(owner);
    labels.set(spec.name, owner === undefined ? { row } : { what: spec.label, row });
  }
  labelsByRubric.set(loaded, labels);
  return labels;
}

/** Everything a message needs to say where things are. */
class Wording {
  private readonly rowOwners = new Map<number, string>();

  constructor(
    private readonly placements: NamePlacements,
    private readonly labels: Map<string, NameLabel>,
  ) {
    for (const p of placements.byName.values()) {
      if (p.expected && !this.rowOwners.has(p.expected.row)) this.rowOwners.set(p.expected.row, this.label(p.field.name).row);
    }
  }

  label(name: string): NameLabel {
    return this.labels.get(name) ?? { row: name };
  }

  /** "TC_05 (Điểm tự chấm, tiêu chí 5)". */
  who(name: string): string {
    const { what, row } = this.label(name);
    return NAME_TEXT.who(name, what, row);
  }

  /** "H21", or "B1 của trang “ChamDiem_Meta”" off the standard sheet. */
  cell(at: CellLocation): string {
    const address = a1(at.row, at.col);
    return at.sheet === this.placements.sheet ? address : NAME_TEXT.cellOnSheet(address, at.sheet);
  }

  /** "trên dòng của tiêu chí 6", or "ở dòng 140" where no planned row is. */
  rowOf(at: CellLocation): string {
    const owner = at.sheet === this.placements.sheet ? this.rowOwners.get(at.row) : undefined;
    return owner ? NAME_TEXT.onRowOf(owner) : NAME_TEXT.onRow(at.row);
  }

  /** " ở cột “Ghi chú”": the heading of the plan column that sits at this column now. */
  inColumn(col: number): string {
    for (const [planCol, actual] of this.placements.columns) {
      if (actual === col && COLUMNS[planCol - 1]) return NAME_TEXT.inColumn(COLUMNS[planCol - 1].header);
    }
    return '';
  }
}

/** Where one misplaced name points instead of where it belongs. */
function whereInstead(p: Placement, w: Wording): string {
  const actual = p.actual as CellLocation;
  const expected = p.expected;
  if (!expected) return NAME_TEXT.outOfOrder(w.cell(actual), w.rowOf(actual));
  if (actual.sheet !== expected.sheet) return NAME_TEXT.otherSheet(w.cell(actual), w.cell(expected), expected.sheet);
  if (actual.row === expected.row) return NAME_TEXT.otherColumn(w.cell(actual), w.inColumn(actual.col), w.cell(expected), w.inColumn(expected.col));
  return NAME_TEXT.otherRow(w.cell(actual), w.rowOf(actual), w.cell(expected), w.rowOf(expected));
}

function sharedProblem(cellNames: Placement[], w: Wording): Problem {
  const at = cellNames[0].actual as CellLocation;
  const intruders = cellNames.filter((p) => p.misplaced);
  const owner = cellNames.find((p) => !p.misplaced);
  const belongs = intruders.map((p) =>
    p.expected ? NAME_TEXT.belongsAt(p.field.name, w.cell(p.expected), w.rowOf(p.expected)) : NAME_TEXT.notHere(p.field.name),
  );
  const first = intruders[0] ?? cellNames[0];
  return {
    code: 'NAME_SHARED',
    severity: 'error',
    name: first.field.name,
    owner: first.field.spec?.owner,
    message: NAME_TEXT.shared(
      cellNames.length,
      cellNames.map((p) => w.who(p.field.name)),
      w.cell(at),
      w.rowOf(at),
      belongs,
      intruders.map((p) => p.field.name),
      owner?.field.name,
    ),
  };
}

function movedProblem(p: Placement, w: Wording, describeCell: (name: string) => string): Problem {
  const name = p.field.name;
  const base = { severity: 'error' as const, name, owner: p.field.spec?.owner };
  if (p.field.role !== 'computed') return { ...base, code: 'NAME_MOVED', message: NAME_TEXT.moved(w.who(name), whereInstead(p, w)) };
  const actual = p.actual as CellLocation;
  return {
    ...base,
    code: 'NAME_NOT_FORMULA',
    message: NAME_TEXT.notFormula(w.who(name), p.expected && w.cell(p.expected), w.cell(actual), w.rowOf(actual), describeCell(name)),
  };
}

const cellKey = (at: CellLocation) => `${at.sheet}\u0000${at.row}\u0000${at.col}`;

/**
 * The contract's findings: NAME_SHARED for each cell that carries two or
 * more planned names, NAME_NOT_FORMULA for a computed name off its formula
 * cell, NAME_MOVED for any other name off its place. `describeCell` says
 * what a name's cell holds ("giá trị cố định 20").
 */
export function nameContractProblems(placements: NamePlacements, loaded: LoadedRubric, describeCell: (name: string) => string): Problem[] {
  const byCell = new Map<string, Placement[]>();
  let sound = true;
  for (const p of placements.byName.values()) {
    if (!p.actual) continue;
    const key = cellKey(p.actual);
    const cellNames = byCell.get(key);
    if (cellNames) cellNames.push(p);
    else byCell.set(key, [p]);
    if (cellNames || p.misplaced) sound = false;
  }
  // The words are worked out only for a sheet that needs them: a merge checks hundreds of sound ones.
  if (sound) return [];
  const w = new Wording(placements, nameLabels(loaded));
  // In the plan's order; a shared cell is told once, where its first name comes.
  const problems: Problem[] = [];
  const told = new Set<Placement[]>();
  for (const p of placements.byName.values()) {
    if (!p.actual) continue;
    const cellNames = byCell.get(cellKey(p.actual)) as Placement[];
    if (cellNames.length > 1) {
      if (!told.has(cellNames)) problems.push(sharedProblem(cellNames, w));
      told.add(cellNames);
    } else if (p.misplaced) {
      problems.push(movedProblem(p, w, describeCell));
    }
  }
  return problems;
}
