import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import rubric2024 from '../../src/rubric/data/2024.json';
import { runCli as run } from '../support/cli';
import { readRubricWorkbookFile, rubricWorkbookFile } from '../../src/app/rubric-import';
import { packageReader } from '../../src/package/package-reader';
import { workbookWriter } from '../../src/xlsx/workbook-writer';
import { builtinRubric, fingerprintOf, type Rubric } from '../../src/rubric';
import { parseA1 } from '../../src/layout/a1';
import { communeRubric } from '../support/commune-rubric';
import { describeWithTool } from '../support/external';
import { recalcWithGnumeric } from '../support/gnumeric';
import { recalcWithLibreOffice } from '../support/libreoffice';
import { validatePackage } from '../support/ooxml-schema';
import { editWorkbook } from '../support/workbooks';

const r2024 = rubric2024 as unknown as Rubric;
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chamdiem-rubric-sheet-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The row of the rubric sheet whose Loại and Mã are these. */
function rowOf(ws: ExcelJS.Worksheet, kind: string, id: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (!found && row.getCell(1).text === kind && row.getCell(3).text === id) found = row;
  });
  if (!found) throw new Error(`no row ${kind} ${id}`);
  return found;
}

describe('the rubric workbook', () => {
  test.each([
    ['2024', r2024],
    ['commune', communeRubric()],
  ])('%s: written and read back unchanged, the same rubric and fingerprint', async (_n, rubric) => {
    const bytes = await rubricWorkbookFile(workbookWriter, rubric);
    const outcome = await readRubricWorkbookFile(packageReader, bytes);
    expect('read' in outcome && outcome.read.errors).toEqual([]);
    expect('read' in outcome && outcome.read.rubric).toEqual(rubric);
    expect('read' in outcome && outcome.read.fingerprint).toBe(fingerprintOf(rubric));
  });

  test('one row per item with drop-downs for the kind and the rule, and the live sums', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await rubricWorkbookFile(workbookWriter, r2024)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Bộ tiêu chí', 'Thông tin bộ tiêu chí', 'Sửa lỗi văn bản']);
    const ws = wb.getWorksheet('Bộ tiêu chí')!;
    expect((ws.getRow(3).values as string[]).slice(1)).toEqual([
      'Loại', 'Thuộc', 'Mã', 'Số in', 'Nội dung', 'Điểm chuẩn', 'Cách tính điểm', 'Yêu cầu minh chứng', 'Cách chấm', 'Các mức (từ: điểm)', 'Ghi chú cách chấm', 'Tổng dòng con', 'Kiểm tra',
    ]);
    const c48 = rowOf(ws, 'Tiêu chí', '48');
    expect([c48.getCell(2).text, c48.getCell(6).value, c48.getCell(9).text]).toEqual(['IV', 7, 'Theo mức']);
    const cham = ws.getRow(c48.number + 1);
    expect([cham.getCell(1).text, cham.getCell(2).text, cham.getCell(3).text, cham.getCell(10).text]).toEqual(['Ô đếm', '48', 'Cham', '0: 7; 2: 5; 3: 3; 5: 1; 6: 0']);
    const kind = ws.getCell(`A${c48.number}`).dataValidation;
    expect(kind).toMatchObject({ type: 'list', formulae: ['"Mục,Nhóm,Thông tin,Tiêu chí,Mục con,Ô đếm,Điểm thưởng,Nội dung thưởng,Điểm trừ,Nội dung trừ"'] });
    expect(ws.getCell(`I${c48.number}`).dataValidation).toMatchObject({ type: 'list', formulae: ['"Chấm trực tiếp,Theo chỉ tiêu,Theo mức,Cộng mục con"'] });
    const section = rowOf(ws, 'Mục', 'III');
    expect(section.getCell(12).value).toMatchObject({ formula: `IF(OR($A${section.number}="Mục",$A${section.number}="Nhóm",$I${section.number}="Cộng mục con"),SUMIFS($F:$F,$B:$B,$C${section.number}),"")` });
  });

  test('chamdiem rubric sheet, then rubric read of the unchanged file: the built-in rubric again, exit 0', async () => {
    const xlsx = path.join(dir, 'tieu-chi.xlsx');
    const sheet = await run('rubric', 'sheet', path.join(__dirname, '../../src/rubric/data/2024.json'), '--out', xlsx);
    expect(sheet.code).toBe(0);
    expect(sheet.out).toContain(`Đã ghi ${xlsx}.`);
    const json = path.join(dir, 'doc-lai.json');
    const read = await run('rubric', 'read', xlsx, '--out', json);
    expect(read).toMatchObject({ code: 0, err: '' });
    expect(read.out).toContain(`Mã băm (SHA-256): ${builtinRubric().fingerprint}`);
    expect(read.out).toContain('Không có gì cần xem lại.');
    expect(JSON.parse(fs.readFileSync(json, 'utf8'))).toEqual(r2024);
  });

  test('edits that break the rubric are named by their cell; nothing is written', async () => {
    const xlsx = path.join(dir, 'sai.xlsx');
    fs.writeFileSync(xlsx, await rubricWorkbookFile(workbookWriter, r2024));
    let rows: Record<string, number> = {};
    fs.writeFileSync(
      xlsx,
      await editWorkbook(fs.readFileSync(xlsx), (wb) => {
        const ws = wb.getWorksheet('Bộ tiêu chí')!;
        rows = { c3: rowOf(ws, 'Tiêu chí', '3').number, c15: rowOf(ws, 'Tiêu chí', '15').number, cham: rowOf(ws, 'Ô đếm', 'Cham').number };
        ws.getCell(`F${rows.c3}`).value = 'ba';
        ws.getCell(`I${rows.c15}`).value = 'Theo ý';
        ws.getCell(`J${rows.cham}`).value = '0 - 7';
        wb.getWorksheet('Thông tin bộ tiêu chí')!.getCell('B4').value = 'năm nay';
      }),
    );
    const r = await run('rubric', 'read', xlsx, '--out', path.join(dir, 'ra.json'));
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toEqual([
      `${xlsx}: bảng tiêu chí chưa dùng được (4 lỗi), chưa ghi tệp:`,
      `  - Bộ tiêu chí!F${rows.c3}: phải là một số (đang là "ba")`,
      `  - Bộ tiêu chí!I${rows.c15}: cách chấm "Theo ý" không có; chọn một trong: Chấm trực tiếp, Theo chỉ tiêu, Theo mức, Cộng mục con`,
      `  - Bộ tiêu chí!J${rows.cham}: các mức viết dạng "0: 7; 2: 5; 3: 3" (từ số đếm nào: được bao nhiêu điểm)`,
      '  - Thông tin bộ tiêu chí!B4: phải là một số (đang là "năm nay")',
    ]);
    expect(fs.existsSync(path.join(dir, 'ra.json'))).toBe(false);
  });

  test('a sum that no longer adds up: written, exit 1, the section’s points cell named; a row added is read', async () => {
    const xlsx = path.join(dir, 'lech.xlsx');
    fs.writeFileSync(xlsx, await rubricWorkbookFile(workbookWriter, r2024));
    fs.writeFileSync(
      xlsx,
      await editWorkbook(fs.readFileSync(xlsx), (wb) => {
        const ws = wb.getWorksheet('Bộ tiêu chí')!;
        ws.getCell(`F${rowOf(ws, 'Tiêu chí', '1').number}`).value = 2.5;
        // A bonus item typed into the first spare row.
        let last = 0;
        ws.eachRow((row) => (last = row.getCell(1).text ? row.number : last));
        Object.entries({ A: 'Nội dung trừ', B: 'VI', C: '5', E: 'Không tham gia hội nghị sơ kết' }).forEach(([c, v]) => (ws.getCell(`${c}${last + 1}`).value = v));
      }),
    );
    const json = path.join(dir, 'lech.json');
    const r = await run('rubric', 'read', xlsx, '--out', json);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Cần xem lại (1):\n  - Bộ tiêu chí!F4: Mục I: điểm chuẩn 20 nhưng tổng các mục con là 19,5');
    const written = JSON.parse(fs.readFileSync(json, 'utf8')) as Rubric;
    expect(written.deduction.items.at(-1)).toEqual({ id: '5', text: 'Không tham gia hội nghị sơ kết' });
  });

  test('a workbook that is not a rubric workbook', async () => {
    const xlsx = path.join(dir, 'bang.xlsx');
    expect((await run('generate', '--out', xlsx)).code).toBe(0);
    const r = await run('rubric', 'read', xlsx, '--out', path.join(dir, 'x.json'));
    expect(r).toMatchObject({ code: 2, err: `${xlsx}: Tệp không có trang "Bộ tiêu chí" với các cột của bảng tiêu chí: không phải bảng tiêu chí do chamdiem tạo.` });
  });
});

