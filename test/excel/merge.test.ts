/**
 * The merge written into the open workbook through the Office.js adapter:
 * the same plan as the file writer, in few syncs, each request under Excel's
 * 5 MB, text from the files kept as text, and no existing sheet touched.
 */
import ExcelJS from 'exceljs';
import type { RangeRef } from '../../src/layout/a1';
import { createExcelOperations, ExcelOperationError } from '../../src/excel';
import { REQUEST_LIMIT_BYTES } from '../../src/excel/write-merge';
import { consolidate, type FileReading, type MergeResult } from '../../src/merge/consolidate';
import { buildMergePlan, MERGE_SHEETS, type MergePlan } from '../../src/merge/plan';
import { isLeaf, mergeRows } from '../../src/merge/rows';
import type { UnitReading } from '../../src/merge/unit';
import { builtinRubric } from '../../src/rubric';
import { readForMerge } from '../../src/app/merge-read';
import { packageReader } from '../../src/package/package-reader';
import { writeMergeWorkbook } from '../../src/xlsx/write';
import { FakeExcelHost } from '../fakes/excel-host';
import { exportFakeToXlsx } from '../fakes/excel-host/export-xlsx';
import { EVIL_HYPERLINK, fixtureSet } from '../support/fixtures';
import { fakeExcel, loadXlsx } from './setup';

const loaded = builtinRubric();
const MERGED_AT = '08:30 ngày 02/03/2026';
const STANDARD = [MERGE_SHEETS.summary, MERGE_SHEETS.ranking, MERGE_SHEETS.check, MERGE_SHEETS.evidence];

/** A mixed set, read as the task pane reads picked files. */
async function mixedResult(): Promise<MergeResult> {
  const wanted = ['ha-quang.xlsx', 'bao-lac.xlsx', 'nguyen-binh-sai-so.xlsx', 'chen-cong-thuc.xlsx', 'ten-la-cong-thuc.xlsx', 'rong.xlsx', 'bang-khac.xlsx'];
  const readings: FileReading[] = [];
  for (const f of fixtureSet().filter((x) => wanted.includes(x.file))) {
    readings.push(await readForMerge(packageReader, new Uint8Array((await f.build('')) as Buffer), f.file, loaded));
  }
  return consolidate(readings, loaded);
}

/** Many units with long evidence texts, made directly: a merge far above 5 MB. */
function largeResult(units: number, evidenceChars: number): MergeResult {
  const rows = mergeRows(loaded.rubric);
  const leaves = rows.filter((r) => isLeaf(r) || r.kind === 'sumCriterion');
  const long = (seed: string) => `${seed} — Báo cáo tổng kết công tác Hội năm 2025, kèm biên bản, ảnh và danh sách hội viên. `.repeat(
    Math.ceil(evidenceChars / 90),
  ).slice(0, evidenceChars);
  const readings: FileReading[] = Array.from({ length: units }, (_, i) => {
    const unit: UnitReading = {
      unitName: `Hội LHPN xã số ${String(i + 1).padStart(3, '0')}`,
      createdAt: null,
      selfScores: Object.fromEntries(leaves.map((r) => [r.key, r.max ? Math.min(r.max, 1 + (i % 3)) : null])),
      invalidScores: {},
      totals: { sections: { I: 40 + (i % 17), II: 10, III: 5, IV: 5 }, bonus: 1, deduction: 0, total: 61 + (i % 17) },
      evidence: leaves.map((r) => ({ owner: r.key, evidence: long(`${r.key}/${i}`), note: i % 5 === 0 ? `=${EVIL_HYPERLINK}` : '' })),
      problems: [],
    };
    return { file: `xa-${i + 1}.xlsx`, savedAt: null, unit, problems: [] };
  });
  return consolidate(readings, loaded);
}

/** What a cell holds, as a reader of the saved file sees it. */
function content(cell: ExcelJS.Cell): unknown {
  return cell.formula ? { formula: cell.formula } : cell.value === '' ? null : cell.value;
}

