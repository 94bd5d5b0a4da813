/** Reading the consolidated workbook as a person would: by what its cells show. */
import type ExcelJS from 'exceljs';
import { a1 } from '../../src/layout/a1';

/** A number shown by a (recalculated) cell. */
export function shown(ws: ExcelJS.Worksheet, row: number, col: number): number {
  const cell = ws.getCell(row, col);
  const v = cell.formula !== undefined ? cell.result : cell.value;
  if (typeof v !== 'number') throw new Error(`${ws.name}!${a1(row, col)} shows ${JSON.stringify(cell.value)}`);
  return v;
}

/** Finds things on "Tổng hợp" by what it shows, as a reader would. */
export function summaryLayout(ws: ExcelJS.Worksheet) {
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (!headerRow && row.getCell(4).text === 'Tự chấm') headerRow = n;
  });
  const unitCol = new Map<string, number>();
  for (let col = 4; ws.getCell(headerRow, col).text === 'Tự chấm'; col += 2) unitCol.set(ws.getCell(headerRow - 1, col).text, col);
  const rowsBySTT = new Map<string, number[]>();
  let totalRow = 0;
  let rankRow = 0;
  ws.eachRow((row, n) => {
    if (n <= headerRow) return;
    const stt = row.getCell(1).text;
    if (stt) rowsBySTT.set(stt, [...(rowsBySTT.get(stt) ?? []), n]);
    if (row.getCell(2).text === 'TỔNG ĐIỂM') totalRow = n;
    if (row.getCell(2).text.startsWith('XẾP HẠNG')) rankRow = n;
  });
  const rowOf = (stt: string, nth = 0) => (rowsBySTT.get(stt) ?? [])[nth];
  return { headerRow, unitCol, rowOf, totalRow, rankRow };
}
