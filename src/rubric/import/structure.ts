/**
 * The rubric's tree from the table's rows: sections (Roman numerals), the
 * groups inside them (Nhiệm vụ N, 1.1 …), informational rows (Chỉ tiêu N),
 * criteria with their sub-items, and the bonus and deduction items. Rules
 * are read later; numbering slips are mended here, openly.
 */
import type { Adjustment, CriterionNode, GroupNode, RubricNode, Section, SubItem } from '../schema';
import type { ReviewItem, Slip } from './review';
import type { Column, RawRow } from './table';
import { IMPORT_TEXT as T } from '../../text/rubric-import';
import { RUBRIC_NAMES as N } from '../../text/rubric';
import { fold, fromRoman, parsePoints, romanRanges, toRoman } from './text';

/** A text the later passes may mend (a cut word, a picture): where it sits and how to change it. */
export interface TextSite {
  /** Read once numbering is settled: "Tiêu chí 29". */
  where(): string;
  column: Column;
  get(): string;
  set(text: string): void;
  images: string[];
}

export interface CriterionEntry {
  node: CriterionNode;
  /** The number as printed, when it was a whole number. */
  printed: number | null;
  row: RawRow;
  section: SectionEntry;
  /** What the row above was, for the reason of an unnumbered criterion: a section, a heading, or (null) a criterion. */
  after: SectionEntry | string | null;
  /** Sub-items as printed ("14.1"), in order; null when unnumbered. */
  subPrinted: (string | null)[];
}

export interface SectionEntry {
  kind: 'section' | 'bonus' | 'deduction';
  printed: string;
  value: number | null;
  dot: boolean;
  node: Section | Adjustment;
  /** Points were not printed: the section takes the sum of its children. */
  pointsMissing: boolean;
}

export interface Structure {
  sections: Section[];
  bonus?: Adjustment;
  deduction?: Adjustment;
  entries: SectionEntry[];
  criteria: CriterionEntry[];
  sites: TextSite[];
}

type Frame = { level: 0 | 1 | 2; children: RubricNode[]; name: string };

const POINTS_IN_TITLE = /\s*\((?:tối đa\s*)?(\d+(?:[.,]\d+)?)\s*điểm\)\s*$/i;

export function sectionName(entry: Pick<SectionEntry, 'kind'> & { node: { id: string } }): string {
  return entry.kind === 'bonus' ? N.bonus : entry.kind === 'deduction' ? N.deduction : entry.node.id;
}

function adjustmentKind(title: string): 'bonus' | 'deduction' | null {
  const f = fold(title).trim();
  if (/^diem thuong\b/.test(f)) return 'bonus';
  if (/^diem tru\b/.test(f)) return 'deduction';
  return null;
}

/** What a row's STT and text say it is, read once. */
interface RowFacts {
  row: RawRow;
  numberText: string;
  points: number | null;
  dotted: RegExpExecArray | null;
  whole: RegExpExecArray | null;
}

/** Places the table's rows one by one under the section, mission or group open at the time. */
class StructureBuilder {
  readonly s: Structure = { sections: [], entries: [], criteria: [], sites: [] };
  readonly outside: number[] = [];
  private stack: Frame[] = [];
  private adjustment: { entry: SectionEntry; node: Adjustment } | null = null;
  private current: SectionEntry | null = null;
  private lastCriterion: CriterionEntry | null = null;
  private above: SectionEntry | string | null = null;

  constructor(private readonly review: ReviewItem[]) {}

  private site(where: () => string, column: Column, get: () => string, set: (t: string) => void, row: RawRow): void {
    this.s.sites.push({ where, column, get, set, images: row.images.filter((i) => i.column === column).map((i) => i.name) });
  }

  private top(): Frame {
    return this.stack[this.stack.length - 1];
  }

  private noteMissingPoints(points: number | null, row: RawRow, where: string): void {
    if (points === null) this.review.push({ kind: 'structure', where, message: T.notANumber(row.points) });
  }

