import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { allCriteria, builtinRubric } from '../../src/rubric';
import { names } from '../../src/rubric/names';
import { runCli as run } from '../support/cli';
import { META_SHEET_NAME } from '../../src/layout/plan';
import { FILE_TEXT } from '../../src/text/messages';
import { editWorkbook, fillByName, generated, removeNames, type FillValue } from '../support/workbooks';

const { rubric } = builtinRubric();

/** Every criterion scored, with evidence: a workbook the check finds clean. */
function completeEntries(): Record<string, FillValue> {
  const e: Record<string, FillValue> = {};
  for (const c of allCriteria(rubric)) {
    const rule = c.rule;
    if (rule.kind === 'manual') Object.assign(e, { [names.score(c.id)]: c.points - 1, [names.evidence(c.id)]: `BC ${c.id}` });
    if (rule.kind === 'target') {
      Object.assign(e, { [names.target(c.id)]: 4, [names.achieved(c.id)]: 3, [names.evidence(c.id)]: `DS ${c.id}` });
    }
    if (rule.kind === 'tiers') {
      for (const i of rule.inputs) e[names.input(c.id, i.key)] = 1;
      e[names.evidence(c.id)] = `Sổ theo dõi ${c.id}`;
    }
    if (rule.kind === 'sum') {
      for (const s of c.subItems ?? []) Object.assign(e, { [names.score(s.id)]: 1.5, [names.evidence(s.id)]: `BC ${s.id}` });
    }
  }
  return e;
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chamdiem-check-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function save(name: string, buffer: Buffer | Promise<Buffer>): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await buffer);
  return file;
}

async function checkJson(file: string) {
  const r = await run('check', file, '--json');
  return { code: r.code, report: JSON.parse(r.out) };
}

const codes = (report: { problems: { code: string; name?: string }[] }) => report.problems.map((p) => p.code);

