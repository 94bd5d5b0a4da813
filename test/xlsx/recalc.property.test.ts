import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { allCriteria, builtinRubric } from '../../src/rubric';
import { names } from '../../src/rubric/names';
import { entriesFrom, scoreEntries, type CellInput } from '../../src/scoring';
import { readWorkbook } from '../support/exceljs-read';
import { describeWithTool } from '../support/external';
import { recalcWithLibreOffice } from '../support/libreoffice';
import { fillByName, generated } from '../support/workbooks';
import { shown, summaryLayout } from '../support/merge-layout';
import { main } from '../../src/cli/main';
import { MERGE_SHEETS } from '../../src/merge/plan';
import type { MergeSummary } from '../../src/merge/summary';

const { rubric } = builtinRubric();
type Entries = Record<string, number | string>;
type MaybeEntries = Record<string, number | string | null>;

const cents = (max: number) => fc.integer({ min: 0, max: Math.round(max * 100) }).map((c) => c / 100);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { freq: 4 });
/** Mostly valid, sometimes invalid: the sheet, check and the merge must all count an invalid entry 0. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: invalid });

/** A score that breaks its rule: over the maximum, negative, three decimals, a date, 1E+308, text. */
const invalidScore = (max: number) =>
  fc.oneof(
    fc.integer({ min: 1, max: 500 }).map((c) => max + c / 100),
    fc.integer({ min: 1, max: 1000 }).map((c) => -c / 100),
    fc
      .integer({ min: 1, max: max * 100 })
      .filter((m) => m % 10 !== 0)
      .map((m) => m / 1000),
    fc.constantFrom<number | string>(45445, 1e308, 'ba', '2,5'),
  );
const score = (max: number) => maybe(mostly(cents(max), invalidScore(max)));
/** A count that breaks its whole-number rule. */
const invalidCount = fc.constantFrom<number | string>(-1, 2.5, 'năm', 1e308);

/** Random entries for every input, valid and invalid, each possibly left blank. */
const entriesArb: fc.Arbitrary<Entries> = fc
  .tuple(
    ...allCriteria(rubric).map((c): fc.Arbitrary<MaybeEntries> => {
      const rule = c.rule;
      switch (rule.kind) {
        case 'manual':
          return fc.record({ [names.score(c.id)]: score(c.points), [names.evidence(c.id)]: maybe(fc.constant<string>('BC số 5')) });
        case 'target':
          return fc.record({
            [names.target(c.id)]: maybe(mostly(fc.integer({ min: 1, max: 40 }), fc.constantFrom<number | string>(0, -1, 2.5, 'năm'))),
            [names.achieved(c.id)]: maybe(mostly(fc.integer({ min: 0, max: 60 }), invalidCount)),
          });
        case 'tiers':
          return fc.record(
            Object.fromEntries(rule.inputs.map((i) => [names.input(c.id, i.key), maybe(mostly(fc.integer({ min: 0, max: 25 }), invalidCount))])),
          );
        case 'sum':
          return fc.record(Object.fromEntries((c.subItems ?? []).map((s) => [names.score(s.id), score(s.points)])));
      }
    }),
    fc.record(Object.fromEntries(rubric.bonus.items.map((i) => [names.bonus(i.id), maybe(mostly(cents(9), invalidScore(rubric.bonus.cap)))]))),
    fc.record(Object.fromEntries(rubric.deduction.items.map((i) => [names.deduction(i.id), maybe(mostly(cents(12), invalidScore(rubric.deduction.cap)))]))),
  )
  .map((parts) => {
    const all: Entries = {};
    for (const part of parts) for (const [k, v] of Object.entries(part)) if (v !== null) all[k] = v as number | string;
    return all;
  });

const asCell = (v: number | string | undefined): CellInput =>
  v === undefined ? { kind: 'empty' } : typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'text', value: v };

const TOTALS = ['Tong_I', 'Tong_II', 'Tong_III', 'Tong_IV', 'DiemThuong', 'DiemTru', 'TongDiem'] as const;

function computedResult(cell: CellInput): number | null {
  if (cell.kind !== 'formula') throw new Error(`expected a formula, got ${cell.kind}`);
  return typeof cell.result === 'number' ? cell.result : null;
}