  add(row: RawRow): void {
    const numberText = row.number.replace(/\s+/g, '');
    const roman = /^([IVXLCDM]+)(\.?)$/.exec(numberText);
    const romanValue = roman ? fromRoman(roman[1]) : null;
    const adjustmentTitle = adjustmentKind(row.text);
    if (romanValue !== null || (numberText === '' && adjustmentTitle && row.method === '')) return this.section(row, roman, romanValue, adjustmentTitle);
    if (!this.current) return void this.outside.push(row.line);
    if (this.adjustment) return this.item(row, this.adjustment);
    const facts: RowFacts = { row, numberText, points: parsePoints(row.points), dotted: /^(\d+)\.(\d+)\.?$/.exec(numberText), whole: /^(\d+)\.?$/.exec(numberText) };
    const folded = fold(row.text);
    const mission = /^nhiem vu\s*(\d+)/.exec(folded);
    const target = /^chi tieu\s*(\d+)/.exec(folded);
    if (mission && numberText === '') return this.mission(facts, mission[1]);
    if (target && numberText === '' && facts.points === null) return this.target(facts, target[1]);
    if (this.subItem(facts)) return;
    if (facts.dotted) return this.group(facts);
    if (facts.points === null && numberText === '') {
      // Neither numbered nor scored: kept as an informational row.
      this.top().children.push({ type: 'info', id: `ND${row.line}`, text: row.text });
      return void this.review.push({ kind: 'structure', where: T.lineOfTable(row.line), message: T.infoKept(clip(row.text)) });
    }
    this.criterion(facts);
  }

  private section(row: RawRow, roman: RegExpExecArray | null, value: number | null, adjustmentTitle: 'bonus' | 'deduction' | null): void {
    let title = row.text;
    let points = parsePoints(row.points);
    const inTitle = POINTS_IN_TITLE.exec(title);
    if (points === null && inTitle) {
      points = parsePoints(inTitle[1]);
      title = title.slice(0, inTitle.index);
    }
    const kind = adjustmentTitle ?? 'section';
    const printed = roman ? roman[0] : '';
    const entry: SectionEntry = { kind, printed, value, dot: roman ? roman[2] === '.' : false, node: null as unknown as Section, pointsMissing: points === null };
    if (kind === 'section') {
      const node: Section = { type: 'section', id: '', label: '', title, points: points ?? 0, children: [] };
      entry.node = node;
      this.s.sections.push(node);
      this.stack = [{ level: 0, children: node.children, name: '' }];
      this.adjustment = null;
    } else {
      const existing = this.s[kind];
      if (existing) {
        this.review.push({ kind: 'structure', where: T.line(row.line), message: T.sectionAgain(title) });
        this.adjustment = { entry: this.s.entries.find((e) => e.kind === kind)!, node: existing };
        return;
      }
      const node: Adjustment = { id: '', title, cap: points ?? 0, items: [] };
      entry.node = node;
      this.s[kind] = node;
      this.adjustment = { entry, node };
      this.stack = [];
    }
    this.s.entries.push(entry);
    this.current = entry;
    this.lastCriterion = null;
    this.above = entry;
  }

  private item(row: RawRow, adjustment: { entry: SectionEntry; node: Adjustment }): void {
    if (row.text === '') return;
    const item = { id: String(adjustment.node.items.length + 1), text: row.text };
    adjustment.node.items.push(item);
    const where = `${sectionName(adjustment.entry)}, ${N.item(item.id)}`;
    this.site(() => where, 'text', () => item.text, (t) => (item.text = t), row);
    if (row.points !== '') this.review.push({ kind: 'structure', where, message: T.itemPoints(row.points, adjustment.node.cap) });
  }

  private mission({ row, points }: RowFacts, n: string): void {
    const node: GroupNode = { type: 'group', id: `NV${n}`, label: '', title: row.text, points: points ?? 0, children: [] };
    this.stack = this.stack.filter((f) => f.level === 0);
    this.top().children.push(node);
    this.stack.push({ level: 1, children: node.children, name: N.mission(n) });
    this.site(() => N.mission(n), 'text', () => node.title, (t) => (node.title = t), row);
    this.noteMissingPoints(points, row, N.mission(n));
    this.lastCriterion = null;
    this.above = T.afterMission(n);
  }

  private target({ row }: RowFacts, n: string): void {
    const node = { type: 'info' as const, id: `CT${n}`, text: row.text };
    this.top().children.push(node);
    this.site(() => N.target(n), 'text', () => node.text, (t) => (node.text = t), row);
    this.lastCriterion = null;
    this.above = T.afterTarget(n);
  }

