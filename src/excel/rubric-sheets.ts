/**
 * The rubric workbook's sheets in the open workbook, through the Office.js
 * writer: added after the workbook's own sheets, never over one of them, and
 * read back in one sync from their used ranges, as the file reader reads a
 * rubric workbook file.
 */
import { parseA1 } from '../layout/a1';
import { chooseRubricSheetNames, readRubricWorkbook, rubricSheetSets, rubricWorkbook, type RubricSheetNames, type RubricWorkbookReading, type WorkbookCells } from '../layout/rubric-sheet';
import type { Rubric } from '../rubric';
import type { CellInput } from '../scoring/inputs';
import type { ExcelContext, RangeApi, WorksheetApi } from './api';
import { queueNewSheetsRead, writeNewSheets, type NewSheetsOptions } from './new-sheets';
import { cellInput, nameTarget } from './read-sheet';

/** The sheet sets already there, after one load of the sheet names. */
export async function findRubricSheets(context: ExcelContext, sync: () => Promise<unknown>): Promise<RubricSheetNames[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await sync();
  return rubricSheetSets(sheets.items.map((s) => s.name));
}

/**
 * Adds and fills the three sheets after one read of the sheet names, the
 * first one shown, as one piece (new-sheets.ts): if a request fails, the
 * sheets added are removed again. `options` is asked after that read.
 */
export async function writeRubricSheets(
  context: ExcelContext,
  rubric: Rubric,
  sync: () => Promise<unknown>,
  options: () => NewSheetsOptions,
): Promise<RubricSheetNames> {
  const read = queueNewSheetsRead(context);
  await sync();
  const names = chooseRubricSheetNames(read.sheetNames());
  await writeNewSheets(context, read, rubricWorkbook(rubric, names).sheets, sync, options());
  return names;
}

interface LoadedSheet {
  sheet: WorksheetApi;
  used: RangeApi;
}

/** Each sheet's cells from its used range: values, formulas and types, as the check reads its sheet. */
function cellsOf(loaded: Map<string, LoadedSheet>): WorkbookCells {
  return {
    sheet(name) {
      const found = loaded.get(name);
      if (!found || found.sheet.isNullObject) return undefined;
      if (found.used.isNullObject) return { cell: () => ({ kind: 'empty' }), rows: 0 };
      const { address, values, formulas, valueTypes } = found.used;
      const origin = parseA1((nameTarget(address)?.ref ?? address).split(':')[0]);
      const cell = (row: number, col: number): CellInput => {
        const r = row - origin.row;
        const c = col - origin.col;
        if (r < 0 || c < 0 || r >= values.length || c >= (values[r]?.length ?? 0)) return { kind: 'empty' };
        return cellInput(values[r][c], formulas[r][c], valueTypes[r][c]);
      };
      return { cell, rows: origin.row + values.length - 1 };
    },
  };
}

/** The rubric the sheets hold, read in one sync. */
export async function readRubricSheets(context: ExcelContext, names: RubricSheetNames, sync: () => Promise<unknown>): Promise<RubricWorkbookReading> {
  const loaded = new Map<string, LoadedSheet>();
  for (const name of Object.values(names)) {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load('name');
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('address,values,formulas,valueTypes');
    loaded.set(name, { sheet, used });
  }
  await sync();
  return readRubricWorkbook(cellsOf(loaded), names);
}