describeWithTool('soffice', 'the sheet formulas, recalculated by LibreOffice, equal src/scoring, check and the merge', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chamdiem-prop-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Runs the command line in-process and returns its JSON. */
  async function cli<T>(...argv: string[]): Promise<T> {
    const out: string[] = [];
    await main(argv, { out: (t) => out.push(t), err: (t) => out.push(t) });
    return JSON.parse(out.join('\n')) as T;
  }

  test('for random entries, valid and invalid, the sheet, check and the merge agree with src/scoring', async () => {
    const blank = await generated();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(entriesArb, { minLength: 10, maxLength: 10 }), async (batch) => {
        const inDir = path.join(dir, `in-${run}`);
        const outDir = path.join(dir, `out-${run++}`);
        fs.mkdirSync(inDir);
        const unitOf = (i: number) => `Hội LHPN đơn vị thử ${i + 1}`;
        const files = await Promise.all(
          batch.map(async (entries, i) => {
            const file = path.join(inDir, `unit-${i}.xlsx`);
            fs.writeFileSync(file, await fillByName(blank, { ...entries, [names.unitName]: unitOf(i) }));
            return file;
          }),
        );
        const merged = path.join(inDir, 'tong-hop.xlsx');
        const summary = await cli<MergeSummary>('merge', ...files, '--out', merged, '--json');
        const recalculated = await recalcWithLibreOffice([...files, merged], outDir);
        const mergedBook = new ExcelJS.Workbook();
        await mergedBook.xlsx.load(fs.readFileSync(recalculated[files.length]) as unknown as ExcelJS.Buffer);
        const summarySheet = mergedBook.getWorksheet(MERGE_SHEETS.summary) as ExcelJS.Worksheet;
        const layout = summaryLayout(summarySheet);
        for (let i = 0; i < batch.length; i++) {
          const sheet = await readWorkbook(fs.readFileSync(recalculated[i]));
          const expected = scoreEntries(rubric, entriesFrom(Object.fromEntries(Object.entries(batch[i]).map(([k, v]) => [k, asCell(v)]))));
          const want: Record<string, number> = {
            Tong_I: expected.sections.I,
            Tong_II: expected.sections.II,
            Tong_III: expected.sections.III,
            Tong_IV: expected.sections.IV,
            DiemThuong: expected.bonus,
            DiemTru: expected.deduction,
            TongDiem: expected.total,
          };
          for (const name of TOTALS) {
            const got = computedResult(sheet.cell(name));
            if (got === null || Math.abs(got - want[name]) > 1e-9) {
              throw new Error(`file ${i}: ${name} is ${got} in LibreOffice but ${want[name]} in src/scoring`);
            }
          }
          for (const c of expected.criteria) {
            const cell = sheet.cell(names.score(c.id));
            // A typed score shows itself; what it adds to the totals is held above.
            if (cell.kind !== 'formula') continue;
            const got = computedResult(cell);
            if (got !== c.points && !(got !== null && c.points !== null && Math.abs(got - c.points) < 1e-9)) {
              throw new Error(`file ${i}: criterion ${c.id} is ${got} in LibreOffice but ${c.points} in src/scoring`);
            }
          }
          const checked = await cli<{ score: { total: number; sections: Record<string, number> } }>('check', files[i], '--json');
          const unit = summary.units.find((u) => u.unit === unitOf(i));
          const col = layout.unitCol.get(unitOf(i)) as number;
          const totals = {
            check: checked.score.total,
            checkSections: checked.score.sections,
            merge: unit?.total,
            mergeSheetSelf: shown(summarySheet, layout.totalRow, col),
            mergeSheetAppraised: shown(summarySheet, layout.totalRow, col + 1),
          };
          const agreed = {
            check: expected.total,
            checkSections: expected.sections,
            merge: expected.total,
            mergeSheetSelf: expected.total,
            mergeSheetAppraised: expected.total,
          };
          if (JSON.stringify(totals) !== JSON.stringify(agreed)) {
            throw new Error(`file ${i}: check and merge ${JSON.stringify(totals)}, src/scoring ${JSON.stringify(agreed)}`);
          }
        }
      }),
      { numRuns: 2, endOnFailure: true },
    );
  });

  test('section I stays within its 20 points: an invalid score counts 0 in the sheet, in check and in the total', async () => {
    const entries = { TC_01: 3, TC_02: 5.25, TC_03: 3, TC_04: 3, TC_05: 3, TC_06: 3, Thuong_1: -5, Thuong_2: 2 };
    const file = path.join(dir, 'section-i.xlsx');
    fs.writeFileSync(file, await fillByName(await generated(), entries));
    const [out] = await recalcWithLibreOffice([file], path.join(dir, 'section-i-out'));
    const sheet = await readWorkbook(fs.readFileSync(out));
    expect(computedResult(sheet.cell('Tong_I'))).toBe(15);
    expect(computedResult(sheet.cell('DiemThuong'))).toBe(2);
    expect(computedResult(sheet.cell('TongDiem'))).toBe(17);
    const checked = await cli<{ score: { total: number; sections: Record<string, number> }; problems: { code: string; name: string }[] }>(
      'check',
      file,
      '--json',
    );
    expect(checked.score.sections.I).toBe(15);
    expect(checked.score.total).toBe(17);
    expect(checked.problems.filter((p) => p.code === 'INVALID_VALUE').map((p) => p.name)).toEqual(['TC_02', 'Thuong_1']);
  });

  test('an invalid target leaves its criterion blank in the sheet as in src/scoring', async () => {
    const file = path.join(dir, 'invalid.xlsx');
    fs.writeFileSync(file, await fillByName(await generated(), { TC_15_ChiTieu: 0, TC_15_KetQua: 3, TC_16_ChiTieu: 'năm', TC_16_KetQua: 2 }));
    const [out] = await recalcWithLibreOffice([file], path.join(dir, 'invalid-out'));
    const sheet = await readWorkbook(fs.readFileSync(out));
    expect(computedResult(sheet.cell('TC_15'))).toBeNull();
    expect(computedResult(sheet.cell('TC_16'))).toBeNull();
    expect(computedResult(sheet.cell('Tong_1_2'))).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(out) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('Tự chấm điểm')).toBeDefined();
  });
});
