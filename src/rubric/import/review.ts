/** What the importer asks a person to confirm, and the slips it mends. */

export type ReviewKind =
  /** A slip of the document, mended (also in the rubric's `corrections`). */
  | 'correction'
  /** A tier table read from the wording of "Cách tính điểm". */
  | 'tiers'
  /** Points that do not add up, or another rule the schema holds. */
  | 'sum'
  /** A row the importer could not place with certainty. */
  | 'structure'
  /** Wording that looks like a rule the importer did not turn into one. */
  | 'rule';

export interface ReviewItem {
  kind: ReviewKind;
  /** Whom it is about, as a reader names it: "Tiêu chí 48", "Mục II". */
  where: string;
  message: string;
  /** Further lines, such as a tier table. */
  details?: string[];
}

/** The order slips are listed in `corrections`: numbering first, then wording, then pictures. */
export const CORRECTION_ORDER = ['criterionNumber', 'sectionNumber', 'numeralStyle', 'cutWord', 'strayDigit', 'image'] as const;
export type CorrectionKind = (typeof CORRECTION_ORDER)[number];

export interface Slip {
  kind: CorrectionKind;
  where: string;
  printed: string;
  corrected: string;
  reason: string;
}
