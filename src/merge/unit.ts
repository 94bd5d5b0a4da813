/**
 * One returned workbook, reduced to what the merge needs: the check's
 * problems, the self-scores per row and the evidence texts. Works on any
 * WorkbookView (ExcelJS in Node or the browser); keeps no reference to it.
 */
import { checkWorkbook, type WorkbookView } from '../check';
import type { LoadedRubric } from '../rubric';
import { inputSpecs, numericValue, type CellInput } from '../scoring/inputs';
import { names } from '../rubric/names';
import { fromCheckProblem, type MergeProblem } from './problems';
import { isLeaf, mergeRows, scoreNameOf } from './rows';

export interface UnitTotals {
  sections: Record<string, number>;
  bonus: number;
  deduction: number;
  total: number;
}

export interface EvidenceEntry {
  /** Criterion id, sub-item id or adjustment item ("V.1"). */
  owner: string;
  evidence: string;
  note: string;
}

export interface UnitReading {
  /** As typed, trimmed and NFC; "" when blank. */
  unitName: string;
  createdAt: string | null;
  /** Self-score per leaf row key; null where the sheet shows blank. */
  selfScores: Record<string, number | null>;
  totals: UnitTotals;
  evidence: EvidenceEntry[];
  problems: MergeProblem[];
}

/**
 * A cell's content as text for the report. A formula becomes its own text
 * ("=HYPERLINK(…)"), so it is shown, never evaluated.
 */
export function cellText(cell: CellInput): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'number':
      return String(cell.value);
    case 'text':
    case 'error':
      return cell.value;
    case 'boolean':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'formula':
      return `=${cell.formula}`;
  }
}

export function readUnit(view: WorkbookView, loaded: LoadedRubric): UnitReading {
  const report = checkWorkbook(view, loaded);
  const mismatch = report.problems.filter((p) => p.code === 'RUBRIC_MISMATCH');
  // Against another rubric every other finding is noise.
  const problems = (mismatch.length > 0 ? mismatch : report.problems).map(fromCheckProblem);
  const get = (name: string): CellInput => (view.hasName(name) ? view.cell(name) : { kind: 'empty' });

  const computed = new Map(report.score.criteria.map((c) => [c.id, c.points]));
  const selfScores: Record<string, number | null> = {};
  for (const row of mergeRows(loaded.rubric)) {
    if (row.kind === 'criterion' || row.kind === 'sumCriterion') selfScores[row.key] = computed.get(row.key) ?? null;
    else if (isLeaf(row)) selfScores[row.key] = numericValue(get(scoreNameOf(loaded.rubric, row)));
  }

  const evidence = new Map<string, EvidenceEntry>();
  for (const spec of inputSpecs(loaded.rubric)) {
    if ((spec.kind !== 'evidence' && spec.kind !== 'note') || !spec.owner) continue;
    const text = cellText(get(spec.name)).trim();
    if (!text) continue;
    const entry = evidence.get(spec.owner) ?? { owner: spec.owner, evidence: '', note: '' };
    entry[spec.kind] = text;
    evidence.set(spec.owner, entry);
  }

  const createdAt = view.meta.createdAt?.trim();
  return {
    unitName: cellText(get(names.unitName)).trim().normalize('NFC'),
    createdAt: createdAt ? createdAt : null,
    selfScores,
    totals: {
      sections: report.score.sections,
      bonus: report.score.bonus,
      deduction: report.score.deduction,
      total: report.score.total,
    },
    evidence: [...evidence.values()],
    problems,
  };
}