/** The rubric workbook with criterion 1 at 2,5 points, recalculated by `recalc`: each row's sum and status. */
async function recalculated(recalc: (files: string[], outDir: string) => Promise<string[]>) {
  const xlsx = path.join(dir, 'tinh.xlsx');
  let rows: Record<string, number> = {};
  const edited = await editWorkbook(Buffer.from(await rubricWorkbookFile(workbookWriter, r2024)), (wb) => {
    const ws = wb.getWorksheet('Bộ tiêu chí')!;
    rows = { c1: rowOf(ws, 'Tiêu chí', '1').number, s1: rowOf(ws, 'Mục', 'I').number, s3: rowOf(ws, 'Mục', 'III').number, g11: rowOf(ws, 'Nhóm', '1.1').number, c14: rowOf(ws, 'Tiêu chí', '14').number, c15: rowOf(ws, 'Tiêu chí', '15').number };
    ws.getCell(`F${rows.c1}`).value = 2.5;
  });
  fs.writeFileSync(xlsx, edited);
  fs.mkdirSync(path.join(dir, 'out'));
  const [out] = await recalc([xlsx], path.join(dir, 'out'));
  // Read as chamdiem reads a file: Gnumeric keeps a formula's text result in the shared strings.
  const sheet = (await packageReader.readCells(fs.readFileSync(out))).sheet('Bộ tiêu chí')!;
  const result = (ref: string) => {
    const { row, col } = parseA1(ref);
    const cell = sheet.cell(row, col);
    return cell.kind === 'formula' ? cell.result : undefined;
  };
  return {
    s1: [result(`L${rows.s1}`), result(`M${rows.s1}`)],
    s3: [result(`L${rows.s3}`), result(`M${rows.s3}`)],
    g11: [result(`L${rows.g11}`), result(`M${rows.g11}`)],
    c14: [result(`L${rows.c14}`), result(`M${rows.c14}`)],
    // A blank result, as a criterion without sub-items has no sum.
    c15: result(`L${rows.c15}`) ?? '',
    total: result('F2'),
  };
}

