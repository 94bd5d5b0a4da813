/**
 * Rubrics of any size for the benchmarks and growth tests, valid against the schema: sections
 * of groups of 25 criteria, points that add up, and every kind of rule
 * (manual, target, tiers, sum of sub-items) in a fixed mix.
 */
import rubric2024 from '../../src/rubric/data/2024.json';
import { loadRubric, type CriterionNode, type GroupNode, type LoadedRubric, type Section } from '../../src/rubric';

const GROUP_SIZE = 25;
const GROUPS_PER_SECTION = 4;

function roman(n: number): string {
  const digits: [number, string][] = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, letters] of digits) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

function criterion(id: number, rubricSize: number): CriterionNode {
  const common = {
    type: 'criterion' as const,
    id: String(id),
    text: `Tiêu chí ${id} của bộ tiêu chí thử nghiệm ${rubricSize} tiêu chí: đơn vị thực hiện đầy đủ nội dung được giao trong năm.`,
    method: `Thực hiện đầy đủ: điểm tối đa; thực hiện một phần: chấm theo mức độ hoàn thành (tiêu chí ${id}).`,
    evidence: 'Báo cáo, kế hoạch và văn bản minh chứng lưu tại đơn vị.',
  };
  if (id % 20 === 0) {
    return {
      ...common,
      points: 2,
      rule: { kind: 'sum' },
      subItems: [1, 2].map((k) => ({
        id: `${id}.${k}`,
        text: `Nội dung ${k} của tiêu chí ${id}`,
        points: 1,
        method: 'Chấm trực tiếp.',
        evidence: 'Báo cáo của đơn vị.',
        rule: { kind: 'manual' as const },
      })),
    };
  }
  if (id % 10 === 5) {
    return {
      ...common,
      points: 2,
      rule: {
        kind: 'tiers',
        combine: 'min',
        inputs: [
          {
            key: 'Cham',
            label: 'Số lần chậm',
            tiers: [
              { from: 0, points: 2 },
              { from: 2, points: 1 },
              { from: 4, points: 0 },
            ],
          },
        ],
      },
    };
  }
  return { ...common, points: 2, rule: { kind: id % 4 === 1 ? 'target' : 'manual' } };
}

const pointsOf = (nodes: { points: number }[]) => Math.round(nodes.reduce((n, c) => n + c.points, 0) * 100) / 100;

/** A rubric of `criteria` criteria (a multiple of 25), four groups of 25 to a section. */
export function syntheticRubric(criteria: number): LoadedRubric {
  if (criteria < GROUP_SIZE || criteria % GROUP_SIZE !== 0) throw new Error(`criteria must be a multiple of ${GROUP_SIZE}`);
  const groupCount = criteria / GROUP_SIZE;
  const sectionCount = Math.ceil(groupCount / GROUPS_PER_SECTION);
  const sections: Section[] = [];
  let next = 1;
  for (let s = 1; s <= sectionCount; s++) {
    const groups: GroupNode[] = [];
    for (let g = 1; g <= GROUPS_PER_SECTION && next <= criteria; g++) {
      const children = Array.from({ length: GROUP_SIZE }, () => criterion(next++, criteria));
      groups.push({ type: 'group', id: `${s}.${g}`, label: `${s}.${g}`, title: `Nhóm ${s}.${g}`, points: pointsOf(children), children });
    }
    sections.push({ type: 'section', id: roman(s), label: roman(s), title: `MỤC ${roman(s)}`, points: pointsOf(groups), children: groups });
  }
  return loadRubric({
    ...rubric2024,
    id: `thu-nghiem-${criteria}`,
    version: '1',
    title: `BỘ TIÊU CHÍ THỬ NGHIỆM ${criteria} TIÊU CHÍ`,
    corrections: [],
    sections,
    bonus: { ...rubric2024.bonus, id: roman(sectionCount + 1) },
    deduction: { ...rubric2024.deduction, id: roman(sectionCount + 2) },
  });
}
