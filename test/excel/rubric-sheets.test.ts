/**
 * The rubric workbook's sheets written into the open workbook through the
 * Office.js adapter: the same sheets as the file writer, never over an
 * existing sheet, read back live to the same rubric, and edits named by cell.
 */
import rubric2024 from '../../src/rubric/data/2024.json';
import { fingerprintOf, type Rubric } from '../../src/rubric';
import { readRubricWorkbookFile, rubricWorkbookFile } from '../../src/app/rubric-import';
import { packageReader } from '../../src/package/package-reader';
import { workbookWriter } from '../../src/xlsx/workbook-writer';
import { exportFakeToXlsx } from '../fakes/excel-host/export-xlsx';
import { communeRubric } from '../support/commune-rubric';
import { fakeExcel, loadXlsx } from './setup';

const r2024 = rubric2024 as unknown as Rubric;

describe('the rubric sheets in the open workbook', () => {
  test('written in two syncs, shown, and read back in one to the same rubric and fingerprint', async () => {
    const { host, ops } = fakeExcel();
    const before = host.syncCount;
    const written = await ops.writeRubric(r2024);
    expect(written.sheets).toEqual({ rows: 'Bộ tiêu chí', info: 'Thông tin bộ tiêu chí', corrections: 'Sửa lỗi văn bản' });
    expect(host.syncCount - before).toBe(2);
    expect(host.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Bộ tiêu chí', 'Thông tin bộ tiêu chí', 'Sửa lỗi văn bản']);
    expect(host.sheets.find((s) => s.id === host.activeSheetId)?.name).toBe('Bộ tiêu chí');
    const read = host.syncCount;
    const reading = await ops.readRubric(written.sheets);
    expect(host.syncCount - read).toBe(1);
    expect(reading.errors).toEqual([]);
    expect(reading.rubric).toEqual(r2024);
    expect(await ops.rubricSheets()).toEqual([written.sheets]);
  });

  test('the sheets Excel holds are those the file writer writes: exported, read by the file reader, the same fingerprint', async () => {
    const rubric = communeRubric();
    const { host, ops } = fakeExcel();
    await ops.writeRubric(rubric);
    const exported = await exportFakeToXlsx(host);
    const outcome = await readRubricWorkbookFile(packageReader, new Uint8Array(exported));
    expect('read' in outcome && outcome.read.fingerprint).toBe(fingerprintOf(rubric));
    // Cell for cell, the rows sheet matches the file writer's.
    const [fromHost, fromFile] = [await loadXlsx(exported), await loadXlsx(await rubricWorkbookFile(workbookWriter, rubric))];
    const texts = (wb: Awaited<ReturnType<typeof loadXlsx>>) => {
      const out: string[] = [];
      wb.getWorksheet('Bộ tiêu chí')!.eachRow((row, r) => row.eachCell((cell, c) => out.push(`${r},${c}:${JSON.stringify(cell.value)}`)));
      return out;
    };
    expect(texts(fromHost)).toEqual(texts(fromFile));
    expect(fromHost.getWorksheet('Bộ tiêu chí')!.getCell('A4').dataValidation).toMatchObject({ type: 'list' });
  });

  test('a second set goes beside the first with " (2)"; an edit is named by its cell', async () => {
    const { host, ops } = fakeExcel();
    await ops.writeRubric(r2024);
    const second = await ops.writeRubric(r2024);
    expect(second.sheets).toEqual({ rows: 'Bộ tiêu chí (2)', info: 'Thông tin bộ tiêu chí (2)', corrections: 'Sửa lỗi văn bản (2)' });
    expect((await ops.rubricSheets())[0]).toEqual(second.sheets);
    host.type('Bộ tiêu chí (2)', 'F7', 'ba');
    const reading = await ops.readRubric(second.sheets);
    expect(reading.rubric).toBeNull();
    expect(reading.errors).toEqual([{ sheet: 'Bộ tiêu chí (2)', address: 'F7', message: 'phải là một số (đang là "ba")' }]);
    await ops.selectIn('Bộ tiêu chí (2)', 'F7');
    expect(host.selection?.range).toEqual({ top: 7, left: 6, bottom: 7, right: 6 });
  });

  test('refused while a cell is edited, then written: no sheet of the refused write left, no set " (2)"', async () => {
    const { host, ops } = fakeExcel();
    // The first attempt's write and its five clean-ups, then the retry's read.
    host.failSyncs(7, { after: 1 });
    await expect(ops.writeRubric(r2024)).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(host.syncLog.map((s) => s.failed !== undefined)).toEqual([false, ...Array(7).fill(true)]);
    expect(host.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    const before = host.syncCount;
    const written = await ops.writeRubric(r2024);
    expect(host.syncCount - before).toBe(2);
    expect(written.sheets.rows).toBe('Bộ tiêu chí');
    expect(host.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Bộ tiêu chí', 'Thông tin bộ tiêu chí', 'Sửa lỗi văn bản']);
    expect([...host.names.keys()].filter((n) => n.startsWith('CHAMDIEM_DANGGHI'))).toEqual([]);
  });

  test('the rubric sheets take the place of a merge a refusal cut short, which they remove', async () => {
    const { host, ops } = fakeExcel();
    // What a merge cut short leaves: a sheet still carrying its mark.
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.add('Tổng hợp');
      context.workbook.names.add('ChamDiem_DangGhi_1', sheet.getRange('A1'));
      await context.sync();
    });
    await ops.writeRubric(r2024);
    expect(host.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Bộ tiêu chí', 'Thông tin bộ tiêu chí', 'Sửa lỗi văn bản']);
    expect([...host.names.keys()].filter((n) => n.startsWith('CHAMDIEM_DANGGHI'))).toEqual([]);
  });

  test('every change to the sheets calls back until unsubscribed', async () => {
    const { host, ops } = fakeExcel();
    const { sheets } = await ops.writeRubric(r2024);
    let calls = 0;
    const off = await ops.onSheetsChanged(Object.values(sheets), () => calls++);
    // Excel calls handlers after the batch that caused the change.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    host.type('Bộ tiêu chí', 'E5', 'Nội dung mới');
    host.type('Thông tin bộ tiêu chí', 'B2', 'hlhpn-caobang-xa');
    await settle();
    expect(calls).toBe(2);
    await off();
    host.type('Bộ tiêu chí', 'E5', 'Lần nữa');
    await settle();
    expect(calls).toBe(2);
  });
});
