/**
 * The defined-name contract of a returned sheet, beyond each name existing:
 * one cell, one name; every name on its own row and column (placement.ts);
 * computed names on their formula cells. Each finding names the names and
 * cells involved and what probably happened.
 */
import { a1 } from '../layout/a1';
import { COLUMNS } from '../layout/plan';
import { allCriteria, type LoadedRubric } from '../rubric';
import { names } from '../rubric/names';
import { inputSpecs } from '../scoring/inputs';
import type { Problem } from '../scoring/problems';
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
  const criterion = (id: string) => `tiêu chí ${id}`;
  for (const c of allCriteria(rubric)) {
    labels.set(names.score(c.id), { what: 'Điểm tự chấm', row: criterion(c.id) });
    labels.set(names.maxPoints(c.id), { what: 'Điểm chuẩn', row: criterion(c.id) });
    for (const s of c.subItems ?? []) {
      labels.set(names.maxPoints(s.id), { what: 'Điểm chuẩn', row: criterion(s.id) });
    }
  }
  for (const s of rubric.sections) labels.set(names.sectionTotal(s.id), { row: `tổng mục ${s.label || s.id}` });
  const groups = (nodes: (typeof rubric.sections)[number]['children']) => {
    for (const n of nodes) {
      if (n.type !== 'group') continue;
      labels.set(names.groupTotal(n.id), { row: n.label ? `tổng nhóm ${n.label}` : `tổng ${n.title.split(':')[0]}` });
      groups(n.children);
    }
  };
  for (const s of rubric.sections) groups(s.children);
  labels.set(names.bonusTotal, { row: `tổng điểm thưởng (mục ${rubric.bonus.id})` });
  labels.set(names.deductionTotal, { row: `tổng điểm trừ (mục ${rubric.deduction.id})` });
  labels.set(names.grandTotal, { row: 'tổng điểm' });
  for (const spec of inputSpecs(rubric)) {
    labels.set(spec.name, spec.owner ? { what: spec.label, row: /^\d/.test(spec.owner) ? criterion(spec.owner) : `mục ${spec.owner}` } : { row: spec.label.toLowerCase() });
  }
  labelsByRubric.set(loaded, labels);
  return labels;
}

const COUNT_WORDS = ['', 'Một', 'Hai', 'Ba', 'Bốn', 'Năm'];
const LIKELY = 'có thể do cắt–dán ô hoặc sửa tên ô';

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
    return `${name} (${what ? `${what}, ${row}` : row})`;
  }

  /** "H21", or "B1 của trang “ChamDiem_Meta”" off the standard sheet. */
  cell(at: CellLocation): string {
    const address = a1(at.row, at.col);
    return at.sheet === this.placements.sheet ? address : `${address} của trang “${at.sheet}”`;
  }

  /** "trên dòng của tiêu chí 6", or "ở dòng 140" where no planned row is. */
  rowOf(at: CellLocation): string {
    const owner = at.sheet === this.placements.sheet ? this.rowOwners.get(at.row) : undefined;
    return owner ? `trên dòng của ${owner}` : `ở dòng ${at.row}`;
  }

  /** The heading of the plan column that sits at this column now. */
  columnOf(col: number): string | undefined {
    for (const [planCol, actual] of this.placements.columns) if (actual === col) return COLUMNS[planCol - 1]?.header;
    return undefined;
  }
}

/** Why one misplaced name is not where it belongs, and where that is. */
function whereInstead(p: Placement, w: Wording): string {
  const actual = p.actual as CellLocation;
  const expected = p.expected;
  if (!expected) return `ô ${w.cell(actual)} ${w.rowOf(actual)}, không đúng chỗ của nó theo thứ tự các dòng của bảng`;
  if (actual.sheet !== expected.sheet) return `ô ${w.cell(actual)}, không phải ô ${w.cell(expected)} của trang “${expected.sheet}”`;
  if (actual.row === expected.row) {
    const here = w.columnOf(actual.col);
    const there = w.columnOf(expected.col);
    return `ô ${w.cell(actual)}${here ? ` ở cột “${here}”` : ''}, không phải ô ${w.cell(expected)}${there ? ` ở cột “${there}”` : ''} của cùng dòng`;
  }
  return `ô ${w.cell(actual)} ${w.rowOf(actual)}, không phải ô ${w.cell(expected)} ${w.rowOf(expected)}`;
}

function sharedProblem(cellNames: Placement[], w: Wording): Problem {
  const at = cellNames[0].actual as CellLocation;
  const intruders = cellNames.filter((p) => p.misplaced);
  const owner = cellNames.find((p) => !p.misplaced);
  const count = COUNT_WORDS[cellNames.length] ?? String(cellNames.length);
  const list = cellNames.map((p) => w.who(p.field.name)).join(' và ');
  const belongs = intruders
    .map((p) => (p.expected ? `${p.field.name} lẽ ra ở ô ${w.cell(p.expected)} ${w.rowOf(p.expected)}` : `${p.field.name} không thuộc ô này`))
    .join('; ');
  const consequence = owner
    ? `, nên ${intruders.map((p) => w.label(p.field.name).row).join(', ')} đang đọc ô của ${w.label(owner.field.name).row}`
    : '';
  const first = intruders[0] ?? cellNames[0];
  return {
    code: 'NAME_SHARED',
    severity: 'error',
    name: first.field.name,
    owner: first.field.spec?.owner,
    message: `${count} tên ô ${list} cùng trỏ vào ô ${w.cell(at)} ${w.rowOf(at)}: mỗi ô chỉ được mang một tên. ${belongs}${consequence}; ${LIKELY}.`,
  };
}

function movedProblem(p: Placement, w: Wording, describeCell: (name: string) => string): Problem {
  const name = p.field.name;
  const base = { severity: 'error' as const, name, owner: p.field.spec?.owner };
  if (p.field.role === 'computed') {
    const actual = p.actual as CellLocation;
    const formulaCell = p.expected ? ` (${w.cell(p.expected)})` : '';
    return {
      ...base,
      code: 'NAME_NOT_FORMULA',
      message: `Tên ô ${w.who(name)} không còn trỏ vào ô công thức của nó${formulaCell} mà trỏ vào ô ${w.cell(actual)} ${w.rowOf(actual)} (${describeCell(name)}), ${LIKELY}: số đọc theo tên này không phải số bảng tính ra.`,
    };
  }
  return { ...base, code: 'NAME_MOVED', message: `Tên ô ${w.who(name)} trỏ vào ${whereInstead(p, w)}; ${LIKELY}.` };
}

const cellKey = (at: CellLocation) => `${at.sheet}\u0000${at.row}\u0000${at.col}`;

/**
 * The contract's findings: NAME_SHARED for each cell that carries two or
 * more planned names, NAME_NOT_FORMULA for a computed name off its formula
 * cell, NAME_MOVED for any other name off its place. `describeCell` says
 * what a name's cell holds ("giá trị cố định 20").
 */
export function nameContractProblems(placements: NamePlacements, loaded: LoadedRubric, describeCell: (name: string) => string): Problem[] {
  const w = new Wording(placements, nameLabels(loaded));
  const byCell = new Map<string, Placement[]>();
  for (const p of placements.byName.values()) {
    if (!p.actual) continue;
    const key = cellKey(p.actual);
    byCell.set(key, [...(byCell.get(key) ?? []), p]);
  }
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
