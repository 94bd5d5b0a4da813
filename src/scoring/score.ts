import { allCriteria, type CriterionNode, type GroupNode, type Rubric, type RubricNode, type TierRule } from '../rubric';
import { names } from '../rubric/names';
import {
  acceptedValue,
  cellText,
  countedValue,
  excelRound,
  inputSpecs,
  isBlank,
  numericValue,
  pointsRule,
  readNumber,
  type CellInput,
  type InputSpec,
  type NumberRule,
} from './inputs';
import type { Problem } from './problems';
import { ENTRY_TEXT } from '../text/messages';

/** Looks a cell up by its defined name. */
export type Entries = (name: string) => CellInput;

export function entriesFrom(map: Record<string, CellInput> | Map<string, CellInput>): Entries {
  const get = map instanceof Map ? (n: string) => map.get(n) : (n: string) => map[n];
  return (name) => get(name) ?? { kind: 'empty' };
}

export interface CriterionResult {
  id: string;
  max: number;
  /**
   * What the criterion adds to its subtotals; null where the sheet shows it
   * blank. An entry that breaks its rule is flagged and counts 0.
   */
  points: number | null;
  /** Every input of the criterion holds a value that counts: an invalid entry leaves it unscored. */
  complete: boolean;
}

export interface Totals {
  sections: Record<string, number>;
  groups: Record<string, number>;
  bonus: number;
  deduction: number;
  total: number;
}

export interface ScoreReport extends Totals {
  criteria: CriterionResult[];
  scoredCount: number;
  criterionCount: number;
  problems: Problem[];
}

const wholeAtLeast = (min: number): NumberRule => ({ whole: true, min });

/** Tier points for a count: the last tier whose `from` the count reaches. */
export function tierPoints(tiers: TierRule['inputs'][number]['tiers'], count: number): number {
  let points = tiers[0].points;
  for (const t of tiers) if (count >= t.from) points = t.points;
  return points;
}

/** ROUND(max × MIN(1, achieved ÷ target), 2), as the sheet computes it. */
export function targetPoints(max: number, target: number, achieved: number): number {
  return excelRound(max * Math.min(1, achieved / target), 2);
}

function criterionPoints(c: CriterionNode, get: Entries): number | null {
  const rule = c.rule;
  switch (rule.kind) {
    case 'manual': {
      const cell = get(names.score(c.id));
      return isBlank(cell) ? null : countedValue(cell, pointsRule(c.points));
    }
    case 'target': {
      const target = acceptedValue(get(names.target(c.id)), wholeAtLeast(1));
      const achieved = acceptedValue(get(names.achieved(c.id)), wholeAtLeast(0));
      return target === null || achieved === null ? null : targetPoints(c.points, target, achieved);
    }
    case 'tiers': {
      const counts = rule.inputs.map((i) => acceptedValue(get(names.input(c.id, i.key)), wholeAtLeast(0)));
      if (counts.some((n) => n === null)) return null;
      return Math.min(...rule.inputs.map((i, k) => tierPoints(i.tiers, counts[k] as number)));
    }
    case 'sum': {
      // Blank while no sub-item holds a number (COUNT = 0), as the sheet shows it.
      const subs = (c.subItems ?? []).map((s) => ({ cell: get(names.score(s.id)), rule: pointsRule(s.points) }));
      if (subs.every((s) => numericValue(s.cell) === null)) return null;
      return excelRound(sum(subs.map((s) => countedValue(s.cell, s.rule))), 2);
    }
  }
}

