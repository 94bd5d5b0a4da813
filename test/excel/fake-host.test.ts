/**
 * The fake Excel host itself: the adapter's tests mean something only if
 * the fake behaves like Excel where it matters.
 */
import { createExcelOperations } from '../../src/excel';
import { builtinRubric } from '../../src/rubric';
import { FakeExcelHost, installFakeOffice } from '../fakes/excel-host';

const richCode = (error: unknown) => (error as { code?: string }).code;

describe('loads', () => {
  test('a property can be read only after load() and sync()', async () => {
    const host = new FakeExcelHost();
    host.type('Sheet1', 'A1', 5);
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      // Loaded but not yet synced: still unavailable.
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([[5, '']]);
      expect(() => range.formulas).toThrow(/not available/);
    });
  });

  test('accepts "a,b", ["a"] and {select} and snapshots at sync time', async () => {
    const host = new FakeExcelHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const a = sheet.getRange('A1');
      const b = sheet.getRange('B2');
      const c = sheet.getRange('C3');
      a.load('values, formulas');
      b.load(['address']);
      c.load({ select: 'valueTypes' });
      a.values = [['=1+1']];
      await context.sync();
      expect(a.values).toEqual([['']]);
      expect(a.formulas).toEqual([['']]);
      expect(b.address).toBe('Sheet1!B2');
      expect(c.valueTypes).toEqual([['Empty']]);
      a.load('formulas');
      await context.sync();
      expect(a.formulas).toEqual([['=1+1']]);
    });
  });

  test('a missing sheet is a null object, and so is what hangs off it', async () => {
    const host = new FakeExcelHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject('Không có');
      sheet.load('name');
      const used = sheet.getUsedRangeOrNullObject();
      used.load('values');
      expect(() => sheet.isNullObject).toThrow(/not available/);
      sheet.delete();
      await context.sync();
      expect(sheet.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
      expect(() => sheet.name).toThrow(/null object/);
    });
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.getItem('Không có').getRange('A1').load('values');
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(richCode(error)).toBe('ItemNotFound');
  });
});

describe('writes', () => {
  test('are queued and applied at sync, counted as operations', async () => {
    const host = new FakeExcelHost();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      range.numberFormat = [['@', 'General']];
      range.values = [['x', 2]];
      expect(host.cellAt('Sheet1', 'A1')).toBeUndefined();
      await context.sync();
    });
    expect(host.cellAt('Sheet1', 'A1')).toMatchObject({ value: 'x', numberFormat: '@' });
    expect(host.cellAt('Sheet1', 'B1')?.value).toBe(2);
    expect(host.syncCount).toBe(1);
    expect(host.operationCount).toBe(2);
    // Sized as sent: each operation's path plus the JSON (UTF-8) of what it carries.
    const path = 'worksheets.getItem("Sheet1").getRange("A1:B1").';
    const expected = `${path}numberFormat[["@","General"]]${path}values[["x",2]]`.length;
    expect(host.syncLog).toEqual([{ operations: 2, locations: [`${path}numberFormat`, `${path}values`], bytes: expected }]);
  });

  test('size a request in UTF-8 bytes, so Vietnamese text counts as it travels', async () => {
    const host = new FakeExcelHost();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['Hội']];
      await context.sync();
    });
    const path = 'worksheets.getItem("Sheet1").getRange("A1").values';
    // "ộ" is three bytes.
    expect(host.syncLog[0].bytes).toBe(path.length + '[["Hội"]]'.length + 2);
  });

  test('store typed text the way Excel does: formulas unless the cell is text-formatted', async () => {
    const host = new FakeExcelHost();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:F2');
      range.numberFormat = [
        ['General', 'General', 'General', 'General', 'General', 'General'],
        ['@', '@', '@', '@', '@', '@'],
      ];
      const typed = ['=1+1', '+1+1', '-x', "'=1+1", '12', 'TRUE'];
      range.values = [typed, typed];
      await context.sync();
    });
    const cell = (a: string) => host.cellAt('Sheet1', a);
    expect([cell('A1')?.formula, cell('B1')?.formula, cell('C1')?.formula]).toEqual(['1+1', '+1+1', '-x']);
    expect([cell('D1')?.value, cell('E1')?.value, cell('F1')?.value]).toEqual(['=1+1', 12, true]);
    for (const a of ['A2', 'B2', 'C2', 'D2', 'E2', 'F2']) expect(cell(a)?.formula).toBeUndefined();
    expect([cell('A2')?.value, cell('B2')?.value, cell('E2')?.value]).toEqual(['=1+1', '+1+1', '12']);
  });

  test('an array that does not fit the range is refused', async () => {
    const host = new FakeExcelHost();
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').values = [[1, 2]];
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(richCode(error)).toBe('InvalidArgument');
  });

  test('a protected sheet refuses edits to locked cells, from the API and from the user', async () => {
    const host = new FakeExcelHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('B2').format.protection.locked = false;
      sheet.protection.protect();
      await context.sync();
    });
    host.type('Sheet1', 'B2', 'được');
    expect(() => host.type('Sheet1', 'A1', 'không')).toThrow(expect.objectContaining({ code: 'AccessDenied' }));
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['x']];
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(richCode(error)).toBe('AccessDenied');
  });

  test('a very hidden sheet or the last visible one cannot be deleted', async () => {
    const host = new FakeExcelHost({ sheetNames: ['Một', 'Hai'] });
    const attempt = (work: (context: Excel.RequestContext) => void) =>
      host
        .run(async (context) => {
          work(context);
          await context.sync();
        })
        .catch((e: unknown) => e);
    await attempt((c) => (c.workbook.worksheets.getItem('Hai').visibility = 'VeryHidden'));
    expect(richCode(await attempt((c) => c.workbook.worksheets.getItem('Hai').delete()))).toBe('InvalidOperation');
    expect(richCode(await attempt((c) => c.workbook.worksheets.getItem('Một').delete()))).toBe('InvalidOperation');
    expect(host.sheets.map((s) => s.name)).toEqual(['Một', 'Hai']);
  });
});

