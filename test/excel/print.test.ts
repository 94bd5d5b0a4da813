/**
 * The "In" tab's operation on the fake host: the document's page layout and
 * the signer fields applied to our sheet in two syncs, written as text by
 * defined name; on ExcelApi 1.8 the fields alone, with each unset page
 * setting named.
 */
import rubric2024 from '../../src/rubric/data/2024.json';
import { buildSheetPlan, SHEET_NAME } from '../../src/layout/plan';
import { builtinRubric, loadRubric } from '../../src/rubric';
import { names } from '../../src/rubric/names';
import { META_SHEET_NAME } from '../../src/layout/plan';
import { BODY_SIZE } from '../../src/layout/styles';
import { fittedRowHeight } from '../../src/layout/text-fit';
import type { ExcelOperations, PrintRequest, PrintResult } from '../../src/app/operations';
import type { FakeExcelHost } from '../fakes/excel-host';
import { fakeExcel, UNIT } from './setup';

const loaded = builtinRubric();
const DATE = { year: 2025, month: 2, day: 5 };

function valueByName(host: FakeExcelHost, name: string) {
  const at = host.nameAddress(name);
  if (!at) throw new Error(`no name ${name}`);
  return host.cellAt(at.sheet, at.address);
}

/** Applies the printout to a sheet without errors. */
async function applied(ops: ExcelOperations, request: PrintRequest): Promise<PrintResult> {
  const outcome = await ops.applyPrint(request);
  if ('blocked' in outcome) throw new Error(`blocked: ${JSON.stringify(outcome)}`);
  return outcome;
}

const rowOf = (host: FakeExcelHost, name: string) => Number(host.nameAddress(name)!.address.replace(/^[A-Z]+/, ''));

async function withSheet(apiVersion?: string) {
  const setup = fakeExcel({ apiVersion });
  await setup.ops.generate({ loaded, unitName: UNIT });
  setup.host.syncCount = 0;
  return setup;
}