/** Names that must all hold a value before the criterion counts as scored. */
export function criterionInputNames(c: CriterionNode): string[] {
  const rule = c.rule;
  switch (rule.kind) {
    case 'manual':
      return [names.score(c.id)];
    case 'target':
      return [names.target(c.id), names.achieved(c.id)];
    case 'tiers':
      return rule.inputs.map((i) => names.input(c.id, i.key));
    case 'sum':
      return (c.subItems ?? []).map((s) => names.score(s.id));
  }
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/** Pairs of (score name, evidence name) checked for missing evidence. */
function evidencePairs(rubric: Rubric): { score: string; evidence: string; owner: string }[] {
  const pairs: { score: string; evidence: string; owner: string }[] = [];
  for (const c of allCriteria(rubric)) {
    if (c.rule.kind === 'sum') {
      for (const s of c.subItems ?? []) pairs.push({ score: names.score(s.id), evidence: names.evidence(s.id), owner: s.id });
    } else {
      pairs.push({ score: names.score(c.id), evidence: names.evidence(c.id), owner: c.id });
    }
  }
  rubric.bonus.items.forEach((i) =>
    pairs.push({ score: names.bonus(i.id), evidence: names.bonusEvidence(i.id), owner: `${rubric.bonus.id}.${i.id}` }),
  );
  rubric.deduction.items.forEach((i) =>
    pairs.push({ score: names.deduction(i.id), evidence: names.deductionEvidence(i.id), owner: `${rubric.deduction.id}.${i.id}` }),
  );
  return pairs;
}

/** Problems in what was entered: invalid values, formulas typed into inputs, text past its limit, empty unit name. */
export function validateInputs(specs: InputSpec[], get: Entries): Problem[] {
  const problems: Problem[] = [];
  for (const spec of specs) {
    const cell = get(spec.name);
    const where = ENTRY_TEXT.where(spec.owner, spec.label, spec.name);
    if (spec.rule) {
      const reading = readNumber(cell, spec.label, spec.rule);
      if (reading.status === 'invalid') {
        // A formula's result counts where it meets the rule, as in the sheet; any other invalid entry counts 0.
        const formula = cell.kind === 'formula';
        problems.push({
          code: formula ? 'FORMULA_IN_INPUT' : 'INVALID_VALUE',
          severity: 'error',
          name: spec.name,
          owner: spec.owner,
          message: `${where}: ${reading.reason}${formula ? '' : ` ${ENTRY_TEXT.notCounted}`}`,
        });
      }
    } else if (cell.kind === 'formula') {
      problems.push({
        code: 'FORMULA_IN_INPUT',
        severity: 'error',
        name: spec.name,
        owner: spec.owner,
        message: `${where}: ${ENTRY_TEXT.textOnly}`,
      });
    }
    // Pasting passes the sheet's own length validation; the text counts nothing, so this only warns.
    const length = spec.maxLength === undefined ? 0 : cellText(cell).length;
    if (spec.maxLength !== undefined && length > spec.maxLength) {
      problems.push({
        code: 'TEXT_TOO_LONG',
        severity: 'warning',
        name: spec.name,
        owner: spec.owner,
        message: `${where}: ${ENTRY_TEXT.tooLong(length, spec.maxLength)}`,
      });
    }
    if (spec.kind === 'unitName' && isBlank(cell)) {
      problems.push({ code: 'UNIT_NAME_EMPTY', severity: 'warning', name: spec.name, message: ENTRY_TEXT.unitNameEmpty });
    }
  }
  return problems;
}

/**
 * Two decimals: every counted entry has at most two, so this drops only the
 * binary noise of the sum (101.55000000000001), as the sheet shows it.
 */
const cents = (n: number) => excelRound(n, 2);

/** Every total the sheet computes, from the criterion points, mirroring its SUM formulas. */
export function computeTotals(rubric: Rubric, points: Map<string, number | null>, get: Entries): Totals {
  const groups: Record<string, number> = {};
  const nodeValue = (n: RubricNode): number => {
    if (n.type === 'criterion') return points.get(n.id) ?? 0;
    if (n.type === 'group') return groupValue(n);
    return 0;
  };
  const groupValue = (g: GroupNode): number => {
    const v = cents(sum(g.children.map(nodeValue)));
    groups[g.id] = v;
    return v;
  };
  const sections: Record<string, number> = {};
  for (const s of rubric.sections) sections[s.id] = cents(sum(s.children.map(nodeValue)));
  // An item below 0, over the cap or with more decimals counts 0, like an invalid score.
  const capped = (ids: string[], nameOf: (id: string) => string, cap: number) =>
    Math.min(cap, cents(sum(ids.map((id) => countedValue(get(nameOf(id)), pointsRule(cap))))));
  const bonus = capped(rubric.bonus.items.map((i) => i.id), names.bonus, rubric.bonus.cap);
  const deduction = capped(rubric.deduction.items.map((i) => i.id), names.deduction, rubric.deduction.cap);
  const total = cents(sum(Object.values(sections)) + bonus - deduction);
  return { sections, groups, bonus, deduction, total };
}

export function scoreEntries(rubric: Rubric, get: Entries): ScoreReport {
  const criteria = allCriteria(rubric);
  const specs = inputSpecs(rubric);
  const specOf = new Map(specs.map((s) => [s.name, s]));
  // What the sheet's formulas accept: a formula's result that meets the rule counts, as it does there.
  const counts = (name: string) => {
    const rule = specOf.get(name)?.rule;
    return rule ? acceptedValue(get(name), rule) !== null : !isBlank(get(name));
  };
  const results: CriterionResult[] = criteria.map((c) => ({
    id: c.id,
    max: c.points,
    points: criterionPoints(c, get),
    complete: criterionInputNames(c).every(counts),
  }));
  const points = new Map(results.map((r) => [r.id, r.points]));
  const computedNames = new Set(criteria.filter((c) => c.rule.kind !== 'manual').map((c) => names.score(c.id)));
  const problems = validateInputs(specs, get);
  for (const pair of evidencePairs(rubric)) {
    // What the score cell shows, as the sheet's amber flag reads it: an input's own value, a formula's result.
    const score = computedNames.has(pair.score) ? points.get(pair.owner) : numericValue(get(pair.score));
    if (score !== null && score !== undefined && score > 0 && isBlank(get(pair.evidence))) {
      problems.push({
        code: 'MISSING_EVIDENCE',
        severity: 'warning',
        name: pair.evidence,
        owner: pair.owner,
        message: ENTRY_TEXT.missingEvidence(pair.owner, score, pair.evidence),
      });
    }
  }
  for (const c of criteria) {
    const missing = criterionInputNames(c).filter((n) => isBlank(get(n)));
    if (missing.length > 0) {
      problems.push({
        code: 'UNSCORED',
        severity: 'warning',
        name: missing[0],
        owner: c.id,
        // A sub-item's input is named by its own number: "Điểm tự chấm của 14.1 và 14.2".
        message: ENTRY_TEXT.unscored(
          c.id,
          missing.map((n) => ({ label: specOf.get(n)?.label ?? n, of: specOf.get(n)?.owner === c.id ? undefined : specOf.get(n)?.owner })),
        ),
      });
    }
  }
  return {
    criteria: results,
    ...computeTotals(rubric, points, get),
    scoredCount: results.filter((r) => r.complete).length,
    criterionCount: results.length,
    problems,
  };
}
