import ExcelJS from 'exceljs';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeWithTool } from './support/external';
import { recalcWithLibreOffice } from './support/libreoffice';

describeWithTool('soffice', 'recalcWithLibreOffice', () => {
  let tmp: string;

  beforeAll(async () => {
    tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'lo-recalc-test-'));
  });

  afterAll(async () => {
    if (tmp) await fsp.rm(tmp, { recursive: true, force: true });
  });

  test('computes missing results and replaces stale cached results', async () => {
    const inDir = path.join(tmp, 'in');
    const outDir = path.join(tmp, 'out');
    await fsp.mkdir(inDir);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.getCell('A1').value = 2;
    ws.getCell('A2').value = 3;
    ws.getCell('A3').value = { formula: 'A1*A2' };
    ws.getCell('A4').value = { formula: 'A1+A2', result: 999 };
    const input = path.join(inDir, 'tiny.xlsx');
    await wb.xlsx.writeFile(input);
    const before = await fsp.readFile(input);

    const [output] = await recalcWithLibreOffice([input], outDir);
    expect(output).toBe(path.join(outDir, 'tiny.xlsx'));

    const after = await fsp.readFile(input);
    expect(after.equals(before)).toBe(true);

    const re = new ExcelJS.Workbook();
    await re.xlsx.readFile(output);
    const sheet = re.getWorksheet('Sheet1');
    expect(sheet).toBeDefined();
    expect(sheet!.getCell('A3').formula).toBe('A1*A2');
    expect(sheet!.getCell('A3').result).toBe(6);
    expect(sheet!.getCell('A4').formula).toBe('A1+A2');
    expect(sheet!.getCell('A4').result).toBe(5);
  }, 200_000);

  test('refuses inputs that live in the output directory', async () => {
    const file = path.join(tmp, 'same-dir.xlsx');
    await expect(recalcWithLibreOffice([file], tmp)).rejects.toThrow(/nằm trong thư mục đích/);
  });
});
