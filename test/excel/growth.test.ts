/**
 * On a slow connection what travels is the queued operations. With
 * RangeAreas (ExcelApi 1.9) they must grow with the sheet's structure, not
 * with its criteria or units; only the defined names, one per named cell,
 * are a list of their own.
 */
import { asExcelContext } from '../../src/excel/api';
import { MAX_ADDRESS_LENGTH, runOps } from '../../src/excel/ops';
import { validationOps } from '../../src/excel/sheet-ops';
import { a1, parseA1 } from '../../src/layout/a1';
import { validityFormula } from '../../src/layout/formulas';
import { numberValidation, type PlanValidation } from '../../src/layout/rules';
import { builtinRubric, type LoadedRubric } from '../../src/rubric';
import { buildSheetPlan, SHEET_NAME } from '../../src/layout/plan';
import { operationsByKind } from '../fakes/excel-host/operation-kinds';
import { mergedUnits } from '../support/merged-units';
import { syntheticRubric } from '../support/synthetic-rubric';
import { fakeExcel, UNIT } from './setup';

async function generateCost(loaded: LoadedRubric, apiVersion = '1.9') {
  const { host, ops } = fakeExcel({ apiVersion });
  await ops.generate({ loaded, unitName: UNIT });
  // The signature block's page break comes or not with the table's length.
  const locations = host.syncLog.flatMap((s) => s.locations).filter((l) => !l.includes('PageBreaks.add('));
  return { host, operations: operationsByKind(locations) };
}

describe('queued operations grow with structure, not size (ExcelApi 1.9)', () => {
  test('a rubric of 400 criteria queues what one of 200 does, besides one name per named cell', async () => {
    const small = syntheticRubric(200);
    const large = syntheticRubric(400);
    const [a, b] = [await generateCost(small), await generateCost(large)];
    expect(a.operations.names).toBe(buildSheetPlan(small).fields.length);
    expect(b.operations.names).toBe(buildSheetPlan(large).fields.length);
    const besidesNames = (o: typeof a.operations) => ({ ...o, names: 0, total: o.total - o.names });
    expect(besidesNames(b.operations)).toEqual(besidesNames(a.operations));
    // A couple of hundred, where one call per rectangle takes thousands.
    expect(besidesNames(b.operations).total).toBeLessThan(250);
  });

  test('merging 30 units formats, validates and flags with as many operations as merging 10', async () => {
    const loaded = builtinRubric();
    const costOf = async (units: number) => {
      const { host, ops } = fakeExcel();
      await ops.writeMerge({ loaded, result: mergedUnits(loaded, units), mergedAt: 'kiểm thử' });
      return operationsByKind(host.syncLog.flatMap((s) => s.locations));
    };
    const [ten, thirty] = [await costOf(10), await costOf(30)];
    expect([thirty.formatting, thirty.validation, thirty.conditionalFormats]).toEqual([ten.formatting, ten.validation, ten.conditionalFormats]);
  });

  test('Excel 2019 (ExcelApi 1.8), one call per rectangle, ends with the same sheet', async () => {
    const loaded = builtinRubric();
    const older = await generateCost(loaded, '1.8');
    const newer = await generateCost(loaded, '1.9');
    expect(older.operations.total).toBeGreaterThan(2 * newer.operations.total);
    const look = (host: typeof older.host) => {
      const sheet = host.sheet(SHEET_NAME);
      const byPlace = <T extends { range: { top: number; left: number } }>(items: T[]) =>
        [...items].sort((x, y) => x.range.left - y.range.left || x.range.top - y.range.top);
      return {
        cells: [...sheet.cells.entries()].sort(([x], [y]) => x.localeCompare(y)),
        merges: sheet.merges,
        rowHeights: [...sheet.rowHeights.entries()].sort(([x], [y]) => x - y),
        validations: byPlace(sheet.validations),
        conditionalFormats: byPlace(sheet.conditionalFormats),
      };
    };
    expect(look(newer.host)).toEqual(look(older.host));
  });
});

describe('RangeAreas calls', () => {
  const rule = { whole: false, min: 0, max: 3 };
  /** Queues `validations` onto Sheet1 of a fresh fake Excel, in as few calls as the adapter makes. */
  async function validated(validations: PlanValidation[]) {
    const { host } = fakeExcel();
    await host.run(async (context) => {
      runOps(validationOps(asExcelContext(context).workbook.worksheets.getItem('Sheet1'), validations, ','));
      await context.sync();
    });
    const calls = host.syncLog
      .flatMap((s) => s.locations)
      .filter((l) => l.endsWith('.dataValidation.rule'))
      .map((l) => (/getRanges?\("([^"]+)"\)/.exec(l) as RegExpExecArray)[1].split(',').map((a) => parseA1(a.split(':')[0])));
    return { host, calls };
  }

  test('an address never passes Office.js’s limit, and every cell gets its rule moved to it', async () => {
    const cells = Array.from({ length: 3000 }, (_, i) => ({ top: 2 * i + 1, left: 8, bottom: 2 * i + 1, right: 8 }));
    const { host, calls } = await validated(cells.map((range) => numberValidation(range, 'Điểm tự chấm', rule)));
    expect(calls.length).toBeGreaterThan(1);
    for (const location of host.syncLog.flatMap((s) => s.locations)) {
      const address = /getRanges\("([^"]+)"\)/.exec(location)?.[1];
      if (address) expect(address.length).toBeLessThanOrEqual(MAX_ADDRESS_LENGTH);
    }
    const sheet = host.sheet('Sheet1');
    expect(sheet.validations).toHaveLength(cells.length);
    for (const v of sheet.validations) expect(v.rule?.custom?.formula).toBe(`=${validityFormula(a1(v.range.top, v.range.left), rule)}`);
  });

  test('a call’s first area is the top-left corner of all its areas, the one anchor any reading of a relative rule agrees on', async () => {
    const places = [
      [10, 8],
      [12, 8],
      [11, 4],
      [30, 8],
      [30, 4],
      [40, 12],
    ];
    const ranges = places.map(([row, col]) => ({ top: row, left: col, bottom: row, right: col }));
    const { host, calls } = await validated(ranges.map((range) => numberValidation(range, 'Điểm tự chấm', rule)));
    for (const areas of calls) {
      expect(areas[0].row).toBe(Math.min(...areas.map((a) => a.row)));
      expect(areas[0].col).toBe(Math.min(...areas.map((a) => a.col)));
    }
    expect(calls.flat()).toHaveLength(places.length);
    for (const v of host.sheet('Sheet1').validations) {
      expect(v.rule?.custom?.formula).toBe(`=${validityFormula(a1(v.range.top, v.range.left), rule)}`);
    }
  });
});
