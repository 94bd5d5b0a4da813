/**
 * Checks one returned workbook against the plan its rubric produces: names,
 * computed formulas, printed maximum points, then the entries themselves.
 */
import type { LoadedRubric } from '../rubric';
import { names } from '../rubric/names';
import { COLUMNS, SHEET_NAME, buildSheetPlan, type PlanField } from '../layout/plan';
import { normalizeFormula } from '../layout/formulas';
import { cellText, numericValue, type CellInput } from '../scoring/inputs';
import { a1 } from '../layout/a1';
import { BODY_SIZE } from '../layout/styles';
import { shownWithinTallestRow } from '../layout/text-fit';
import type { Problem } from '../scoring/problems';
import { scoreEntries, type ScoreReport } from '../scoring/score';
import { CHECK_TEXT, ENTRY_TEXT, rubricLabel } from '../text/messages';
import { nameContractProblems } from './name-contract';
import { placeNames, type CellLocation, type NamePlacements } from './placement';

export { placeNames, type CellLocation, type NamePlacements, type Placement } from './placement';

/** What the check needs from a workbook, whichever host it came from. */
export interface WorkbookView {
  meta: Record<string, string>;
  hasName(name: string): boolean;
  /** The one cell a name points at, on whichever sheet; undefined when it points at none. */
  locate(name: string): CellLocation | undefined;
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
      return CHECK_TEXT.emptyCell;
    case 'number':
      return CHECK_TEXT.fixedValue(cell.value);
    case 'text':
      return CHECK_TEXT.textValue(cell.value.slice(0, 40));
    case 'boolean':
      return CHECK_TEXT.booleanValue(cell.value);
    case 'error':
      return CHECK_TEXT.errorValue(cell.value);
    case 'formula':
      return CHECK_TEXT.otherFormula(cell.formula.slice(0, 60));
  }
}

function rubricProblems(meta: Record<string, string>, loaded: LoadedRubric): Problem[] {
  const { rubric, fingerprint } = loaded;
  const expected = rubricLabel(rubric.id, rubric.version);
  const got = rubricLabel(meta.rubricId ?? '?', meta.rubricVersion ?? '?');
  if (meta.rubricId !== rubric.id || meta.rubricVersion !== rubric.version) {
    return [
      {
        code: 'RUBRIC_MISMATCH',
        severity: 'error',
        message: CHECK_TEXT.otherRubric(got, expected),
      },
    ];
  }
  if (meta.rubricFingerprint !== fingerprint) {
    return [
      {
        code: 'RUBRIC_MISMATCH',
        severity: 'error',
        message: CHECK_TEXT.fingerprintChanged((meta.rubricFingerprint ?? '').slice(0, 12), expected, fingerprint.slice(0, 12)),
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
        message: CHECK_TEXT.columnDeleted(COLUMNS[col - 1].header, all.length, all[0].name),
      });
    }
  }
  for (const f of missing) {
    if (goneCols.has(f.col)) continue;
    problems.push({
      code: 'NAME_MISSING',
      severity: 'error',
      name: f.name,
      message: CHECK_TEXT.nameMissing(f.name),
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

/** Computed cells and printed maxima changed; a name moved off its cell is told by the name contract instead. */
function tamperProblems({ fields, formulas }: Expected, view: WorkbookView, placements: NamePlacements): Problem[] {
  const problems: Problem[] = [];
  for (const f of fields) {
    if (!view.hasName(f.name) || placements.byName.get(f.name)?.misplaced) continue;
    const cell = view.cell(f.name);
    if (f.role === 'computed') {
      const intact = cell.kind === 'formula' && normalizeFormula(cell.formula) === formulas.get(f.name);
      if (!intact) {
        problems.push({
          code: 'FORMULA_REPLACED',
          severity: 'error',
          name: f.name,
          message: CHECK_TEXT.formulaReplaced(f.name, describeCell(cell)),
        });
      }
    } else if (f.role === 'max' && f.value !== undefined && numericValue(cell) !== f.value) {
      problems.push({
        code: 'MAX_POINTS_EDITED',
        severity: 'error',
        name: f.name,
        message: CHECK_TEXT.maxPointsEdited(f.name, f.value, describeCell(cell)),
      });
    }
  }
  return problems;
}

/**
 * Evidence and notes longer than Excel's tallest row shows in their column:
 * the rest is clipped on screen and on paper, whatever fits the rows, so the
 * check names the cell and how much of it prints.
 */
function clippedTextProblems(fields: PlanField[], view: WorkbookView): Problem[] {
  const problems: Problem[] = [];
  for (const f of fields) {
    const spec = f.spec;
    if (!spec || (spec.kind !== 'evidence' && spec.kind !== 'note') || !view.hasName(f.name)) continue;
    const text = cellText(view.cell(f.name));
    const shown = shownWithinTallestRow({ text, widthChars: COLUMNS[f.col - 1].width, sizePt: BODY_SIZE });
    if (shown >= text.length) continue;
    const at = view.locate(f.name);
    problems.push({
      code: 'TEXT_CLIPPED',
      severity: 'warning',
      name: f.name,
      owner: spec.owner,
      message: CHECK_TEXT.textClipped(ENTRY_TEXT.where(spec.owner, spec.label, f.name), at && a1(at.row, at.col), text.length, shown),
    });
  }
  return problems;
}

export function checkWorkbook(view: WorkbookView, loaded: LoadedRubric): CheckReport {
  const expected = expectedFor(loaded);
  const scored = scoreEntries(loaded.rubric, (name) => (view.hasName(name) ? view.cell(name) : { kind: 'empty' }));
  const { problems: entryProblems, ...score } = scored;
  const placements = placeNames(expected.fields, (name) => view.locate(name), SHEET_NAME);
  const unit = view.cell(names.unitName);
  return {
    unitName: unit.kind === 'text' ? unit.value.trim() : unit.kind === 'number' ? String(unit.value) : '',
    rubric: { id: loaded.rubric.id, version: loaded.rubric.version, fingerprint: loaded.fingerprint },
    meta: view.meta,
    score,
    problems: [
      ...rubricProblems(view.meta, loaded),
      ...nameProblems(expected.fields, view),
      ...nameContractProblems(placements, loaded, (name) => describeCell(view.cell(name))),
      ...tamperProblems(expected, view, placements),
      ...entryProblems,
      ...clippedTextProblems(expected.fields, view),
    ],
  };
}