/** Every difference in contents, number format and locking between two saved workbooks' merge sheets. */
function differences(expected: ExcelJS.Workbook, actual: ExcelJS.Workbook, plan: MergePlan): string[] {
  const out: string[] = [];
  for (const sheetPlan of plan.sheets) {
    const a = expected.getWorksheet(sheetPlan.name) as ExcelJS.Worksheet;
    const b = actual.getWorksheet(sheetPlan.name);
    if (!b) {
      out.push(`${sheetPlan.name}: missing`);
      continue;
    }
    const lastRow = Math.max(...sheetPlan.cells.map((c) => c.row));
    const lastCol = Math.max(sheetPlan.columnWidths.length, ...sheetPlan.cells.map((c) => c.col));
    for (let r = 1; r <= lastRow + 1; r++) {
      for (let c = 1; c <= lastCol + 1; c++) {
        const [x, y] = [a.getCell(r, c), b.getCell(r, c)];
        const left = { content: content(x), locked: x.protection?.locked !== false };
        const right = { content: content(y), locked: y.protection?.locked !== false };
        if (JSON.stringify(left) !== JSON.stringify(right)) out.push(`${sheetPlan.name}!${x.address}: ${JSON.stringify(left)} ≠ ${JSON.stringify(right)}`);
        if (typeof x.value === 'string' && y.numFmt !== '@') out.push(`${sheetPlan.name}!${x.address}: text not formatted as text`);
      }
    }
  }
  return out;
}

const sheetNames = (host: FakeExcelHost) => host.sheets.map((s) => s.name);

/** The adapter on `host` with a smaller request budget, so a small merge takes many chunks. */
const opsWith = (host: FakeExcelHost, mergeChunkBytes: number) =>
  createExcelOperations(host.run, { isSetSupported: (v) => host.supports('ExcelApi', v), retryDelayMs: 0, mergeChunkBytes });