describe('chamdiem check', () => {
  test('a complete, untouched workbook is clean: exit 0 and the computed score', async () => {
    const file = await save('clean.xlsx', fillByName(await generated({ unitName: 'Hội LHPN huyện Hòa An' }), completeEntries()));
    const r = await run('check', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Đơn vị: Hội LHPN huyện Hòa An');
    expect(r.out).toContain('Đã chấm: 49/49 tiêu chí');
    expect(r.out).toContain('Không có vấn đề.');
    const { report } = await checkJson(file);
    // Manual criteria at max−1, targets at 3/4 of max, 14 = 1.5+1.5, 48 = min(7, 5), 49 = 2.
    const manual = allCriteria(rubric).filter((c) => c.rule.kind === 'manual');
    const targets = allCriteria(rubric).filter((c) => c.rule.kind === 'target');
    const expected =
      manual.reduce((s, c) => s + c.points - 1, 0) + targets.reduce((s, c) => s + Math.round(c.points * 75) / 100, 0) + 3 + 5 + 2;
    expect(report.score.total).toBeCloseTo(expected, 9);
    expect(report.status).toBe('clean');
  });

  test('--json gives totals to two decimals, never binary noise', async () => {
    // Summed as doubles, section I is 0.30000000000000004 and the total 2.0500000000000003.
    const entries = { TC_01: 0.1, TC_02: 0.2, TC_07: 1.15, TC_08: 0.3, Thuong_1: 0.1, Thuong_2: 0.2 };
    const raw = [0.1, 0.2, 1.15, 0.3].reduce((a, b) => a + b, 0) + 0.1 + 0.2;
    expect(String(raw).length).toBeGreaterThan(6);
    const file = await save('cents.xlsx', fillByName(await generated(), entries));
    const r = await run('check', file, '--json');
    const report = JSON.parse(r.out);
    expect(report.score.sections).toEqual({ I: 0.3, II: 1.45, III: 0, IV: 0 });
    expect(report.score.bonus).toBe(0.3);
    expect(report.score.total).toBe(2.05);
    expect(JSON.stringify(report.score)).not.toMatch(/\d\.\d{3,}/);
  });

  test('invalid entries and missing evidence are reported in Vietnamese with exit 1', async () => {
    const file = await save(
      'entries.xlsx',
      fillByName(await generated({ unitName: 'Hội LHPN huyện Bảo Lạc' }), { TC_03: 5, TC_01: 2, TC_15_ChiTieu: 0, TC_15_KetQua: 2, TC_07: 'bốn' }),
    );
    const r = await run('check', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain('[LỖI] INVALID_VALUE: Tiêu chí 3, Điểm tự chấm (TC_03): Điểm tự chấm phải từ 0 đến 3, tối đa 2 chữ số thập phân.');
    expect(r.out).toContain('[LỖI] INVALID_VALUE: Tiêu chí 15, Chỉ tiêu đăng ký (TC_15_ChiTieu): Chỉ tiêu đăng ký phải là số nguyên từ 1 trở lên.');
    expect(r.out).toContain('Tiêu chí 7, Điểm tự chấm (TC_07): Không phải là số.');
    expect(r.out).toContain('[CẢNH BÁO] MISSING_EVIDENCE: Tiêu chí 1: có điểm (2) nhưng chưa ghi minh chứng (MC_01).');
  });

  test('computed cells replaced by constants or other formulas are reported', async () => {
    const file = await save(
      'tampered.xlsx',
      fillByName(await generated({ unitName: 'X' }), { Tong_I: 20, TC_15: { formula: '3' }, TongDiem: { formula: 'Tong_I+Tong_II+Tong_III+Tong_IV+DiemThuong' } }),
    );
    const { code, report } = await checkJson(file);
    expect(code).toBe(1);
    const replaced = report.problems.filter((p: { code: string }) => p.code === 'FORMULA_REPLACED');
    expect(replaced.map((p: { name: string }) => p.name)).toEqual(['Tong_I', 'TC_15', 'TongDiem']);
    expect(replaced[0].message).toBe('Ô tính tự động Tong_I đã bị thay bằng giá trị cố định 20.');
  });

  test('an edited maximum ("Điểm chuẩn") is reported', async () => {
    const file = await save('max.xlsx', fillByName(await generated({ unitName: 'X' }), { DC_03: 5 }));
    const { report } = await checkJson(file);
    expect(report.problems.find((p: { code: string }) => p.code === 'MAX_POINTS_EDITED')?.message).toBe(
      'Điểm chuẩn DC_03 phải là 3, trong tệp là giá trị cố định 5.',
    );
  });

  test('a deleted row shows as missing names; a deleted evidence column as one problem', async () => {
    const row = await checkJson(await save('row.xlsx', removeNames(await generated({ unitName: 'X' }), (n) => /^(TC|MC|GC|DC)_05$/.test(n))));
    expect(row.report.problems.filter((p: { code: string }) => p.code === 'NAME_MISSING').map((p: { name: string }) => p.name).sort()).toEqual(
      ['DC_05', 'GC_05', 'MC_05', 'TC_05'],
    );
    const col = await checkJson(await save('col.xlsx', removeNames(await generated({ unitName: 'X' }), (n) => n.startsWith('MC_'))));
    expect(codes(col.report).filter((c: string) => c === 'COLUMN_MISSING')).toHaveLength(1);
    expect(codes(col.report)).not.toContain('NAME_MISSING');
    expect(col.report.problems[0].message).toMatch(/^Cột "Minh chứng" đã bị xoá/);
  });

  test('a workbook of another rubric version or with an edited fingerprint is reported', async () => {
    const editMeta = async (key: string, value: string) =>
      editWorkbook(await generated({ unitName: 'X' }), (wb) => {
        wb.getWorksheet(META_SHEET_NAME)!.eachRow((r) => {
          if (r.getCell(1).value === key) r.getCell(2).value = value;
        });
      });
    const version = await checkJson(await save('version.xlsx', editMeta('rubricVersion', '2023.1')));
    expect(version.report.problems[0]).toMatchObject({ code: 'RUBRIC_MISMATCH' });
    expect(version.report.problems[0].message).toContain('phiên bản 2023.1');
    const fp = await checkJson(await save('fingerprint.xlsx', editMeta('rubricFingerprint', 'ab'.repeat(32))));
    expect(fp.report.problems[0].message).toMatch(/Dấu vân tay bộ tiêu chí.*bộ tiêu chí đã bị sửa/);
  });

  test('a formula typed into an evidence cell is reported and read as text', async () => {
    const file = await save('inject.xlsx', fillByName(await generated({ unitName: 'X' }), { MC_02: { formula: 'HYPERLINK("http://x","y")' } }));
    const { report } = await checkJson(file);
    expect(report.problems[0]).toMatchObject({ code: 'FORMULA_IN_INPUT', name: 'MC_02' });
  });

  test.each([
    ['empty.xlsx', Buffer.alloc(0), 'Tệp rỗng (0 byte)'],
    ['random.xlsx', Buffer.from('không phải tệp excel, chỉ là chữ'), 'Không phải tệp .xlsx'],
    ['old.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]), 'Tệp Excel cũ (.xls)'],
  ])('%s is unreadable: exit 2 with a clear message', async (name, bytes, message) => {
    const r = await run('check', await save(name, bytes));
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  test('a truncated workbook and a foreign workbook are refused with exit 2', async () => {
    const whole = await generated({ unitName: 'X' });
    const truncated = await run('check', await save('truncated.xlsx', whole.subarray(0, whole.length >> 1)));
    expect(truncated.code).toBe(2);
    expect(truncated.err).toContain('Tệp .xlsx bị hỏng, không đọc được');
    const foreign = new ExcelJS.Workbook();
    foreign.addWorksheet('Sheet1').getCell('A1').value = 'Bảng lương';
    const notOurs = await checkJson(await save('foreign.xlsx', Buffer.from(await foreign.xlsx.writeBuffer())));
    expect(notOurs.code).toBe(2);
    expect(notOurs.report).toEqual({
      file: expect.stringContaining('foreign.xlsx'),
      status: 'unreadable',
      error: { code: 'METADATA_MISSING', message: FILE_TEXT.notOurs },
    });
  });

  test('a missing file and a bad option are explained, exit 2', async () => {
    const missing = await run('check', path.join(dir, 'khong-co.xlsx'));
    expect([missing.code, missing.err]).toEqual([2, expect.stringContaining('Không tìm thấy tệp.')]);
    const bad = await run('check', '--bogus');
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('Không có tuỳ chọn --bogus.')]);
  });

  test('the installed command runs as a real process', () => {
    const bin = path.join(__dirname, '..', '..', 'bin', 'chamdiem.js');
    const file = path.join(dir, 'bin.xlsx');
    const gen = spawnSync(process.execPath, [bin, 'generate', '--unit', 'Hội LHPN thành phố Cao Bằng', '--out', file], { encoding: 'utf8' });
    expect([gen.status, gen.stdout.trim()]).toEqual([0, `Đã tạo ${file} cho Hội LHPN thành phố Cao Bằng.`]);
    const check = spawnSync(process.execPath, [bin, 'check', file], { encoding: 'utf8' });
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('Đã chấm: 0/49 tiêu chí');
  });
});
