/** A planned cell's look as ExcelJS models it: the oracle the file writer's styles are held against. */
import type ExcelJS from 'exceljs';
import { numberFormatOf, type SheetCell } from '../../src/layout/model';
import { BODY_SIZE, FONT_NAME, STYLES } from '../../src/layout/styles';

const argb = (rgb: string) => `FF${rgb}`;
const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };

export function excelStyle(cell: Pick<SheetCell, 'style' | 'value' | 'unlocked'>): Partial<ExcelJS.Style> {
  const style = cell.style ? STYLES[cell.style] : {};
  const out: Partial<ExcelJS.Style> = {
    font: {
      name: FONT_NAME,
      size: style.size ?? BODY_SIZE,
      bold: style.bold,
      italic: style.italic,
      underline: style.underline,
      ...(style.color ? { color: { argb: argb(style.color) } } : {}),
    },
    alignment: { horizontal: style.horizontal, vertical: style.vertical ?? 'top', wrapText: style.wrap },
  };
  if (style.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  if (style.border) out.border = { top: thin, left: thin, bottom: thin, right: thin };
  const format = numberFormatOf(cell as SheetCell);
  if (format) out.numFmt = format;
  return out;
}