describe('writing the merge into the open workbook', () => {
  let result: MergeResult;
  beforeAll(async () => {
    result = await mixedResult();
  });

  test('adds the four sheets after the workbook’s own in two syncs, and opens Tổng hợp', async () => {
    const { host, ops } = fakeExcel();
    const written = await ops.writeMerge({ loaded, result, mergedAt: MERGED_AT });
    expect(written).toMatchObject({ sheets: STANDARD, renamed: false, notices: [], syncs: 2 });
    expect(written.chunkBytes).toHaveLength(1);
    // One read of the sheet names, one request with everything.
    expect(host.syncCount).toBe(2);
    expect(sheetNames(host)).toEqual(['Sheet1', ...STANDARD]);
    expect(host.sheets.find((s) => s.id === host.activeSheetId)?.name).toBe(MERGE_SHEETS.summary);
  });

  test('holds what the file writer writes, cell by cell, with the same locking', async () => {
    const { host, ops } = fakeExcel();
    await ops.writeMerge({ loaded, result, mergedAt: MERGED_AT });
    const plan = buildMergePlan(result, loaded, { mergedAt: MERGED_AT });
    const file = await loadXlsx(await writeMergeWorkbook(plan));
    const addin = await loadXlsx(await exportFakeToXlsx(host));
    expect(differences(file, addin, plan)).toEqual([]);
    // Every merged unit has its column pair on Tổng hợp.
    const header = host.sheet(MERGE_SHEETS.summary);
    const labels = [...header.cells.entries()].filter(([k]) => k.startsWith('5,')).map(([, c]) => c.value);
    for (const u of result.units) expect(labels).toContain(u.label);
  });

  test('protects Tổng hợp and Xếp hạng, leaving only the appraisal cells open, and carries the rules and print setup', async () => {
    {
      const { host, ops } = fakeExcel();
      await ops.writeMerge({ loaded, result, mergedAt: MERGED_AT });
      const plan = buildMergePlan(result, loaded, { mergedAt: MERGED_AT });
      for (const sheetPlan of plan.sheets) {
        const sheet = host.sheet(sheetPlan.name);
        expect([sheetPlan.name, sheet.protection.protected]).toEqual([sheetPlan.name, sheetPlan.protection !== undefined]);
        // Rules of one shape go in one call over several areas, so they come in another order than the plan's.
        const byPlace = (rules: [RangeRef, string | undefined][]) => rules.sort(([a], [b]) => a.left - b.left || a.top - b.top);
        expect(byPlace(sheet.validations.map((v) => [v.range, v.rule?.custom?.formula]))).toEqual(
          byPlace(sheetPlan.validations.map((v) => [v.range, v.formula && `=${v.formula}`])),
        );
        expect(byPlace(sheet.conditionalFormats.map((cf) => [cf.range, cf.formula]))).toEqual(
          byPlace(sheetPlan.conditionalFormats.map((cf) => [cf.range, `=${cf.formula}`])),
        );
        expect([sheet.frozenRows, sheet.frozenColumns]).toEqual([sheetPlan.frozen.rows, sheetPlan.frozen.cols]);
        expect(sheet.autoFilter).toEqual(sheetPlan.autoFilter);
        const print = sheetPlan.print!;
        expect(sheet.pageLayout).toMatchObject({
          paperSize: 'A4',
          orientation: print.orientation === 'landscape' ? 'Landscape' : 'Portrait',
          printTitleRows: print.titleRows,
          zoom: 'pagesWide' in print.fit ? { horizontalFitToPages: print.fit.pagesWide, verticalFitToPages: 0 } : { scale: print.fit.scale },
        });
        expect(sheet.rowBreaks).toEqual(print.rowBreaksBefore);
        expect(sheet.columnBreaks).toEqual(print.columnBreaksAfter.map((c) => c + 1));
      }
      const summary = host.sheet(MERGE_SHEETS.summary);
      const unlocked = [...summary.cells.entries()].filter(([, c]) => !c.locked).map(([k]) => k);
      const planned = plan.sheets[0].cells.filter((c) => c.unlocked).map((c) => `${c.row},${c.col}`);
      expect(unlocked.sort()).toEqual(planned.sort());
      expect(summary.pageLayout.printTitleColumns).toEqual({ from: 1, to: 3 });
      expect(summary.pageLayout.defaultFooter.center).toBe('Trang &P/&N');
      // Xếp hạng is the signed document: page numbers from page 2, centred at the top.
      const ranking = host.sheet(MERGE_SHEETS.ranking).pageLayout;
      expect(ranking).toMatchObject({ headerState: 'FirstAndDefault', firstPage: { center: '' }, defaultForAllPages: { center: '&P' } });
      expect(ranking.margins).toEqual({ top: 56.69, bottom: 56.69, left: 85.04, right: 42.52, header: 22.68, footer: 22.68 });
    }
  });

  test('keeps every text from the files as text: formulas, "+", "-" and "@" never run', async () => {
    const rows = mergeRows(loaded.rubric);
    const leaf = rows.find(isLeaf)!;
    const tricky = ['=1+1', `=${EVIL_HYPERLINK}`, '+84 912 345 678', '-5', '@SUM(A1:A9)', "'quoted"];
    const readings: FileReading[] = tricky.map((text, i) => ({
      file: `${text}.xlsx`,
      savedAt: null,
      unit: {
        unitName: text,
        createdAt: null,
        selfScores: { [leaf.key]: 1 },
        invalidScores: {},
        totals: { sections: { I: 1 }, bonus: 0, deduction: 0, total: 1 + i },
        evidence: [{ owner: leaf.key, evidence: text, note: text }],
        problems: [],
      },
      problems: [],
    }));
    const { host, ops } = fakeExcel();
    await ops.writeMerge({ loaded, result: consolidate(readings, loaded) });
    const cells = host.sheets.filter((s) => s.name !== 'Sheet1').flatMap((s) => [...s.cells.values()].map((c) => ({ sheet: s.name, ...c })));
    // Unit names on three sheets, file names on Kiểm tra, evidence and notes on Minh chứng.
    for (const text of tricky) {
      const holding = cells.filter((c) => c.value === text);
      expect(holding.length).toBeGreaterThanOrEqual(4);
      for (const c of holding) expect({ sheet: c.sheet, formula: c.formula, format: c.numberFormat }).toEqual({ sheet: c.sheet, formula: undefined, format: '@' });
    }
    // Nothing from a file became a formula or a number.
    const planned = /^(SUM|ROUND|IF|RANK|MIN|MAX|'|[A-Z]+\d+$)/;
    expect(cells.filter((c) => c.formula !== undefined && !planned.test(c.formula)).map((c) => c.formula)).toEqual([]);
    expect(cells.filter((c) => c.value === -5 || c.value === 84912345678)).toEqual([]);
  });

  test('never overwrites an existing sheet: the new set takes the first free " (n)"', async () => {
    const { host, ops } = fakeExcel({ sheetNames: ['Sheet1', 'TỔNG HỢP', 'Xếp hạng (2)'] });
    host.type('TỔNG HỢP', 'A1', 'Bảng của tôi');
    const written = await ops.writeMerge({ loaded, result, mergedAt: MERGED_AT });
    const suffixed = STANDARD.map((n) => `${n} (3)`);
    expect(written).toMatchObject({ sheets: suffixed, renamed: true });
    expect(sheetNames(host)).toEqual(['Sheet1', 'TỔNG HỢP', 'Xếp hạng (2)', ...suffixed]);
    expect(host.cellAt('TỔNG HỢP', 'A1')?.value).toBe('Bảng của tôi');
    expect(host.sheet('TỔNG HỢP').cells.size).toBe(1);
    // Xếp hạng (3) reads its totals from Tổng hợp (3), and the notes name the sheets as they are.
    const formulas = [...host.sheet(suffixed[1]).cells.values()].map((c) => c.formula).filter((f): f is string => f !== undefined);
    expect(formulas.filter((f) => f.includes('!')).length).toBeGreaterThan(result.units.length);
    for (const f of formulas.filter((x) => x.includes('!'))) expect(f).toMatch(/^'Tổng hợp \(3\)'!/);
    const notes = [...host.sheet(suffixed[0]).cells.values(), ...host.sheet(suffixed[1]).cells.values()].map((c) => String(c.value));
    expect(notes.some((t) => t.includes('Tổng hợp (3)') || t.includes('Kiểm tra (3)'))).toBe(true);
  });

  test('a workbook that already holds a merge gets a second set beside it, the first left as it was', async () => {
    const { host, ops } = fakeExcel();
    await ops.writeMerge({ loaded, result, mergedAt: MERGED_AT });
    const before = JSON.stringify([...host.sheet(MERGE_SHEETS.summary).cells]);
    const again = await ops.writeMerge({ loaded, result, mergedAt: MERGED_AT });
    expect(again.sheets).toEqual(STANDARD.map((n) => `${n} (2)`));
    expect(JSON.stringify([...host.sheet(MERGE_SHEETS.summary).cells])).toBe(before);
  });

  test('on ExcelApi 1.8 the sheets are written and a notice names what could not be set', async () => {
    const { host, ops } = fakeExcel({ apiVersion: '1.8' });
    const written = await ops.writeMerge({ loaded, result });
    expect(written.syncs).toBe(2);
    expect(written.notices).toHaveLength(1);
    expect(written.notices[0]).toMatch(/chưa hỗ trợ ExcelApi 1\.9.*khổ in.*“Tổng hợp”, “Xếp hạng”, “Kiểm tra”, “Minh chứng”/);
    expect(host.sheet(MERGE_SHEETS.summary).pageLayout.orientation).toBeUndefined();
    expect(host.sheet(MERGE_SHEETS.check).autoFilter).toBeUndefined();
    expect(host.sheet(MERGE_SHEETS.summary).protection.protected).toBe(true);
  });

  test('with nothing merged it refuses in Vietnamese without touching the workbook', async () => {
    const { host, ops } = fakeExcel();
    const empty = consolidate([{ file: 'rong.xlsx', savedAt: null, unit: null, problems: [] }], loaded);
    await expect(ops.writeMerge({ loaded, result: empty })).rejects.toThrow('Không có tệp nào tổng hợp được');
    expect(host.syncCount).toBe(0);
  });

  test('a request Excel refuses midway leaves no half-written sheets behind', async () => {
    const host = new FakeExcelHost();
    const applied = host.sync.bind(host);
    let syncs = 0;
    host.sync = async (context) => {
      if (++syncs === 4) host.failNextSync('GeneralException');
      return applied(context);
    };
    const error = await opsWith(host, 64 * 1024)
      .writeMerge({ loaded, result })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelOperationError);
    expect((error as Error).message).toMatch(/^Excel gặp lỗi khi thực hiện thao tác/);
    expect(syncs).toBe(5);
    expect(sheetNames(host)).toEqual(['Sheet1']);
  });
});

