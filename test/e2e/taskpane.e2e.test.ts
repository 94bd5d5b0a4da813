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
import { sharedAddinBuild, TEST_PUBLIC_URL, type AddinBuild } from './build';
import { launchChromium, serveDirectory } from './browser';
import type { FakeOfficeWindow } from './fake-office';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const PUBLIC_URL = TEST_PUBLIC_URL;
const OUTPUT = path.resolve(__dirname, '../../test-output');

let build: AddinBuild;
beforeAll(async () => {
  build = await sharedAddinBuild(PUBLIC_URL);
}, 600_000);

describe('the production build', () => {
  test('loads office.js from Microsoft’s CDN before the bundle', () => {
    const html = fs.readFileSync(path.join(build.dir, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts[0]).toBe(OFFICE_JS);
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

  test('keeps Node-only code out, and the Excel adapter out of the initial chunks', () => {
    const all = build.chunks.flatMap((c) => c.files);
    const initial = build.chunks.filter((c) => c.initial).flatMap((c) => c.files);
    expect(initial).toContain('src/taskpane/App.tsx');
    expect(all).toContain('src/excel/operations.ts');
    expect(initial.some((f) => f.startsWith('node_modules/react-dom/'))).toBe(true);
    expect(all.filter((f) => /node_modules\/(exceljs|hyperformula|jszip)\//.test(f))).toEqual([]);
    expect(all.filter((f) => /^src\/(xlsx|cli\/main)/.test(f))).toEqual([]);
    expect(initial.filter((f) => /^src\/excel\//.test(f))).toEqual([]);
  });
});

describeWithTool('chromium', 'the task pane in Chromium with a fake Excel', () => {
  let server: Awaited<ReturnType<typeof serveDirectory>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    server = await serveDirectory(build.dir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * A page on the built task pane: office.js answered by the fake host, any
   * other request off this machine refused and recorded, and every script
   * error recorded.
   */
  async function openPane(query = '') {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    const outside: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const fakeOffice = fs.readFileSync(path.join(build.dir, 'fake-office.js'));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript', body: fakeOffice });
      if (url.startsWith(server.url)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    await page.goto(`${server.url}taskpane.html${query}`);
    return { page, errors, outside };
  }

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
    await page.getByText(/^Đã chấm 1\/49$/).waitFor();

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

  test('on ExcelApi 1.8 the sheet is created and a notice says print layout was not set', async () => {
    const { page, errors } = await openPane('?excelApi=1.8');
    await page.getByRole('textbox', { name: /Tên đơn vị/ }).fill('Hội LHPN huyện Bảo Lâm');
    await page.getByRole('button', { name: 'Tạo bảng' }).click();
    await page.getByText('Đã tạo bảng tự chấm điểm').waitFor();
    await page.getByText(/chưa hỗ trợ ExcelApi 1\.9/).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  test('an Excel older than ExcelApi 1.8 gets a clear message instead of the pane', async () => {
    const { page, errors } = await openPane('?excelApi=1.7');
    await page.getByText('Phiên bản Excel quá cũ').waitFor();
    expect(await page.getByRole('tab').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
