/**
 * Tier tables from the wording of "Cách tính điểm":
 *
 *   - Đảm bảo đầy đủ …: 07 điểm
 *   - Chậm tiến độ từ 2 lần hoặc thiếu báo cáo từ 1 lần: 05 điểm
 *   - Chậm tiến độ, chất lượng hồ sơ không đảm bảo từ trên 10 đến dưới 20 hồ sơ: 01 điểm
 *
 * Each line is a tier; "hoặc" separates the counted inputs, and the
 * criterion scores the lowest of their tiers. The line worth the maximum
 * with nothing counted is the tier from 0. "từ N" runs until the next tier,
 * "trên N" starts after N, "dưới N" stops before it; a count the document
 * leaves to no tier (exactly 10 between "dưới 10" and "từ trên 10") takes
 * the lower score, and the rule's note says so.
 */
import type { TierRule } from '../schema';
import { IMPORT_TEXT as T } from '../../text/rubric-import';
import { fold } from './text';

interface Bound {
  lower?: number;
  upper: number;
  /** A bare count, "12 kỳ": no "từ", "dưới", range or "trở lên". */
  exact: boolean;
  /** As printed, without the counted noun: "từ trên 10 đến dưới 20". */
  text: string;
}

interface Alternative {
  phrase: string;
  unit: string;
  bound: Bound | null;
}

interface TierLine {
  alternatives: Alternative[];
  points: number;
  /** As printed: "01". */
  printedPoints: string;
}

export interface TierReading {
  rule: TierRule;
  /** Each input as read: its phrase and counted noun, for the review. */
  inputs: { phrase: string; unit: string }[];
  warnings: string[];
}

const TIER_LINE = /^(.*?)\s*(?::|–|—|\(|=>|→)\s*(\d+(?:[.,]\d+)?)\s*điểm\s*\)?\s*[.;]?$/i;
const BULLET = /^[-+•*–]\s*/;
const BOUND =
  /(?:\b(tu tren|tu duoi|tu|tren|duoi|hon|khong qua|toi da|it nhat)\s+)?\b(\d+)(?:\s*(?:den|toi|-|–)\s*(?:(duoi|tren)\s+)?(\d+))?((?:\s+[a-z]+){0,3}?)(\s+tro len)?\s*$/;

/** The lines of `method` that end in "…: N điểm", split further at ";" when every piece does. */
function tierLines(method: string): { condition: string; points: number; printedPoints: string }[] {
  const out: { condition: string; points: number; printedPoints: string }[] = [];
  for (const line of method.split('\n')) {
    const pieces = line.split(/;\s*/).filter((p) => p.trim() !== '');
    const parts = pieces.length > 1 && pieces.every((p) => TIER_LINE.test(p.trim())) ? pieces : [line];
    for (const part of parts) {
      const m = TIER_LINE.exec(part.trim().replace(BULLET, ''));
      if (m) out.push({ condition: m[1].trim(), points: Number(m[2].replace(',', '.')), printedPoints: m[2] });
    }
  }
  return out;
}

function readBound(condition: string): Alternative {
  const folded = fold(condition);
  const m = BOUND.exec(folded);
  if (!m) return { phrase: condition.trim(), unit: '', bound: null };
  const [whole, op, a, op2, b, unitFolded, upward] = m;
  const n1 = Number(a);
  let lower: number | undefined = n1;
  let upper = n1;
  if (op === 'tu' || op === 'it nhat') upper = Infinity;
  else if (op === 'tu tren' || op === 'tren' || op === 'hon') {
    lower = n1 + 1;
    upper = Infinity;
  } else if (op === 'duoi' || op === 'tu duoi') {
    lower = undefined;
    upper = n1 - 1;
  } else if (op === 'khong qua' || op === 'toi da') {
    lower = undefined;
    upper = n1;
  }
  if (b !== undefined) upper = op2 === 'duoi' ? Number(b) - 1 : Number(b);
  if (upward) upper = Infinity;
  const start = m.index;
  const boundEnd = start + whole.length - unitFolded.length - (upward ?? '').length - (whole.length - whole.trimEnd().length);
  const unitStart = boundEnd;
  return {
    phrase: condition.slice(0, start).trim().replace(/[,:;]$/, '').trim(),
    unit: condition.slice(unitStart, unitStart + unitFolded.length).trim(),
    bound: { lower, upper, exact: !op && b === undefined && !upward, text: condition.slice(start, boundEnd).trim() },
  };
}

