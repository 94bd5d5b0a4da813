/**
 * Every formula the sheet holds, built in one place. They reference defined
 * names, not positions, so inserting rows never changes their text, and the
 * check can compare a returned cell's formula with the one built here.
 * Formulas are written without the leading "=".
 */
import type { NumberRule } from '../scoring/inputs';
import type { TierRule } from '../rubric';

function num(n: number): string {
  return String(n);
}

/**
 * TRUE when `ref` holds a number that meets the rule. Guarded by IF so that
 * text never reaches INT/ROUND (an error would read as "valid" in conditional
 * formats). Mirrored by scoring/inputs.meetsRule.
 */
export function validityFormula(ref: string, rule: NumberRule): string {
  const tests = [`${ref}>=${num(rule.min)}`];
  if (rule.max !== undefined) tests.push(`${ref}<=${num(rule.max)}`);
  tests.push(rule.whole ? `INT(${ref})=${ref}` : `ROUND(${ref},2)=${ref}`);
  return `IF(ISNUMBER(${ref}),AND(${tests.join(',')}),FALSE)`;
}

/**
 * What an entry adds to a subtotal: itself where it meets its rule, 0
 * otherwise, so an invalid entry is flagged and never counted. Mirrored by
 * scoring/inputs.countedValue.
 */
export function countedFormula(ref: string, rule: NumberRule): string {
  return `IF(${validityFormula(ref, rule)},${ref},0)`;
}

/** Something other than blank that fails the rule (conditional format). */
export function invalidEntryFormula(ref: string, rule: NumberRule): string {
  return `AND(LEN(TRIM(${ref}))>0,NOT(${validityFormula(ref, rule)}))`;
}

/** A blank input (conditional format). */
export function blankFormula(ref: string): string {
  return `LEN(TRIM(${ref}))=0`;
}

/** A positive score with blank evidence (conditional format). */
export function missingEvidenceFormula(scoreRef: string, evidenceRef: string): string {
  return `AND(ISNUMBER(${scoreRef}),${scoreRef}>0,LEN(TRIM(${evidenceRef}))=0)`;
}

const WHOLE_FROM_1: NumberRule = { whole: true, min: 1 };
const WHOLE_FROM_0: NumberRule = { whole: true, min: 0 };

/** ROUND(max × MIN(1, achieved ÷ target), 2); blank until both inputs are valid. */
export function targetFormula(max: number, targetName: string, achievedName: string): string {
  return (
    `IF(AND(${validityFormula(targetName, WHOLE_FROM_1)},${validityFormula(achievedName, WHOLE_FROM_0)}),` +
    `ROUND(${num(max)}*MIN(1,${achievedName}/${targetName}),2),"")`
  );
}

/** Nested IFs from the highest tier down: portable to every spreadsheet program. */
function tierLookup(ref: string, tiers: TierRule['inputs'][number]['tiers']): string {
  let expr = num(tiers[0].points);
  for (const t of tiers.slice(1)) expr = `IF(${ref}>=${num(t.from)},${num(t.points)},${expr})`;
  return expr;
}

/** The lowest tier score over the inputs; blank until every input is valid. */
export function tiersFormula(inputs: { name: string; tiers: TierRule['inputs'][number]['tiers'] }[]): string {
  const valid = inputs.map((i) => validityFormula(i.name, WHOLE_FROM_0));
  const lookups = inputs.map((i) => tierLookup(i.name, i.tiers));
  const combined = lookups.length === 1 ? lookups[0] : `MIN(${lookups.join(',')})`;
  return `IF(AND(${valid.join(',')}),${combined},"")`;
}

/** Sub-items summed, each counted only where valid; blank while none holds a number. */
export function subItemSumFormula(subs: { name: string; rule: NumberRule }[]): string {
  const list = subs.map((s) => s.name).join(',');
  return `IF(COUNT(${list})=0,"",${sumFormula(subs.map((s) => countedFormula(s.name, s.rule)))})`;
}

