import { allCriteria, type Rubric } from '../rubric';
import { names } from '../rubric/names';
import { ENTRY_TEXT, INPUT_LABELS } from '../text/messages';

/** A cell as read back from any spreadsheet host, before interpretation. */
export type CellInput =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'formula'; formula: string; result: number | string | boolean | null }
  | { kind: 'error'; value: string };

export const EMPTY: CellInput = { kind: 'empty' };

export interface NumberRule {
  whole: boolean;
  min: number;
  max?: number;
}

export type InputKind =
  | 'score'
  | 'target'
  | 'achieved'
  | 'count'
  | 'bonus'
  | 'deduction'
  | 'evidence'
  | 'note'
  | 'unitName'
  | 'dateLine'
  | 'signer';

export interface InputSpec {
  name: string;
  kind: InputKind;
  /** The criterion (or bonus/deduction item "V.1") the input belongs to. */
  owner?: string;
  /** What the user is asked for, used in messages (INPUT_LABELS). */
  label: string;
  /** Numeric inputs only; text inputs have none. */
  rule?: NumberRule;
  /** Text inputs only: the most characters the sheet's validation takes. */
  maxLength?: number;
}

/** What the sheet states for each text input: names and the date line short, evidence and notes longer. */
export const TEXT_LIMITS = { unitName: 200, dateLine: 200, signer: 200, evidence: 1000, note: 1000 } as const;

/** A score, bonus or deduction entry: 0 to its maximum, at most two decimals. */
export function pointsRule(max: number): NumberRule {
  return { whole: false, min: 0, max };
}

/** The Vietnamese sentence shown by data validation and by the check. */
export function ruleMessage(label: string, rule: NumberRule): string {
  if (rule.whole) {
    return rule.max === undefined ? ENTRY_TEXT.wholeFrom(label, rule.min) : ENTRY_TEXT.wholeBetween(label, rule.min, rule.max);
  }
  return rule.max === undefined ? ENTRY_TEXT.decimalFrom(label, rule.min) : ENTRY_TEXT.decimalBetween(label, rule.min, rule.max);
}

/** Every input cell of the standard sheet, in document order. */
export function inputSpecs(rubric: Rubric): InputSpec[] {
  const specs: InputSpec[] = [
    { name: names.unitName, kind: 'unitName', label: INPUT_LABELS.unitName, maxLength: TEXT_LIMITS.unitName },
    { name: names.dateLine, kind: 'dateLine', label: INPUT_LABELS.dateLine, maxLength: TEXT_LIMITS.dateLine },
    { name: names.preparerName, kind: 'signer', label: INPUT_LABELS.preparerName, maxLength: TEXT_LIMITS.signer },
    { name: names.signerName, kind: 'signer', label: INPUT_LABELS.signerName, maxLength: TEXT_LIMITS.signer },
  ];
  const textInputs = (id: string) => {
    specs.push({ name: names.evidence(id), kind: 'evidence', owner: id, label: INPUT_LABELS.evidence, maxLength: TEXT_LIMITS.evidence });
    specs.push({ name: names.note(id), kind: 'note', owner: id, label: INPUT_LABELS.note, maxLength: TEXT_LIMITS.note });
  };
  for (const c of allCriteria(rubric)) {
    const rule = c.rule;
    switch (rule.kind) {
      case 'manual':
        specs.push({ name: names.score(c.id), kind: 'score', owner: c.id, label: INPUT_LABELS.score, rule: pointsRule(c.points) });
        textInputs(c.id);
        break;
      case 'target':
        specs.push({ name: names.target(c.id), kind: 'target', owner: c.id, label: INPUT_LABELS.target, rule: { whole: true, min: 1 } });
        specs.push({ name: names.achieved(c.id), kind: 'achieved', owner: c.id, label: INPUT_LABELS.achieved, rule: { whole: true, min: 0 } });
        textInputs(c.id);
        break;
      case 'tiers':
        textInputs(c.id);
        for (const input of rule.inputs) {
          specs.push({ name: names.input(c.id, input.key), kind: 'count', owner: c.id, label: input.label, rule: { whole: true, min: 0 } });
        }
        break;
      case 'sum':
        for (const sub of c.subItems ?? []) {
          specs.push({ name: names.score(sub.id), kind: 'score', owner: sub.id, label: INPUT_LABELS.score, rule: pointsRule(sub.points) });
          textInputs(sub.id);
        }
        break;
    }
  }
  for (const [adj, kind, scoreName, evidenceName, label] of [
    [rubric.bonus, 'bonus', names.bonus, names.bonusEvidence, INPUT_LABELS.bonus],
    [rubric.deduction, 'deduction', names.deduction, names.deductionEvidence, INPUT_LABELS.deduction],
  ] as const) {
    for (const item of adj.items) {
      const owner = `${adj.id}.${item.id}`;
      specs.push({ name: scoreName(item.id), kind, owner, label, rule: pointsRule(adj.cap) });
      specs.push({ name: evidenceName(item.id), kind: 'evidence', owner, label: INPUT_LABELS.evidence, maxLength: TEXT_LIMITS.evidence });
    }
  }
  return specs;
}