describe('the host', () => {
  test('refuses APIs above its requirement set', async () => {
    const host = new FakeExcelHost({ apiVersion: '1.7' });
    expect(host.supports('ExcelApi', '1.7')).toBe(true);
    expect(host.supports('ExcelApi', '1.8')).toBe(false);
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation.rule = { custom: { formula: '=A1>0' } };
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(richCode(error)).toBe('ApiNotFound');
  });

  test('an injected failure applies nothing', async () => {
    const host = new FakeExcelHost();
    host.failNextSync();
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(richCode(error)).toBe('InvalidOperationInCellEditMode');
    expect(host.cellAt('Sheet1', 'A1')).toBeUndefined();
  });

  test('a batch that ends with unsynced work fails loudly', async () => {
    const host = new FakeExcelHost();
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      }),
    ).rejects.toThrow(/never synced/);
  });
});

describe('sheet lists, panes, page breaks, filters and named ranges', () => {
  test('the sheet list is read only after load and sync, one proxy per sheet', async () => {
    const host = new FakeExcelHost({ sheetNames: ['Sheet1', 'Tổng hợp'] });
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/not available/);
      sheets.load('items/name');
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Sheet1', 'Tổng hợp']);
      expect(() => sheets.items[0].position).toThrow(/not available/);
    });
  });

  test('freezeAt keeps the given range in the top-left pane; each freeze replaces the last', async () => {
    const host = new FakeExcelHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.freezePanes.freezeAt(sheet.getRange('A1:C6'));
      await context.sync();
      expect([host.sheet('Sheet1').frozenRows, host.sheet('Sheet1').frozenColumns]).toEqual([6, 3]);
      sheet.freezePanes.freezeRows(2);
      await context.sync();
    });
    expect([host.sheet('Sheet1').frozenRows, host.sheet('Sheet1').frozenColumns]).toEqual([2, 0]);
  });

  test('page breaks, print title columns and filters need ExcelApi 1.9', async () => {
    const host = new FakeExcelHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.horizontalPageBreaks.add(sheet.getRange('A20'));
      sheet.verticalPageBreaks.add(sheet.getRange('F1'));
      sheet.pageLayout.setPrintTitleColumns(sheet.getRange('A1:C1').getEntireColumn());
      sheet.autoFilter.apply(sheet.getRange('A4:F9'));
      await context.sync();
      sheet.horizontalPageBreaks.removePageBreaks();
      await context.sync();
    });
    const sheet = host.sheet('Sheet1');
    expect({ rows: sheet.rowBreaks, cols: sheet.columnBreaks, titles: sheet.pageLayout.printTitleColumns, filter: sheet.autoFilter }).toEqual({
      rows: [],
      cols: [6],
      titles: { from: 1, to: 3 },
      filter: { top: 4, left: 1, bottom: 9, right: 6 },
    });
    const old = new FakeExcelHost({ apiVersion: '1.8' });
    const error = await old
      .run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').autoFilter.apply('Sheet1!A1:B2');
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(richCode(error)).toBe('ApiNotFound');
  });

  test('RangeAreas (ExcelApi 1.9) formats every area and moves a relative rule to each area’s corner', async () => {
    const host = new FakeExcelHost();
    await host.run(async (context) => {
      const areas = context.workbook.worksheets.getItem('Sheet1').getRanges('B2:B3,D5');
      areas.format.fill.color = '#ffeeaa';
      areas.dataValidation.rule = { custom: { formula: '=AND(B2>=0,B2<=$C2)' } };
      areas.conditionalFormats.add('Custom').custom.rule.formula = '=B2>$C$1';
      await context.sync();
    });
    const sheet = host.sheet('Sheet1');
    expect(['B2', 'B3', 'D5', 'C2'].map((ref) => host.cellAt('Sheet1', ref)?.fill ?? null)).toEqual(['#FFEEAA', '#FFEEAA', '#FFEEAA', null]);
    expect(sheet.validations.map((v) => [v.range, v.rule?.custom?.formula])).toEqual([
      [{ top: 2, left: 2, bottom: 3, right: 2 }, '=AND(B2>=0,B2<=$C2)'],
      [{ top: 5, left: 4, bottom: 5, right: 4 }, '=AND(D5>=0,D5<=$C5)'],
    ]);
    expect(sheet.conditionalFormats.map((cf) => cf.formula)).toEqual(['=B2>$C$1', '=D5>$C$1']);

    const old = new FakeExcelHost({ apiVersion: '1.8' });
    const error = await old
      .run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRanges('A1,B2').format.fill.color = '#ffeeaa';
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(richCode(error)).toBe('ApiNotFound');
  });

  test('a name’s range is a null object when the name is missing or broken', async () => {
    const host = new FakeExcelHost({ sheetNames: ['Sheet1', 'Tạm'] });
    await host.run(async (context) => {
      context.workbook.names.add('Ok', context.workbook.worksheets.getItem('Sheet1').getRange('B3'));
      context.workbook.names.add('Gay', context.workbook.worksheets.getItem('Tạm').getRange('A1'));
      await context.sync();
    });
    host.deleteSheet(host.sheet('Tạm'));
    await host.run(async (context) => {
      const ranges = ['ok', 'Gay', 'Thieu'].map((n) => context.workbook.names.getItemOrNullObject(n).getRangeOrNullObject());
      for (const r of ranges) r.load('address');
      await context.sync();
      expect(ranges.map((r) => (r.isNullObject ? null : r.address))).toEqual(['Sheet1!B3', null, null]);
    });
  });
});

