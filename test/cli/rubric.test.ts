import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import rubric2024 from '../../src/rubric/data/2024.json';
import { runCli as run } from '../support/cli';
import { builtinRubric, type Rubric } from '../../src/rubric';
import { communeRubric, COMMUNE_LAYOUT } from '../support/commune-rubric';
import { docxOf, headingOf, print2024, rubricRows, rowOf } from '../support/rubric-docx';

const r2024 = rubric2024 as unknown as Rubric;
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chamdiem-rubric-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const file = (name: string, bytes: Uint8Array | string) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, bytes);
  return f;
};

/** The commune rubric without tier tables or unread wording: nothing to review. */
function cleanRubric(): Rubric {
  const r = communeRubric();
  for (const s of r.sections) {
    const walk = (nodes: Rubric['sections'][number]['children']) =>
      nodes.forEach((n) => {
        if (n.type === 'group') walk(n.children);
        if (n.type === 'criterion' && n.rule.kind !== 'sum' && n.rule.kind !== 'target') {
          n.method = 'Thực hiện đầy đủ theo hướng dẫn.';
          n.rule = { kind: 'manual' };
        }
      });
    walk(s.children);
  }
  return r;
}

describe('chamdiem rubric import', () => {
  test('the 2024 document: written, every slip and tier table printed for review, exit 1; the file is the built-in rubric', async () => {
    const docx = file('tieu-chi-2024.docx', await docxOf(headingOf(r2024), print2024(rubricRows(r2024))));
    const out = path.join(dir, 'tieu-chi-2024.json');
    const r = await run('rubric', 'import', docx, '--base', path.join(__dirname, '../../src/rubric/data/2024.json'));
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual(r2024);
    expect(r.out).toContain(`Đã ghi ${out}.`);
    expect(r.out).toContain(`Mã băm (SHA-256): ${builtinRubric().fingerprint}`);
    expect(r.out).toContain('Cần xem lại (11):');
    expect(r.out).toContain('  Sửa lỗi của văn bản (9):');
    expect(r.out).toContain('    - Tiêu chí 21: in "11", đã sửa thành "21". Số thứ tự in nhầm: tiêu chí nằm giữa 20 và 22.');
    expect(r.out).toContain('    - Mục Điểm trừ: in "V", đã sửa thành "VI". Mục Điểm trừ in số "V" lần thứ hai.');
    expect(r.out).toContain('        Số hồ sơ khen thưởng chậm tiến độ hoặc chưa đảm bảo chất lượng (ô TC_49_HoSo): 0 → 3; 1–9 → 2; 10–19 → 1; từ 20 → 0 điểm');

    const check = await run('rubric', 'check', out);
    expect(check.code).toBe(0);
    expect(check.out).toContain(`Mã băm (SHA-256): ${builtinRubric().fingerprint}`);
    expect(check.out).toContain('4 mục, 13 nhóm, 49 tiêu chí (2 mục con), 8 dòng thông tin; điểm thưởng 7 nội dung (tối đa 20), điểm trừ 4 nội dung (tối đa 20).');
    expect(check.out).toContain('  ✓ Mục III: điểm chuẩn 130');
  });

  test('nothing to review: exit 0', async () => {
    const r0 = cleanRubric();
    const docx = file('xa.docx', await docxOf(headingOf(r0), rubricRows(r0, COMMUNE_LAYOUT), COMMUNE_LAYOUT));
    const r = await run('rubric', 'import', docx, '--out', path.join(dir, 'xa.json'), '--id', 'hlhpn-caobang-xa');
    expect(r.out).toContain('Không có gì cần xem lại.');
    expect(r.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'xa.json'), 'utf8'))).toEqual(r0);
  });

  test('sums that do not add up: written as printed, exit 1, and rubric check refuses the file naming the section', async () => {
    const rows = rubricRows(r2024);
    rowOf(rows, 'criterion:3').cells[2].lines = ['1'];
    const docx = file('sai.docx', await docxOf(headingOf(r2024), rows));
    const out = path.join(dir, 'sai.json');
    const r = await run('rubric', 'import', docx, '--out', out);
    expect(r.code).toBe(1);
    expect(r.out).toContain('  Điểm không khớp (1):\n    - Mục I: điểm chuẩn 20 nhưng tổng các mục con là 18');
    const check = await run('rubric', 'check', out);
    expect(check).toEqual({ code: 2, out: '', err: `${out}: bộ tiêu chí không hợp lệ (1 lỗi):\n  - Mục I: điểm chuẩn 20 nhưng tổng các mục con là 18` });
    const generate = await run('generate', '--rubric', out, '--out', path.join(dir, 'x.xlsx'));
    expect(generate.code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });

  test.each([
    [
      'a legacy .doc',
      () => {
        const ole = new Uint8Array(2048);
        ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
        return ole;
      },
      'Đây là tệp Word cũ (.doc), chamdiem chỉ đọc được .docx. Hãy mở tệp bằng Word, chọn Tệp → Lưu thành → "Tài liệu Word (*.docx)", rồi nhập tệp .docx vừa lưu.',
    ],
    ['a document with no table', async () => docxOf(['CÔNG VĂN'], [], { header: [] }).then(stripTable), /^Tệp không có bảng nào\./],
    [
      'a table with the wrong columns',
      async () => docxOf(['DANH SÁCH'], [{ ref: 'x', cells: [{ lines: ['1'] }, { lines: ['Nguyễn Thị A'] }, { lines: ['Chủ tịch'] }] }], { header: ['STT', 'Họ và tên', 'Chức vụ'] }),
      /^Không thấy bảng tiêu chí: .*Dòng đầu của bảng có các cột: "STT" \| "Họ và tên" \| "Chức vụ" \(thiếu cột Tiêu chí đánh giá, Điểm chuẩn\)\.$/,
    ],
  ])('%s: exit 2 with the reason, nothing written', async (_name, make, message) => {
    const input = file('vao.doc', await make());
    const r = await run('rubric', 'import', input, '--out', path.join(dir, 'ra.json'));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const [where, ...rest] = r.err.split(': ');
    expect(where).toBe(input);
    if (typeof message === 'string') expect(rest.join(': ')).toBe(message);
    else expect(rest.join(': ')).toMatch(message);
    expect(fs.existsSync(path.join(dir, 'ra.json'))).toBe(false);
  });

  test('an existing output is kept unless --force; a missing input is named', async () => {
    const docx = file('a.docx', await docxOf(headingOf(r2024), rubricRows(r2024)));
    const out = file('a.json', '{}');
    const r = await run('rubric', 'import', docx);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Tệp ${out} đã có. Hãy chọn tên khác, hoặc thêm --force để ghi đè.`);
    expect(fs.readFileSync(out, 'utf8')).toBe('{}');
    expect((await run('rubric', 'import', docx, '--force')).code).toBe(1);
    expect(await run('rubric', 'import', path.join(dir, 'khong-co.docx'))).toMatchObject({ code: 2, err: `${path.join(dir, 'khong-co.docx')}: Không tìm thấy tệp.` });
  });
});

describe('chamdiem rubric check', () => {
  test('names the criterion and the field of each problem', async () => {
    const bad = JSON.parse(JSON.stringify(r2024));
    bad.sections[1].children[2].points = '4';
    bad.deduction.cap = -5;
    const r = await run('rubric', 'check', file('sai.json', JSON.stringify(bad)));
    expect(r.code).toBe(2);
    expect(r.err.split('\n').slice(1)).toEqual(['  - Tiêu chí 9, điểm chuẩn: phải là một số (đang là "4").', '  - Điểm trừ, điểm tối đa: phải từ 0 trở lên (đang là -5).']);
  });

  test('a file that is not JSON', async () => {
    const r = await run('rubric', 'check', file('x.json', 'STT,Tiêu chí'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('x.json: Không phải tệp JSON hợp lệ. Dòng 1, cột 1: có ký tự “S” ở chỗ không được có.');
    expect(r.err).not.toMatch(/Unexpected|JSON at position/);
  });
});

/** The docx package needs a table to write one; a document without any is the same package without it. */
async function stripTable(bytes: Buffer): Promise<Buffer> {
  const { unzipSync, zipSync, strFromU8, strToU8 } = await import('fflate');
  const files = unzipSync(new Uint8Array(bytes));
  files['word/document.xml'] = strToU8(strFromU8(files['word/document.xml']).replace(/<w:tbl>[\s\S]*<\/w:tbl>/, ''));
  return Buffer.from(zipSync(files));
}