describe('chunks', () => {
  test('a large merge goes in several requests, each under 5 MB, one sync per chunk', async () => {
    const result = largeResult(100, 1500);
    const { host, ops } = fakeExcel();
    const written = await ops.writeMerge({ loaded, result });
    const writes = host.syncLog.slice(1);
    const total = writes.reduce((n, s) => n + s.bytes, 0);
    expect(total).toBeGreaterThan(2 * REQUEST_LIMIT_BYTES);
    expect(written.chunkBytes.length).toBeGreaterThanOrEqual(3);
    // One read, then exactly one sync per chunk.
    expect(written.syncs).toBe(1 + written.chunkBytes.length);
    expect(host.syncCount).toBe(written.syncs);
    for (const sync of writes) expect(sync.bytes).toBeLessThan(REQUEST_LIMIT_BYTES);
    // The estimate never undercounts what the host received.
    writes.forEach((sync, i) => expect(written.chunkBytes[i]).toBeGreaterThanOrEqual(sync.bytes));
    // Every evidence row arrived.
    const evidence = host.sheet(MERGE_SHEETS.evidence);
    const rows = new Set([...evidence.cells.keys()].map((k) => Number(k.split(',')[0])));
    expect(Math.max(...rows)).toBe(3 + result.units.reduce((n, u) => n + u.evidence.length, 0));
  }, 300_000);

  test('chunked or not, the sheets hold the same', async () => {
    const result = largeResult(8, 300);
    const whole = fakeExcel();
    await whole.ops.writeMerge({ loaded, result, mergedAt: MERGED_AT });
    const host = new FakeExcelHost();
    const chunked = opsWith(host, 32 * 1024);
    const written = await chunked.writeMerge({ loaded, result, mergedAt: MERGED_AT });
    expect(written.chunkBytes.length).toBeGreaterThan(10);
    for (const name of STANDARD) {
      const a = whole.host.sheet(name);
      const b = host.sheet(name);
      expect(JSON.stringify([...b.cells].sort())).toBe(JSON.stringify([...a.cells].sort()));
      expect([...b.rowHeights].sort()).toEqual([...a.rowHeights].sort());
      expect(b.merges).toEqual(a.merges);
      expect(b.protection).toEqual(a.protection);
    }
  }, 120_000);
});

