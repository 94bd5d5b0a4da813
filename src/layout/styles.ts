/**
 * Cell styles by role, one registry for every sheet chamdiem writes, as plain
 * data both writers (the file writer, Office.js) apply.
 */

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  /** RGB hex without '#'. */
  fill?: string;
  color?: string;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  border?: boolean;
  /** Number format; '@' keeps typed text as text. */
  numberFormat?: string;
}

export const FONT_NAME = 'Times New Roman';
/** Nghị định 30 asks for 13 pt; the table goes down to 12 to fit the page width. */
export const BODY_SIZE = 12;
export const DOCUMENT_SIZE = 13;

const INPUT_FILL = 'FFF9E6';
const SECTION_FILL = 'FCE4D6';
const GROUP_FILL = 'EDEDED';
const RANK_FILL = 'E2EFDA';

const title: CellStyle = { bold: true, size: 14, horizontal: 'center', vertical: 'middle', wrap: true };
const subtitle: CellStyle = { bold: true, size: 13, horizontal: 'center', vertical: 'middle', wrap: true };
const total: CellStyle = { bold: true, size: 13, fill: SECTION_FILL, horizontal: 'center', vertical: 'middle', border: true };
const status = (fill: string, color: string): CellStyle => ({ bold: true, fill, color, horizontal: 'center', vertical: 'top', border: true });

const REGISTRY = {
  // The document's own lines (Nghị định 30).
  title,
  subtitle,
  basis: { italic: true, horizontal: 'center', vertical: 'middle', wrap: true },
  docHeader: { size: 13, horizontal: 'center', vertical: 'middle' },
  docHeaderBold: { bold: true, size: 13, horizontal: 'center', vertical: 'middle' },
  motto: { bold: true, underline: true, size: 13, horizontal: 'center', vertical: 'middle' },
  unitHeader: { bold: true, size: 13, horizontal: 'center', vertical: 'middle', wrap: true, numberFormat: '@' },
  dateLine: { italic: true, size: 13, horizontal: 'center', vertical: 'middle', numberFormat: '@' },
  summary: { bold: true, size: 13, horizontal: 'right', vertical: 'middle' },
  signLabel: { bold: true, size: 13, horizontal: 'center', vertical: 'middle' },
  signNote: { italic: true, size: 13, horizontal: 'center', vertical: 'middle' },
  signName: { bold: true, size: 13, horizontal: 'center', vertical: 'bottom', numberFormat: '@' },
  // The rubric's table.
  header: { bold: true, fill: 'D9E1F2', horizontal: 'center', vertical: 'middle', wrap: true, border: true },
  section: { bold: true, fill: SECTION_FILL, vertical: 'middle', wrap: true, border: true },
  group: { bold: true, fill: GROUP_FILL, vertical: 'middle', wrap: true, border: true },
  info: { italic: true, vertical: 'top', wrap: true, border: true },
  criterion: { vertical: 'top', wrap: true, border: true },
  criterionCenter: { horizontal: 'center', vertical: 'top', wrap: true, border: true },
  subItem: { italic: true, vertical: 'top', wrap: true, border: true },
  input: { fill: INPUT_FILL, horizontal: 'center', vertical: 'top', border: true },
  inputText: { fill: INPUT_FILL, vertical: 'top', wrap: true, border: true, numberFormat: '@' },
  computed: { bold: true, horizontal: 'center', vertical: 'top', border: true },
  total,
  // Working sheets of the consolidated workbook.
  sheetTitle: { ...title, horizontal: 'left', wrap: false },
  sheetSubtitle: { ...subtitle, horizontal: 'left', wrap: false },
  note: { italic: true, vertical: 'middle' },
  noteWrapped: { italic: true, vertical: 'top', wrap: true },
  number: { horizontal: 'center', vertical: 'top', border: true },
  appraisal: { fill: INPUT_FILL, horizontal: 'center', vertical: 'top', border: true },
  /** A self-score that breaks its rule, shown as the text it was so that no total counts it. */
  selfInvalid: { bold: true, fill: 'FFC7CE', color: '9C0006', horizontal: 'center', vertical: 'top', border: true },
  sectionScore: { bold: true, fill: SECTION_FILL, horizontal: 'center', vertical: 'middle', border: true },
  groupScore: { bold: true, fill: GROUP_FILL, horizontal: 'center', vertical: 'middle', border: true },
  rank: { bold: true, size: 13, fill: RANK_FILL, horizontal: 'center', vertical: 'middle', border: true },
  text: { vertical: 'top', wrap: true, border: true },
  textCenter: { horizontal: 'center', vertical: 'top', wrap: true, border: true },
  valid: status(RANK_FILL, '375623'),
  warning: status('FFEB9C', '9C5700'),
  rejected: status('FFC7CE', '9C0006'),
} satisfies Record<string, CellStyle>;

export type StyleName = keyof typeof REGISTRY;
export const STYLES: Record<StyleName, CellStyle> = REGISTRY;

/**
 * Conditional-format looks: what the user sees when a cell is flagged. The
 * edge (a double or dashed box round the cell, unlike the thin grid) keeps
 * a flag of the standard sheet visible on a black-and-white printout, where
 * the fill is lost.
 */
export const FLAG_STYLES = {
  invalid: { fill: 'FFC7CE', color: '9C0006', edge: 'double' },
  missingEvidence: { fill: 'FFEB9C', color: '9C5700', edge: 'dashed' },
  unscored: { fill: 'FFF9E6', color: '000000', edge: 'dashed' },
  appraisalDiffers: { fill: 'BDD7EE', color: '1F4E78' },
} as const;

export type FlagStyle = keyof typeof FLAG_STYLES;
