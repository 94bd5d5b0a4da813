import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import rubric2024 from '../../src/rubric/data/2024.json';
import { runCli as run } from '../support/cli';
import { slug } from '../../src/cli/generate';
import { readWorkbook } from '../support/exceljs-read';
import { readReturnedWorkbook } from '../../src/package/reader';
import { editWorkbook, fillByName, namedCell } from '../support/workbooks';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chamdiem-gen-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const read = async (file: string) => readWorkbook(fs.readFileSync(file));

describe('chamdiem generate', () => {
  test('writes the standard workbook with the unit name on the sheet and in the metadata', async () => {
    const out = path.join(dir, 'hq.xlsx');
    const r = await run('generate', '--unit', 'Hội LHPN huyện Hà Quảng', '--out', out);
    expect(r).toEqual({ code: 0, out: `Đã tạo ${out} cho Hội LHPN huyện Hà Quảng.`, err: '' });
    const wb = await read(out);
    expect(wb.cell('TenDonVi')).toEqual({ kind: 'text', value: 'Hội LHPN huyện Hà Quảng' });
    expect(wb.meta).toMatchObject({ unitName: 'Hội LHPN huyện Hà Quảng', rubricVersion: '2024.1', generatorVersion: 'chamdiem 0.1.0' });
  });

  test('writes one workbook per line of a units file', async () => {
    const list = path.join(dir, 'don-vi.txt');
    fs.writeFileSync(list, '\uFEFF# Các huyện\nHội LHPN huyện Bảo Lâm\n\nHội LHPN huyện Bảo Lạc\nHội LHPN huyện Bảo Lạc\n');
    const outDir = path.join(dir, 'out');
    const r = await run('generate', '--units-file', list, '--out-dir', outDir);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(outDir).sort()).toEqual([
      'tu-cham-2024-hoi-lhpn-huyen-bao-lac-2.xlsx',
      'tu-cham-2024-hoi-lhpn-huyen-bao-lac.xlsx',
      'tu-cham-2024-hoi-lhpn-huyen-bao-lam.xlsx',
    ]);
    expect((await read(path.join(outDir, 'tu-cham-2024-hoi-lhpn-huyen-bao-lam.xlsx'))).meta.unitName).toBe('Hội LHPN huyện Bảo Lâm');
  });

  test('an upgrade that would cut text no cell holds is refused, the file untouched; evidence over 1,000 characters is kept', async () => {
    const out = path.join(dir, 'dai.xlsx');
    await run('generate', '--unit', 'Hội LHPN huyện Trùng Khánh', '--out', out);
    fs.writeFileSync(out, await fillByName(fs.readFileSync(out), { MC_01: 'x'.repeat(5000), TC_01: 2 }));
    expect((await run('generate', '--out', out)).code).toBe(0);
    expect((await read(out)).cell('MC_01')).toEqual({ kind: 'text', value: 'x'.repeat(5000) });

    fs.writeFileSync(out, await fillByName(fs.readFileSync(out), { MC_02: 'y'.repeat(40_000) }));
    const before = fs.readFileSync(out);
    const r = await run('generate', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `Lỗi: ${out}: Không cập nhật được: ô MC_02 dài 40.000 ký tự, quá sức chứa 32.767 ký tự của một ô Excel. ` +
        'Tệp được giữ nguyên; hãy rút gọn nội dung đó rồi cập nhật lại.',
    );
    expect(fs.readFileSync(out).equals(before)).toBe(true);
  });

  test('regenerating over a filled workbook keeps every entry', async () => {
    const out = path.join(dir, 'filled.xlsx');
    await run('generate', '--unit', 'Hội LHPN huyện Trùng Khánh', '--out', out);
    const entries = { TC_01: 2.5, MC_01: 'Báo cáo 15/BC', GC_01: 'ghi chú', TC_15_ChiTieu: 4, TC_15_KetQua: 3, TC_48_Cham: 2, Thuong_2: 1.5, MC_Thuong_2: '=1+1' };
    fs.writeFileSync(out, await fillByName(fs.readFileSync(out), entries));
    const r = await run('generate', '--out', out);
    // The entries, the unit name and the place–date line.
    expect(r.out).toBe(`Đã cập nhật ${out}: giữ ${Object.keys(entries).length + 2} ô đã nhập.`);
    const wb = await read(out);
    for (const [name, value] of Object.entries(entries)) {
      expect([name, wb.cell(name)]).toEqual([name, typeof value === 'number' ? { kind: 'number', value } : { kind: 'text', value }]);
    }
    expect(wb.cell('TenDonVi')).toEqual({ kind: 'text', value: 'Hội LHPN huyện Trùng Khánh' });
  });

  test('a score in a cell someone formatted as a date stays the number it is', async () => {
    const out = path.join(dir, 'date.xlsx');
    await run('generate', '--unit', 'Hội LHPN huyện Quảng Hòa', '--out', out);
    fs.writeFileSync(
      out,
      await editWorkbook(fs.readFileSync(out), (wb) => {
        const cell = namedCell(wb, 'TC_01');
        cell.value = 2;
        cell.numFmt = 'dd/mm/yyyy';
      }),
    );
    expect((await run('generate', '--out', out)).code).toBe(0);
    const again = await readReturnedWorkbook(fs.readFileSync(out));
    expect(again.cell('TC_01')).toEqual({ kind: 'number', value: 2 });
  });

  test('entries of criteria the new rubric lacks are listed and kept, never dropped', async () => {
    const out = path.join(dir, 'old.xlsx');
    await run('generate', '--unit', 'X', '--out', out);
    fs.writeFileSync(out, await fillByName(fs.readFileSync(out), { TC_02: 4, MC_02: 'Kế hoạch 3/KH' }));
    const next = JSON.parse(JSON.stringify(rubric2024));
    next.version = '2025.1';
    next.sections[0].children.splice(1, 1); // criterion 2 (5 points) is gone
    next.sections[0].points = 15;
    const rubricFile = path.join(dir, 'next.json');
    fs.writeFileSync(rubricFile, JSON.stringify(next));
    const r = await run('generate', '--out', out, '--rubric', rubricFile);
    expect(r.code).toBe(0);
    expect(r.out).toContain('TC_02 = "4" không còn trong bộ tiêu chí mới; đã lưu vào trang thông tin ẩn.');
    expect(r.out).toContain('MC_02 = "Kế hoạch 3/KH" không còn trong bộ tiêu chí mới');
    const wb = await read(out);
    expect(wb.meta).toMatchObject({ rubricVersion: '2025.1', 'orphan:TC_02': '4', 'orphan:MC_02': 'Kế hoạch 3/KH' });
  });

  test('refuses to overwrite a file that is not one of ours', async () => {
    const out = path.join(dir, 'luong.xlsx');
    fs.writeFileSync(out, 'bảng lương');
    const r = await run('generate', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('đã tồn tại và không phải bảng chấm điểm');
    expect(fs.readFileSync(out, 'utf8')).toBe('bảng lương');
  });

  test('a rubric file that breaks the schema is refused with every reason', async () => {
    const bad = JSON.parse(JSON.stringify(rubric2024));
    bad.sections[1].points = 25;
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify(bad));
    const r = await run('generate', '--rubric', file, '--out', path.join(dir, 'x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('Bộ tiêu chí không hợp lệ (1 lỗi)');
    expect(r.err).toContain('Mục II: điểm chuẩn 25 nhưng tổng các mục con là 20');
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });

  test('usage errors are explained', async () => {
    expect((await run('generate', '--units-file', 'a.txt')).err).toContain('--units-file cần --out-dir THƯ-MỤC.');
    expect((await run('frobnicate')).err).toContain('Không có lệnh "frobnicate".');
    expect((await run('generate', '--unit')).err).toContain('Tuỳ chọn --unit cần một giá trị.');
  });
});

test('file names fold Vietnamese to ASCII', () => {
  expect(slug('Hội LHPN Thành phố Cao Bằng')).toBe('hoi-lhpn-thanh-pho-cao-bang');
  expect(slug('Đồng Văn / Quảng Hòa')).toBe('dong-van-quang-hoa');
});
