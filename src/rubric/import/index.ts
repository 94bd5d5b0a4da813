/**
 * The rubric from the office's Word document: its table read into sections,
 * groups, criteria and their rules, the document's slips mended openly in
 * `corrections`, and a review list of everything a person must confirm.
 * Pure: the document arrives already read (src/package/docx.ts in the CLI
 * and in the task pane alike).
 */
import rubric2024 from '../data/2024.json';
import { describeIssues } from '../describe';
import { allCriteria } from '../index';
import { rubricSchema, type Adjustment, type Rubric, type RubricNode } from '../schema';
import { carryFromBase, documentFor } from './base';
import type { WordDocument } from './document';
import { CORRECTION_ORDER, type ReviewItem, type ReviewKind, type Slip } from './review';
import { inferRules, tierTable } from './rules';
import { buildStructure, sectionName } from './structure';
import { COLUMN_LABEL, findRubricTable, NotARubricError } from './table';
import { IMPORT_TEXT as T } from '../../text/rubric-import';
import { RUBRIC_NAMES as N } from '../../text/rubric';
import { fold } from './text';
import { dropImages, mendCutWords, mendStrayDigits } from './words';

export { NotARubricError } from './table';
export type { WordCell, WordDocument, WordTable, WordBlock } from './document';
export type { ReviewItem, ReviewKind } from './review';

export interface ImportOptions {
  id?: string;
  version?: string;
  /** An earlier rubric of the same office, for what the document cannot carry (see base.ts). */
  base?: Rubric;
  /** The id when neither `id` nor the base gives one: the CLI passes the file's name. */
  fallbackId: string;
  /** The year when the document's title names none. */
  fallbackYear: number;
}

export interface RubricImport {
  /** Complete, and valid unless the review lists sums or rules the schema refuses. */
  rubric: Rubric;
  /** What a person must confirm, most structural first. */
  review: ReviewItem[];
  /** What was taken from elsewhere than the document, and a summary; nothing to confirm. */
  notes: string[];
}

const REVIEW_ORDER: ReviewKind[] = ['structure', 'correction', 'tiers', 'rule', 'sum'];

const LETTERHEAD = /^(cong hoa|doc lap|hoi lhpn|ban thuong vu|so:|so \d|.*ngay .* thang .* nam)/;

function readHeading(before: string[]): { title: string; subtitle: string; basis: string } {
  const paragraphs = before.map((p) => p.replace(/\n/g, ' '));
  let at = paragraphs.findIndex((p) => /^(ban |bo )?tieu chi/.test(fold(p)));
  if (at < 0) at = paragraphs.findIndex((p) => !LETTERHEAD.test(fold(p)));
  if (at < 0) return { title: '', subtitle: '', basis: '' };
  const rest = paragraphs.slice(at + 1);
  const basisAt = rest.findIndex((p) => /^\(.*\)$/s.test(p));
  return {
    title: paragraphs[at],
    subtitle: (basisAt < 0 ? rest : rest.slice(0, basisAt)).join(' '),
    basis: basisAt < 0 ? '' : rest[basisAt],
  };
}

function yearOf(...texts: string[]): number | null {
  for (const text of texts) {
    const all = [...text.matchAll(/năm\s+(\d{4})/giu)];
    if (all.length > 0) return Number(all[all.length - 1][1]);
  }
  return null;
}

const sumOf = (nodes: RubricNode[]) =>
  Math.round(nodes.reduce((n, c) => n + (c.type === 'info' ? 0 : c.points), 0) * 100) / 100;

/** "(03 tiêu chí)" in a group's title against the criteria it holds. */
function checkCounts(nodes: RubricNode[], review: ReviewItem[]): void {
  for (const node of nodes) {
    if (node.type !== 'group') continue;
    const stated = /\((\d+)\s+tiêu chí\)/iu.exec(node.title);
    const held = node.children.filter((c) => c.type === 'criterion').length;
    if (stated && Number(stated[1]) !== held && node.children.every((c) => c.type !== 'group')) {
      const name = node.id.startsWith('NV') ? N.mission(node.id.slice(2)) : N.group(node.id);
      review.push({ kind: 'sum', where: name, message: T.groupCount(stated[1], held) });
    }
    checkCounts(node.children, review);
  }
}