  /** A row of points under a criterion that has neither method nor evidence, or numbered "14.1" under 14; false when it is none. */
  private subItem({ row, numberText, points, dotted }: RowFacts): boolean {
    const last = this.lastCriterion;
    const parent = last && (dotted ? dotted[1] === String(last.printed ?? '') : numberText === '') ? last : null;
    if (!parent || points === null) return false;
    const opensSubItems = parent.node.method === '' && parent.node.evidence === '';
    const subSum = (parent.node.subItems ?? []).reduce((n, x) => n + x.points, 0);
    if (!dotted && !(opensSubItems && subSum + points <= parent.node.points + 1e-9)) return false;
    const sub: SubItem = { id: '', text: row.text, points, method: row.method, evidence: row.evidence, rule: { kind: 'manual' } };
    (parent.node.subItems ??= []).push(sub);
    parent.subPrinted.push(dotted ? numberText.replace(/\.$/, '') : null);
    for (const column of ['text', 'method', 'evidence'] as const) {
      this.site(() => N.criterion(sub.id), column, () => sub[column], (t) => (sub[column] = t), row);
    }
    return true;
  }

  private group({ row, numberText, points }: RowFacts): void {
    const label = numberText.replace(/\.$/, '');
    const node: GroupNode = { type: 'group', id: label, label, title: row.text, points: points ?? 0, children: [] };
    this.stack = this.stack.filter((f) => f.level < 2);
    this.top().children.push(node);
    this.stack.push({ level: 2, children: node.children, name: N.group(label) });
    this.site(() => N.group(label), 'text', () => node.title, (t) => (node.title = t), row);
    this.noteMissingPoints(points, row, N.group(label));
    this.lastCriterion = null;
    this.above = T.afterGroup(label);
  }

  private criterion({ row, numberText, points, whole }: RowFacts): void {
    const node: CriterionNode = { type: 'criterion', id: '', text: row.text, points: points ?? 0, method: row.method, evidence: row.evidence, rule: { kind: 'manual' } };
    if (points === null) this.review.push({ kind: 'structure', where: N.criterion(numberText || T.criterionAtLine(row.line)), message: T.notANumber(row.points) });
    if (!whole && numberText !== '') this.review.push({ kind: 'structure', where: T.lineOfTable(row.line), message: T.notACriterionNumber(row.number) });
    this.top().children.push(node);
    const entry: CriterionEntry = { node, printed: whole ? Number(whole[1]) : null, row, section: this.current!, after: this.above, subPrinted: [] };
    this.s.criteria.push(entry);
    for (const column of ['text', 'method', 'evidence'] as const) {
      this.site(() => N.criterion(node.id), column, () => node[column], (t) => (node[column] = t), row);
    }
    this.lastCriterion = entry;
    this.above = null;
  }
}

/** Builds the tree; `review` collects what a person must look at. */
export function buildStructure(rows: RawRow[], review: ReviewItem[], slips: Slip[]): Structure {
  const builder = new StructureBuilder(review);
  for (const row of rows) builder.add(row);
  const s = builder.s;
  if (builder.outside.length > 0) review.push({ kind: 'structure', where: T.tableStart, message: T.beforeFirstSection(builder.outside) });
  if (s.entries.length === 0) return s;
  numberSections(s, slips);
  numberCriteria(s, slips, review);
  for (const c of s.criteria) {
    if (c.node.subItems?.length) c.node.rule = { kind: 'sum' };
  }
  return s;
}

const clip = (t: string) => (t.length > 60 ? `${t.slice(0, 57)}…` : t).replace(/\n/g, ' ');

