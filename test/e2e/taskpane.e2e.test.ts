/**
 * The built task pane in headless Chromium, with the fake Excel host served
 * in place of Microsoft's office.js: create the sheet, type a bad score, see
 * the problem listed, click it, and find the cell selected.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { allCriteria, builtinRubric } from '../../src/rubric';
import { names } from '../../src/rubric/names';
import { parseA1 } from '../../src/layout/a1';
import { SHEET_NAME } from '../../src/layout/plan';
import { describeWithTool } from '../support/external';
import { communeRubric, COMMUNE_LAYOUT } from '../support/commune-rubric';
import { fixtureSet, UNITS } from '../support/fixtures';
import { docxOf, headingOf, rubricRows } from '../support/rubric-docx';
import { seriousViolations } from './axe';
import { sharedAddinBuild, TEST_PUBLIC_URL, type AddinBuild } from './build';
import type { FakeOfficeWindow } from './fake-office';
import { announcement, OFFICE_JS, openPane as openPaneOn, paneEnvironment, type OfficeAnswer } from './pane';
const PUBLIC_URL = TEST_PUBLIC_URL;
const OUTPUT = path.resolve(__dirname, '../../test-output');
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let build: AddinBuild;
beforeAll(async () => {
  build = await sharedAddinBuild(PUBLIC_URL);
}, 600_000);

describe('the production build', () => {
  test('references office.js from Microsoft’s CDN in the head, before the bundle, without blocking the page', () => {
    const html = fs.readFileSync(path.join(build.dir, 'taskpane.html'), 'utf8');
    const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]);
    const scripts = tags.map((tag) => /\bsrc="?([^"\s>]+)/.exec(tag)![1]);
    expect(scripts[0]).toBe(OFFICE_JS);
    expect(tags[0]).toMatch(/\basync\b/);
    expect(html.indexOf(tags[0])).toBeLessThan(html.indexOf('</head>'));
    expect(scripts.length).toBeGreaterThan(1);
    for (const script of scripts.slice(1)) expect(script).toMatch(/^[\w.-]+\.[0-9a-f]{8}\.js$/);
  });

  test('copies the manifest with the public URL and the icons it names', () => {
    const manifest = fs.readFileSync(path.join(build.dir, 'manifest.xml'), 'utf8');
    expect(manifest).not.toContain('localhost');
    expect(manifest).toContain(`<SourceLocation DefaultValue="${PUBLIC_URL}taskpane.html"/>`);
    expect(manifest).toContain('<AppDomain>https://addin.example.vn</AppDomain>');
    for (const [, icon] of manifest.matchAll(/"https:\/\/addin\.example\.vn\/chamdiem\/(assets\/[^"]+)"/g)) {
      expect(fs.existsSync(path.join(build.dir, icon))).toBe(true);
    }
  });

  test('keeps Node-only code out, and the Excel adapter and the file reader out of the initial chunks', () => {
    const all = build.chunks.flatMap((c) => c.files);
    const initial = build.chunks.filter((c) => c.initial).flatMap((c) => c.files);
    expect(initial).toContain('src/taskpane/App.tsx');
    expect(all).toContain('src/excel/operations.ts');
    expect(initial.some((f) => /node_modules\/react-dom\//.test(f))).toBe(true);
    // Returned workbooks are read in the browser by the package reader with fflate, loaded when files are picked.
    expect(all).toContain('src/app/merge-read.ts');
    expect(all).toContain('src/package/reader.ts');
    expect(all.some((f) => /node_modules\/fflate\//.test(f))).toBe(true);
    expect(all.filter((f) => /node_modules\/(exceljs|hyperformula|jszip)\//.test(f))).toEqual([]);
    expect(all.filter((f) => /^src\/(xlsx\/(write|merge-write|package)\.ts|cli\/)/.test(f))).toEqual([]);
    // Of the adapter, only what brings Office up and reads the sheet's status is there from the start.
    expect(initial.filter((f) => /^src\/(excel|xlsx|merge|package)\/|node_modules\/fflate\//.test(f)).sort()).toEqual([
      'src/excel/api.ts',
      'src/excel/errors.ts',
      'src/excel/requirements.ts',
      'src/excel/session.ts',
      'src/excel/startup.ts',
      'src/excel/status.ts',
    ]);
  });
});

describeWithTool('chromium', 'the task pane in Chromium with a fake Excel', () => {
  const env = paneEnvironment(() => build);

  const openPane = (query = '', office: OfficeAnswer = 'fake') => openPaneOn(env(), query, office);

  /** The fake host's current selection, as the sheet name and range. */
  const selection = (page: Page) =>
    page.evaluate(() => {
      const host = (window as unknown as FakeOfficeWindow).fakeExcel;
      return host.selection && { sheet: host.sheets.find((s) => s.id === host.selection?.sheetId)?.name, range: host.selection.range };
    });

  test('create the sheet, enter a bad score, see it listed, click it to select the cell', async () => {
    const { page, errors, outside } = await openPane();
    await page.getByRole('textbox', { name: /Tên đơn vị/ }).fill('Hội LHPN huyện Hà Quảng');
    await page.getByText(`Sổ làm việc chưa có trang “${SHEET_NAME}”`).waitFor();
    await page.getByRole('button', { name: 'Tạo bảng' }).click();
    await page.getByText('Đã tạo bảng tự chấm điểm').waitFor();
    await page.getByRole('button', { name: 'Cập nhật' }).waitFor();
    // Said to a screen reader, not only shown.
    expect(await announcement(page, 'Đã tạo bảng tự chấm điểm')).toContain('Nhập điểm tự chấm và minh chứng');
    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane-e2e-created.png'), fullPage: true });

    // The sheet really is in the (fake) workbook, with its defined names.
    const criterion = allCriteria(builtinRubric().rubric).find((c) => c.rule.kind === 'manual' && !c.subItems)!;
    const scoreName = names.score(criterion.id);
    const target = await page.evaluate((name) => (window as unknown as FakeOfficeWindow).fakeExcel.nameAddress(name), scoreName);
    expect(target?.sheet).toBe(SHEET_NAME);

    await page.getByRole('tab', { name: 'Kiểm tra' }).click();
    await page.getByText(/^Đã chấm 0\/49$/).waitFor();

    // Type a score above the criterion's maximum, as a user would in Excel.
    const bad = criterion.points + 5;
    await page.evaluate(([name, value]) => (window as unknown as FakeOfficeWindow).fakeExcel.typeIntoName(name, value), [
      scoreName,
      bad,
    ] as const);
    const problem = page.getByRole('button', { name: new RegExp(`Ô ${target!.address}$`) });
    await problem.waitFor();
    // An entry that does not count is not scored.
    expect(await page.getByText(/^Đã chấm \d+\/49$/).textContent()).toBe('Đã chấm 0/49');

    // Problem messages write numbers as the total does, with a decimal comma.
    const other = allCriteria(builtinRubric().rubric).find((c) => c.rule.kind === 'manual' && !c.subItems && c.id !== criterion.id)!;
    await page.evaluate(([name, value]) => (window as unknown as FakeOfficeWindow).fakeExcel.typeIntoName(name, value), [names.score(other.id), 1.5] as const);
    await page.getByRole('button', { name: new RegExp(`Tiêu chí ${other.id}: có điểm \\(1,5\\) nhưng chưa ghi minh chứng`) }).waitFor();
    await page.getByText(/^Đã chấm 1\/49$/).waitFor();
    await page.getByText('Tổng điểm: 1,5').waitFor();
    // Criterion 14's two sub-items are named by their numbers.
    await page.getByRole('button', { name: /Xem từng tiêu chí chưa chấm/ }).click();
    await page.getByRole('button', { name: /Tiêu chí 14 chưa chấm: chưa nhập Điểm tự chấm của 14\.1 và 14\.2\./ }).waitFor();

    expect(await selection(page)).toBeUndefined();
    await problem.click();
    await page.waitForFunction(() => (window as unknown as FakeOfficeWindow).fakeExcel.selection !== undefined);
    const cell = parseA1(target!.address);
    expect(await selection(page)).toEqual({
      sheet: SHEET_NAME,
      range: { top: cell.row, left: cell.col, bottom: cell.row, right: cell.col },
    });
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane-e2e.png'), fullPage: true });

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  test('what a user reads names no internal code: the rubric in words, its code on a details line, Excel’s English behind a closed disclosure', async () => {
    const { page, errors } = await openPane();
    const details = page.getByText(/^Mã bộ tiêu chí: hlhpn-caobang-huyen · mã kiểm tra: [0-9a-f]{12}$/);
    await details.waitFor();
    // The sentence names neither the code nor the fingerprint; they are on a line of their own.
    const line = await details.evaluate((el) => ({ sentence: el.parentElement!.textContent!.replace(el.textContent!, ''), own: getComputedStyle(el).display }));
    expect(line).toEqual({ sentence: 'Đang dùng: Bộ tiêu chí năm 2024, phiên bản 2024.1, 49 tiêu chí', own: 'block' });

    await page.getByRole('textbox', { name: /Tên đơn vị/ }).fill('Hội LHPN huyện Hà Quảng');
    await page.getByText(`Sổ làm việc chưa có trang “${SHEET_NAME}”`).waitFor();
    await page.evaluate(() => (window as unknown as FakeOfficeWindow).fakeExcel.failNextSync('GeneralException'));
    await page.getByRole('button', { name: 'Tạo bảng' }).click();
    const bar = page.getByRole('group').filter({ hasText: 'Không tạo được bảng' });
    await bar.getByText('Excel gặp lỗi khi thực hiện thao tác.').waitFor();
    const disclosure = bar.locator('details');
    expect(await disclosure.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    expect(await disclosure.textContent()).toMatch(/^Chi tiết kỹ thuậtMã lỗi Excel: GeneralException — This operation is not permitted/);
    // What is visible reads in Vietnamese alone.
    expect(await bar.evaluate((el) => (el as HTMLElement).innerText)).not.toMatch(/GeneralException|This operation|not permitted/);
    // The refusal is logged for whoever debugs the pane; nothing else went wrong.
    expect(errors.filter((e) => !e.startsWith('ExcelOperationError: Excel gặp lỗi khi thực hiện thao tác.'))).toEqual([]);
    await page.close();
  });

  test('on ExcelApi 1.8 the sheet is created and the notices say what print layout was not set', async () => {
    const { page, errors } = await openPane('?excelApi=1.8');
    await page.getByRole('textbox', { name: /Tên đơn vị/ }).fill('Hội LHPN huyện Bảo Lâm');
    await page.getByRole('button', { name: 'Tạo bảng' }).click();
    await page.getByText('Đã tạo bảng tự chấm điểm').waitFor();
    await page.getByText(/chưa hỗ trợ ExcelApi 1\.9/).waitFor();

    await page.getByRole('tab', { name: 'In' }).click();
    await page.getByRole('button', { name: 'Áp dụng trang in' }).click();
    await page.getByText('Excel này chưa hỗ trợ ExcelApi 1.9: chưa đặt được trang in').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Khổ giấy A4, hướng ngang' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as FakeOfficeWindow).fakeExcel.sheet('Tự chấm điểm').pageLayout.orientation)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  test('In: signer names and date written to the sheet, the NĐ 30 page set', async () => {
    const { page, errors, outside } = await openPane();
    await page.getByRole('textbox', { name: /Tên đơn vị/ }).fill('Hội LHPN huyện Hà Quảng');
    await page.getByRole('button', { name: 'Tạo bảng' }).click();
    await page.getByText('Đã tạo bảng tự chấm điểm').waitFor();

    await page.getByRole('tab', { name: 'In' }).click();
    await page.getByRole('textbox', { name: 'Người lập biểu' }).fill('Nông Thị Hoa');
    await page.getByRole('textbox', { name: 'Người ký' }).fill('Lương Thị Mai');
    // Typed day first in one go, as Vietnamese write it: the boxes hand on, so this is 5 February.
    const date = page.getByRole('group', { name: 'Ngày lập' });
    await date.getByRole('textbox', { name: 'Ngày' }).click();
    await page.keyboard.type('05022025');
    expect(await date.getByRole('textbox', { name: 'Tháng' }).inputValue()).toBe('02');
    await page.getByText('Cao Bằng, ngày 05 tháng 02 năm 2025').waitFor();
    await page.getByRole('button', { name: 'Áp dụng trang in' }).click();
    await page.getByText('Đã áp dụng trang in').waitFor();
    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane-e2e-print.png'), fullPage: true });

    const sheet = await page.evaluate(() => {
      const host = (window as unknown as FakeOfficeWindow).fakeExcel;
      const value = (name: string) => {
        const at = host.nameAddress(name);
        return at && host.cellAt(at.sheet, at.address)?.value;
      };
      const { pageLayout } = host.sheet('Tự chấm điểm');
      return {
        dateLine: value('NgayLap'),
        preparer: value('NguoiLap'),
        signer: value('NguoiKy'),
        layout: { orientation: pageLayout.orientation, paperSize: pageLayout.paperSize, zoom: pageLayout.zoom, header: pageLayout.defaultForAllPages.center },
      };
    });
    expect(sheet).toEqual({
      dateLine: 'Cao Bằng, ngày 05 tháng 02 năm 2025',
      preparer: 'Nông Thị Hoa',
      signer: 'Lương Thị Mai',
      layout: { orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, header: '&P' },
    });
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  test('Tổng hợp: pick returned workbooks, watch them read, see each status, write the merge into the workbook', async () => {
    const picked = ['ha-quang.xlsx', 'bao-lac.xlsx', 'trung-khanh.xlsx', 'chen-cong-thuc.xlsx', 'bang-khac.xlsx', 'rong.xlsx'];
    const fixtures = fixtureSet().filter((f) => picked.includes(f.file));
    const files = [];
    for (const f of fixtures) files.push({ name: f.file, mimeType: XLSX_TYPE, buffer: (await f.build('')) as Buffer });

    const { page, errors, outside, requested } = await openPane();
    await page.getByRole('tab', { name: 'Tổng hợp' }).click();
    const before = requested().length;
    await page.locator('input[type="file"][multiple]').setInputFiles(files);
    await page.getByText(`Đã đọc ${files.length}/${files.length} tệp`).waitFor();
    // The reader and JSZip came on demand, once files were picked.
    expect(requested().slice(before).filter((f) => f.endsWith('.js')).length).toBeGreaterThan(0);
    const rows = page.getByRole('table', { name: 'Trạng thái các tệp' }).getByRole('row');
    await page.getByText(/6 tệp: 3 hợp lệ, 1 cảnh báo, 2 bị loại — 4 đơn vị được tổng hợp\./).waitFor();
    expect(await rows.count()).toBe(files.length + 1);
    const status = async (file: string) => (await rows.filter({ hasText: file }).getByRole('cell').nth(1).textContent())?.trim();
    expect(await status('ha-quang.xlsx')).toBe('Hợp lệ');
    expect(await status('chen-cong-thuc.xlsx')).toBe('Cảnh báo');
    expect(await status('bang-khac.xlsx')).toBe('Bị loại');
    expect(await status('rong.xlsx')).toBe('Bị loại');
    await rows.filter({ hasText: 'bang-khac.xlsx' }).getByText(/không phải bảng tự chấm điểm/).waitFor();
    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane-e2e-merge-read.png'), fullPage: true });

    const syncsBefore = await page.evaluate(() => (window as unknown as FakeOfficeWindow).fakeExcel.syncCount);
    await page.getByRole('button', { name: 'Ghi kết quả vào sổ làm việc' }).click();
    await page.getByText('Đã ghi kết quả tổng hợp').waitFor();
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane-e2e-merge.png'), fullPage: true });

    const workbook = await page.evaluate(() => {
      const host = (window as unknown as FakeOfficeWindow).fakeExcel;
      const summary = host.sheet('Tổng hợp');
      const headers = [...summary.cells.entries()].filter(([key]) => key.startsWith('5,')).map(([, cell]) => cell);
      return {
        sheets: host.sheets.map((s) => s.name),
        active: host.sheets.find((s) => s.id === host.activeSheetId)?.name,
        units: headers.map((c) => c.value).filter((v) => v !== null),
        injected: headers.find((c) => c.value === '=1+1'),
        syncs: host.syncCount,
      };
    });
    expect(workbook.sheets).toEqual(['Sheet1', 'Tổng hợp', 'Xếp hạng', 'Kiểm tra', 'Minh chứng']);
    expect(workbook.active).toBe('Tổng hợp');
    expect(workbook.units).toEqual(expect.arrayContaining([UNITS.haQuang, UNITS.baoLac, UNITS.trungKhanh, '=1+1']));
    // The unit named "=1+1" arrived as text, not as a formula.
    expect(workbook.injected).toMatchObject({ value: '=1+1', numberFormat: '@' });
    expect(workbook.injected?.formula).toBeUndefined();
    // One read of the sheet names, one write.
    expect(workbook.syncs - syncsBefore).toBe(2);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  test('Tổng hợp: a duplicate unit’s reason gives the kept file’s time in local time, dd/mm/yyyy, never a UTC timestamp', async () => {
    const fixtures = fixtureSet().filter((f) => ['hoa-an-moi.xlsx', 'hoa-an-cu.xlsx'].includes(f.file));
    const files = [];
    for (const f of fixtures) files.push({ name: f.file, mimeType: XLSX_TYPE, buffer: (await f.build('')) as Buffer });
    const { page, errors } = await openPane();
    // The pane in Việt Nam's time zone (UTC+7), as on the province's computers.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'Asia/Ho_Chi_Minh' });
    await page.getByRole('tab', { name: 'Tổng hợp' }).click();
    await page.locator('input[type="file"][multiple]').setInputFiles(files);
    await page.getByText(`Đã đọc ${files.length}/${files.length} tệp`).waitFor();
    const row = page.getByRole('table', { name: 'Trạng thái các tệp' }).getByRole('row').filter({ hasText: 'hoa-an-cu.xlsx' });
    // Created 2026-02-01T09:30:00.000Z.
    await row.getByText(/có tệp mới hơn: hoa-an-moi\.xlsx \(tạo lúc 16:30 ngày 01\/02\/2026\)/).waitFor();
    expect(await row.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}T|Z\)/);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('axe-core finds no serious or critical violation on any tab, with a sheet, problems and picked files', async () => {
    const { page, errors } = await openPane();
    const found: Record<string, unknown[]> = {};
    await page.getByRole('button', { name: 'Tạo bảng' }).waitFor();
    found['Tạo bảng (trống)'] = await seriousViolations(page);
    await page.getByRole('textbox', { name: /Tên đơn vị/ }).fill('Hội LHPN huyện Hà Quảng');
    await page.getByRole('button', { name: 'Tạo bảng' }).click();
    await page.getByText('Đã tạo bảng tự chấm điểm').waitFor();
    found['Tạo bảng'] = await seriousViolations(page);

    await page.getByRole('tab', { name: 'Kiểm tra' }).click();
    await page.getByText(/^Đã chấm 0\/49$/).waitFor();
    await page.evaluate(() => (window as unknown as FakeOfficeWindow).fakeExcel.typeIntoName('TC_01', 'hai'));
    await page.getByText(/1 lỗi/).waitFor();
    await page.getByRole('button', { name: /Xem từng tiêu chí chưa chấm/ }).click();
    found['Kiểm tra'] = await seriousViolations(page);

    await page.getByRole('tab', { name: 'In' }).click();
    await page.getByRole('button', { name: 'Áp dụng trang in' }).click();
    // The sheet has an error ("hai" as a score): nothing is set until printing it is confirmed.
    await page.getByText('Bảng có 1 lỗi: chưa áp dụng trang in').waitFor();
    found['In (có lỗi)'] = await seriousViolations(page);
    await page.getByRole('button', { name: 'Vẫn áp dụng, in kèm lỗi' }).click();
    await page.getByText('Đã áp dụng trang in').waitFor();
    found['In'] = await seriousViolations(page);

    await page.getByRole('tab', { name: 'Tổng hợp' }).click();
    const fixtures = fixtureSet().filter((f) => ['ha-quang.xlsx', 'bang-khac.xlsx'].includes(f.file));
    const files = [];
    for (const f of fixtures) files.push({ name: f.file, mimeType: XLSX_TYPE, buffer: (await f.build('')) as Buffer });
    await page.locator('input[type="file"][multiple]').setInputFiles(files);
    await page.getByText(/2 tệp: 1 hợp lệ, 0 cảnh báo, 1 bị loại/).waitFor();
    found['Tổng hợp'] = await seriousViolations(page);

    expect(found).toEqual({ 'Tạo bảng (trống)': [], 'Tạo bảng': [], 'Kiểm tra': [], 'In (có lỗi)': [], In: [], 'Tổng hợp': [] });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('Bộ tiêu chí: pick the Word document, review it, write the rubric sheet, generate the workbook from it', async () => {
    const source = communeRubric();
    const docx = await docxOf(headingOf(source), rubricRows(source, COMMUNE_LAYOUT), COMMUNE_LAYOUT);
    const { page, errors, outside, requested } = await openPane();
    await page.getByRole('tab', { name: 'Bộ tiêu chí' }).click();
    // A commune rubric is no revision of the built-in district one: its own id, not the base's.
    await page.getByRole('checkbox', { name: /Lấy mã bộ tiêu chí/ }).uncheck();
    const before = requested().length;
    await page.getByLabel('Văn bản bộ tiêu chí (.docx)').setInputFiles({ name: 'tieu-chi-xa-2025.docx', mimeType: DOCX_TYPE, buffer: docx });
    await page.getByText('Đã đọc bộ tiêu chí từ tieu-chi-xa-2025.docx').waitFor();
    // The document reader and the importer came on demand, with the file.
    expect(requested().slice(before).filter((f) => f.endsWith('.js')).length).toBeGreaterThan(0);
    const review = page.getByRole('region', { name: 'Những chỗ cần xem lại' });
    await review.getByText('Cần xem lại (3):').waitFor();
    await review.getByText('Số kỳ thiếu (ô TC_06_Ky): 0 → 8; 1 → 6; 2–3 → 4; từ 4 → 0 điểm').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane-e2e-rubric-review.png'), fullPage: true });

    await page.getByRole('button', { name: 'Ghi bảng tiêu chí vào sổ' }).click();
    await page.getByText('Đã ghi bảng tiêu chí').waitFor();
    await page.getByText('Bảng tiêu chí hợp lệ').waitFor();
    const sheets = await page.evaluate(() => (window as unknown as FakeOfficeWindow).fakeExcel.sheets.map((s) => s.name));
    expect(sheets).toEqual(['Sheet1', 'Bộ tiêu chí', 'Thông tin bộ tiêu chí', 'Sửa lỗi văn bản']);

    // An edit in the sheet is checked at once, and named by its cell; undone, the sheet is valid again.
    const points = await page.evaluate(() => {
      const host = (window as unknown as FakeOfficeWindow).fakeExcel;
      const sheet = host.sheet('Bộ tiêu chí');
      const row = [...sheet.cells.entries()].find(([key, cell]) => key.endsWith(',3') && cell.value === '6')![0].split(',')[0];
      host.type('Bộ tiêu chí', `F${row}`, 'tám');
      return `F${row}`;
    });
    await page.getByRole('button', { name: `phải là một số (đang là "tám") (ô Bộ tiêu chí!${points})` }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.evaluate((at) => (window as unknown as FakeOfficeWindow).fakeExcel.type('Bộ tiêu chí', at, 8), points);
    await page.getByText('Bảng tiêu chí hợp lệ').waitFor();
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane-e2e-rubric-sheet.png'), fullPage: true });

    await page.getByRole('button', { name: 'Dùng để tạo bảng' }).click();
    await page.getByText('Thẻ “Tạo bảng” sẽ dùng bộ tiêu chí tieu-chi-xa-2025 phiên bản 2025.1.').waitFor();
    await page.getByRole('tab', { name: 'Tạo bảng' }).click();
    await page.getByRole('textbox', { name: /Tên đơn vị/ }).fill('Hội LHPN xã Trường Hà');
    await page.getByRole('button', { name: 'Tạo bảng' }).click();
    await page.getByText('Đã tạo bảng tự chấm điểm').waitFor();
    const made = await page.evaluate(() => {
      const host = (window as unknown as FakeOfficeWindow).fakeExcel;
      return { tiers: host.nameAddress('TC_06_Ky')?.sheet, subItem: host.nameAddress('TC_07_1')?.sheet, bonusCap: host.nameAddress('Thuong_3')?.sheet };
    });
    expect(made).toEqual({ tiers: 'Tự chấm điểm', subItem: 'Tự chấm điểm', bonusCap: 'Tự chấm điểm' });
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  test('by keyboard: arrow keys move between the rubric radios and open no file dialog; the file button does', async () => {
    const { page, errors } = await openPane();
    const dialogs: string[] = [];
    page.on('filechooser', (chooser) => dialogs.push(chooser.isMultiple() ? 'multiple' : 'one'));
    const builtin = page.getByRole('radio', { name: /^Có sẵn/ });
    await builtin.focus();
    await page.keyboard.press('ArrowDown');
    const fromFile = page.getByRole('radio', { name: 'Từ tệp bộ tiêu chí (JSON)' });
    expect(await fromFile.isChecked()).toBe(true);
    expect(await fromFile.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await builtin.isChecked()).toBe(true);
    await page.keyboard.press('ArrowDown');
    // The file button appears after the radios; reaching it and pressing Enter opens the dialog.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Chọn tệp…');
    expect(dialogs).toEqual([]);
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Enter');
    expect((await chooser).isMultiple()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('an Excel older than ExcelApi 1.8 (volume-licensed 2019) is told which Excel runs the add-in and to use the workbook without it', async () => {
    const { page, errors } = await openPane('?excelApi=1.7');
    await page.getByText('Phiên bản Excel chưa hỗ trợ tiện ích').waitFor();
    await page.getByText(/Excel 2016 và 2019 bản cấp phép số lượng lớn \(volume license\) không chạy được/).waitFor();
    await page.getByText(/mở bảng tự chấm điểm \(tệp \.xlsx Hội LHPN tỉnh gửi\) bằng Excel bất kỳ, WPS hoặc LibreOffice/).waitFor();
    expect(await page.getByRole('tab').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('office.js blocked: the pane says so in Vietnamese and says to check the network', async () => {
    const { page, outside } = await openPane('', 'blocked');
    const notice = page.getByRole('group').filter({ hasText: 'Không tải được thư viện Office' });
    await notice.getByText(/Hãy kiểm tra kết nối mạng rồi đóng và mở lại tiện ích/).waitFor();
    // Failed, not slow: nothing to wait for.
    expect(await page.getByText('Tiện ích vẫn chờ').count()).toBe(0);
    await announcement(page, 'Không tải được thư viện Office');
    expect(outside).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane-e2e-office-blocked.png'), fullPage: true });
    await page.close();
  });

  test('office.js never answering: the page is not blank, the deadline says to check the network, and the pane keeps waiting', async () => {
    const { page, errors } = await openPane('', 'silent');
    await page.getByText('Đang kết nối với Excel…').waitFor();
    await page.getByText('Không tải được thư viện Office').waitFor();
    await page.getByText('Tiện ích vẫn chờ và sẽ tự mở khi kết nối được.').waitFor();
    // The deadline the page itself keeps: 4 s after it opened, so the message is up within 5 s.
    expect(await page.evaluate(() => performance.now())).toBeGreaterThanOrEqual(4000);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('opened outside Excel (office.js answers with no host): the pane says to open it from Excel', async () => {
    const browserOnly = `window.Office = { HostType: { Excel: 'Excel' }, onReady: () => Promise.resolve({ host: null, platform: null }) };`;
    const { page, errors } = await openPane('', { script: browserOnly });
    await page.getByText('Chỉ dùng trong Excel').waitFor();
    await page.getByText(/Hãy mở Excel, trên thẻ Trang đầu bấm nút “Chấm điểm thi đua”/).waitFor();
    expect(await page.getByRole('tab').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