/** Reads a rubric from a document; throws NotARubricError when the document holds none. */
export function importRubric(doc: WordDocument, options: ImportOptions): RubricImport {
  const table = findRubricTable(doc);
  const review: ReviewItem[] = [];
  const slips: Slip[] = [];
  const notes: string[] = [];
  const s = buildStructure(table.rows, review, slips);
  if (s.entries.length === 0) {
    throw new NotARubricError(T.noSections);
  }
  if (s.criteria.length === 0) throw new NotARubricError(T.noCriteria);
  const lacking: string[] = [];
  if (!s.bonus?.items.length) lacking.push(T.bonusTitle);
  if (!s.deduction?.items.length) lacking.push(T.deductionTitle);
  if (lacking.length > 0) throw new NotARubricError(T.noAdjustments(lacking));
  for (const entry of s.entries) {
    if (!entry.pointsMissing) continue;
    if (entry.kind === 'section') {
      const section = entry.node as Rubric['sections'][number];
      section.points = sumOf(section.children);
      review.push({ kind: 'sum', where: N.section(section.id), message: T.sectionNoPoints(section.points) });
    } else {
      review.push({ kind: 'sum', where: N.section(sectionName(entry)), message: T.adjustmentNoCap });
    }
  }
  mendCutWords(s.sites, slips, review);
  mendStrayDigits(s.sites, slips);
  dropImages(s.sites, slips);
  inferRules(s.criteria, review);
  s.sections.forEach((section) => checkCounts(section.children, review));

  const heading = readHeading(table.before);
  let year = yearOf(`${heading.title} ${heading.subtitle}`, heading.basis, options.version ?? '');
  if (year === null) {
    year = options.fallbackYear;
    review.push({ kind: 'structure', where: T.headingWhere, message: T.noYear(year) });
  }
  if (heading.title === '') review.push({ kind: 'structure', where: T.headingWhere, message: T.noTitle });
  for (const column of table.missing) notes.push(T.columnMissing(COLUMN_LABEL[column]));
  for (const other of table.ignored) notes.push(T.columnIgnored(other.replace(/\n/g, ' ')));

  const rubric: Rubric = {
    id: options.id ?? options.base?.id ?? options.fallbackId,
    version: options.version ?? `${year}.1`,
    year,
    title: heading.title,
    subtitle: heading.subtitle,
    basis: heading.basis,
    corrections: [],
    document: documentFor(year, options.base ?? (rubric2024 as Rubric)),
    sections: s.sections,
    bonus: s.bonus as Adjustment,
    deduction: s.deduction as Adjustment,
  };
  if (options.base) {
    const carried = carryFromBase(rubric, slips, options.base);
    notes.push(T.fromBase(options.base.id, options.base.version, options.id !== undefined, carried));
  } else {
    notes.push(T.defaults(rubric.document.superior, rubric.document.place));
  }
  const ordered = [...slips].sort((a, b) => CORRECTION_ORDER.indexOf(a.kind) - CORRECTION_ORDER.indexOf(b.kind));
  rubric.corrections = ordered.map(({ where, printed, corrected, reason }) => ({ where, printed, corrected, reason }));
  for (const c of rubric.corrections) {
    review.push({ kind: 'correction', where: c.where, message: T.mended(c.printed, c.corrected, c.reason) });
  }
  for (const c of allCriteria(rubric)) {
    if (c.rule.kind === 'tiers') review.push({ kind: 'tiers', where: N.criterion(c.id), message: T.tiersRead, details: tierTable(c, c.rule) });
  }
  const checked = rubricSchema.safeParse(rubric);
  if (!checked.success) {
    for (const issue of describeIssues(rubric, checked.error.issues)) {
      const named = /^([^:]+): ([\s\S]*)$/.exec(issue);
      review.push({ kind: 'sum', where: named ? named[1] : '', message: named ? named[2] : issue });
    }
  }
  review.sort((a, b) => REVIEW_ORDER.indexOf(a.kind) - REVIEW_ORDER.indexOf(b.kind));
  return { rubric, review, notes };
}
