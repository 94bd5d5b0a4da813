import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync, spawnSync } from 'child_process';
import rubric2024 from '../../src/rubric/data/2024.json';
import { allCriteria, builtinRubric, loadRubric } from '../../src/rubric';
import { buildSheetPlan, COLUMNS, PRINT_LAST_COL, SHEET_NAME } from '../../src/layout/plan';
import { a1 } from '../../src/layout/a1';
import { BODY_SIZE } from '../../src/layout/styles';
import { fittedRowHeight, shownWithinTallestRow } from '../../src/layout/text-fit';
import { formatNumber } from '../../src/text/format';
import { typeInLibreOffice } from '../support/lo-edit';
import { printFile } from '../../src/app/print';
import { checkFile } from '../../src/app/check';
import { files } from '../../src/cli/compose';
import { writeWorkbook } from '../../src/xlsx/write';
import { main } from '../../src/cli/main';
import { convertWithLibreOffice } from '../../src/cli/libreoffice';
import { describeWithTool } from '../support/external';
import { fillByName } from '../support/workbooks';
import { calibrate, findPhrase, pointSize, printedWords, type PrintedWord } from '../support/pdf-sizes';

const OUTPUT = path.join(__dirname, '..', '..', 'test-output', 'print');
const { rubric } = builtinRubric();

function pages(pdf: string): string[] {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  return Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-'], { encoding: 'utf8' }),
  );
}

const squash = (s: string) => s.replace(/\s+/g, ' ');
/** The whole text in the order LibreOffice wrote it: one cell after another, never two columns interleaved. */
const streamText = (pdf: string) => squash(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));

/** Typed evidence and notes of 400+ characters, longer than any row the plan sizes for the empty sheet. */
const LONG_EVIDENCE = (k: number) =>
  // No hyphens: pdftotext joins a word hyphenated at a line end.
  `Kế hoạch số ${k}/KH ngày 15/01/2024 của Ban Thường vụ triển khai thực hiện; báo cáo sơ kết 6 tháng số ${k + 20}/BC; ` +
  'biên bản kiểm tra tại 12 cơ sở Hội xã, thị trấn; danh sách 35 mô hình, câu lạc bộ được thành lập mới và duy trì ' +
  'hoạt động; ảnh chụp các buổi sinh hoạt chuyên đề, tài liệu tuyên truyền đăng trên trang thông tin điện tử của Hội; ' +
  'bảng tổng hợp kết quả đánh giá cuối năm của Ban Thường vụ cùng ý kiến nhận xét của cấp ủy địa phương.';
const LONG_NOTE =
  'Số liệu tính đến ngày 30/11/2024; riêng hai xã sáp nhập trong năm được tính theo đơn vị hành chính mới, ' +
  'các chỉ tiêu còn lại giữ như đăng ký đầu năm theo hướng dẫn của Hội LHPN tỉnh, có văn bản đề nghị kèm theo hồ sơ ' +
  'gửi về Ban Tổ chức trước ngày 05/12/2024 để tổng hợp và xét duyệt chung với các đơn vị khác trong tỉnh; ' +
  'mọi thay đổi về số liệu sau thời điểm này sẽ được đơn vị báo cáo bổ sung bằng văn bản riêng.';
