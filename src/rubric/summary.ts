/** A rubric's counts and sums, as `rubric check` and the import report state them. */
import { allCriteria, allGroups } from './index';
import { RUBRIC_NAMES as N } from '../text/rubric';
import { nodeName } from './describe';
import type { Rubric, RubricNode } from './schema';

export interface SumLine {
  /** "Mục III", "Nhiệm vụ 1", "Nhóm 1.1", "Tiêu chí 14". */
  name: string;
  points: number;
  /** What its rows add up to. */
  children: number;
  ok: boolean;
}

export interface RubricSummary {
  sections: number;
  groups: number;
  criteria: number;
  subItems: number;
  infos: number;
  bonusItems: number;
  deductionItems: number;
  rules: { manual: number; target: number; tiers: number; sum: number };
  /** The most a unit scores before bonus and deduction. */
  maxPoints: number;
  bonusCap: number;
  deductionCap: number;
  sums: SumLine[];
}

const round = (n: number) => Math.round(n * 100) / 100;
const pointsOf = (nodes: RubricNode[]) => round(nodes.reduce((n, c) => n + (c.type === 'info' ? 0 : c.points), 0));

export function summarize(rubric: Rubric): RubricSummary {
  const criteria = allCriteria(rubric);
  const groups = allGroups(rubric);
  const rules = { manual: 0, target: 0, tiers: 0, sum: 0 };
  for (const c of criteria) rules[c.rule.kind]++;
  let infos = 0;
  const countInfos = (nodes: RubricNode[]) =>
    nodes.forEach((n) => {
      if (n.type === 'info') infos++;
      if (n.type === 'group') countInfos(n.children);
    });
  rubric.sections.forEach((s) => countInfos(s.children));
  const line = (name: string, points: number, children: number): SumLine => ({ name, points, children, ok: points === children });
  const sums: SumLine[] = [];
  for (const s of rubric.sections) {
    sums.push(line(N.section(s.id), s.points, pointsOf(s.children)));
    const walk = (nodes: RubricNode[]) =>
      nodes.forEach((n) => {
        if (n.type === 'group') {
          sums.push(line(nodeName(n, n.id), n.points, pointsOf(n.children)));
          walk(n.children);
        } else if (n.type === 'criterion' && n.subItems?.length) {
          sums.push(line(N.criterion(n.id), n.points, round(n.subItems.reduce((a, x) => a + x.points, 0))));
        }
      });
    walk(s.children);
  }
  return {
    sections: rubric.sections.length,
    groups: groups.length,
    criteria: criteria.length,
    subItems: criteria.reduce((n, c) => n + (c.subItems?.length ?? 0), 0),
    infos,
    bonusItems: rubric.bonus.items.length,
    deductionItems: rubric.deduction.items.length,
    rules,
    maxPoints: round(rubric.sections.reduce((n, s) => n + s.points, 0)),
    bonusCap: rubric.bonus.cap,
    deductionCap: rubric.deduction.cap,
    sums,
  };
}
