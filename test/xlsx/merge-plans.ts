/**
 * Merge plans for the file writer's tests, made from readings directly (no
 * workbooks to build): enough units for column breaks on "Tổng hợp" and a
 * row break before the signatures on "Xếp hạng", and text from the files
 * that a careless writer would break or run.
 */
import { consolidate, type FileReading } from '../../src/merge/consolidate';
import type { SheetCell } from '../../src/layout/model';
import { buildMergePlan, MERGE_SHEETS, type MergePlan } from '../../src/merge/plan';
import { isLeaf, mergeRows } from '../../src/merge/rows';
import type { UnitReading } from '../../src/merge/unit';
import { builtinRubric } from '../../src/rubric';
import { EVIL_HYPERLINK } from '../support/fixtures';

export const loaded = builtinRubric();
export const MERGED_AT = '08:30 ngày 02/03/2026';

/** Text a returned file may hold, each meant to arrive in the cell exactly as typed. */
export const HOSTILE_TEXTS = [
  `=${EVIL_HYPERLINK}`,
  '=1+1',
  '+84 912 345 678',
  '-5',
  '@SUM(A1:A9)',
  "'quoted",
  '<b>&amp;</b> "ngoặc kép" & <![CDATA[x]]> ]]>',
  'dòng một\r\ndòng hai\rdòng ba\nhết',
  'tab\tgiữa',
  '  cách đầu và cuối  ',
  '_x0041_ không phải chữ A, _x005F_ không phải gạch dưới, _x000D_',
  'Hội LHPN xã Đức Long 🌸 (NFC)',
];

/** Characters no XML part can carry, and what is left of text holding them. */
export const UNWRITABLE = { text: 'a\u0001b\u0008c\u000bd\u000ce\u001ff\ufffeg\uffffh\ud800i\udc00j', kept: 'abcdefghij' };

/** The longest text a cell holds. */
export const LONGEST = `${'Minh chứng rất dài. '.repeat(1700)}`.slice(0, 32767);

/**
 * `count` merged units; unit i is named by the i-th hostile text while they
 * last, and every unit's evidence and notes carry them too.
 */
export function syntheticReadings(count: number): FileReading[] {
  const rows = mergeRows(loaded.rubric);
  const leaves = rows.filter((r) => isLeaf(r) || r.kind === 'sumCriterion');
  return Array.from({ length: count }, (_, i) => {
    const text = HOSTILE_TEXTS[i % HOSTILE_TEXTS.length];
    const unit: UnitReading = {
      unitName: i < HOSTILE_TEXTS.length ? text : `Hội LHPN xã số ${String(i + 1).padStart(3, '0')}`,
      createdAt: null,
      selfScores: Object.fromEntries(leaves.map((r) => [r.key, r.max ? Math.min(r.max, (1 + (i % 4)) * 0.75) : null])),
      invalidScores: {},
      totals: { sections: { I: 40 + (i % 17), II: 10, III: 5, IV: 5 }, bonus: 1, deduction: 0, total: 61 + (i % 17) },
      evidence: leaves.slice(0, 4).map((r, k) => ({
        owner: r.key,
        evidence: HOSTILE_TEXTS[(i + k) % HOSTILE_TEXTS.length],
        note: k === 0 && i === 0 ? LONGEST : '',
      })),
      problems: [],
    };
    return { file: `${text.slice(0, 20)}-${i}.xlsx`, savedAt: null, unit, problems: [] };
  });
}

export function syntheticPlan(count: number): MergePlan {
  return buildMergePlan(consolidate(syntheticReadings(count), loaded), loaded, { mergedAt: MERGED_AT });
}

/**
 * A plan with cells the planner itself would have cleaned, put straight on
 * "Minh chứng" below its rows: the writer must still produce a file that opens.
 */
export function planWithRawText(count: number): { plan: MergePlan; raw: SheetCell[] } {
  const plan = syntheticPlan(count);
  const evidence = plan.sheets.find((s) => s.name === MERGE_SHEETS.evidence) as (typeof plan.sheets)[number];
  const below = Math.max(...evidence.cells.map((c) => c.row)) + 2;
  const raw: SheetCell[] = [
    { row: below, col: 4, value: UNWRITABLE.text, style: 'text' },
    { row: below + 1, col: 4, value: LONGEST, style: 'text' },
  ];
  evidence.cells.push(...raw);
  return { plan, raw };
}
