/**
 * The rows of the consolidated table, from the rubric: sections, groups,
 * criteria, sub-items, bonus and deduction items. Each unit contributes one
 * self-score per leaf row; every other row is a sum of its children.
 */
import type { CriterionNode, GroupNode, Rubric, RubricNode } from '../rubric';
import { names } from '../rubric/names';
import type { NumberRule } from '../scoring/inputs';

export type MergeRowKind = 'section' | 'group' | 'criterion' | 'sumCriterion' | 'subItem' | 'adjustment' | 'adjustmentItem';

export interface MergeRow {
  /** Criterion id ("12", "14.1"), group id ("1.1"), section id ("I"), or adjustment item ("V.2"). */
  key: string;
  kind: MergeRowKind;
  /** What the STT column shows. */
  label: string;
  text: string;
  /** Điểm chuẩn, or an adjustment's cap. */
  max?: number;
  /** Leaf rows: the rule an appraisal must meet, as on the district sheet. */
  rule?: NumberRule;
  /** Keys of the rows summed into this one. */
  children: string[];
  /** Adjustment rows: the sum is capped. */
  cap?: number;
  /** The deduction section subtracts from the total. */
  subtracts?: boolean;
}

/** Rows whose self-score is read from the file (the others are sums). */
export function isLeaf(row: MergeRow): boolean {
  return row.kind === 'criterion' || row.kind === 'subItem' || row.kind === 'adjustmentItem';
}

const pointsRule = (max: number): NumberRule => ({ whole: false, min: 0, max });

export function adjustmentKey(adjustmentId: string, itemId: string): string {
  return `${adjustmentId}.${itemId}`;
}

export function mergeRows(rubric: Rubric): MergeRow[] {
  const rows: MergeRow[] = [];
  const keyOf = (n: RubricNode): string | null => (n.type === 'info' ? null : n.id);
  const childKeys = (children: RubricNode[]) => children.map(keyOf).filter((k): k is string => k !== null);

  const criterion = (c: CriterionNode) => {
    if (c.rule.kind === 'sum') {
      const subs = c.subItems ?? [];
      rows.push({ key: c.id, kind: 'sumCriterion', label: c.id, text: c.text, max: c.points, children: subs.map((s) => s.id) });
      for (const s of subs) {
        rows.push({ key: s.id, kind: 'subItem', label: s.id, text: s.text, max: s.points, rule: pointsRule(s.points), children: [] });
      }
    } else {
      rows.push({ key: c.id, kind: 'criterion', label: c.id, text: c.text, max: c.points, rule: pointsRule(c.points), children: [] });
    }
  };
  const nodes = (children: RubricNode[]) => {
    for (const n of children) {
      if (n.type === 'criterion') criterion(n);
      else if (n.type === 'group') group(n);
    }
  };
  const group = (g: GroupNode) => {
    rows.push({ key: g.id, kind: 'group', label: g.label, text: g.title, max: g.points, children: childKeys(g.children) });
    nodes(g.children);
  };

  for (const s of rubric.sections) {
    rows.push({ key: s.id, kind: 'section', label: s.label, text: s.title, max: s.points, children: childKeys(s.children) });
    nodes(s.children);
  }
  for (const adj of [rubric.bonus, rubric.deduction]) {
    const itemKeys = adj.items.map((i) => adjustmentKey(adj.id, i.id));
    rows.push({
      key: adj.id,
      kind: 'adjustment',
      label: adj.id,
      text: adj.title,
      max: adj.cap,
      cap: adj.cap,
      children: itemKeys,
      subtracts: adj === rubric.deduction,
    });
    adj.items.forEach((item, k) => {
      rows.push({ key: itemKeys[k], kind: 'adjustmentItem', label: item.id, text: item.text, rule: pointsRule(adj.cap), children: [] });
    });
  }
  return rows;
}

/** The defined name a leaf row's self-score is read from. */
export function scoreNameOf(rubric: Rubric, row: MergeRow): string {
  if (row.kind !== 'adjustmentItem') return names.score(row.key);
  const [adjId, itemId] = row.key.split('.');
  return adjId === rubric.bonus.id ? names.bonus(itemId) : names.deduction(itemId);
}
