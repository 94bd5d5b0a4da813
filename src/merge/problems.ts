/**
 * What the merge says about each input file: stable codes (reports, JSON and
 * the task pane key on them) and the status they lead to.
 */
import type { Problem, ProblemCode } from '../scoring/problems';
import { MERGE_TEXT } from '../text/messages';

/** Codes found before a workbook can be read at all, plus the merge's own. */
export type FileProblemCode =
  | 'FILE_NOT_FOUND'
  | 'FILE_EMPTY'
  | 'FILE_TOO_LARGE'
  | 'NOT_XLSX'
  | 'LEGACY_XLS'
  | 'ENCRYPTED'
  | 'ZIP_CORRUPT'
  | 'ZIP_BOMB'
  | 'ZIP_DUPLICATE_ENTRY'
  | 'ZIP_CRC_MISMATCH'
  | 'XML_DOCTYPE'
  | 'DUPLICATE_UNIT'
  | 'TEXT_CUT';

export type MergeProblemCode = ProblemCode | FileProblemCode;

export interface MergeProblem extends Omit<Problem, 'code' | 'severity'> {
  code: MergeProblemCode;
  /** 'error' when the problem keeps the file out of the merge. */
  severity: 'error' | 'warning';
}

export type FileStatus = 'valid' | 'warning' | 'rejected';

export const STATUS_LABEL: Record<FileStatus, string> = MERGE_TEXT.status;

/**
 * Problems that keep a file out: it cannot be read, belongs to another rubric,
 * or its computed cells, printed maxima or names were tampered with. Content
 * problems (invalid entries, missing evidence, unscored criteria, no unit
 * name) only warn: the unit is merged and the appraisal corrects it.
 */
const REJECTING: ReadonlySet<MergeProblemCode> = new Set<MergeProblemCode>([
  'FILE_NOT_FOUND',
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
  'NOT_XLSX',
  'LEGACY_XLS',
  'ENCRYPTED',
  'ZIP_CORRUPT',
  'ZIP_BOMB',
  'ZIP_DUPLICATE_ENTRY',
  'ZIP_CRC_MISMATCH',
  'XML_DOCTYPE',
  'UNREADABLE',
  'METADATA_MISSING',
  'METADATA_LOST',
  'RUBRIC_MISMATCH',
  'FORMULA_REPLACED',
  'MAX_POINTS_EDITED',
  'NAME_MISSING',
  'NAME_SHARED',
  'NAME_MOVED',
  'NAME_NOT_FORMULA',
  'COLUMN_MISSING',
  'DUPLICATE_UNIT',
]);

export function rejects(code: MergeProblemCode): boolean {
  return REJECTING.has(code);
}

export function mergeProblem(code: MergeProblemCode, message: string, extra: Pick<Problem, 'name' | 'owner'> = {}): MergeProblem {
  return { code, severity: rejects(code) ? 'error' : 'warning', message, ...extra };
}

/** A check problem, re-graded by what it means for the merge. */
export function fromCheckProblem(p: Problem): MergeProblem {
  return { ...p, severity: rejects(p.code) ? 'error' : 'warning' };
}

export function statusOf(problems: readonly MergeProblem[]): FileStatus {
  if (problems.some((p) => rejects(p.code))) return 'rejected';
  return problems.length > 0 ? 'warning' : 'valid';
}