/** Sections are I, II, III … in order, bonus and deduction included; mixed "IV." and "IV" follow the majority. */
function numberSections(s: Structure, slips: Slip[]): void {
  const used = new Set<number>();
  s.entries.forEach((entry, i) => {
    const expected = i + 1;
    const label = entry.printed.replace(/\.$/, '');
    if (entry.value !== expected) {
      const name = sectionName({ kind: entry.kind, node: { id: toRoman(expected) } });
      slips.push({
        kind: 'sectionNumber',
        where: N.section(name),
        printed: label || T.unnumbered,
        corrected: toRoman(expected),
        reason: entry.value === null ? T.sectionUnnumbered : used.has(entry.value) ? T.sectionRepeated(name, label) : T.sectionOutOfOrder(name, label),
      });
    }
    if (entry.value !== null) used.add(entry.value);
    entry.node.id = toRoman(expected);
  });
  const numbered = s.entries.filter((e) => e.value !== null);
  const dotted = numbered.filter((e) => e.dot);
  const plain = numbered.filter((e) => !e.dot);
  const withDot = dotted.length > plain.length;
  const odd = withDot ? plain : dotted;
  if (odd.length > 0 && odd.length < numbered.length) {
    const rest = (withDot ? dotted : plain).map((e) => fromRoman(e.node.id)!);
    slips.push({
      kind: 'numeralStyle',
      where: N.section(odd.map((e) => sectionName(e)).join(', ')),
      printed: odd.map((e) => e.printed).join(', '),
      corrected: odd.map((e) => e.node.id + (withDot ? '.' : '')).join(', '),
      reason: withDot ? T.numeralDotAdded(romanRanges(rest)) : T.numeralDotDropped(romanRanges(rest)),
    });
  }
  for (const e of s.entries) {
    if (e.kind === 'section') (e.node as Section).label = e.node.id + (withDot ? '.' : '');
  }
}

/**
 * Criteria are numbered 1, 2, 3 … through the whole table. A number out of
 * sequence between two that are in it is a misprint; an unnumbered
 * criterion takes the next number; numbering that starts again from 1 in a
 * section is carried on. A real gap is kept, for a person to look at.
 */
function numberCriteria(s: Structure, slips: Slip[], review: ReviewItem[]): void {
  let previous = 0;
  let offset = 0;
  const restarts = new Map<SectionEntry, { from: number; to: number; printedFrom: number; printedTo: number }>();
  s.criteria.forEach((entry, i) => {
    const expected = previous + 1;
    let id = expected;
    const printed = entry.printed === null ? null : entry.printed + offset;
    const firstInSection = i === 0 || s.criteria[i - 1].section !== entry.section;
    if (printed === null) {
      slips.push({
        kind: 'criterionNumber',
        where: N.criterion(String(expected)),
        printed: T.unnumbered,
        corrected: String(expected),
        reason:
          entry.after === null
            ? T.unnumberedAfterCriterion(previous)
            : typeof entry.after === 'string'
              ? T.unnumberedAfter(entry.after)
              : T.unnumberedInSectionRow(entry.after.node.id),
      });
    } else if (printed !== expected) {
      const k = s.criteria.findIndex((c, j) => j > i && c.printed !== null);
      const nextPrinted = k < 0 ? null : s.criteria[k].printed! + offset;
      if (entry.printed === 1 && firstInSection && expected > 1) {
        offset = expected - 1;
        restarts.set(entry.section, { from: expected, to: expected, printedFrom: 1, printedTo: 1 });
      } else if (nextPrinted !== null && nextPrinted === expected + (k - i)) {
        slips.push({
          kind: 'criterionNumber',
          where: N.criterion(String(expected)),
          printed: String(entry.printed),
          corrected: String(expected),
          reason: T.misprint(previous, expected + 1),
        });
      } else if (printed > expected) {
        id = printed;
        review.push({
          kind: 'structure',
          where: N.criterion(String(printed)),
          message: T.gap(previous, printed, expected === printed - 1 ? String(expected) : `${expected}–${printed - 1}`),
        });
      } else {
        slips.push({
          kind: 'criterionNumber',
          where: N.criterion(String(expected)),
          printed: String(entry.printed),
          corrected: String(expected),
          reason: T.misprintBackwards(previous),
        });
      }
    }
    const restart = restarts.get(entry.section);
    if (restart && entry.printed !== null) {
      restart.to = id;
      restart.printedTo = entry.printed;
    }
    entry.node.id = String(id);
    previous = id;
    (entry.node.subItems ?? []).forEach((sub, k) => {
      sub.id = `${id}.${k + 1}`;
      const printedSub = entry.subPrinted[k];
      if (printedSub !== null && printedSub !== sub.id) {
        slips.push({ kind: 'criterionNumber', where: N.criterion(sub.id), printed: printedSub, corrected: sub.id, reason: T.subItemNumber(id) });
      }
    });
  });
  for (const [section, r] of restarts) {
    slips.push({
      kind: 'criterionNumber',
      where: T.restartWhere(sectionName(section)),
      printed: `${r.printedFrom}–${r.printedTo}`,
      corrected: `${r.from}–${r.to}`,
      reason: T.restart,
    });
  }
}
