/**
 * One returned workbook, reduced to what the merge needs: the check's
 * problems, the self-scores per row and the evidence texts. Works on any
 * WorkbookView (ExcelJS in Node or the browser); keeps no reference to it.
 */
import { checkWorkbook, type WorkbookView } from '../check';
import { allCriteria, type LoadedRubric } from '../rubric';
import { acceptedValue, cellText, inputSpecs, isBlank, type CellInput, type NumberRule } from '../scoring/inputs';

export { cellText };
import { names } from '../rubric/names';
import { formatExactNumber } from '../text/format';
import { INPUT_LABELS, MERGE_TEXT } from '../text/messages';
import { cellSafeText, isCut, KEPT_WHEN_CUT } from '../layout/cell-text';
import { fromCheckProblem, mergeProblem, type MergeProblem } from './problems';
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
  /** Self-score per leaf row key, as counted; null where the sheet shows blank or the entry is invalid. */
  selfScores: Record<string, number | null>;
  /** Per leaf row key, what the file shows where its entry breaks the rule: shown, flagged, never counted. */
  invalidScores: Record<string, string>;
  totals: UnitTotals;
  evidence: EvidenceEntry[];
  problems: MergeProblem[];
}

/** What a cell holds, for an entry that counts nothing: "45.445", "1e+308", "khá tốt". */
function shownText(cell: CellInput): string {
  const value = cell.kind === 'formula' ? cell.result : cell.kind === 'number' ? cell.value : null;
  if (typeof value === 'number') return formatExactNumber(value);
  if (cell.kind === 'formula') return value === null ? '' : String(value);
  return cellText(cell);
}

/** A typed score as the merge carries it: counted where valid, shown as text where not. */
function typedScore(cell: CellInput, rule: NumberRule): { score: number | null; invalid?: string } {
  if (isBlank(cell)) return { score: null };
  const value = acceptedValue(cell, rule);
  return value !== null ? { score: value } : { score: null, invalid: shownText(cell) };
}

export function readUnit(view: WorkbookView, loaded: LoadedRubric): UnitReading {
  const report = checkWorkbook(view, loaded);
  const mismatch = report.problems.filter((p) => p.code === 'RUBRIC_MISMATCH');
  // Against another rubric every other finding is noise.
  const problems = (mismatch.length > 0 ? mismatch : report.problems).map(fromCheckProblem);
  const get = (name: string): CellInput => (view.hasName(name) ? view.cell(name) : { kind: 'empty' });

  const computed = new Map(report.score.criteria.map((c) => [c.id, c.points]));
  const typed = new Set(allCriteria(loaded.rubric).filter((c) => c.rule.kind === 'manual').map((c) => c.id));
  const selfScores: Record<string, number | null> = {};
  const invalidScores: Record<string, string> = {};
  for (const row of mergeRows(loaded.rubric)) {
    if (row.kind === 'sumCriterion' || (row.kind === 'criterion' && !typed.has(row.key))) {
      selfScores[row.key] = computed.get(row.key) ?? null;
    } else if (isLeaf(row)) {
      const { score, invalid } = typedScore(get(scoreNameOf(loaded.rubric, row)), row.rule as NumberRule);
      selfScores[row.key] = score;
      if (invalid !== undefined) invalidScores[row.key] = invalid;
    }
  }

  // Text past what a cell holds is cut where it is read, and the file's problems say so.
  const fitted = (text: string, label: string, owner: string | undefined, name: string): string => {
    if (!isCut(text)) return text;
    const message = MERGE_TEXT.textCut(label, owner, name, text.length, KEPT_WHEN_CUT);
    if (mismatch.length === 0) problems.push(mergeProblem('TEXT_CUT', message, { name, ...(owner ? { owner } : {}) }));
    return cellSafeText(text);
  };
  const evidence = new Map<string, EvidenceEntry>();
  for (const spec of inputSpecs(loaded.rubric)) {
    if ((spec.kind !== 'evidence' && spec.kind !== 'note') || !spec.owner) continue;
    const text = cellText(get(spec.name)).trim();
    if (!text) continue;
    const entry = evidence.get(spec.owner) ?? { owner: spec.owner, evidence: '', note: '' };
    entry[spec.kind] = fitted(text, spec.label, spec.owner, spec.name);
    evidence.set(spec.owner, entry);
  }

  const createdAt = view.meta.createdAt?.trim();
  return {
    unitName: fitted(cellText(get(names.unitName)).trim().normalize('NFC'), INPUT_LABELS.unitName, undefined, names.unitName),
    createdAt: createdAt ? createdAt : null,
    selfScores,
    invalidScores,
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
