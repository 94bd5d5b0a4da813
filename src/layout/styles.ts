/** Cell styles by role, as plain data both adapters (ExcelJS, Office.js) apply. */

export type StyleName =
  | 'title'
  | 'subtitle'
  | 'basis'
  | 'label'
  | 'unitInput'
  | 'header'
  | 'section'
  | 'group'
  | 'info'
  | 'criterion'
  | 'criterionCenter'
  | 'subItem'
  | 'input'
  | 'inputText'
  | 'computed'
  | 'total'
  | 'docHeader'
  | 'docHeaderBold'
  | 'motto'
  | 'unitHeader'
  | 'dateLine'
  | 'summary'
  | 'signLabel'
  | 'signNote'
  | 'signName';

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

export const STYLES: Record<StyleName, CellStyle> = {
  title: { bold: true, size: 14, horizontal: 'center', vertical: 'middle', wrap: true },
  subtitle: { bold: true, size: 13, horizontal: 'center', vertical: 'middle', wrap: true },
  basis: { italic: true, horizontal: 'center', vertical: 'middle', wrap: true },
  label: { bold: true, horizontal: 'right', vertical: 'middle' },
  unitInput: { bold: true, fill: INPUT_FILL, vertical: 'middle', border: true, numberFormat: '@' },
  header: { bold: true, fill: 'D9E1F2', horizontal: 'center', vertical: 'middle', wrap: true, border: true },
  section: { bold: true, fill: 'FCE4D6', vertical: 'middle', wrap: true, border: true },
  group: { bold: true, fill: 'EDEDED', vertical: 'middle', wrap: true, border: true },
  info: { italic: true, vertical: 'top', wrap: true, border: true },
  criterion: { vertical: 'top', wrap: true, border: true },
  criterionCenter: { horizontal: 'center', vertical: 'top', wrap: true, border: true },
  subItem: { italic: true, vertical: 'top', wrap: true, border: true },
  input: { fill: INPUT_FILL, horizontal: 'center', vertical: 'top', border: true },
  inputText: { fill: INPUT_FILL, vertical: 'top', wrap: true, border: true, numberFormat: '@' },
  computed: { bold: true, horizontal: 'center', vertical: 'top', border: true },
  total: { bold: true, size: 13, fill: 'FCE4D6', horizontal: 'center', vertical: 'middle', border: true },
  docHeader: { size: 13, horizontal: 'center', vertical: 'middle' },
  docHeaderBold: { bold: true, size: 13, horizontal: 'center', vertical: 'middle' },
  motto: { bold: true, underline: true, size: 13, horizontal: 'center', vertical: 'middle' },
  unitHeader: { bold: true, size: 13, horizontal: 'center', vertical: 'middle', wrap: true, numberFormat: '@' },
  dateLine: { italic: true, size: 13, horizontal: 'center', vertical: 'middle', numberFormat: '@' },
  summary: { bold: true, size: 13, horizontal: 'right', vertical: 'middle' },
  signLabel: { bold: true, size: 13, horizontal: 'center', vertical: 'middle' },
  signNote: { italic: true, size: 13, horizontal: 'center', vertical: 'middle' },
  signName: { bold: true, size: 13, horizontal: 'center', vertical: 'bottom', numberFormat: '@' },
};

/** Conditional-format looks: what the user sees when an entry is flagged. */
export const FLAG_STYLES = {
  invalid: { fill: 'FFC7CE', color: '9C0006' },
  missingEvidence: { fill: 'FFEB9C', color: '9C5700' },
} as const;

export type FlagStyle = keyof typeof FLAG_STYLES;
