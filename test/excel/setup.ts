import ExcelJS from 'exceljs';
import { createExcelOperations } from '../../src/excel';
import type { ExcelOperations } from '../../src/app/operations';
import { FakeExcelHost, type FakeExcelHostOptions } from '../fakes/excel-host';

export const CREATED_AT = '2024-03-01T08:00:00.000Z';
export const GENERATOR = 'chamdiem kiểm thử';
export const UNIT = 'Hội LHPN huyện Hà Quảng';

/** A fake Excel with the adapter wired to it, clock and version fixed. */
export function fakeExcel(options: FakeExcelHostOptions = {}): { host: FakeExcelHost; ops: ExcelOperations } {
  const host = new FakeExcelHost(options);
  const ops = createExcelOperations(host.run, {
    isSetSupported: (version) => host.supports('ExcelApi', version),
    now: () => CREATED_AT,
    generatorVersion: GENERATOR,
    retryDelayMs: 0,
  });
  return { host, ops };
}

export async function loadXlsx(buffer: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}
