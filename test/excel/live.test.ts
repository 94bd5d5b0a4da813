/**
 * Kiểm tra inside Excel: one sync reads the whole sheet, problems point at
 * their cells, clicking one selects it, and edits call back. Plus the
 * guarantees around every operation: text stays text, a cell being edited
 * gets one retry, and errors arrive in Vietnamese.
 */
import { builtinRubric } from '../../src/rubric';
import { names } from '../../src/rubric/names';
import { SHEET_NAME } from '../../src/layout/plan';
import { entriesFrom, scoreEntries } from '../../src/scoring/score';
import { ExcelOperationError } from '../../src/excel';
import { exportFakeToXlsx } from '../fakes/excel-host/export-xlsx';
import { fakeExcel, loadXlsx, UNIT } from './setup';

const loaded = builtinRubric();

async function generated() {
  const setup = fakeExcel();
  await setup.ops.generate({ loaded, unitName: UNIT });
  return setup;
}

const addressOf = (host: ReturnType<typeof fakeExcel>['host'], name: string) => host.nameAddress(name)?.address;

describe('check', () => {
  test('reads the sheet in one sync and lists each problem with its cell', async () => {
    const { host, ops } = await generated();
    host.typeIntoName(names.score('1'), 7);
    host.typeIntoName(names.score('2'), 4);
    host.typeIntoName(names.evidence('1'), 'Kế hoạch số 3');
    const syncs = host.syncCount;

    const live = await ops.check(loaded);

    expect(host.syncCount - syncs).toBe(1);
    const invalid = live.problems.find((p) => p.code === 'INVALID_VALUE');
    expect(invalid).toMatchObject({ name: names.score('1'), address: addressOf(host, names.score('1')) });
    expect(invalid?.message).toMatch(/Điểm tự chấm phải từ 0 đến 3/);
    expect(live.problems).toContainEqual(
      expect.objectContaining({ code: 'MISSING_EVIDENCE', name: names.evidence('2'), address: addressOf(host, names.evidence('2')) }),
    );
    expect(live.problems.some((p) => p.code === 'MISSING_EVIDENCE' && p.name === names.evidence('1'))).toBe(false);
    // The 7 typed out of 3 leaves criterion 1 unscored.
    expect(live.scoredCount).toBe(1);
    expect(live.criterionCount).toBe(49);
    const expected = scoreEntries(
      loaded.rubric,
      entriesFrom({ [names.score('1')]: { kind: 'number', value: 7 }, [names.score('2')]: { kind: 'number', value: 4 } }),
    );
    expect(live.total).toBe(expected.total);
    // The 7 typed out of 3 is flagged and counts nothing.
    expect(live.total).toBe(4);
  });

  test('a fresh sheet lists every criterion as unscored and totals 0', async () => {
    const { ops } = await generated();
    const live = await ops.check(loaded);
    expect(live.problems.filter((p) => p.code === 'UNSCORED')).toHaveLength(49);
    expect(live.problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(live.total).toBe(0);
  });

  test('without our sheet it says to create it first', async () => {
    const { ops } = fakeExcel();
    await expect(ops.check(loaded)).rejects.toThrow(/chưa có trang “Tự chấm điểm”.*Tạo bảng/);
  });
});

describe('select and onChanged', () => {
  test('clicking a problem selects its cell in one sync', async () => {
    const { host, ops } = await generated();
    host.typeIntoName(names.score('1'), 9);
    const problem = (await ops.check(loaded)).problems.find((p) => p.code === 'INVALID_VALUE')!;
    host.activeSheetId = host.sheet('Sheet1').id;
    const syncs = host.syncCount;
    await ops.select(problem.address!);
    expect(host.syncCount - syncs).toBe(1);
    expect(host.activeSheetId).toBe(host.sheet(SHEET_NAME).id);
    expect(host.selection).toEqual({ sheetId: host.sheet(SHEET_NAME).id, range: expect.objectContaining({ top: expect.any(Number) }) });
    expect(host.nameAddress(names.score('1'))?.address).toBe(problem.address);
  });

  test('calls back on edits until unsubscribed', async () => {
    const { host, ops } = await generated();
    const calls: number[] = [];
    const unsubscribe = await ops.onChanged(() => calls.push(calls.length));
    host.typeIntoName(names.score('1'), 2);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toHaveLength(1);
    await unsubscribe();
    host.typeIntoName(names.score('1'), 3);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toHaveLength(1);
  });

  test('unsubscribing goes through Excel.run on the context that subscribed, retried while a cell is edited', async () => {
    const { host, ops } = await generated();
    const runs = jest.spyOn(host, 'runIn');
    const calls: number[] = [];
    const unsubscribe = await ops.onChanged(() => calls.push(calls.length));
    const subscribedIn = runs.mock.calls.at(-1)![0];
    host.failNextSync();
    await unsubscribe();
    // The refused attempt and the one after it both ran on the subscribing context.
    expect(runs.mock.calls.slice(-2).map(([context]) => context)).toEqual([subscribedIn, subscribedIn]);
    host.typeIntoName(names.score('1'), 3);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toHaveLength(0);
  });

  test('without our sheet both say to create it first', async () => {
    const { ops } = fakeExcel();
    await expect(ops.select('H12')).rejects.toThrow(/Tạo bảng/);
    await expect(ops.onChanged(() => undefined)).rejects.toThrow(/Tạo bảng/);
  });
});

describe('text from users and files stays text', () => {
  test('a unit name and an evidence line that look like formulas arrive as text', async () => {
    const unit = '=HYPERLINK("http://x","y")';
    const { host, ops } = fakeExcel();
    await ops.generate({ loaded, unitName: unit });
    host.typeIntoName(names.evidence('1'), '+1+1');
    host.typeIntoName(names.note('2'), '@SUM(1)');
    // The upgrade writes the entries back through the adapter.
    await ops.generate({ loaded, unitName: '' });

    const cell = (name: string) => {
      const at = host.nameAddress(name)!;
      return host.cellAt(at.sheet, at.address);
    };
    expect(cell(names.unitName)).toMatchObject({ value: unit, numberFormat: '@' });
    expect(cell(names.unitName)?.formula).toBeUndefined();
    expect(cell(names.evidence('1'))).toMatchObject({ value: '+1+1' });
    expect(cell(names.evidence('1'))?.formula).toBeUndefined();
    expect(cell(names.note('2'))?.formula).toBeUndefined();

    const saved = (await loadXlsx(await exportFakeToXlsx(host))).getWorksheet(SHEET_NAME)!;
    const at = host.nameAddress(names.unitName)!;
    expect(saved.getCell(at.address).value).toBe(unit);
    expect(saved.getCell(at.address).formula).toBeUndefined();

    const live = await ops.check(loaded);
    expect(live.problems.filter((p) => p.code === 'FORMULA_IN_INPUT')).toEqual([]);
  });
});

describe('a cell being edited', () => {
  test('gets one retry, and the sheet is made', async () => {
    const { host, ops } = fakeExcel();
    host.failNextSync('InvalidOperationInCellEditMode');
    const result = await ops.generate({ loaded, unitName: UNIT });
    expect(result).toMatchObject({ mode: 'created', syncs: 2 });
    expect(host.syncLog.map((s) => s.failed ?? 'ok')).toEqual(['InvalidOperationInCellEditMode', 'ok', 'ok']);
    expect(host.nameAddress(names.grandTotal)).toBeDefined();
  });

  test('a second refusal is reported in Vietnamese with the code kept', async () => {
    const { host, ops } = fakeExcel();
    host.failNextSync();
    host.failNextSync();
    const error = await ops.check(loaded).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelOperationError);
    expect((error as ExcelOperationError).message).toMatch(/^Excel đang ở chế độ sửa ô\. Hãy nhấn Enter hoặc Esc/);
    expect((error as ExcelOperationError).code).toBe('InvalidOperationInCellEditMode');
    expect(host.syncCount).toBe(2);
  });

  test('other failures are not retried, and are reported in Vietnamese', async () => {
    const { host, ops } = fakeExcel();
    host.failNextSync('AccessDenied');
    const error = (await ops.generate({ loaded, unitName: UNIT }).catch((e: unknown) => e)) as ExcelOperationError;
    // Vietnamese only; Excel's code and English text stay with the error, for the details.
    expect(error.message).toBe('Excel từ chối thao tác: trang tính hoặc sổ làm việc đang được bảo vệ, hoặc bạn không có quyền sửa.');
    expect(error.code).toBe('AccessDenied');
    expect(error.cause).toBeInstanceOf(Error);
    expect(host.syncCount).toBe(1);
    expect(host.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });
});
