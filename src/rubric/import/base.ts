/**
 * What a document cannot say but an earlier rubric of the same office can:
 * the rubric's id, the printed document's wording (superior body, place,
 * signatures), the names and labels of counted inputs a person chose for a
 * tier table (they are the workbook's defined names, TC_48_Cham), and the
 * reasons a person wrote for the same slips. Taken only where the document
 * matches: the same method wording and tier table, the same slip.
 */
import { allCriteria } from '../index';
import type { DocumentText, Rubric } from '../schema';
import { IMPORT_TEXT } from '../../text/rubric-import';
import type { Slip } from './review';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The printed wording for a year: the base's, or the built-in rubric's, its report title moved to `year`. */
export function documentFor(year: number, from: Pick<Rubric, 'document' | 'year'>): DocumentText {
  const doc = clone(from.document);
  doc.reportTitle = doc.reportTitle.split(String(from.year)).join(String(year));
  return doc;
}

const sameTables = (a: { tiers: unknown }[], b: { tiers: unknown }[]) =>
  a.length === b.length && a.every((input, i) => JSON.stringify(input.tiers) === JSON.stringify(b[i].tiers));

/** Carries the base's choices into `rubric` and `slips`; returns what it carried, in words. */
export function carryFromBase(rubric: Rubric, slips: Slip[], base: Rubric): string[] {
  const carried: string[] = [];
  const baseCriteria = allCriteria(base);
  const tierNames: string[] = [];
  for (const c of allCriteria(rubric)) {
    if (c.rule.kind !== 'tiers') continue;
    const rule = c.rule;
    const match = baseCriteria.find((b) => b.method === c.method && b.rule.kind === 'tiers' && sameTables(b.rule.inputs, rule.inputs));
    if (match && match.rule.kind === 'tiers') {
      c.rule = clone(match.rule);
      tierNames.push(c.id);
    }
  }
  if (tierNames.length > 0) carried.push(IMPORT_TEXT.tierNamesCarried(tierNames));
  let reasons = 0;
  for (const slip of slips) {
    const same = base.corrections.find((c) => c.where === slip.where && c.printed === slip.printed && c.corrected === slip.corrected);
    if (same && same.reason !== slip.reason) {
      slip.reason = same.reason;
      reasons++;
    }
  }
  if (reasons > 0) carried.push(IMPORT_TEXT.reasonsCarried(reasons));
  return carried;
}
