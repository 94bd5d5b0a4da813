import ExcelJS from 'exceljs';
import { builtinRubric, type LoadedRubric } from '../../src/rubric';
import { buildSheetPlan, type SheetPlanOptions } from '../../src/layout/plan';
import { writeWorkbook } from '../../src/xlsx/write';
import { readNames } from './exceljs-read';

/** A Date is typed as Excel stores one: its serial number, formatted as a date. */
export type FillValue = string | number | Date | { formula: string } | null;

/** A freshly generated standard workbook. */
export async function generated(options: SheetPlanOptions = {}, loaded: LoadedRubric = builtinRubric()): Promise<Buffer> {
  return Buffer.from(writeWorkbook(buildSheetPlan(loaded, { createdAt: '2026-01-15T08:00:00.000Z', ...options }), new Map()));
}

/** Opens a workbook, lets `edit` change it, saves it: how tests play the district user. */
export async function editWorkbook(buffer: Buffer, edit: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  await edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function namedCell(wb: ExcelJS.Workbook, name: string): ExcelJS.Cell {
  const at = readNames(wb).get(name);
  if (!at) throw new Error(`no defined name ${name}`);
  return (wb.getWorksheet(at.sheet) as ExcelJS.Worksheet).getCell(at.row, at.col);
}

/** Types values into cells by defined name, as a user would. */
export function fillByName(buffer: Buffer, values: Record<string, FillValue>): Promise<Buffer> {
  return editWorkbook(buffer, (wb) => {
    for (const [name, value] of Object.entries(values)) namedCell(wb, name).value = value as ExcelJS.CellValue;
  });
}

/** Deletes defined names, as deleting their rows or column would. */
export function removeNames(buffer: Buffer, shouldRemove: (name: string) => boolean): Promise<Buffer> {
  return editWorkbook(buffer, (wb) => {
    for (const { name, ranges } of wb.definedNames.model as { name: string; ranges: string[] }[]) {
      if (shouldRemove(name)) for (const range of ranges) wb.definedNames.remove(range, name);
    }
  });
}
