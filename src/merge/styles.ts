/** Cell styles of the consolidated workbook, as plain data both adapters apply. */
import { FLAG_STYLES, STYLES, type CellStyle } from '../layout/styles';

export type MergeStyleName =
  | 'title'
  | 'subtitle'
  | 'note'
  | 'header'
  | 'section'
  | 'group'
  | 'criterion'
  | 'criterionCenter'
  | 'subItem'
  | 'self'
  | 'selfInvalid'
  | 'appraisal'
  | 'sectionScore'
  | 'groupScore'
  | 'computedScore'
  | 'total'
  | 'totalLabel'
  | 'rank'
  | 'rankLabel'
  | 'text'
  | 'textCenter'
  | 'number'
  | 'valid'
  | 'warning'
  | 'rejected'
  | 'docHeaderBold'
  | 'motto'
  | 'dateLine'
  | 'signLabel'
  | 'signNote';

const APPRAISAL_FILL = 'FFF9E6';

/**
 * Every string cell of these sheets is literal text: styles that can hold text
 * taken from a returned file carry the '@' format, so hosts that would read a
 * leading "=" as a formula (Office.js) keep it as text.
 */
export const MERGE_STYLES: Record<MergeStyleName, CellStyle> = {
  title: { ...STYLES.title, horizontal: 'left', wrap: false, numberFormat: '@' },
  subtitle: { ...STYLES.subtitle, horizontal: 'left', size: 12, wrap: false, numberFormat: '@' },
  note: { italic: true, vertical: 'middle', numberFormat: '@' },
  header: { ...STYLES.header, numberFormat: '@' },
  section: { ...STYLES.section, numberFormat: '@' },
  group: { ...STYLES.group, numberFormat: '@' },
  criterion: { ...STYLES.criterion, numberFormat: '@' },
  criterionCenter: { ...STYLES.criterionCenter, numberFormat: '@' },
  subItem: { ...STYLES.subItem, numberFormat: '@' },
  self: { horizontal: 'center', vertical: 'top', border: true },
  /** An entry that breaks its rule, written as text so that no total counts it. */
  selfInvalid: { ...FLAG_STYLES.invalid, bold: true, horizontal: 'center', vertical: 'top', border: true, numberFormat: '@' },
  appraisal: { fill: APPRAISAL_FILL, horizontal: 'center', vertical: 'top', border: true },
  sectionScore: { bold: true, fill: STYLES.section.fill, horizontal: 'center', vertical: 'middle', border: true },
  groupScore: { bold: true, fill: STYLES.group.fill, horizontal: 'center', vertical: 'middle', border: true },
  computedScore: { bold: true, horizontal: 'center', vertical: 'top', border: true },
  total: { ...STYLES.total },
  totalLabel: { ...STYLES.total, numberFormat: '@' },
  rank: { bold: true, size: 13, fill: 'E2EFDA', horizontal: 'center', vertical: 'middle', border: true },
  rankLabel: { bold: true, size: 13, fill: 'E2EFDA', horizontal: 'center', vertical: 'middle', border: true, numberFormat: '@' },
  text: { vertical: 'top', wrap: true, border: true, numberFormat: '@' },
  textCenter: { horizontal: 'center', vertical: 'top', wrap: true, border: true, numberFormat: '@' },
  number: { horizontal: 'center', vertical: 'top', border: true },
  valid: { bold: true, fill: 'E2EFDA', color: '375623', horizontal: 'center', vertical: 'top', border: true, numberFormat: '@' },
  warning: { bold: true, fill: 'FFEB9C', color: '9C5700', horizontal: 'center', vertical: 'top', border: true, numberFormat: '@' },
  rejected: { bold: true, fill: 'FFC7CE', color: '9C0006', horizontal: 'center', vertical: 'top', border: true, numberFormat: '@' },
  docHeaderBold: { ...STYLES.docHeaderBold, numberFormat: '@' },
  motto: { ...STYLES.motto, numberFormat: '@' },
  dateLine: { ...STYLES.dateLine, numberFormat: '@' },
  signLabel: { ...STYLES.signLabel, numberFormat: '@' },
  signNote: { ...STYLES.signNote, numberFormat: '@' },
};

/** Conditional-format looks. */
export const MERGE_FLAGS = {
  invalid: FLAG_STYLES.invalid,
  appraisalDiffers: { fill: 'BDD7EE', color: '1F4E78' },
} as const;

export type MergeFlag = keyof typeof MERGE_FLAGS;