const FILLED = {
  TC_01: 3,
  MC_01: LONG_EVIDENCE(1),
  TC_02: 4.5,
  MC_02: LONG_EVIDENCE(2),
  GC_03: LONG_NOTE,
  TC_05: 3,
  MC_05: LONG_EVIDENCE(5),
  Thuong_1: 1,
  MC_Thuong_1: LONG_EVIDENCE(9),
  TC_48_Cham: 0,
  TC_48_Thieu: 0,
};
/** The document's own text, which Nghị định 30 prints at 13 pt or more. */
const DOCUMENT_LINES = [
  'HỘI LHPN TỈNH CAO BẰNG',
  'Hội LHPN huyện Hà Quảng',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Cao Bằng, ngày 05 tháng 02 năm 2025',
  'BẢN TỰ CHẤM ĐIỂM THI ĐUA NĂM 2024',
  'NGƯỜI LẬP BIỂU',
  'TM. BAN THƯỜNG VỤ',
  'CHỦ TỊCH',
  'Nguyễn Thị Lan',
  'Hoàng Thị Mai',
];
/** Measurement noise of a word box, in points. */
const NOISE_PT = 0.05;
const SIGNATURE_BLOCK = ['Tổng số điểm tự chấm:', 'NGƯỜI LẬP BIỂU', '(Ký, ghi rõ họ tên)', 'TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH', '(Ký tên, đóng dấu)'];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chamdiem-print-'));
  fs.mkdirSync(OUTPUT, { recursive: true });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describeWithTool('soffice', 'the signed printout', () => {
  describeWithTool('pdftotext', 'exported to PDF by `chamdiem pdf`', () => {
    let text: string[];
    let pdf: string;
    beforeAll(async () => {
      const xlsx = path.join(dir, 'ha-quang.xlsx');
      const say = { out: () => undefined, err: (t: string) => console.error(t) };
      const args = ['--unit', 'Hội LHPN huyện Hà Quảng', '--preparer', 'Nguyễn Thị Lan', '--signer', 'Hoàng Thị Mai', '--date', '2025-02-05'];
      expect(await main(['generate', ...args, '--out', xlsx], say)).toBe(0);
      fs.writeFileSync(xlsx, await fillByName(fs.readFileSync(xlsx), FILLED));
      pdf = path.join(dir, 'ha-quang.pdf');
      expect(await main(['pdf', xlsx, '--out', pdf], say)).toBe(0);
      text = pages(pdf);
      words = printedWords(pdf);
      perPoint = await calibrate(dir);
      execFileSync('pdftoppm', ['-r', '60', '-png', pdf, path.join(OUTPUT, 'ha-quang')]);
    });

    let words: PrintedWord[];
    let perPoint: number;
    const sizeOf = (phrase: string) => {
      const found = findPhrase(words, phrase);
      return found ? Math.min(...found.map((w) => pointSize(w, perPoint))) : null;
    };

    test('calibrates against Times New Roman printed at 100 % by the same LibreOffice', () => {
      // pdftotext boxes are about 1.3 times the point size for this font.
      expect(perPoint).toBeGreaterThan(1.1);
      expect(perPoint).toBeLessThan(1.5);
    });

    test('prints the document text at 13 pt or more', () => {
      const sizes = DOCUMENT_LINES.map((line) => [line, sizeOf(line)]);
      for (const [line, size] of sizes) expect([line, size]).toEqual([line, expect.any(Number)]);
      const small = sizes.filter(([, size]) => (size as number) < 13 - NOISE_PT).map(([line, size]) => [line, (size as number).toFixed(2)]);
      expect(small).toEqual([]);
    });

    test('prints the table body at 11 pt or more, in every column', () => {
      const header = sizeOf('Tiêu chí đánh giá') as number;
      const criteria = allCriteria(rubric).map((c) => [c.id, sizeOf(c.text.split(/\s+/).slice(0, 2).join(' '))] as const);
      expect(criteria.filter(([, size]) => size === null)).toEqual([]);
      const evidence = sizeOf(LONG_EVIDENCE(1).split(' ').slice(0, 4).join(' ')) as number;
      const note = sizeOf(LONG_NOTE.split(' ').slice(0, 4).join(' ')) as number;
      const small = [['header', header], ['evidence', evidence], ['note', note], ...criteria].filter(([, size]) => (size as number) < 11 - NOISE_PT);
      expect(small).toEqual([]);
    });

    test('prints no column cut: every printed column, and nothing of the rubric guidance', () => {
      const all = squash(text.join(' '));
      const onPage2 = new Set(words.filter((w) => w.page === 2).map((w) => w.text));
      const headerWords = ['STT', 'Điểm chuẩn', 'Chỉ tiêu đăng ký', 'Kết quả thực hiện', 'Điểm tự chấm', 'Minh chứng', 'Ghi chú'].flatMap((h) => h.split(' '));
      expect(headerWords.filter((w) => !onPage2.has(w))).toEqual([]);
      const right = Math.max(...words.map((w) => w.xMin));
      expect(right).toBeLessThan(841.89 - (15 / 25.4) * 72);
      expect(all).not.toContain('Cách tính điểm đạt tiêu chí');
    });

    test('shows long typed evidence and notes whole', () => {
      const stream = streamText(pdf);
      for (const typed of [LONG_EVIDENCE(1), LONG_EVIDENCE(2), LONG_EVIDENCE(5), LONG_EVIDENCE(9), LONG_NOTE]) {
        expect(typed.length).toBeGreaterThanOrEqual(400);
        expect(stream).toContain(squash(typed));
      }
    });

    test('is A4 landscape, within a sane number of pages', () => {
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
      expect(text.length).toBeGreaterThanOrEqual(8);
      expect(text.length).toBeLessThanOrEqual(20);
    });

    test('carries the national header, the unit, the place–date line and the title on page 1', () => {
      const first = squash(text[0]);
      for (const line of [
        'HỘI LHPN TỈNH CAO BẰNG',
        'Hội LHPN huyện Hà Quảng',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Cao Bằng, ngày 05 tháng 02 năm 2025',
        'BẢN TỰ CHẤM ĐIỂM THI ĐUA NĂM 2024',
      ]) {
        expect(first).toContain(line);
      }
    });

    test('prints numbers with the decimal comma, as a Vietnamese office reads them', () => {
      // Section I's subtotal; dotted numbers elsewhere are criterion ids (14.1) and rubric text.
      const numbers = text.join(' ').match(/\b\d+[.,]\d+\b/g) ?? [];
      expect(numbers).toContain('10,5');
      expect(numbers).not.toContain('10.5');
    });

    test('repeats the table header on every page', () => {
      text.forEach((page, i) => expect([i + 1, squash(page)]).toEqual([i + 1, expect.stringContaining('Tiêu chí đánh giá')]));
    });

    test('numbers pages at the top from page 2, not on page 1', () => {
      expect(text[0].trimStart().startsWith('HỘI LHPN TỈNH CAO BẰNG')).toBe(true);
      text.slice(1).forEach((page, i) => expect(page.trimStart().split(/\s/)[0]).toBe(String(i + 2)));
    });

    test('ends with the total and the whole signature block on the last page', () => {
      const last = squash(text[text.length - 1]);
      for (const line of [...SIGNATURE_BLOCK, 'Nguyễn Thị Lan', 'Hoàng Thị Mai']) expect(last).toContain(line);
      // 3 + 4.5 + 3 + 7 (criterion 48) + 1 (bonus), recalculated by LibreOffice.
      expect(last).toMatch(/Tổng số điểm tự chấm:\s+18,5/);
      for (const page of text.slice(0, -1)) expect(page).not.toContain('NGƯỜI LẬP BIỂU');
    });

    test('prints every criterion', () => {
      const all = squash(text.join(' '));
      for (const c of allCriteria(rubric)) {
        const words = squash(c.text).split(' ');
        expect([c.id, all.includes(words.slice(-3).join(' ')) || all.includes(words.slice(0, 3).join(' '))]).toEqual([c.id, true]);
      }
    });
  });

  describeWithTool('pdftotext', 'pagination', () => {
    test('never splits the signature block, wherever the table ends', async () => {
      // Extra bonus items lengthen the table row by row, moving the block across page ends.
      const variants = Array.from({ length: 8 }, (_, k) => {
        const data = JSON.parse(JSON.stringify(rubric2024));
        for (let i = 0; i < k * 2; i++) data.bonus.items.push({ id: String(8 + i), text: `Nội dung thưởng bổ sung số ${i + 1}` });
        return buildSheetPlan(loadRubric(data), { unitName: `Đơn vị ${k}`, createdAt: '2026-01-15T08:00:00.000Z' });
      });
      expect(variants.some((p) => p.print.rowBreaksBefore.length > 0)).toBe(true);
      const files = await Promise.all(
        variants.map(async (plan, k) => {
          const file = path.join(dir, `variant-${k}.xlsx`);
          fs.writeFileSync(file, await writeWorkbook(plan));
          return file;
        }),
      );
      const pdfs = await convertWithLibreOffice(files, path.join(dir, 'variants'), 'pdf');
      pdfs.forEach((pdf, k) => {
        const text = pages(pdf).map(squash);
        const holding = text.map((page, i) => (SIGNATURE_BLOCK.some((l) => page.includes(l)) ? i : -1)).filter((i) => i >= 0);
        expect([k, holding]).toEqual([k, [text.length - 1]]);
        for (const line of SIGNATURE_BLOCK) expect([k, text[text.length - 1].includes(line)]).toEqual([k, true]);
      });
    });
  });

  describeWithTool('pdftotext', 'a sheet with errors', () => {
    test('is refused by `chamdiem pdf`, which counts its errors and warnings, and printed as saved with --force', async () => {
      const xlsx = path.join(dir, 'co-loi.xlsx');
      const out: string[] = [];
      const err: string[] = [];
      const say = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
      expect(await main(['generate', '--unit', 'Hội LHPN huyện Bảo Lạc', '--out', xlsx], say)).toBe(0);
      // 99 of 3 points: an invalid entry, an error.
      fs.writeFileSync(xlsx, await fillByName(fs.readFileSync(xlsx), { TC_01: 99, MC_01: 'Kế hoạch 12/KH', TC_02: 2 }));
      const checked = await checkFile(files.reader, fs.readFileSync(xlsx), builtinRubric());
      if (!('report' in checked)) throw new Error('unreadable');
      const errors = checked.report.problems.filter((p) => p.severity === 'error').length;
      const warnings = checked.report.problems.length - errors;
      expect(errors).toBe(1);

      const pdf = path.join(dir, 'co-loi.pdf');
      expect(await main(['pdf', xlsx, '--out', pdf], say)).toBe(1);
      expect(fs.existsSync(pdf)).toBe(false);
      expect(err.join('\n')).toContain(`Không in ${xlsx}: bảng có 1 lỗi (giá trị không hợp lệ`);
      expect(err.join('\n')).toContain(`và ${warnings} cảnh báo`);
      expect(err.join('\n')).toContain('--force');

      expect(await main(['pdf', xlsx, '--out', pdf, '--force'], say)).toBe(0);
      expect(out.join('\n')).toContain(`Bảng có 1 lỗi và ${warnings} cảnh báo; in theo --force`);
      expect(streamText(pdf)).toContain('99');
      execFileSync('pdftoppm', ['-r', '60', '-gray', '-png', '-f', '1', '-l', '1', pdf, path.join(OUTPUT, 'co-loi')]);
    });
  });

  describeWithTool('pdftotext', 'an evidence longer than the tallest row', () => {
    test('is named, cell and all, by check and pdf, and the printout shows as much of it as they say', async () => {
      const xlsx = path.join(dir, 'qua-dai.xlsx');
      const out: string[] = [];
      const err: string[] = [];
      const say = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
      expect(await main(['generate', '--unit', 'Hội LHPN huyện Hòa An', '--out', xlsx], say)).toBe(0);
      // 1,000 characters, within the sheet's own limit, about 26 lines in the evidence column: past 409 pt.
      const words = Array.from({ length: 200 }, (_, i) => `mục${i + 1}`);
      const evidence = `Kế hoạch, báo cáo và biên bản: ${words.join(' ')}`.slice(0, 1000);
      fs.writeFileSync(xlsx, await fillByName(fs.readFileSync(xlsx), { TC_03: 2, MC_03: evidence }));
      const plan = buildSheetPlan(builtinRubric());
      const field = plan.fields.find((f) => f.name === 'MC_03')!;
      const cell = a1(field.row, field.col);
      const shown = shownWithinTallestRow({ text: evidence, widthChars: COLUMNS[field.col - 1].width, sizePt: BODY_SIZE });
      expect(shown).toBeLessThan(evidence.length);
      const warning = `Tiêu chí 3, Minh chứng (MC_03), ô ${cell}: dài ${formatNumber(evidence.length)} ký tự, quá dòng cao nhất của bảng (409 pt): màn hình và bản in chỉ hiện khoảng ${formatNumber(shown)} ký tự đầu.`;

      expect(await main(['check', xlsx], say)).toBe(1);
      expect(out.join('\n')).toContain(warning);
      out.length = 0;
      const pdf = path.join(dir, 'qua-dai.pdf');
      expect(await main(['pdf', xlsx, '--out', pdf], say)).toBe(0);
      expect(err.join('\n')).toContain('1 ô có chữ dài quá dòng cao nhất của bảng, bản in chỉ hiện phần đầu:');
      expect(err.join('\n')).toContain(warning);
      // What the warning says prints, prints (LibreOffice's lines hold a little more than the plan's measure), and the end does not.
      execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '2', pdf, path.join(OUTPUT, 'qua-dai')]);
      const stream = streamText(pdf);
      const lastShownWord = evidence.slice(0, shown).split(' ').slice(-2, -1)[0];
      expect(stream).toContain(squash(evidence.slice(0, evidence.indexOf(lastShownWord) + lastShownWord.length)));
      expect(stream).not.toContain(evidence.split(' ').slice(-2).join(' '));
    });
  });

  describeWithTool('python3-uno', 'row heights', () => {
    const optimalHeights = (file: string): Record<string, [number, number]> => {
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-uno-'));
      try {
        const script = path.join(__dirname, '..', 'support', 'optimal_heights.py');
        const r = spawnSync('/usr/bin/python3', [script, profile, file, SHEET_NAME, String(PRINT_LAST_COL)], { encoding: 'utf8', timeout: 120_000 });
        expect(r.stderr).toBe('');
        return JSON.parse(r.stdout);
      } finally {
        fs.rmSync(profile, { recursive: true, force: true });
      }
    };

    test('grow to what was typed in the copy `chamdiem pdf` prints, as LibreOffice lays it out', async () => {
      const blank = await writeWorkbook(buildSheetPlan(builtinRubric(), { unitName: 'Hội LHPN huyện Hà Quảng' }));
      const printed = await printFile(files, builtinRubric(), await fillByName(Buffer.from(blank), FILLED), false);
      if (!('bytes' in printed) || 'notOurs' in printed) throw new Error('not printed');
      const file = path.join(dir, 'typed.xlsx');
      fs.writeFileSync(file, printed.bytes);
      const heights = optimalHeights(file);
      const plan = buildSheetPlan(builtinRubric());
      const typedRows = ['MC_01', 'MC_02', 'MC_05', 'MC_Thuong_1'].map((name) => plan.fields.find((f) => f.name === name)!.row);
      for (const row of typedRows) {
        const [saved, optimal] = heights[row];
        // The long text needs far more than the empty sheet's row, and the printed row holds it.
        expect([row, optimal > (plan.rowHeights.get(row) ?? 0) + 50]).toEqual([row, true]);
        expect([row, saved + 0.5 >= optimal]).toEqual([row, true]);
      }
    });

    test('grow as someone types a long evidence in LibreOffice, and keep the planned height until then', async () => {
      const plan = buildSheetPlan(builtinRubric(), { unitName: 'Hội LHPN huyện Hà Quảng' });
      const file = path.join(dir, 'typing.xlsx');
      fs.writeFileSync(file, await writeWorkbook(plan));
      const field = plan.fields.find((f) => f.name === 'MC_01')!;
      const heading = plan.merges.find((m) => m.top > plan.headerRow)!.top;
      const { before, after, typed } = typeInLibreOffice(dir, file, SHEET_NAME, a1(field.row, field.col), LONG_EVIDENCE(1), [field.row, heading]);
      expect(typed).toBe(true);
      const planned = plan.rowHeights.get(field.row)!;
      expect(Math.abs(before[field.row] - planned)).toBeLessThan(0.5);
      // The row grows to LibreOffice's own fit of the text, several lines more; the plan's measure, which the
      // copy `chamdiem pdf` prints is sized by, is never below it.
      const needed = fittedRowHeight([{ text: LONG_EVIDENCE(1), widthChars: COLUMNS[field.col - 1].width, sizePt: BODY_SIZE }]);
      expect(after[field.row]).toBeGreaterThan(planned + 100);
      expect(after[field.row]).toBeLessThanOrEqual(needed + 0.5);
      // A heading row, merged, keeps its height.
      expect(after[heading]).toBe(before[heading]);
    });

    test('show the whole text of every table row, as LibreOffice lays it out', async () => {
      const file = path.join(dir, 'heights.xlsx');
      fs.writeFileSync(file, await writeWorkbook(buildSheetPlan(builtinRubric(), { unitName: 'Hội LHPN huyện Hà Quảng' })));
      {
        const heights = optimalHeights(file);
        const plan = buildSheetPlan(builtinRubric(), { unitName: 'Hội LHPN huyện Hà Quảng' });
        // LibreOffice does not fit merged cells, and spacer rows hold no text.
        const merged = new Set(plan.merges.map((m) => m.top));
        const withText = new Set(plan.cells.filter((c) => typeof c.value === 'string' && c.value !== '').map((c) => c.row));
        const tableRows = Object.keys(heights)
          .map(Number)
          .filter((row) => row > plan.headerRow && !merged.has(row) && withText.has(row));
        expect(tableRows.length).toBeGreaterThan(60);
        const short = tableRows.filter((row) => heights[row][0] + 0.5 < heights[row][1]);
        expect(short.map((row) => [row, ...heights[row].map(Math.round)])).toEqual([]);
        // …without wasting paper: no row more than twice and a half what it needs.
        const loose = tableRows.filter((row) => heights[row][0] > heights[row][1] * 2.5 + 10);
        expect(loose).toEqual([]);
      }
    });
  });
});
