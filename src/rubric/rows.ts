/**
 * The rubric as rows, one per item, the form in which the office reviews and
 * corrects it in a workbook: each row has its kind, the id of the row it
 * belongs to, its texts and points, and for criteria the rule; a tier rule's
 * counted inputs are rows of their own under it. Both ways: a rubric read
 * back from its unchanged rows is the same rubric, fingerprint included.
 * Reading back says what is wrong by row and field, in Vietnamese.
 */
import { RUBRIC_SHEET_TEXT as T } from '../text/rubric-sheet';
import { formatNumber } from '../text/format';
import type { CriterionNode, Rubric, RubricNode, Rule } from './schema';

export const ROW_KINDS = ['section', 'group', 'info', 'criterion', 'subItem', 'input', 'bonus', 'bonusItem', 'deduction', 'deductionItem'] as const;
export type RowKind = (typeof ROW_KINDS)[number];
export const RULE_KINDS = ['manual', 'target', 'tiers', 'sum'] as const;
export type RuleKind = Rule['kind'];

export const ROW_FIELDS = ['kind', 'parent', 'id', 'label', 'text', 'points', 'method', 'evidence', 'rule', 'tiers', 'note'] as const;
export type RowField = (typeof ROW_FIELDS)[number];

/** A cell's content as the form reads it: text, a number, or nothing. */
export type FormValue = string | number | null;
export type FormRow = Record<RowField, FormValue>;

export const INFO_KEYS = [
  'id', 'version', 'year', 'title', 'subtitle', 'basis', 'superior', 'nationalName', 'motto', 'place', 'reportTitle', 'summaryLabel',
  'preparerLabels', 'preparerNote', 'signerLabels', 'signerNote', 'rankingSignerLabels', 'rankingSignerNote',
] as const;
export type InfoKey = (typeof INFO_KEYS)[number];

export interface RubricForm {
  rows: FormRow[];
  info: Partial<Record<InfoKey, FormValue>>;
  /** Where, printed, corrected, reason. */
  corrections: FormValue[][];
}

export interface FormError {
  place: 'rows' | 'info' | 'corrections';
  /** The row of `rows` or `corrections`, from 0; for `info`, the key's place in INFO_KEYS. */
  index: number;
  field: RowField | InfoKey | 'where' | 'printed' | 'corrected' | 'reason' | null;
  message: string;
}

/** "0: 7; 2: 5; 3: 3": from which count, how many points. */
export const tiersText = (tiers: { from: number; points: number }[]) => tiers.map((t) => `${t.from}: ${formatNumber(t.points)}`).join('; ');

export function parseTiers(text: string): { from: number; points: number }[] | null {
  const parts = text.split(';').map((p) => p.trim()).filter((p) => p !== '');
  const tiers = parts.map((p) => /^(\d+)\s*:\s*(\d+(?:[.,]\d+)?)$/.exec(p));
  if (tiers.length === 0 || tiers.some((m) => m === null)) return null;
  return tiers.map((m) => ({ from: Number(m![1]), points: Number(m![2].replace(',', '.')) }));
}

const row = (kind: RowKind, fields: Partial<Omit<FormRow, 'kind'>>): FormRow => ({
  kind,
  parent: '',
  id: '',
  label: '',
  text: '',
  points: null,
  method: '',
  evidence: '',
  rule: null,
  tiers: '',
  note: '',
  ...fields,
});

/** One row per item, in document order. */
export function rubricToRows(rubric: Rubric): FormRow[] {
  const rows: FormRow[] = [];
  const walk = (nodes: RubricNode[], parent: string) => {
    for (const n of nodes) {
      if (n.type === 'info') rows.push(row('info', { parent, id: n.id, text: n.text }));
      else if (n.type === 'group') {
        rows.push(row('group', { parent, id: n.id, label: n.label, text: n.title, points: n.points }));
        walk(n.children, n.id);
      } else criterionRows(n, parent, rows);
    }
  };
  for (const s of rubric.sections) {
    rows.push(row('section', { id: s.id, label: s.label, text: s.title, points: s.points }));
    walk(s.children, s.id);
  }
  for (const [kind, adj] of [['bonus', rubric.bonus], ['deduction', rubric.deduction]] as const) {
    rows.push(row(kind, { id: adj.id, text: adj.title, points: adj.cap }));
    for (const item of adj.items) rows.push(row(kind === 'bonus' ? 'bonusItem' : 'deductionItem', { parent: adj.id, id: item.id, text: item.text }));
  }
  return rows;
}

