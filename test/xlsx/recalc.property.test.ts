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

const { rubric } = builtinRubric();
type Entries = Record<string, number | string>;
type MaybeEntries = Record<string, number | string | null>;

const cents = (max: number) => fc.integer({ min: 0, max: Math.round(max * 100) }).map((c) => c / 100);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { freq: 4 });

/** Random valid entries for every input, each possibly left blank. */
const entriesArb: fc.Arbitrary<Entries> = fc
  .tuple(
    ...allCriteria(rubric).map((c): fc.Arbitrary<MaybeEntries> => {
      const rule = c.rule;
      switch (rule.kind) {
        case 'manual':
          return fc.record({ [names.score(c.id)]: maybe(cents(c.points)), [names.evidence(c.id)]: maybe(fc.constant<string>('BC số 5')) });
        case 'target':
          return fc.record({
            [names.target(c.id)]: maybe(fc.integer({ min: 1, max: 40 })),
            [names.achieved(c.id)]: maybe(fc.integer({ min: 0, max: 60 })),
          });
        case 'tiers':
          return fc.record(Object.fromEntries(rule.inputs.map((i) => [names.input(c.id, i.key), maybe(fc.integer({ min: 0, max: 25 }))])));
        case 'sum':
          return fc.record(Object.fromEntries((c.subItems ?? []).map((s) => [names.score(s.id), maybe(cents(s.points))])));
      }
    }),
    fc.record(Object.fromEntries(rubric.bonus.items.map((i) => [names.bonus(i.id), maybe(cents(9))]))),
    fc.record(Object.fromEntries(rubric.deduction.items.map((i) => [names.deduction(i.id), maybe(cents(12))]))),
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

describeWithTool('soffice', 'the sheet formulas, recalculated by LibreOffice, equal src/scoring', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chamdiem-prop-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('for random valid entries', async () => {
    const blank = await generated({ unitName: 'Hội LHPN huyện Thử' });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(entriesArb, { minLength: 10, maxLength: 10 }), async (batch) => {
        const inDir = path.join(dir, `in-${run}`);
        const outDir = path.join(dir, `out-${run++}`);
        fs.mkdirSync(inDir);
        const files = await Promise.all(
          batch.map(async (entries, i) => {
            const file = path.join(inDir, `unit-${i}.xlsx`);
            fs.writeFileSync(file, await fillByName(blank, entries));
            return file;
          }),
        );
        const recalculated = await recalcWithLibreOffice(files, outDir);
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
            const got = cell.kind === 'formula' ? computedResult(cell) : cell.kind === 'number' ? cell.value : null;
            if (got !== c.points && !(got !== null && c.points !== null && Math.abs(got - c.points) < 1e-9)) {
              throw new Error(`file ${i}: criterion ${c.id} is ${got} in LibreOffice but ${c.points} in src/scoring`);
            }
          }
        }
      }),
      { numRuns: 2, endOnFailure: true },
    );
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
