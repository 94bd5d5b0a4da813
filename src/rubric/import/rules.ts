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
import { IMPORT_TEXT as T } from '../../text/rubric-import';
import { RUBRIC_NAMES as N } from '../../text/rubric';
import { fold } from './text';

const TARGET = /cham (diem )?theo chi tieu (duoc )?(da )?(dang ky|giao)/;
/** Wording that states points per case, which a person should see if it was not read as tiers. */
const POINTS_PER_CASE = /\d+(?:[.,]\d+)?\s*diem\b/g;

export function isTargetWording(method: string): boolean {
  return TARGET.test(fold(method));
}

/** Sets each criterion's rule; warnings about wording it could not read go to `review`. */
export function inferRules(criteria: CriterionEntry[], review: ReviewItem[]): void {
  for (const { node } of criteria) {
    const where = N.criterion(node.id);
    if (node.rule.kind === 'sum') {
      for (const sub of node.subItems ?? []) {
        if (isTargetWording(sub.method) || readTiers(sub.method, sub.points)) {
          review.push({ kind: 'rule', where: N.criterion(sub.id), message: T.subItemRule });
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
        message: T.tiersUnread,
        details: node.method.split('\n'),
      });
    }
  }
}

/** The lines a person checks for one tier rule: each input's table, how they combine, the note. */
export function tierTable(criterion: CriterionNode, rule: TierRule): string[] {
  const lines = rule.inputs.map((input) => {
    const steps = input.tiers.map((t, i) => T.tierStep(T.tierSpan(t.from, input.tiers[i + 1]?.from), t.points));
    return T.tierLine(input.label, names.input(criterion.id, input.key), steps);
  });
  if (rule.inputs.length > 1) lines.push(T.tierMin);
  if (rule.note) lines.push(T.tierNote(rule.note));
  return lines;
}
