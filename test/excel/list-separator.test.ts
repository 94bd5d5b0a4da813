/**
 * Worksheet.getRanges is documented to take areas separated by commas, yet
 * some desktop builds take only the locale's list separator, ";" where the
 * decimal mark is a comma as in vi-VN (office-js #1167, #1985), and refuse
 * the other with InvalidArgument. Generate, merge and the rubric sheets must
 * not depend on which: on a host of either kind, or one that takes neither,
 * they leave the same sheets.
 */
import rubric2024 from '../../src/rubric/data/2024.json';
import { readForMerge } from '../../src/app/merge-read';
import { consolidate, type FileReading, type MergeResult } from '../../src/merge/consolidate';
import { MERGE_SHEETS } from '../../src/merge/plan';
import { SHEET_NAME } from '../../src/layout/plan';
import { packageReader } from '../../src/package/package-reader';
import { builtinRubric, type Rubric } from '../../src/rubric';
import { names } from '../../src/rubric/names';
import { FakeExcelHost } from '../fakes/excel-host';
import { fixtureSet } from '../support/fixtures';
import { fakeExcel, UNIT } from './setup';

const loaded = builtinRubric();
const MERGED_AT = '08:30 ngày 02/03/2026';
const MERGE = [MERGE_SHEETS.summary, MERGE_SHEETS.ranking, MERGE_SHEETS.check, MERGE_SHEETS.evidence];
const MODES = [',', ';', 'none'] as const;
type Mode = (typeof MODES)[number];

/** Everything a sheet shows, prints and enforces, in an order that does not depend on how it was written. */
function sheetState(host: FakeExcelHost, name: string): unknown {
  const s = host.sheet(name);
  const sorted = (items: Iterable<unknown>) => [...items].map((item) => JSON.stringify(item)).sort();
  return {
    visibility: s.visibility,
    cells: sorted(s.cells),
    merges: sorted(s.merges),
    validations: sorted(s.validations),
    conditionalFormats: sorted(s.conditionalFormats),
    protection: s.protection,
    columnWidths: sorted(s.columnWidths),
    rowHeights: sorted(s.rowHeights),
    frozen: [s.frozenRows, s.frozenColumns],
    pageLayout: s.pageLayout,
    breaks: [s.rowBreaks, s.columnBreaks],
    autoFilter: s.autoFilter,
  };
}

/** Workbook names with the sheet they point at. */
function namesState(host: FakeExcelHost): string[] {
  const sheetName = (id: string) => host.sheets.find((s) => s.id === id)?.name;
  return [...host.names.values()].map((n) => JSON.stringify([n.name, n.target && sheetName(n.target.sheetId), n.target?.range, n.visible])).sort();
}

const PROBE = /getActiveWorksheet\(\)\.getRanges\("A1[,;]A2"\)/;
/** Calls that join several areas in one address, the probe left out. */
const joinedCalls = (host: FakeExcelHost) =>
  host.syncLog.flatMap((s) => s.locations).filter((l) => /getRanges\("[^"]*[,;]/.test(l) && !PROBE.test(l));
const probes = (host: FakeExcelHost) => host.syncLog.filter((s) => s.locations.some((l) => PROBE.test(l))).length;

async function mergeResult(): Promise<MergeResult> {
  const wanted = ['ha-quang.xlsx', 'bao-lac.xlsx', 'nguyen-binh-sai-so.xlsx', 'chen-cong-thuc.xlsx'];
  const readings: FileReading[] = [];
  for (const f of fixtureSet().filter((x) => wanted.includes(x.file))) {
    readings.push(await readForMerge(packageReader, new Uint8Array((await f.build('')) as Buffer), f.file, loaded));
  }
  return consolidate(readings, loaded);
}

describe.each(MODES)('a host whose getRanges takes %s', (mode: Mode) => {
  const reference = fakeExcel({ listSeparator: ',' });
  const subject = fakeExcel({ listSeparator: mode });
  let result: MergeResult;

  beforeAll(async () => {
    result = await mergeResult();
    for (const { ops, host } of [reference, subject]) {
      await ops.generate({ loaded, unitName: UNIT });
      host.typeIntoName(names.score('1'), 3);
      host.typeIntoName(names.evidence('1'), 'Biên bản số 1');
      // An upgrade rewrites the sheet with its entries: a second write in the same session.
      await ops.generate({ loaded, unitName: UNIT });
      await ops.writeMerge({ loaded, result, mergedAt: MERGED_AT });
      await ops.writeRubric(rubric2024 as unknown as Rubric);
    }
  }, 120_000);

  test('generate, upgrade, merge and the rubric sheets leave the same sheets and names', () => {
    expect(subject.host.sheets.map((s) => s.name)).toEqual(reference.host.sheets.map((s) => s.name));
    expect(subject.host.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([SHEET_NAME, ...MERGE]));
    for (const sheet of reference.host.sheets) expect(sheetState(subject.host, sheet.name)).toEqual(sheetState(reference.host, sheet.name));
    expect(namesState(subject.host)).toEqual(namesState(reference.host));
    expect(subject.host.nameAddress(names.score('1'))).toEqual(reference.host.nameAddress(names.score('1')));
  });

  test('the separator is found once, in the first request, and every later write joins areas with it', () => {
    expect(subject.host.syncLog.filter((s) => s.failed !== undefined)).toEqual([]);
    // The probe rides along the session's first request only, once per separator tried.
    expect(probes(subject.host)).toBe({ ',': 1, ';': 2, none: 2 }[mode]);
    const joined = joinedCalls(subject.host);
    if (mode === 'none') {
      // One call per range: nothing joins areas, so nothing is refused, at the cost of more operations.
      expect(joined).toEqual([]);
      expect(subject.host.operationCount).toBeGreaterThan(reference.host.operationCount);
    } else {
      expect(joined.length).toBeGreaterThan(10);
      const addresses = joined.map((l) => /getRanges\("([^"]*)"\)/.exec(l)![1]);
      const other = mode === ',' ? ';' : ',';
      expect(addresses.filter((a) => a.includes(other) || !a.includes(mode))).toEqual([]);
      // As many operations as on a host that takes ",", but for the first request, refused and sent again.
      const refused = mode === ';' ? subject.host.syncLog[0].operations : 0;
      expect(subject.host.operationCount - refused).toBe(reference.host.operationCount);
    }
  });
});

test('a host that refuses the separator refuses it as Excel does: InvalidArgument, nothing read', async () => {
  const host = new FakeExcelHost({ listSeparator: ';' });
  const error = await host
    .run(async (context) => {
      const areas = context.workbook.worksheets.getItem('Sheet1').getRanges('A1,B2');
      areas.load('areaCount');
      await context.sync();
      return areas.areaCount;
    })
    .catch((e: unknown) => e);
  expect(error).toMatchObject({ code: 'InvalidArgument' });
  const count = await host.run(async (context) => {
    const areas = context.workbook.worksheets.getItem('Sheet1').getRanges('A1;B2:C3');
    areas.load('areaCount');
    await context.sync();
    return areas.areaCount;
  });
  expect(count).toBe(2);
});

test('ExcelApi 1.8 has no getRanges: no probe, one call per range, the same sheet', async () => {
  const old = fakeExcel({ apiVersion: '1.8', listSeparator: ';' });
  await old.ops.generate({ loaded, unitName: UNIT });
  expect(probes(old.host)).toBe(0);
  expect(old.host.syncLog.some((s) => s.locations.some((l) => l.includes('getRanges')))).toBe(false);
  expect(old.host.sheet(SHEET_NAME).cells.size).toBeGreaterThan(0);
});
