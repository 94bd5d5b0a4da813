/**
 * A sheet of ours without its metadata sheet. Moving or copying the sheet to
 * a new workbook (Excel's and LibreOffice's Move/Copy) keeps every defined
 * name and formula but not the hidden metadata sheet; such a sheet is
 * recognised by its names and may be adopted: upgraded with every entry
 * kept, the metadata written anew.
 */
import type { LoadedRubric } from '../rubric';
import { names } from '../rubric/names';
import type { ProblemCode } from '../scoring/problems';
import { checkWorkbook, type WorkbookView } from './index';

export type Adoption =
  /** No names of the contract: somebody else's workbook. */
  | 'foreign'
  /** Names of a chamdiem sheet, but its names or printed maxima are not this rubric's. */
  | 'otherRubric'
  /** Every name of this rubric, on its cell, and every printed maximum as the rubric gives it. */
  | 'fits';

/** What keeps a sheet from being taken for this rubric's: a name gone or off its cell, a maximum not the rubric's. */
const MISFIT: ReadonlySet<ProblemCode> = new Set<ProblemCode>(['NAME_MISSING', 'COLUMN_MISSING', 'MAX_POINTS_EDITED']);

/** Whether a workbook without metadata holds this rubric's sheet. */
export function adoption(view: Omit<WorkbookView, 'meta'>, loaded: LoadedRubric): Adoption {
  // The names every rubric's sheet has, whatever its criteria.
  if (!view.hasName(names.grandTotal) || !view.hasName(names.unitName)) return 'foreign';
  const withoutMeta: WorkbookView = { meta: {}, hasName: (n) => view.hasName(n), locate: (n) => view.locate(n), cell: (n) => view.cell(n) };
  const report = checkWorkbook(withoutMeta, loaded);
  return report.problems.some((p) => MISFIT.has(p.code)) ? 'otherRubric' : 'fits';
}
