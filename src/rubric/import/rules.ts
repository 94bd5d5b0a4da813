/**
 * Each criterion's scoring rule from its own wording: "chấm theo chỉ tiêu
 * đăng ký" is a target, a list of "…: N điểm" lines is a tier table, and
 * anything else is scored by hand. Sub-items are scored by hand.
 */
import { names } from '../names';
import type { CriterionNode, TierRule } from '../schema';
import type { ReviewItem } from './review';
import type { CriterionEntry } from './structure';
import { readTiers } from './tiers';
import { fold, formatNumber } from './text';

const TARGET = /cham (diem )?theo chi tieu (duoc )?(da )?(dang ky|giao)/;
/** Wording that states points per case, which a person should see if it was not read as tiers. */
const POINTS_PER_CASE = /\d+(?:[.,]\d+)?\s*diem\b/g;

export function isTargetWording(method: string): boolean {
  return TARGET.test(fold(method));
}

/** Sets each criterion's rule; warnings about wording it could not read go to `review`. */
export function inferRules(criteria: CriterionEntry[], review: ReviewItem[]): void {
  for (const { node } of criteria) {
    const where = `Tiêu chí ${node.id}`;
    if (node.rule.kind === 'sum') {
      for (const sub of node.subItems ?? []) {
        if (isTargetWording(sub.method) || readTiers(sub.method, sub.points)) {
          review.push({ kind: 'rule', where: `Tiêu chí ${sub.id}`, message: 'cách tính điểm của mục con có chỉ tiêu hoặc các mức điểm, nhưng mục con chỉ chấm trực tiếp: hãy xem lại.' });
        }
      }
      continue;
    }
    if (isTargetWording(node.method)) {
      node.rule = { kind: 'target' };
      continue;
    }
    const tiers = readTiers(node.method, node.points);
    if (tiers) {
      node.rule = tiers.rule;
      for (const w of tiers.warnings) review.push({ kind: 'rule', where, message: w });
      continue;
    }
    if ((fold(node.method).match(POINTS_PER_CASE) ?? []).length >= 2) {
      review.push({
        kind: 'rule',
        where,
        message: 'cách tính điểm ghi nhiều mức điểm nhưng không đọc được thành bảng mức: chấm trực tiếp. Nếu cần chấm theo mức, hãy sửa trong bảng tiêu chí.',
        details: node.method.split('\n'),
      });
    }
  }
}

/** "0–1", "2", "từ 6": the counts one tier covers. */
function span(from: number, next: number | undefined): string {
  if (next === undefined) return `từ ${from}`;
  return next - 1 === from ? String(from) : `${from}–${next - 1}`;
}

/** The lines a person checks for one tier rule: each input's table, how they combine, the note. */
export function tierTable(criterion: CriterionNode, rule: TierRule): string[] {
  const lines = rule.inputs.map((input) => {
    const steps = input.tiers.map((t, i) => `${span(t.from, input.tiers[i + 1]?.from)} → ${formatNumber(t.points)}`);
    return `${input.label} (ô ${names.input(criterion.id, input.key)}): ${steps.join('; ')} điểm`;
  });
  if (rule.inputs.length > 1) lines.push('Điểm của tiêu chí là mức thấp nhất trong các bảng trên.');
  if (rule.note) lines.push(`Ghi chú: ${rule.note}`);
  return lines;
}
