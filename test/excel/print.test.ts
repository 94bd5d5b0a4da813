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
import type { FakeExcelHost } from '../fakes/excel-host';
import { fakeExcel, UNIT } from './setup';

const loaded = builtinRubric();
const DATE = { year: 2025, month: 2, day: 5 };

function valueByName(host: FakeExcelHost, name: string) {
  const at = host.nameAddress(name);
  if (!at) throw new Error(`no name ${name}`);
  return host.cellAt(at.sheet, at.address);
}

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
    const result = await ops.applyPrint({ loaded, preparer: 'Nông Thị Hoa', signer: 'Lương Thị Mai', date: DATE });

    expect(result).toEqual({
      dateLine: 'Cao Bằng, ngày 05 tháng 02 năm 2025',
      written: [names.dateLine, names.preparerName, names.signerName],
      notSet: [],
      syncs: 2,
    });
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
    });
    expect(sheet.rowBreaks).toEqual(plan.print.rowBreaksBefore);
    expect(host.sheets.find((s) => s.id === host.activeSheetId)?.name).toBe(SHEET_NAME);
  });

  test('without a date the line keeps dotted blanks for the pen; a place of its own is used', async () => {
    const { host, ops } = await withSheet();
    const result = await ops.applyPrint({ loaded, place: '  Hà Quảng ' });
    expect(result.dateLine).toBe('Hà Quảng, ngày ..... tháng ..... năm ..........');
    expect(result.written).toEqual([names.dateLine]);
    expect(valueByName(host, names.dateLine)?.value).toBe(result.dateLine);
  });

  test('blank signer names leave the sheet’s own; a new unit name is written and its row fits it', async () => {
    const { host, ops } = await withSheet();
    host.typeIntoName(names.preparerName, 'Nguyễn Thị Lan');
    const unit = 'Hội Liên hiệp Phụ nữ huyện Hà Quảng, tỉnh Cao Bằng (đơn vị điểm của khối thi đua miền núi)';
    await ops.applyPrint({ loaded, unitName: unit, preparer: '  ', signer: 'Hoàng Thị Mai' });
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
    await ops.applyPrint({ loaded, preparer: '=1+1', signer: '@HYPERLINK("http://evil","x")', place: '+84' });
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
    await ops.applyPrint({ loaded });
    expect(host.sheet(SHEET_NAME).rowBreaks).toEqual(buildSheetPlan(loaded, { unitName: UNIT }).print.rowBreaksBefore);
  });

  test('on ExcelApi 1.8 the fields are written and every unset page setting is named', async () => {
    const { host, ops } = await withSheet('1.8');
    const result = await ops.applyPrint({ loaded, signer: 'Lương Thị Mai', date: DATE });
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
});
