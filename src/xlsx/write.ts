import ExcelJS from 'exceljs';
import { a1, rangeA1, sheetRef, type RangeRef } from '../layout/a1';
import type { PlanValidation, SheetPlan } from '../layout/plan';
import { BODY_SIZE, FLAG_STYLES, FONT_NAME, STYLES, type CellStyle } from '../layout/styles';
import type { EntryValue } from '../layout/carry';
import { marginsInInches } from './margins';

const argb = (rgb: string) => `FF${rgb}`;
const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };

export function excelStyle(style: CellStyle): Partial<ExcelJS.Style> {
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
  if (style.numberFormat) out.numFmt = style.numberFormat;
  return out;
}

export function dataValidation(v: PlanValidation): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: v.title,
    error: v.message,
    showInputMessage: true,
    promptTitle: v.promptTitle,
    prompt: v.message,
  };
  return v.type === 'custom'
    ? { type: 'custom', formulae: [v.formula as string], ...common }
    : { type: 'textLength', operator: 'lessThanOrEqual', formulae: [v.maxLength as number], ...common };
}

/** A conditional format's look: fill and font colour, RGB hex. */
interface FlagLook {
  fill: string;
  color: string;
}

/** Data validations and conditional formats of a plan, onto a sheet. */
function addRules<F extends string>(
  ws: ExcelJS.Worksheet,
  validations: readonly PlanValidation[],
  conditionalFormats: readonly { range: RangeRef; formula: string; flag: F }[],
  looks: Record<F, FlagLook>,
): void {
  // Range validations exist at runtime but not in ExcelJS's typings. One add
  // per area: ExcelJS fails on multi-area keys.
  const rangeValidations = (ws as unknown as { dataValidations: { add(ref: string, dv: ExcelJS.DataValidation): void } })
    .dataValidations;
  for (const v of validations) rangeValidations.add(rangeA1(v.range), dataValidation(v));
  conditionalFormats.forEach((cf, i) => {
    const look = looks[cf.flag];
    ws.addConditionalFormatting({
      ref: rangeA1(cf.range),
      rules: [
        {
          type: 'expression',
          priority: i + 1,
          formulae: [cf.formula],
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(look.fill) } },
            font: { color: { argb: argb(look.color) }, bold: true },
          },
        },
      ],
    });
  });
}

/**
 * Writes the plan into a new sheet of `workbook`, with `entries` (by defined
 * name) placed in their input cells.
 */
export async function addPlanToWorkbook(
  workbook: ExcelJS.Workbook,
  plan: SheetPlan,
  entries: ReadonlyMap<string, EntryValue> = new Map(),
): Promise<void> {
  const print = plan.print;
  const ws = workbook.addWorksheet(plan.sheetName, {
    views: [{ state: 'frozen', ySplit: plan.headerRow, zoomScale: 90 }],
    pageSetup: {
      paperSize: 9,
      orientation: print.orientation,
      fitToPage: true,
      fitToWidth: print.fitToWidth,
      fitToHeight: 0,
      printTitlesRow: `${print.titleRows.from}:${print.titleRows.to}`,
      margins: marginsInInches(print.marginsMm),
    },
    headerFooter: { differentFirst: true, firstHeader: print.firstPageHeader, oddHeader: print.header },
  });
  plan.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));

  for (const c of plan.cells) {
    const cell = ws.getCell(c.row, c.col);
    if (c.formula !== undefined) cell.value = { formula: c.formula } as ExcelJS.CellFormulaValue;
    else if (c.value !== undefined) cell.value = c.value;
    cell.style = excelStyle(STYLES[c.style]);
    if (c.unlocked) cell.protection = { locked: false };
  }
  for (const f of plan.fields) {
    if (f.role !== 'input') continue;
    const value = entries.get(f.name);
    // Text stays text: ExcelJS stores strings as shared strings, never as formulas.
    if (value !== undefined) ws.getCell(f.row, f.col).value = value;
  }
  for (const m of plan.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  for (const [row, height] of plan.rowHeights) ws.getRow(row).height = height;
  for (const row of print.rowBreaksBefore) ws.getRow(row - 1).addPageBreak();

  for (const f of plan.fields) workbook.definedNames.add(sheetRef(plan.sheetName, a1(f.row, f.col, true)), f.name);

  addRules(ws, plan.validations, plan.conditionalFormats, FLAG_STYLES);

  await ws.protect(plan.protection.password, {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatRows: true,
    formatColumns: true,
  });

  const meta = workbook.addWorksheet(plan.metaSheetName, { state: 'veryHidden' });
  meta.getColumn(1).width = 22;
  meta.getColumn(2).width = 70;
  plan.meta.forEach(([key, value], i) => {
    meta.getCell(i + 1, 1).value = key;
    meta.getCell(i + 1, 2).value = value;
  });
  await meta.protect(plan.protection.password, {});
}

export async function writeWorkbook(plan: SheetPlan, entries?: ReadonlyMap<string, EntryValue>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'chamdiem';
  workbook.title = plan.sheetName;
  // Files carry no cached results; ask Excel to compute everything on open.
  workbook.calcProperties.fullCalcOnLoad = true;
  await addPlanToWorkbook(workbook, plan, entries);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

