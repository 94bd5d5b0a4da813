import { z } from 'zod';
import { RUBRIC_NAMES, RUBRIC_TEXT } from '../text/rubric';
import { nodeName } from './describe';

/** Rubric text is compared and fingerprinted byte for byte, so it must be NFC. */
const text = z.string().refine((s) => s === s.normalize('NFC'), {
  message: RUBRIC_TEXT.notNfc,
});
const points = z.number().nonnegative().multipleOf(0.01);

const tier = z.object({
  /** Counts from this value up (until the next tier's `from`) score `points`. */
  from: z.number().int().nonnegative(),
  points,
});

const tierInput = z.object({
  /** Suffix of the input's defined name: TC_48_Cham. ASCII, letters only. */
  key: z.string().regex(/^[A-Za-z]+$/),
  label: text,
  tiers: z
    .array(tier)
    .min(1)
    .refine((ts) => ts[0].from === 0, { message: RUBRIC_TEXT.tierFromZero })
    .refine((ts) => ts.every((t, i) => i === 0 || t.from > ts[i - 1].from), {
      message: RUBRIC_TEXT.tiersIncreasing,
    }),
});

export const ruleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual') }),
  z.object({ kind: z.literal('target') }),
  z.object({
    kind: z.literal('tiers'),
    /** The criterion scores the lowest of its inputs' tier points. */
    combine: z.literal('min'),
    inputs: z.array(tierInput).min(1),
    note: text.optional(),
  }),
  /** Points are the sum of the sub-items. */
  z.object({ kind: z.literal('sum') }),
]);

const subItemSchema = z.object({
  id: z.string().regex(/^\d+\.\d+$/),
  text,
  points,
  method: text,
  evidence: text,
  rule: ruleSchema,
});

const criterionSchema = z.object({
  type: z.literal('criterion'),
  id: z.string().regex(/^\d+$/),
  text,
  points,
  method: text,
  evidence: text,
  rule: ruleSchema,
  subItems: z.array(subItemSchema).optional(),
});

const infoSchema = z.object({
  type: z.literal('info'),
  id: z.string().regex(/^[A-Za-z0-9]+$/),
  text,
});

export interface GroupNode {
  type: 'group';
  id: string;
  label: string;
  title: string;
  points: number;
  children: RubricNode[];
}
export type CriterionNode = z.infer<typeof criterionSchema>;
export type InfoNode = z.infer<typeof infoSchema>;
export type RubricNode = CriterionNode | InfoNode | GroupNode;

const groupSchema: z.ZodType<GroupNode> = z.lazy(() =>
  z.object({
    type: z.literal('group'),
    id: z.string().regex(/^[A-Za-z0-9.]+$/),
    label: text,
    title: text,
    points,
    children: z.array(nodeSchema),
  }),
);
const nodeSchema: z.ZodType<RubricNode> = z.lazy(() =>
  z.union([criterionSchema, infoSchema, groupSchema]),
);

const sectionSchema = z.object({
  type: z.literal('section'),
  id: z.string().regex(/^[IVX]+$/),
  label: text,
  title: text,
  points,
  children: z.array(nodeSchema),
});

const adjustmentSchema = z.object({
  id: z.string().regex(/^[IVX]+$/),
  title: text,
  /** The section total is MIN(cap, sum of items). */
  cap: points,
  items: z.array(z.object({ id: z.string().regex(/^\d+$/), text })).min(1),
});

const correctionSchema = z.object({ where: text, printed: text, corrected: text, reason: text });

const signatureSchema = z.object({
  /** Lines of the title above the signature, e.g. ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"]. */
  labels: z.array(text).min(1),
  /** The line under it, e.g. "(Ký tên, đóng dấu)". */
  note: text,
});

/** The wording of the printed, signed document (Nghị định 30/2020/NĐ-CP layout). */
const documentSchema = z.object({
  /** The superior body printed top left, above the unit's name. */
  superior: text,
  nationalName: text,
  motto: text,
  /** Place in the place–date line ("Cao Bằng, ngày … tháng … năm …"). */
  place: text,
  reportTitle: text,
  summaryLabel: text,
  preparer: signatureSchema,
  signer: signatureSchema,
  /** Who signs the provincial ranking. */
  rankingSigner: signatureSchema,
});

export const rubricShape = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.string().min(1),
  year: z.number().int(),
  title: text,
  subtitle: text,
  basis: text,
  corrections: z.array(correctionSchema),
  document: documentSchema,
  sections: z.array(sectionSchema).min(1),
  bonus: adjustmentSchema,
  deduction: adjustmentSchema,
});

