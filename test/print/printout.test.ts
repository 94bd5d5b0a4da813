import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync, spawnSync } from 'child_process';
import rubric2024 from '../../src/rubric/data/2024.json';
import { allCriteria, builtinRubric, loadRubric } from '../../src/rubric';
import { buildSheetPlan, SHEET_NAME } from '../../src/layout/plan';
import { writeWorkbook } from '../../src/xlsx/write';
import { main } from '../../src/cli/main';
import { convertWithLibreOffice } from '../../src/cli/libreoffice';
import { describeWithTool } from '../support/external';
import { fillByName } from '../support/workbooks';

const OUTPUT = path.join(__dirname, '..', '..', 'test-output', 'print');
const { rubric } = builtinRubric();

function pages(pdf: string): string[] {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  return Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-'], { encoding: 'utf8' }),
  );
}

const squash = (s: string) => s.replace(/\s+/g, ' ');
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
      fs.writeFileSync(xlsx, await fillByName(fs.readFileSync(xlsx), { TC_01: 3, MC_01: 'Kế hoạch 12/KH', TC_02: 4.5, TC_48_Cham: 0, TC_48_Thieu: 0 }));
      pdf = path.join(dir, 'ha-quang.pdf');
      expect(await main(['pdf', xlsx, '--out', pdf], say)).toBe(0);
      text = pages(pdf);
      execFileSync('pdftoppm', ['-r', '60', '-png', pdf, path.join(OUTPUT, 'ha-quang')]);
    });

    test('is A4 landscape, within a sane number of pages', () => {
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
      expect(text.length).toBeGreaterThanOrEqual(4);
      expect(text.length).toBeLessThanOrEqual(12);
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
      // 3 + 4.5 + 7 (criterion 48), recalculated by LibreOffice.
      expect(last).toMatch(/Tổng số điểm tự chấm:\s+14,5|Tổng số điểm tự chấm:\s+14\.5/);
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

  describeWithTool('python3-uno', 'row heights', () => {
    test('show the whole text of every table row, as LibreOffice lays it out', async () => {
      const file = path.join(dir, 'heights.xlsx');
      fs.writeFileSync(file, await writeWorkbook(buildSheetPlan(builtinRubric(), { unitName: 'Hội LHPN huyện Hà Quảng' })));
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-uno-'));
      try {
        const script = path.join(__dirname, '..', 'support', 'optimal_heights.py');
        const r = spawnSync('/usr/bin/python3', [script, profile, file, SHEET_NAME], { encoding: 'utf8', timeout: 120_000 });
        expect(r.stderr).toBe('');
        const heights: Record<string, [number, number]> = JSON.parse(r.stdout);
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
      } finally {
        fs.rmSync(profile, { recursive: true, force: true });
      }
    });
  });
});
