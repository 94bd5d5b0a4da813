/**
 * Checks one returned workbook against the plan its rubric produces: names,
 * computed formulas, printed maximum points, then the entries themselves.
 */
import type { LoadedRubric } from '../rubric';
import { names } from '../rubric/names';
import { COLUMNS, buildSheetPlan, type PlanField } from '../layout/plan';
import { normalizeFormula } from '../layout/formulas';
import { numericValue, type CellInput } from '../scoring/inputs';
import type { Problem } from '../scoring/problems';
import { scoreEntries, type ScoreReport } from '../scoring/score';

/** What the check needs from a workbook, whichever host it came from. */
export interface WorkbookView {
  meta: Record<string, string>;
  hasName(name: string): boolean;
  cell(name: string): CellInput;
}

export interface CheckReport {
  unitName: string;
  rubric: { id: string; version: string; fingerprint: string };
  meta: Record<string, string>;
  score: Omit<ScoreReport, 'problems'>;
  problems: Problem[];
}

function describeCell(cell: CellInput): string {
  switch (cell.kind) {
    case 'empty':
      return 'ô trống';
    case 'number':
      return `giá trị cố định ${cell.value}`;
    case 'text':
      return `văn bản "${cell.value.slice(0, 40)}"`;
    case 'boolean':
      return `giá trị ${cell.value ? 'TRUE' : 'FALSE'}`;
    case 'error':
      return `lỗi ${cell.value}`;
    case 'formula':
      return `công thức khác (=${cell.formula.slice(0, 60)})`;
  }
}

function rubricProblems(meta: Record<string, string>, loaded: LoadedRubric): Problem[] {
  const { rubric, fingerprint } = loaded;
  const expected = `${rubric.id} phiên bản ${rubric.version}`;
  const got = `${meta.rubricId ?? '?'} phiên bản ${meta.rubricVersion ?? '?'}`;
  if (meta.rubricId !== rubric.id || meta.rubricVersion !== rubric.version) {
    return [
      {
        code: 'RUBRIC_MISMATCH',
        severity: 'error',
        message: `Tệp được tạo theo bộ tiêu chí ${got}, không phải ${expected}.`,
      },
    ];
  }
  if (meta.rubricFingerprint !== fingerprint) {
    return [
      {
        code: 'RUBRIC_MISMATCH',
        severity: 'error',
        message: `Dấu vân tay bộ tiêu chí trong tệp (${(meta.rubricFingerprint ?? '').slice(0, 12)}…) khác bản ${expected} (${fingerprint.slice(0, 12)}…): bộ tiêu chí đã bị sửa.`,
      },
    ];
  }
  return [];
}

/** Missing names, grouped: a whole column gone is one problem, not fifty. */
function nameProblems(fields: PlanField[], view: WorkbookView): Problem[] {
  const missing = fields.filter((f) => !view.hasName(f.name));
  const problems: Problem[] = [];
  const byCol = new Map<number, PlanField[]>();
  for (const f of fields) byCol.set(f.col, [...(byCol.get(f.col) ?? []), f]);
  const goneCols = new Set<number>();
  for (const [col, all] of byCol) {
    if (all.length > 1 && all.every((f) => !view.hasName(f.name))) {
      goneCols.add(col);
      problems.push({
        code: 'COLUMN_MISSING',
        severity: 'error',
        message: `Cột "${COLUMNS[col - 1].header}" đã bị xoá (mất ${all.length} tên ô như ${all[0].name}).`,
      });
    }
  }
  for (const f of missing) {
    if (goneCols.has(f.col)) continue;
    problems.push({
      code: 'NAME_MISSING',
      severity: 'error',
      name: f.name,
      message: `Thiếu tên ô ${f.name}: dòng hoặc ô của nó đã bị xoá.`,
    });
  }
  return problems;
}

/** What every workbook of a rubric is checked against: the plan's named cells and their formulas, normalized. */
interface Expected {
  fields: PlanField[];
  formulas: Map<string, string>;
}

/** Built once per rubric: a merge checks hundreds of workbooks, the task pane one on every edit. */
const expectedByRubric = new WeakMap<LoadedRubric, Expected>();

function expectedFor(loaded: LoadedRubric): Expected {
  let expected = expectedByRubric.get(loaded);
  if (!expected) {
    const { fields } = buildSheetPlan(loaded);
    const formulas = new Map(fields.filter((f) => f.role === 'computed').map((f) => [f.name, normalizeFormula(f.formula ?? '')]));
    expected = { fields, formulas };
    expectedByRubric.set(loaded, expected);
  }
  return expected;
}

function tamperProblems({ fields, formulas }: Expected, view: WorkbookView): Problem[] {
  const problems: Problem[] = [];
  for (const f of fields) {
    if (!view.hasName(f.name)) continue;
    const cell = view.cell(f.name);
    if (f.role === 'computed') {
      const intact = cell.kind === 'formula' && normalizeFormula(cell.formula) === formulas.get(f.name);
      if (!intact) {
        problems.push({
          code: 'FORMULA_REPLACED',
          severity: 'error',
          name: f.name,
          message: `Ô tính tự động ${f.name} đã bị thay bằng ${describeCell(cell)}.`,
        });
      }
    } else if (f.role === 'max' && numericValue(cell) !== f.value) {
      problems.push({
        code: 'MAX_POINTS_EDITED',
        severity: 'error',
        name: f.name,
        message: `Điểm chuẩn ${f.name} phải là ${f.value}, trong tệp là ${describeCell(cell)}.`,
      });
    }
  }
  return problems;
}

export function checkWorkbook(view: WorkbookView, loaded: LoadedRubric): CheckReport {
  const expected = expectedFor(loaded);
  const scored = scoreEntries(loaded.rubric, (name) => (view.hasName(name) ? view.cell(name) : { kind: 'empty' }));
  const { problems: entryProblems, ...score } = scored;
  const unit = view.cell(names.unitName);
  return {
    unitName: unit.kind === 'text' ? unit.value.trim() : unit.kind === 'number' ? String(unit.value) : '',
    rubric: { id: loaded.rubric.id, version: loaded.rubric.version, fingerprint: loaded.fingerprint },
    meta: view.meta,
    score,
    problems: [
      ...rubricProblems(view.meta, loaded),
      ...nameProblems(expected.fields, view),
      ...tamperProblems(expected, view),
      ...entryProblems,
    ],
  };
}