const LIVE_SUMS = { s1: [19.5, 'Lệch'], s3: [130, 'Khớp'], g11: [10, 'Khớp'], c14: [4, 'Khớp'], c15: '', total: 180 };

describeWithTool('soffice', 'the rubric workbook recalculated in LibreOffice', () => {
  test('each section’s and group’s live sum, Khớp where it adds up and Lệch where an edit broke it', async () => {
    expect(await recalculated(recalcWithLibreOffice)).toEqual(LIVE_SUMS);
  });
});

describeWithTool('ssconvert', 'the rubric workbook recalculated in Gnumeric', () => {
  test('the same live sums as LibreOffice', async () => {
    expect(await recalculated(recalcWithGnumeric)).toEqual(LIVE_SUMS);
  });
});

describeWithTool('xmllint', 'the rubric workbook against the OOXML schemas', () => {
  test('every part validates: worksheets with their drop-downs, styles, strings, workbook, relationships, content types', async () => {
    const reports = validatePackage(await rubricWorkbookFile(workbookWriter, r2024));
    expect(reports.filter((r) => r.errors !== '')).toEqual([]);
    expect(reports.map((r) => r.part)).toEqual([
      '_rels/.rels', '[Content_Types].xml', 'docProps/app.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml',
      'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml',
    ]);
  });
});
