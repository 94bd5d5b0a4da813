/**
 * Every part of every workbook chamdiem writes validates against the OOXML
 * schemas (ISO/IEC 29500-4 transitional): the standard workbook, filled
 * and password-protected, and upgraded; the merge workbook with the text
 * a careless writer would break; and what the Office.js writer leaves in
 * the fake Excel host, as the host exports it.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as fs from 'fs';
import { generateFile } from '../../src/app/generate';
import { packageReader } from '../../src/package/package-reader';
import { builtinRubric } from '../../src/rubric';
import { names } from '../../src/rubric/names';
import { writeWorkbook } from '../../src/xlsx/write';
import { workbookWriter } from '../../src/xlsx/workbook-writer';
import { buildSheetPlan } from '../../src/layout/plan';
import { writeMergeWorkbook } from '../../src/xlsx/write';
import { exportFakeToXlsx } from '../fakes/excel-host/export-xlsx';
import { fakeExcel } from '../excel/setup';
import { describeWithTool } from '../support/external';
import { SCHEMA_DIR, validatePackage } from '../support/ooxml-schema';
import { fillByName } from '../support/workbooks';
import { planWithRawText, syntheticReadings } from './merge-plans';
import { consolidate } from '../../src/merge/consolidate';

const loaded = builtinRubric();
const files = { reader: packageReader, writer: workbookWriter };

function expectValid(bytes: Uint8Array): void {
  const reports = validatePackage(bytes);
  expect(reports.filter((r) => r.errors !== '')).toEqual([]);
  // Workbook, styles, strings, every sheet, content types, relationships, app properties.
  expect(reports.length).toBeGreaterThanOrEqual(8);
}

describeWithTool('xmllint', 'the OOXML schemas', () => {
  beforeAll(() => {
    if (!fs.existsSync(SCHEMA_DIR)) throw new Error(`the schemas are missing: ${SCHEMA_DIR}`);
  });

  test('a worksheet with its elements out of order, or an unknown attribute, is refused', () => {
    const parts = unzipSync(writeWorkbook(buildSheetPlan(loaded)));
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']);
    const cols = /<cols>.*?<\/cols>/.exec(sheet)![0];
    parts['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace(cols, '').replace('</sheetData>', `</sheetData>${cols}`));
    parts['xl/workbook.xml'] = strToU8(strFromU8(parts['xl/workbook.xml']).replace('<calcPr ', '<calcPr recalc="always" '));
    const refused = validatePackage(zipSync(parts)).filter((r) => r.errors !== '');
    expect(refused.map((r) => r.part)).toEqual(['xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expect(refused[1].errors).toMatch(/cols/);
  });

  test('the standard workbook, filled, password-protected, validates part by part', () => {
    const plan = buildSheetPlan(loaded, { unitName: 'Hội LHPN huyện Hà Quảng & <Bảo Lạc>', password: 'mật khẩu', createdAt: '2026-01-15T08:00:00.000Z' });
    const entries = new Map<string, string | number>([
      [names.score('1'), 2.5],
      [names.evidence('1'), '=HYPERLINK("http://x") _x0041_ \r\n  cách  '],
      [names.target('15'), 'mười'],
    ]);
    expectValid(writeWorkbook(plan, entries));
  });

  test('an upgraded workbook, its entries kept, validates', async () => {
    const first = await generateFile(files, loaded, null, { unitName: 'Hội LHPN huyện Bảo Lâm', createdAt: '2026-01-15T08:00:00.000Z' });
    const filled = await fillByName(Buffer.from(first.bytes), { [names.score('2')]: 4, [names.evidence('2')]: 'Kế hoạch 3/KH' });
    const upgraded = await generateFile(files, loaded, filled, { preparer: 'Nguyễn Thị A', date: { year: 2025, month: 2, day: 5 } });
    expect(upgraded.mode).toBe('upgraded');
    expectValid(upgraded.bytes);
  });

  test('the merge workbook, with hostile text and 30 units, validates', () => {
    expectValid(writeMergeWorkbook(planWithRawText(30).plan));
  });

  test('the Office.js writer’s sheets, exported from the fake host, validate', async () => {
    const { host, ops } = fakeExcel();
    await ops.generate({ loaded, unitName: 'Hội LHPN huyện Hà Quảng' });
    await ops.writeMerge({ loaded, result: consolidate(syntheticReadings(12), loaded), mergedAt: '08:30 ngày 02/03/2026' });
    expectValid(await exportFakeToXlsx(host));
  });
});