export type NumberReading =
  | { status: 'blank' }
  | { status: 'ok'; value: number }
  | { status: 'invalid'; value: number | null; reason: string };

/** The numeric value a host formula like SUM would see: numbers and formula results only. */
export function numericValue(cell: CellInput): number | null {
  if (cell.kind === 'number') return cell.value;
  if (cell.kind === 'formula' && typeof cell.result === 'number') return cell.result;
  return null;
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

export function isBlank(cell: CellInput): boolean {
  return cell.kind === 'empty' || (cell.kind === 'text' && cell.value.trim() === '');
}

/** Two decimals, tolerant of binary noise the way ROUND(x,2)=x is in the sheet. */
function hasAtMostTwoDecimals(n: number): boolean {
  return Math.abs(excelRound(n, 2) - n) < 1e-9;
}

/** Mirrors the sheet's validity formula for a numeric input (see layout/formulas). */
export function readNumber(cell: CellInput, label: string, rule: NumberRule): NumberReading {
  if (isBlank(cell)) return { status: 'blank' };
  const value = numericValue(cell);
  const why = ruleMessage(label, rule);
  if (cell.kind === 'formula') return { status: 'invalid', value, reason: ENTRY_TEXT.formulaInNumber(why) };
  if (value === null) return { status: 'invalid', value: null, reason: ENTRY_TEXT.notANumber(why) };
  return meetsRule(value, rule) ? { status: 'ok', value } : { status: 'invalid', value, reason: why };
}

export function meetsRule(value: number, rule: NumberRule): boolean {
  return (
    Number.isFinite(value) &&
    value >= rule.min &&
    (rule.max === undefined || value <= rule.max) &&
    (rule.whole ? Number.isInteger(value) : hasAtMostTwoDecimals(value))
  );
}

/** The value the sheet's computed formulas accept from an input, or null where they show blank. */
export function acceptedValue(cell: CellInput, rule: NumberRule): number | null {
  const value = numericValue(cell);
  return value !== null && meetsRule(value, rule) ? value : null;
}

/**
 * What an entry adds to its subtotal: itself when it meets its rule, 0
 * otherwise (flagged, never counted). Mirrors layout/formulas.countedFormula.
 */
export function countedValue(cell: CellInput, rule: NumberRule): number {
  return acceptedValue(cell, rule) ?? 0;
}

/**
 * Spreadsheet ROUND: half away from zero on the 15-significant-digit value,
 * so 1.005 rounds to 1.01 as it does in Excel and LibreOffice.
 */
export function excelRound(value: number, digits: number): number {
  const factor = 10 ** digits;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  // Near the largest double the scaling overflows; such a number has no decimals left to round.
  if (!Number.isFinite(scaled)) return value;
  return (Math.sign(value) * Math.round(scaled)) / factor;
}
