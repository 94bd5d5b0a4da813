/** Stable problem codes: reports and merges key on these, users read the message. */
export type ProblemCode =
  | 'INVALID_VALUE'
  | 'FORMULA_IN_INPUT'
  | 'MISSING_EVIDENCE'
  | 'UNSCORED'
  | 'UNIT_NAME_EMPTY'
  | 'TEXT_TOO_LONG'
  | 'TEXT_CLIPPED'
  | 'FORMULA_REPLACED'
  | 'MAX_POINTS_EDITED'
  | 'NAME_MISSING'
  | 'NAME_SHARED'
  | 'NAME_MOVED'
  | 'NAME_NOT_FORMULA'
  | 'COLUMN_MISSING'
  | 'RUBRIC_MISMATCH'
  | 'METADATA_MISSING'
  | 'METADATA_LOST'
  | 'UNREADABLE';

export type Severity = 'error' | 'warning';

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  message: string;
  /** The defined name of the cell concerned, when there is one. */
  name?: string;
  /** Criterion id ("15", "14.1") or bonus/deduction item ("V.1"). */
  owner?: string;
}