export type Rubric = z.infer<typeof rubricShape>;
export type Section = z.infer<typeof sectionSchema>;
export type SubItem = z.infer<typeof subItemSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type TierRule = Extract<Rule, { kind: 'tiers' }>;
export type Adjustment = z.infer<typeof adjustmentSchema>;
export type DocumentText = z.infer<typeof documentSchema>;
export type Signature = z.infer<typeof signatureSchema>;

const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;

function childPoints(children: RubricNode[]): number {
  return sum(children.filter((c) => c.type !== 'info').map((c) => (c as { points: number }).points));
}

/** Cross-node rules zod cannot express per field: sums, unique ids, rule shapes. */
export const rubricSchema = rubricShape.superRefine((rubric, ctx) => {
  const seen = new Set<string>();
  const claim = (key: string, name: string, path: (string | number)[]) => {
    if (seen.has(key)) ctx.addIssue({ code: 'custom', message: RUBRIC_TEXT.duplicate(name), path });
    seen.add(key);
  };
  const checkSum = (label: string, expected: number, children: RubricNode[], path: (string | number)[]) => {
    const got = childPoints(children);
    if (got !== expected) {
      ctx.addIssue({
        code: 'custom',
        message: RUBRIC_TEXT.sumMismatch(label, expected, got),
        path,
      });
    }
  };
  const walk = (nodes: RubricNode[], path: (string | number)[]) => {
    nodes.forEach((node, i) => {
      const here = [...path, i];
      if (node.type === 'group') {
        claim(`group:${node.id}`, nodeName(node, node.id), here);
        checkSum(nodeName(node, node.id), node.points, node.children, here);
        walk(node.children, [...here, 'children']);
      } else if (node.type === 'info') {
        claim(`info:${node.id}`, nodeName(node, node.id), here);
      } else {
        claim(`criterion:${node.id}`, nodeName(node, node.id), here);
        const subs = node.subItems ?? [];
        if ((node.rule.kind === 'sum') !== subs.length > 0) {
          ctx.addIssue({
            code: 'custom',
            message: RUBRIC_TEXT.sumRuleNeedsSubItems(node.id),
            path: here,
          });
        }
        if (subs.length > 0 && sum(subs.map((s) => s.points)) !== node.points) {
          ctx.addIssue({
            code: 'custom',
            message: RUBRIC_TEXT.subItemsSum(node.id, node.points, sum(subs.map((x) => x.points))),
            path: here,
          });
        }
        subs.forEach((s, k) => {
          claim(`criterion:${s.id}`, nodeName(s, s.id), [...here, 'subItems', k]);
          if (!s.id.startsWith(`${node.id}.`)) {
            ctx.addIssue({ code: 'custom', message: RUBRIC_TEXT.subItemOutside(s.id, node.id), path: [...here, 'subItems', k] });
          }
          if (s.rule.kind !== 'manual') {
            ctx.addIssue({ code: 'custom', message: RUBRIC_TEXT.subItemManual(s.id), path: [...here, 'subItems', k] });
          }
        });
        const rule = node.rule;
        if (rule.kind === 'tiers') {
          rule.inputs.forEach((input, k) => {
            if (input.tiers[0].points !== node.points) {
              ctx.addIssue({
                code: 'custom',
                message: RUBRIC_TEXT.tierZero(node.id, input.label),
                path: [...here, 'rule', 'inputs', k],
              });
            }
          });
        }
      }
    });
  };
  rubric.sections.forEach((section, i) => {
    claim(`section:${section.id}`, nodeName(section, section.id), ['sections', i]);
    checkSum(nodeName(section, section.id), section.points, section.children, ['sections', i]);
    walk(section.children, ['sections', i, 'children']);
  });
  claim(`section:${rubric.bonus.id}`, RUBRIC_TEXT.bonusSection(rubric.bonus.id), ['bonus']);
  claim(`section:${rubric.deduction.id}`, RUBRIC_TEXT.deductionSection(rubric.deduction.id), ['deduction']);
  for (const adj of [rubric.bonus, rubric.deduction]) {
    const ids = new Set<string>();
    adj.items.forEach((item, k) => {
      const name = adj === rubric.bonus ? RUBRIC_NAMES.bonus : RUBRIC_NAMES.deduction;
      if (ids.has(item.id)) ctx.addIssue({ code: 'custom', message: RUBRIC_TEXT.duplicateItem(name, item.id), path: [adj === rubric.bonus ? 'bonus' : 'deduction', 'items', k] });
      ids.add(item.id);
    });
  }
});
