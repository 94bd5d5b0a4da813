/**
 * What each task pane operation costs in Office.js round trips, counted on
 * the fake host: syncs, and the API operations queued into them, by kind.
 * On a slow connection every sync is a network round trip; queued operations
 * are the size of what travels.
 */
import type { WorkbookView } from '../src/check';
import { createExcelOperations } from '../src/excel';
import { buildSheetPlan } from '../src/layout/plan';
import { consolidate, type FileReading, type MergeResult } from '../src/merge/consolidate';
import { readUnit } from '../src/merge/unit';
import { allCriteria, builtinRubric, type LoadedRubric } from '../src/rubric';
import type { CellInput } from '../src/scoring/inputs';
import { FakeExcelHost } from '../test/fakes/excel-host';
import { FakeRequestContext } from '../test/fakes/excel-host/objects';
import { completeEntries } from '../test/support/fixtures';
import type { FillValue } from '../test/support/workbooks';
import { syntheticRubric } from './rubrics';

export const OPERATION_KINDS = ['reads', 'names', 'contents', 'formatting', 'validation', 'conditionalFormats'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/** Where a queued operation belongs, from the fake host's description of it. */
function kindOf(location: string): OperationKind {
  if (location.includes('.load(')) return 'reads';
  if (location.startsWith('names.') || location.startsWith('workbook.names')) return 'names';
  if (location.includes('.dataValidation.')) return 'validation';
  if (location.includes('.conditionalFormats')) return 'conditionalFormats';
  if (location.includes('.format.')) return 'formatting';
  // Values, formulas, number formats, merges, sheets, protection, page setup.
  return 'contents';
}

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

function emptyTally(): OfficeCost['operations'] {
  return { total: 0, reads: 0, names: 0, contents: 0, formatting: 0, validation: 0, conditionalFormats: 0 };
}

/** Every operation a sync sends, tallied by kind as it leaves its request context. */
let tally = emptyTally();
const takeQueue = FakeRequestContext.prototype.takeQueue;
FakeRequestContext.prototype.takeQueue = function (this: FakeRequestContext) {
  const steps = takeQueue.call(this);
  for (const step of steps) {
    tally[kindOf(step.location)]++;
    tally.total++;
  }
  return steps;
};

/** The fake host, and what it was sent since the last call to `take`. */
function countingHost(): { host: FakeExcelHost; take: () => Pick<OfficeCost, 'syncs' | 'operations' | 'largestRequestBytes'> } {
  const host = new FakeExcelHost({ apiVersion: '1.9' });
  let seen = 0;
  tally = emptyTally();
  return {
    host,
    take: () => {
      const syncs = host.syncLog.slice(seen);
      seen = host.syncLog.length;
      const out = { syncs: syncs.length, operations: tally, largestRequestBytes: Math.max(0, ...syncs.map((s) => s.bytes)) };
      tally = emptyTally();
      return out;
    },
  };
}

/**
 * What a returned workbook holds when filled with `entries`, straight from
 * the sheet plan: the merge's input without writing and reading files.
 */
function filledView(loaded: LoadedRubric, entries: Record<string, FillValue>): WorkbookView {
  const plan = buildSheetPlan(loaded, { createdAt: '2026-01-15T08:00:00.000Z' });
  const fields = new Map(plan.fields.map((f) => [f.name, f]));
  return {
    meta: Object.fromEntries(plan.meta),
    hasName: (name) => fields.has(name),
    cell(name): CellInput {
      const f = fields.get(name);
      if (f?.role === 'computed') return { kind: 'formula', formula: f.formula ?? '', result: null };
      if (f?.role === 'max') return { kind: 'number', value: f.value as number };
      const v = entries[name];
      return typeof v === 'number' ? { kind: 'number', value: v } : typeof v === 'string' ? { kind: 'text', value: v } : { kind: 'empty' };
    },
  };
}

/** The consolidated result of `units` returned workbooks, every one filled in full. */
function mergeOf(loaded: LoadedRubric, units: number): MergeResult {
  const readings: FileReading[] = Array.from({ length: units }, (_, i) => {
    const unitName = `Hội LHPN đơn vị số ${i + 1}`;
    const unit = readUnit(filledView(loaded, completeEntries(unitName, i + 1, loaded)), loaded);
    return { file: `don-vi-${i + 1}.xlsx`, savedAt: null, unit, problems: unit.problems };
  });
  return consolidate(readings, loaded);
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
  const { host, take } = countingHost();
  const ops = createExcelOperations(host.run, {
    isSetSupported: (version) => host.supports('ExcelApi', version),
    now: () => '2026-01-15T08:00:00.000Z',
    generatorVersion: 'bench',
    retryDelayMs: 0,
  });
  const out: OfficeCost[] = [];
  const record = (operation: string) => out.push({ ...shape, operation, ...take() });

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
    const result = mergeOf(loaded, units);
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