const pascal = (words: string) =>
  fold(words)
    .replace(/[^a-z ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');

const lowerFirst = (t: string) => (/^\p{Lu}\p{Ll}/u.test(t) ? t[0].toLowerCase() + t.slice(1) : t);

/** The input's name suffix and label: "Chậm tiến độ" counted in "lần" → Cham, "Số lần chậm tiến độ". */
function nameInput(phrase: string, unit: string): { key: string; label: string } {
  const times = fold(unit) === 'lan' || unit === '';
  const key = times ? pascal(phrase.split(/\s+/)[0] ?? '') || 'SoLan' : pascal(unit);
  const label = times ? T.inputTimes(lowerFirst(phrase)) : T.inputCounted(unit, lowerFirst(phrase));
  return { key, label };
}

/** The tier rule the wording states, or null when it states none. */
export function readTiers(method: string, maxPoints: number): TierReading | null {
  const lines: TierLine[] = tierLines(method).map((l) => ({
    alternatives: l.condition.split(/,?\s+hoặc\s+/i).map(readBound),
    points: l.points,
    printedPoints: l.printedPoints,
  }));
  if (lines.length < 2) return null;
  // The maximum with nothing counted, or first with a bare count of what is done ("Tổ chức đủ 12 kỳ"), is the tier from 0.
  const base = lines.find((l, i) => l.points === maxPoints && l.alternatives.every((a) => a.bound === null || (i === 0 && a.bound.exact)));
  const counted = lines.filter((l) => l !== base);
  if (counted.length === 0 || counted.some((l) => l.alternatives.some((a) => a.bound === null))) return null;
  const width = counted[0].alternatives.length;
  if (counted.some((l) => l.alternatives.length !== width)) return null;

  const warnings: string[] = [];
  const notes: string[] = [];
  const inputs: TierRule['inputs'] = [];
  const read: TierReading['inputs'] = [];
  for (let j = 0; j < width; j++) {
    const ranges = counted.map((l) => ({ ...l.alternatives[j].bound!, points: l.points, printedPoints: l.printedPoints }));
    let end = base ? 0 : -1;
    for (const r of ranges) {
      r.lower ??= end + 1;
      end = r.upper === Infinity ? r.lower : r.upper;
    }
    for (let i = 0; i + 1 < ranges.length; i++) {
      if (ranges[i].upper === Infinity) ranges[i].upper = Math.max(ranges[i].lower!, ranges[i + 1].lower! - 1);
    }
    if (ranges.some((r, i) => i > 0 && r.lower! <= ranges[i - 1].lower!)) return null;
    const gaps: { from: number; to: number; printedPoints: string }[] = [];
    for (let i = 1; i < ranges.length; i++) {
      const [prev, r] = [ranges[i - 1], ranges[i]];
      if (r.lower! > prev.upper + 1) {
        const gap = { from: prev.upper + 1, to: r.lower! - 1 };
        if (r.points <= prev.points) {
          r.lower = gap.from;
          gaps.push({ ...gap, printedPoints: r.printedPoints });
        } else {
          prev.upper = gap.to;
          gaps.push({ ...gap, printedPoints: prev.printedPoints });
        }
      } else if (r.lower! <= prev.upper) {
        warnings.push(T.tiersOverlap(prev.text, r.text, r.lower!));
      }
    }
    const counts = ranges.map((r) => ({ from: r.lower!, points: r.points }));
    if (counts[0].from === 0 && base) return null;
    if (counts[0].from > 0 && !base) warnings.push(T.tiersNoZero(maxPoints));
    const tiers = counts[0].from === 0 ? counts : [{ from: 0, points: base ? base.points : maxPoints }, ...counts];
    if (tiers.some((t, i) => i > 0 && t.points > tiers[i - 1].points)) {
      warnings.push(T.tiersNotDecreasing);
    }
    const { phrase, unit } = counted[0].alternatives[j];
    const named = nameInput(phrase, unit);
    while (inputs.some((i) => i.key === named.key)) named.key += 'B';
    inputs.push({ ...named, tiers });
    read.push({ phrase, unit });
    if (gaps.length > 0) {
      const noun = unit || T.timesNoun;
      notes.push(
        T.gapNote(
          gaps.map((g) => T.counts(g.from, g.to)),
          noun,
          ranges.map((r) => r.text),
          gaps.map((g) => T.gapReading(T.counts(g.from, g.to), noun, g.printedPoints)),
        ),
      );
    }
  }
  const rule: TierRule = { kind: 'tiers', combine: 'min', inputs };
  if (notes.length > 0) rule.note = notes.join(' ');
  return { rule, inputs: read, warnings };
}