/** SUM skips the blank text that unscored criteria show. */
export function sumFormula(refs: string[]): string {
  return refs.length === 0 ? '0' : `SUM(${refs.join(',')})`;
}

export function cappedSumFormula(cap: number, refs: string[]): string {
  return `MIN(${num(cap)},${sumFormula(refs)})`;
}

export function grandTotalFormula(sectionTotals: string[], bonus: string, deduction: string): string {
  return `${sectionTotals.join('+')}+${bonus}-${deduction}`;
}

/** Formula text as hosts report it, for comparison: no "=", no spaces outside strings, upper case. */
export function normalizeFormula(formula: string): string {
  // Split at quotes: the even pieces are outside string literals ("" inside one splits to an empty odd piece).
  const pieces = formula.trim().replace(/^=/, '').split('"');
  const out = pieces.map((piece, i) => (i % 2 === 0 ? piece.replace(/\s+/g, '').toUpperCase() : piece)).join('"');
  // Hosts may prefix newer functions (_xlfn.); LibreOffice writes TRUE() and FALSE().
  return out.replace(/_XLFN\./g, '').replace(/\b(TRUE|FALSE)\(\)/g, '$1');
}

/**
 * A number, or 0 for blank and text. Not N(): Gnumeric gives #NUM! for N()
 * of an empty cell.
 */
function numberOrZero(ref: string): string {
  return `IF(ISNUMBER(${ref}),${ref},0)`;
}

/**
 * An appraisal left blank counts as the unit's self-score (written as text,
 * so counting 0, where the file's entry was invalid); an appraisal entered
 * counts where it meets the row's rule, and 0 otherwise.
 */
export function appraisedScoreFormula(selfRef: string, appraisalRef: string, rule: NumberRule): string {
  return `IF(LEN(TRIM(${appraisalRef}))=0,${numberOrZero(selfRef)},${countedFormula(appraisalRef, rule)})`;
}

/** An appraisal entered that changes the points (conditional format). */
export function appraisalDiffersFormula(selfRef: string, appraisalRef: string): string {
  return `AND(ISNUMBER(${appraisalRef}),${appraisalRef}<>${numberOrZero(selfRef)})`;
}

/** Descending rank as RANK gives it: ties share a rank. */
export function rankFormula(valueRef: string, rangeRef: string): string {
  return `RANK(${valueRef},${rangeRef})`;
}

/** Two decimals, so equal totals compare equal whatever order they were summed in. */
export function roundedFormula(expression: string): string {
  return `ROUND(${expression},2)`;
}

/**
 * The rubric sheet's live sum of a row's children: the points of every row
 * whose "Thuộc" is this row's id, for a section, a group or a criterion
 * summing its sub-items; blank for any other row. The same formula on every
 * row, so a row copied or inserted keeps it.
 */
export function childrenSumFormula(
  cells: { kind: string; rule: string; id: string },
  columns: { parent: string; points: string },
  summed: { kinds: string[]; rule: string },
): string {
  const tests = [...summed.kinds.map((k) => `${cells.kind}="${k}"`), `${cells.rule}="${summed.rule}"`];
  return `IF(OR(${tests.join(',')}),SUMIFS(${columns.points},${columns.parent},${cells.id}),"")`;
}

/** "Khớp" when the children add up to the row's points, "Lệch" when they do not, blank without a sum. */
export function sumStatusFormula(sumRef: string, pointsRef: string, words: { ok: string; off: string }): string {
  return `IF(${sumRef}="","",IF(ABS(${sumRef}-${numberOrZero(pointsRef)})<0.005,"${words.ok}","${words.off}"))`;
}

/** A sum that does not match its row's points (conditional format). */
export function sumOffFormula(sumRef: string, pointsRef: string): string {
  return `AND(ISNUMBER(${sumRef}),ABS(${sumRef}-${numberOrZero(pointsRef)})>=0.005)`;
}

/** The points of every row of one kind: the sections' total. */
export function kindTotalFormula(kindColumn: string, pointsColumn: string, kind: string): string {
  return `SUMIFS(${pointsColumn},${kindColumn},"${kind}")`;
}