function criterionRows(c: CriterionNode, parent: string, rows: FormRow[]): void {
  const rule = c.rule;
  rows.push(row('criterion', { parent, id: c.id, text: c.text, points: c.points, method: c.method, evidence: c.evidence, rule: rule.kind, note: rule.kind === 'tiers' ? (rule.note ?? '') : '' }));
  if (rule.kind === 'tiers') for (const input of rule.inputs) rows.push(row('input', { parent: c.id, id: input.key, text: input.label, tiers: tiersText(input.tiers) }));
  for (const s of c.subItems ?? []) rows.push(row('subItem', { parent: c.id, id: s.id, text: s.text, points: s.points, method: s.method, evidence: s.evidence, rule: s.rule.kind }));
}

/** Where each info field sits in the rubric. */
export const INFO_PATHS: Record<InfoKey, string[]> = {
  id: ['id'],
  version: ['version'],
  year: ['year'],
  title: ['title'],
  subtitle: ['subtitle'],
  basis: ['basis'],
  superior: ['document', 'superior'],
  nationalName: ['document', 'nationalName'],
  motto: ['document', 'motto'],
  place: ['document', 'place'],
  reportTitle: ['document', 'reportTitle'],
  summaryLabel: ['document', 'summaryLabel'],
  preparerLabels: ['document', 'preparer', 'labels'],
  preparerNote: ['document', 'preparer', 'note'],
  signerLabels: ['document', 'signer', 'labels'],
  signerNote: ['document', 'signer', 'note'],
  rankingSignerLabels: ['document', 'rankingSigner', 'labels'],
  rankingSignerNote: ['document', 'rankingSigner', 'note'],
};

/** The rubric's own fields (id, version, the printed document's wording); signature titles one per line. */
export function rubricInfo(rubric: Rubric): Record<InfoKey, FormValue> {
  const out = {} as Record<InfoKey, FormValue>;
  for (const key of INFO_KEYS) {
    let v: unknown = rubric;
    for (const p of INFO_PATHS[key]) v = (v as Record<string, unknown>)[p];
    out[key] = Array.isArray(v) ? v.join('\n') : (v as string | number);
  }
  return out;
}

export const rubricCorrections = (rubric: Rubric): FormValue[][] => rubric.corrections.map((c) => [c.where, c.printed, c.corrected, c.reason]);

/** Text as a cell gives it back: a number typed where text belongs is that text; NFC, as the rubric keeps text. */
export const textOf = (v: FormValue) => (v === null ? '' : typeof v === 'number' ? String(v) : v.normalize('NFC'));
export const keyOf = (v: FormValue) => textOf(v).trim();

/** A number, or text that reads as one ("1,5"); `null` for a blank cell; an error message otherwise. */
export function numberOf(v: FormValue, whole = false): number | null | { error: string } {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
  const n = typeof v === 'number' ? v : /^\s*-?\d+(?:[.,]\d+)?\s*$/.test(v) ? Number(v.trim().replace(',', '.')) : NaN;
  if (Number.isNaN(n)) return { error: T.notANumber(textOf(v)) };
  if (whole && !Number.isInteger(n)) return { error: T.notWhole(textOf(v)) };
  return n;
}

/** A kind or rule chosen from its list: the label as shown, or its code. */
export const byLabel = <K extends string>(labels: Record<K, string>, v: FormValue): K | null => {
  const t = keyOf(v);
  const found = (Object.keys(labels) as K[]).find((k) => labels[k] === t || k === t);
  return found ?? null;
};

