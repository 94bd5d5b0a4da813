/**
 * A cut and paste in Excel, on the fake host: Range.moveTo semantics (names
 * of the moved cells follow them, names of the cells pasted over become
 * #REF!), then Kiểm tra finds the names off their cells and Cập nhật puts
 * them back, keeping the entry the cut carried.
 */
import { SHEET_NAME } from '../../src/layout/plan';
import { builtinRubric } from '../../src/rubric';
import type { FakeExcelHost } from '../fakes/excel-host';
import { fakeExcel, UNIT } from './setup';

const loaded = builtinRubric();
const richCode = (error: unknown) => (error as { code?: string }).code;

async function nameItem(host: FakeExcelHost, name: string) {
  return host.run(async (context) => {
    const item = context.workbook.names.getItemOrNullObject(name);
    item.load('type,formula');
    await context.sync();
    return { type: item.type, formula: item.formula };
  });
}

describe('Range.moveTo on the fake host moves names as Excel does', () => {
  function sheetWithNames(): FakeExcelHost {
    const { host } = fakeExcel({ apiVersion: '1.11' });
    host.type('Sheet1', 'A1', 5);
    host.type('Sheet1', 'B1', 7);
    host.type('Sheet1', 'A2', 'giữ nguyên');
    const sheet = host.sheet('Sheet1');
    host.addName('Nguon', { sheet, range: { top: 1, left: 1, bottom: 1, right: 1 } }, '');
    host.addName('Dich', { sheet, range: { top: 1, left: 2, bottom: 1, right: 2 } }, '');
    host.addName('CaHai', { sheet, range: { top: 1, left: 1, bottom: 1, right: 2 } }, '');
    host.addName('Khac', { sheet, range: { top: 2, left: 1, bottom: 2, right: 1 } }, '');
    return host;
  }

  test('the moved cell’s name follows it, the overwritten cell’s breaks, a name over both stays', async () => {
    const host = sheetWithNames();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').moveTo('B1');
      await context.sync();
    });
    expect([host.cellAt('Sheet1', 'A1'), host.cellAt('Sheet1', 'B1')?.value]).toEqual([undefined, 5]);
    expect(await nameItem(host, 'Nguon')).toEqual({ type: 'Range', formula: '=Sheet1!$B$1' });
    expect(await nameItem(host, 'Dich')).toEqual({ type: 'Error', formula: '=#REF!' });
    // Cutting part of a named range leaves the name as it was.
    expect(await nameItem(host, 'CaHai')).toEqual({ type: 'Range', formula: '=Sheet1!$A$1:$B$1' });
    expect(host.nameAddress('Khac')).toEqual({ sheet: 'Sheet1', address: 'A2' });
  });

  test('a range moves whole: the destination grows to its size and the names inside keep their places in it', async () => {
    const host = sheetWithNames();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:B1').moveTo(sheet.getRange('D5'));
      await context.sync();
    });
    expect([host.cellAt('Sheet1', 'D5')?.value, host.cellAt('Sheet1', 'E5')?.value]).toEqual([5, 7]);
    expect([host.nameAddress('Nguon'), host.nameAddress('Dich'), host.nameAddress('CaHai')]).toEqual([
      { sheet: 'Sheet1', address: 'D5' },
      { sheet: 'Sheet1', address: 'E5' },
      { sheet: 'Sheet1', address: 'D5:E5' },
    ]);
  });

  test('moveTo needs ExcelApi 1.11, and a protected sheet refuses to move a locked cell', async () => {
    const old = sheetWithNames();
    old.apiVersion = '1.10';
    const refused = old.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').moveTo('B1');
      await context.sync();
    });
    await expect(refused).rejects.toMatchObject({ code: 'ApiNotFound' });

    const host = sheetWithNames();
    host.protect(host.sheet('Sheet1'), undefined, undefined);
    let error: unknown;
    try {
      host.cutAndPaste('Sheet1', 'A1', 'B1');
    } catch (e) {
      error = e;
    }
    expect(richCode(error)).toBe('AccessDenied');
    expect(host.cellAt('Sheet1', 'A1')?.value).toBe(5);
  });
});

describe('a score cut and pasted onto the next criterion’s in Excel', () => {
  async function cutScoreFiveOntoSix() {
    const { host, ops } = fakeExcel();
    await ops.generate({ loaded, unitName: UNIT });
    host.typeIntoName('TC_05', 2.5);
    host.typeIntoName('MC_05', 'Báo cáo 05');
    host.typeIntoName('TC_06', 1);
    const [five, six] = [host.nameAddress('TC_05')!.address, host.nameAddress('TC_06')!.address];
    // Input cells are unlocked, so the protected sheet lets the clerk do it.
    host.cutAndPaste(SHEET_NAME, five, six);
    return { host, ops, five, six };
  }

  test('Kiểm tra finds TC_05 on criterion 6’s row and TC_06 broken; the problem selects the cell the name is on now', async () => {
    const { host, ops, five, six } = await cutScoreFiveOntoSix();
    expect(await nameItem(host, 'TC_06')).toEqual({ type: 'Error', formula: '=#REF!' });
    const live = await ops.check(loaded);
    const named = live.problems.filter((p) => /^NAME_/.test(p.code));
    expect(named.map((p) => [p.code, p.name, p.address])).toEqual([
      ['NAME_MISSING', 'TC_06', undefined],
      ['NAME_MOVED', 'TC_05', six],
    ]);
    expect(named[1].message).toBe(
      `Tên ô TC_05 (Điểm tự chấm, tiêu chí 5) trỏ vào ô ${six} trên dòng của tiêu chí 6, không phải ô ${five} trên dòng của tiêu chí 5; có thể do cắt–dán ô hoặc sửa tên ô.`,
    );
  });

  test('Cập nhật puts both names back and keeps the score the cut carried on criterion 5', async () => {
    const { host, ops, five, six } = await cutScoreFiveOntoSix();
    const result = await ops.generate({ loaded, unitName: '' });
    expect(result.repairs).toEqual([
      { name: 'TC_05', cell: five, from: six, followed: true },
      { name: 'TC_06', cell: six, from: undefined, followed: false },
    ]);
    expect([host.nameAddress('TC_05')?.address, host.nameAddress('TC_06')?.address]).toEqual([five, six]);
    expect([host.cellAt(SHEET_NAME, five)?.value, host.cellAt(SHEET_NAME, six)?.value ?? null]).toEqual([2.5, null]);
    const live = await ops.check(loaded);
    expect(live.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(live.problems.map((p) => p.code)).toContain('UNSCORED');
    expect(live.problems.find((p) => p.code === 'UNSCORED' && p.owner === '6')).toBeTruthy();
  });

  test('a name pointed by hand at another criterion’s cell: Cập nhật gives each criterion its own entry back', async () => {
    const { host, ops } = fakeExcel();
    await ops.generate({ loaded, unitName: UNIT });
    host.typeIntoName('TC_05', 2.5);
    host.typeIntoName('TC_06', 1);
    host.names.get('TC_05')!.target = { ...host.names.get('TC_06')!.target! };
    expect((await ops.check(loaded)).problems.map((p) => p.code)).toContain('NAME_SHARED');
    const result = await ops.generate({ loaded, unitName: '' });
    expect(result.repairs.map((r) => [r.name, r.followed])).toEqual([['TC_05', false]]);
    const value = (name: string) => host.cellAt(SHEET_NAME, host.nameAddress(name)!.address)?.value;
    expect([value('TC_05'), value('TC_06')]).toEqual([2.5, 1]);
  });
});