describe('a merge refused while a cell is edited (office-js #3388)', () => {
  const result = largeResult(6, 400);
  const marks = (host: FakeExcelHost) => [...host.names.values()].map((n) => n.name).filter((n) => n.startsWith('ChamDiem_DangGhi'));
  /** The four sheets as a merge that was never refused writes them. */
  async function clean(): Promise<FakeExcelHost> {
    const host = new FakeExcelHost();
    await opsWith(host, 64 * 1024).writeMerge({ loaded, result, mergedAt: MERGED_AT });
    return host;
  }
  const sameSheets = (a: FakeExcelHost, b: FakeExcelHost) => {
    for (const name of STANDARD) expect(JSON.stringify([...b.sheet(name).cells].sort())).toBe(JSON.stringify([...a.sheet(name).cells].sort()));
  };

  test('a chunk refused, and its clean-up refused twice more: then removed and written once, no set "(2)"', async () => {
    const host = new FakeExcelHost();
    // The read and the first chunk go through; the second chunk and two clean-ups are refused.
    host.failSyncs(3, { after: 2 });
    const written = await opsWith(host, 64 * 1024).writeMerge({ loaded, result, mergedAt: MERGED_AT });
    expect(written.sheets).toEqual(STANDARD);
    expect(sheetNames(host)).toEqual(['Sheet1', ...STANDARD]);
    expect(marks(host)).toEqual([]);
    expect(host.syncLog.filter((s) => s.failed).length).toBe(3);
    sameSheets(await clean(), host);
  });

  test('refused longer than the clean-up waits: the error says so, and the next merge removes what was left, still one set', async () => {
    const host = new FakeExcelHost();
    const ops = opsWith(host, 64 * 1024);
    // The second chunk, all five clean-ups and the retry's first request are refused.
    host.failSyncs(7, { after: 2 });
    const error = await ops.writeMerge({ loaded, result, mergedAt: MERGED_AT }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelOperationError);
    expect((error as ExcelOperationError).code).toBe('InvalidOperationInCellEditMode');
    expect((error as Error).message).toMatch(/^Excel đang ở chế độ sửa ô.* Các trang tổng hợp đang ghi dở sẽ được xoá ở lần bấm Tổng hợp sau, không sinh thêm bộ trang thứ hai\.$/);
    // What the first chunk wrote is still there, marked as unfinished.
    expect(sheetNames(host)).toEqual(['Sheet1', MERGE_SHEETS.summary]);
    expect(marks(host)).toEqual(['ChamDiem_DangGhi_1']);

    const written = await ops.writeMerge({ loaded, result, mergedAt: MERGED_AT });
    expect(written).toMatchObject({ sheets: STANDARD, renamed: false });
    expect(sheetNames(host)).toEqual(['Sheet1', ...STANDARD]);
    expect(marks(host)).toEqual([]);
    sameSheets(await clean(), host);
  });

  test('refused before anything was written: the error says only what to do, and nothing is left', async () => {
    const host = new FakeExcelHost();
    // The first request of both attempts.
    host.failSyncs(2);
    const error = await opsWith(host, 64 * 1024).writeMerge({ loaded, result, mergedAt: MERGED_AT }).catch((e: unknown) => e);
    expect((error as ExcelOperationError).code).toBe('InvalidOperationInCellEditMode');
    expect((error as Error).message).toBe('Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để rời ô đang sửa rồi thử lại.');
    expect(sheetNames(host)).toEqual(['Sheet1']);
    expect(marks(host)).toEqual([]);
  });

  test('a finished earlier merge is never taken for an unfinished one: the new set is "(2)"', async () => {
    const host = await clean();
    const written = await opsWith(host, 64 * 1024).writeMerge({ loaded, result, mergedAt: MERGED_AT });
    expect(written.renamed).toBe(true);
    expect(sheetNames(host)).toEqual(['Sheet1', ...STANDARD, ...STANDARD.map((n) => `${n} (2)`)]);
    expect(marks(host)).toEqual([]);
  });
});