describe('installFakeOffice', () => {
  const g = globalThis as unknown as { Office?: unknown; Excel?: unknown };
  afterEach(() => {
    delete g.Office;
    delete g.Excel;
  });

  test('stands in for office.js: onReady, requirement sets and Excel.run drive the adapter', async () => {
    const host = installFakeOffice(globalThis, new FakeExcelHost({ apiVersion: '1.8' }));
    await expect(Office.onReady()).resolves.toEqual({ host: Office.HostType.Excel, platform: 'PC' });
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
    // Wired as the task pane wires it: no options, the globals answer.
    const ops = createExcelOperations((batch) => Excel.run(batch));
    const result = await ops.generate({ loaded: builtinRubric(), unitName: 'Hội LHPN huyện Bảo Lạc' });
    expect(result.notices).toHaveLength(1);
    expect(host.nameAddress('TenDonVi')).toEqual({ sheet: 'Tự chấm điểm', address: expect.any(String) });
  });
});

describe('event handlers', () => {
  test('a handler is removed only in Excel.run on the context it was added in, as Excel requires', async () => {
    const host = new FakeExcelHost();
    let calls = 0;
    const handle = await host.run(async (context) => {
      const added = context.workbook.worksheets.getItem('Sheet1').onChanged.add(async () => void calls++);
      await context.sync();
      return added;
    });
    // Outside any run, and from a run of its own, the context that added it is not there to remove it.
    expect(() => handle.remove()).toThrow(expect.objectContaining({ code: 'InvalidRequestContext' }));
    await expect(handle.context.sync()).rejects.toThrow(/outside Excel.run/);
    await expect(
      host.run(async (context) => {
        handle.remove();
        await context.sync();
      }),
    ).rejects.toThrow(expect.objectContaining({ code: 'InvalidRequestContext' }));
    host.type('Sheet1', 'A1', 1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toBe(1);

    await host.run(async (context) => {
      handle.remove();
      await context.sync();
    }, handle.context);
    host.type('Sheet1', 'A1', 2);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toBe(1);
  });
});