describe('applying the printout to our sheet', () => {
  test('writes the place–date line and the signers, sets the NĐ 30 page, in two syncs', async () => {
    const { host, ops } = await withSheet();
    host.typeIntoName(names.score('1'), 2.5);
    const { problems } = await ops.check(loaded);
    host.syncCount = 0;
    const result = await applied(ops, { loaded, preparer: 'Nông Thị Hoa', signer: 'Lương Thị Mai', date: DATE });

    expect(result).toEqual({
      dateLine: 'Cao Bằng, ngày 05 tháng 02 năm 2025',
      written: [names.dateLine, names.preparerName, names.signerName],
      notSet: [],
      // The check before printing: no error, the unscored criteria and the missing evidence as warnings.
      errors: 0,
      warnings: problems.length,
      clipped: [],
      syncs: 2,
    });
    expect(problems.length).toBeGreaterThan(40);
    expect(host.syncCount).toBe(2);
    expect(valueByName(host, names.dateLine)).toMatchObject({ value: 'Cao Bằng, ngày 05 tháng 02 năm 2025', numberFormat: '@' });
    expect(valueByName(host, names.preparerName)?.value).toBe('Nông Thị Hoa');
    expect(valueByName(host, names.signerName)?.value).toBe('Lương Thị Mai');
    // What the user typed, and the unit, stay; the sheet stays protected.
    expect(valueByName(host, names.score('1'))?.value).toBe(2.5);
    expect(valueByName(host, names.unitName)?.value).toBe(UNIT);
    const sheet = host.sheet(SHEET_NAME);
    expect(sheet.protection.protected).toBe(true);

    const plan = buildSheetPlan(loaded, { unitName: UNIT });
    expect(sheet.pageLayout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      // 20, 20, 30 and 15 mm.
      margins: { top: 56.69, bottom: 56.69, left: 85.04, right: 42.52 },
      printTitleRows: plan.print.titleRows,
      headerState: 'FirstAndDefault',
      firstPage: { left: '', center: '', right: '' },
      defaultForAllPages: { left: '', center: '&P', right: '' },
      // A–H print; the rubric's guidance in I–J stays on screen, as in the file.
      printArea: plan.print.area,
    });
    expect(sheet.rowBreaks).toEqual(plan.print.rowBreaksBefore);
    expect(host.sheets.find((s) => s.id === host.activeSheetId)?.name).toBe(SHEET_NAME);
  });

  test('without a date the line keeps dotted blanks for the pen; a place of its own is used', async () => {
    const { host, ops } = await withSheet();
    const result = await applied(ops, { loaded, place: '  Hà Quảng ' });
    expect(result.dateLine).toBe('Hà Quảng, ngày ..... tháng ..... năm ..........');
    expect(result.written).toEqual([names.dateLine]);
    expect(valueByName(host, names.dateLine)?.value).toBe(result.dateLine);
  });

  test('blank signer names leave the sheet’s own; a new unit name is written and its row fits it', async () => {
    const { host, ops } = await withSheet();
    host.typeIntoName(names.preparerName, 'Nguyễn Thị Lan');
    const unit = 'Hội Liên hiệp Phụ nữ huyện Hà Quảng, tỉnh Cao Bằng (đơn vị điểm của khối thi đua miền núi)';
    await applied(ops, { loaded, unitName: unit, preparer: '  ', signer: 'Hoàng Thị Mai' });
    expect(valueByName(host, names.preparerName)?.value).toBe('Nguyễn Thị Lan');
    expect(valueByName(host, names.signerName)?.value).toBe('Hoàng Thị Mai');
    expect(valueByName(host, names.unitName)?.value).toBe(unit);
    const row = Number(host.nameAddress(names.unitName)!.address.replace(/^[A-Z]+/, ''));
    expect(host.sheet(SHEET_NAME).rowHeights.get(row)).toBe(buildSheetPlan(loaded, { unitName: unit }).rowHeights.get(row));
    expect(host.sheet(SHEET_NAME).rowHeights.get(row)).toBeGreaterThan(buildSheetPlan(loaded, { unitName: UNIT }).rowHeights.get(row)!);
  });

  test('names that look like formulas arrive as text', async () => {
    const { host, ops } = await withSheet();
    // A cell someone reformatted as General gets Excel's text marker instead.
    valueByName(host, names.preparerName)!.numberFormat = 'General';
    await applied(ops, { loaded, preparer: '=1+1', signer: '@HYPERLINK("http://evil","x")', place: '+84' });
    for (const [name, text] of [
      [names.preparerName, '=1+1'],
      [names.signerName, '@HYPERLINK("http://evil","x")'],
    ]) {
      expect(valueByName(host, name)?.value).toBe(text);
      expect(valueByName(host, name)?.formula).toBeUndefined();
    }
    expect(valueByName(host, names.dateLine)?.value).toBe('+84, ngày ..... tháng ..... năm ..........');
  });

  test('breaks left by an earlier layout are taken away, so the signature block is never cut', async () => {
    const { host, ops } = await withSheet();
    host.sheet(SHEET_NAME).rowBreaks.push(30, 61);
    await applied(ops, { loaded });
    expect(host.sheet(SHEET_NAME).rowBreaks).toEqual(buildSheetPlan(loaded, { unitName: UNIT }).print.rowBreaksBefore);
  });

  test('on ExcelApi 1.8 the fields are written and every unset page setting is named', async () => {
    const { host, ops } = await withSheet('1.8');
    const result = await applied(ops, { loaded, signer: 'Lương Thị Mai', date: DATE });
    expect(result.syncs).toBe(2);
    expect(valueByName(host, names.signerName)?.value).toBe('Lương Thị Mai');
    const plan = buildSheetPlan(loaded, { unitName: UNIT });
    expect(result.notSet).toEqual([
      'Khổ giấy A4, hướng ngang',
      'Lề trên 20 mm, dưới 20 mm, trái 30 mm, phải 15 mm',
      'Thu nhỏ cho vừa 1 trang theo chiều ngang',
      `Lặp lại dòng tiêu đề cột (dòng ${plan.print.titleRows.from}) ở đầu mỗi trang`,
      'Số trang ở giữa đầu trang, từ trang 2 (trang 1 không đánh số)',
      ...plan.print.rowBreaksBefore.map((r) => `Ngắt trang trước dòng ${r} để khối chữ ký không bị tách sang hai trang`),
    ]);
    expect(host.sheet(SHEET_NAME).pageLayout.orientation).toBeUndefined();
  });

  test('refuses, in Vietnamese and without writing, a missing sheet, a foreign one, another rubric and a moved cell', async () => {
    const none = fakeExcel();
    await expect(none.ops.applyPrint({ loaded })).rejects.toThrow(`Sổ làm việc chưa có trang “${SHEET_NAME}”`);
    expect(none.host.syncCount).toBe(1);

    const foreign = fakeExcel({ sheetNames: ['Sheet1', SHEET_NAME] });
    await expect(foreign.ops.applyPrint({ loaded })).rejects.toThrow('không do tiện ích Chấm điểm thi đua tạo');
    expect(foreign.host.syncCount).toBe(1);

    const other = loadRubric({ ...rubric2024, version: '2025.1' });
    const { host, ops } = await withSheet();
    await expect(ops.applyPrint({ loaded: other })).rejects.toThrow(
      /Bảng đang theo bộ tiêu chí .* phiên bản 2024.*khác bộ đang chọn .* phiên bản 2025\.1/,
    );

    // A name pointed elsewhere (as if rows were inserted above it).
    const state = host.names.get(names.signerName.toUpperCase())!;
    state.target = { ...state.target!, range: { top: 3, bottom: 3, left: 1, right: 1 } };
    const before = host.syncCount;
    await expect(ops.applyPrint({ loaded, signer: 'X' })).rejects.toThrow(/Ô NguoiKy đang ở 'Tự chấm điểm'!A3, không đúng bố cục chuẩn/);
    expect(host.syncCount - before).toBe(1);
    expect(host.cellAt(SHEET_NAME, 'A3')?.value ?? null).toBeNull();
  });

  test('checks the sheet first: with errors it sets nothing and says how many, in one sync; confirmed, it sets the page', async () => {
    const { host, ops } = await withSheet();
    // 99 of 3 points, and the total's formula replaced by a constant (as after the protection was lifted).
    host.typeIntoName(names.score('1'), 99);
    const total = valueByName(host, names.grandTotal)!;
    delete total.formula;
    total.value = 150;
    const { problems } = await ops.check(loaded);
    const errors = problems.filter((p) => p.severity === 'error').length;
    expect(errors).toBe(2);
    host.syncCount = 0;
    const outcome = await ops.applyPrint({ loaded, signer: 'Lương Thị Mai', date: DATE });
    expect(outcome).toEqual({ blocked: { errors: 2, warnings: problems.length - 2 }, syncs: 1 });
    expect(host.syncCount).toBe(1);
    expect(valueByName(host, names.signerName)?.value ?? null).not.toBe('Lương Thị Mai');
    expect(valueByName(host, names.dateLine)?.value).not.toBe('Cao Bằng, ngày 05 tháng 02 năm 2025');

    const forced = await ops.applyPrint({ loaded, signer: 'Lương Thị Mai', date: DATE, force: true });
    expect(forced).toMatchObject({ errors: 2, warnings: problems.length - 2, syncs: 2 });
    expect(valueByName(host, names.signerName)?.value).toBe('Lương Thị Mai');
    expect(valueByName(host, names.dateLine)?.value).toBe('Cao Bằng, ngày 05 tháng 02 năm 2025');
  });

  test('rows fit what was typed: Excel’s autofit over the table in the one request, merged and guidance rows at their measured height', async () => {
    const { host, ops } = await withSheet();
    const evidence = 'Kế hoạch số 12/KH ngày 15/01/2024; báo cáo sơ kết số 32/BC; biên bản kiểm tra tại 12 cơ sở Hội; '.repeat(5);
    host.typeIntoName(names.score('1'), 3);
    host.typeIntoName(names.evidence('1'), evidence);
    const blank = buildSheetPlan(loaded, { unitName: UNIT });
    const sheet = host.sheet(SHEET_NAME);
    const typedRow = rowOf(host, names.evidence('1'));
    expect(sheet.rowHeights.get(typedRow)).toBe(blank.rowHeights.get(typedRow));
    host.syncCount = 0;
    host.syncLog.length = 0;
    await applied(ops, { loaded });
    expect(host.syncCount).toBe(2);
    // One autofit, queued with everything else in the second request.
    expect(host.syncLog[1].locations.filter((l) => l.includes('autofitRows'))).toHaveLength(1);
    const evidenceWidth = blank.columnWidths[blank.fields.find((f) => f.name === names.evidence('1'))!.col - 1];
    const needed = fittedRowHeight([{ text: evidence, widthChars: evidenceWidth, sizePt: BODY_SIZE }]);
    expect(sheet.rowHeights.get(typedRow)).toBeGreaterThanOrEqual(needed);
    expect(needed).toBeGreaterThan(blank.rowHeights.get(typedRow)! * 2);
    // Headings are merged across the table, which autofit leaves out: they keep the height measured for them.
    const headings = blank.merges.filter((m) => m.top > blank.headerRow && m.top < rowOf(host, names.grandTotal)).map((m) => m.top);
    expect(headings.length).toBeGreaterThan(5);
    expect(headings.filter((row) => sheet.rowHeights.get(row) !== blank.rowHeights.get(row))).toEqual([]);
    // No row is left shorter than its printed text, nor stretched by the guidance that does not print.
    const tableRows = [...blank.rowHeights.keys()].filter((row) => row > blank.headerRow && row < rowOf(host, names.grandTotal) && row !== typedRow);
    const off = tableRows.filter((row) => Math.abs((sheet.rowHeights.get(row) ?? 0) - blank.rowHeights.get(row)!) > 1.5);
    expect(off.map((row) => [row, sheet.rowHeights.get(row), blank.rowHeights.get(row)])).toEqual([]);
  });

  test('an older layout, without the marks that survive black and white, is sent to Cập nhật first', async () => {
    const { host, ops } = await withSheet();
    const meta = host.sheet(META_SHEET_NAME);
    for (let r = 1; meta.cells.get(`${r},1`)?.value; r++) if (meta.cells.get(`${r},1`)?.value === 'layoutVersion') meta.cells.get(`${r},2`)!.value = '1';
    await expect(ops.applyPrint({ loaded })).rejects.toThrow(/được tạo theo bố cục cũ.*Cập nhật.*giữ nguyên/);
  });

  test('the flags Excel draws are boxed as well as filled, so they survive a black-and-white printout', async () => {
    const { host } = await withSheet();
    const flags = host.sheet(SHEET_NAME).conditionalFormats;
    const edges = (cf: (typeof flags)[number]) => ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'].map((e) => cf.borders?.[e]?.style);
    const invalid = flags.filter((cf) => cf.fill === '#FFC7CE');
    const missing = flags.filter((cf) => cf.fill === '#FFEB9C');
    expect(invalid.length).toBeGreaterThan(0);
    expect(missing.length).toBeGreaterThan(0);
    for (const cf of invalid) expect(edges(cf)).toEqual(['DashDotDot', 'DashDotDot', 'DashDotDot', 'DashDotDot']);
    for (const cf of missing) expect(edges(cf)).toEqual(['Dash', 'Dash', 'Dash', 'Dash']);
  });

  test('a note longer than the tallest row is named with its cell: the printout shows only its start', async () => {
    const { host, ops } = await withSheet();
    const note = 'Số liệu tính đến ngày 30/11/2024, theo báo cáo của các cơ sở Hội; '.repeat(11);
    host.typeIntoName(names.note('3'), note);
    const result = await applied(ops, { loaded });
    expect(result.clipped).toEqual([expect.stringMatching(new RegExp(`^Tiêu chí 3, Ghi chú \\(GC_03\\), ô ${host.nameAddress(names.note('3'))!.address}: dài 7\\d\\d ký tự, quá dòng cao nhất của bảng \\(409 pt\\)`))]);
    // Excel's tallest row, not more.
    expect(host.sheet(SHEET_NAME).rowHeights.get(rowOf(host, names.note('3')))).toBeLessThanOrEqual(409);
  });
});
