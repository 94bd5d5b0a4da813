/**
 * What each task pane operation costs in Office.js round trips, counted on
 * the fake host: syncs, and the API operations queued into them, by kind.
 * On a slow connection every sync is a network round trip; queued operations
 * are the size of what travels.
 */
import { createExcelOperations } from '../src/excel';
import { buildSheetPlan } from '../src/layout/plan';
import { allCriteria, builtinRubric, type LoadedRubric } from '../src/rubric';
import { FakeExcelHost } from '../test/fakes/excel-host';
import { operationsByKind, type OperationKind } from '../test/fakes/excel-host/operation-kinds';
import { completeEntries } from '../test/support/fixtures';
import { mergedUnits } from '../test/support/merged-units';
import { syntheticRubric } from '../test/support/synthetic-rubric';

export interface OfficeCost {
  rubric: string;
  criteria: number;
  sections: number;
  /** Cells of the sheet plan, and the named ones among them. */
  cells: number;
  namedCells: number;
  operation: string;
  syncs: number;
  operations: Record<OperationKind, number> & { total: number };
  /** The largest request of the operation, as the fake host sizes it (Excel on the web refuses 5 MB). */
  largestRequestBytes: number;
}

/** The fake host, and what it was sent since the last call to `take`. */
function countingHost(apiVersion: string): { host: FakeExcelHost; take: () => Pick<OfficeCost, 'syncs' | 'operations' | 'largestRequestBytes'> } {
  const host = new FakeExcelHost({ apiVersion });
  let seen = 0;
  return {
    host,
    take: () => {
      const syncs = host.syncLog.slice(seen);
      seen = host.syncLog.length;
      const operations = operationsByKind(syncs.flatMap((s) => s.locations));
      return { syncs: syncs.length, operations, largestRequestBytes: Math.max(0, ...syncs.map((s) => s.bytes)) };
    },
  };
}

async function costsFor(label: string, loaded: LoadedRubric, mergeUnits: number[]): Promise<OfficeCost[]> {
  const plan = buildSheetPlan(loaded);
  const shape = {
    rubric: label,
    criteria: allCriteria(loaded.rubric).length,
    sections: loaded.rubric.sections.length,
    cells: plan.cells.length,
    namedCells: plan.fields.length,
  };
  const out: OfficeCost[] = [];
  const excelOn = (apiVersion: string) => {
    const { host, take } = countingHost(apiVersion);
    const ops = createExcelOperations(host.run, {
      isSetSupported: (version) => host.supports('ExcelApi', version),
      now: () => '2026-01-15T08:00:00.000Z',
      generatorVersion: 'bench',
      retryDelayMs: 0,
    });
    return { host, ops, record: (operation: string) => out.push({ ...shape, operation, ...take() }), take };
  };

  // Excel 2019 stops at ExcelApi 1.8: no RangeAreas, so one call per rectangle.
  const excel2019 = excelOn('1.8');
  await excel2019.ops.generate({ loaded, unitName: 'Hội LHPN huyện Hà Quảng' });
  excel2019.record('generate (new, ExcelApi 1.8)');

  const { host, ops, record, take } = excelOn('1.9');
  await ops.generate({ loaded, unitName: 'Hội LHPN huyện Hà Quảng' });
  record('generate (new)');
  // A user fills every input; the upgrade then carries all of it over.
  for (const [name, value] of Object.entries(completeEntries('Hội LHPN huyện Hà Quảng', 1, loaded))) {
    if (typeof value === 'string' || typeof value === 'number') host.typeIntoName(name, value);
  }
  take();
  await ops.check(loaded);
  record('check');
  await ops.generate({ loaded, unitName: '' });
  record('upgrade (filled)');
  for (const units of mergeUnits) {
    const result = mergedUnits(loaded, units);
    if (result.units.length !== units) throw new Error(`only ${result.units.length} of ${units} units merged`);
    await ops.writeMerge({ loaded, result, mergedAt: 'bench' });
    record(`merge-write (${units} units)`);
  }
  return out;
}

export async function officeCosts(): Promise<OfficeCost[]> {
  return [
    ...(await costsFor('2024', builtinRubric(), [10, 100])),
    ...(await costsFor('200 tiêu chí', syntheticRubric(200), [10])),
    ...(await costsFor('1.000 tiêu chí', syntheticRubric(1000), [10])),
  ];
}
