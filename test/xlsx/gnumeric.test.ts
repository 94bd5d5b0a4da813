import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { MERGE_SHEETS } from '../../src/merge/plan';
import type { MergeSummary } from '../../src/merge/summary';
import { builtinRubric } from '../../src/rubric';
import { entriesFrom, scoreEntries, type CellInput } from '../../src/scoring';
import { readWorkbook } from '../support/exceljs-read';
import { describeWithTool } from '../support/external';
import { buildFixtures, UNITS } from '../support/fixtures';
import { recalcWithGnumeric } from '../support/gnumeric';
import { shown, summaryLayout } from '../support/merge-layout';
import { fillByName, generated } from '../support/workbooks';

const { rubric } = builtinRubric();

function result(cell: CellInput): number | null {
  return cell.kind === 'formula' && typeof cell.result === 'number' ? cell.result : null;
}

describeWithTool('ssconvert', 'Gnumeric, a second engine, computes what src/scoring computes', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chamdiem-gnumeric-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the standard sheet with invalid entries: each counts 0 in its subtotal and in TongDiem', async () => {
    const entries: Record<string, number | string> = {
      TC_01: 1e308,
      TC_02: 45445,
      TC_03: 2.125,
      TC_04: 2,
      TC_07: 'bốn',
      TC_08: 3.5,
      TC_14_1: 3,
      TC_14_2: 1.5,
      Thuong_1: -5,
      Thuong_2: 3,
      Tru_1: 1e308,
      Tru_2: 0.75,
    };
    const file = path.join(dir, 'invalid.xlsx');
    fs.writeFileSync(file, await fillByName(await generated(), entries));
    const [out] = await recalcWithGnumeric([file], dir);
    const sheet = await readWorkbook(fs.readFileSync(out));
    const cells = Object.fromEntries(
      Object.entries(entries).map(([k, v]): [string, CellInput] => [k, typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'text', value: v }]),
    );
    const expected = scoreEntries(rubric, entriesFrom(cells));
    const got = {
      I: result(sheet.cell('Tong_I')),
      II: result(sheet.cell('Tong_II')),
      III: result(sheet.cell('Tong_III')),
      TC_14: result(sheet.cell('TC_14')),
      bonus: result(sheet.cell('DiemThuong')),
      deduction: result(sheet.cell('DiemTru')),
      total: result(sheet.cell('TongDiem')),
    };
    expect(got).toEqual({
      I: expected.sections.I,
      II: expected.sections.II,
      III: expected.sections.III,
      TC_14: 1.5,
      bonus: expected.bonus,
      deduction: expected.deduction,
      total: expected.total,
    });
    expect(got).toEqual({ I: 2, II: 3.5, III: 1.5, TC_14: 1.5, bonus: 3, deduction: 0.75, total: 9.25 });
  });

  test('the merge workbook: every total and rank a number (no #NUM! from an empty self-score), as merge --json says', async () => {
    const wanted = new Set(['ha-quang.xlsx', 'bao-lac.xlsx', 'bao-lam-ngay-thang.xlsx', 'nguyen-binh-sai-so.xlsx']);
    const fixtures = await buildFixtures(dir, (f) => wanted.has(f.file));
    const out = path.join(dir, 'tong-hop.xlsx');
    const printed: string[] = [];
    await main(['merge', ...fixtures.map((f) => f.path), '--out', out, '--json'], { out: (t) => printed.push(t), err: (t) => printed.push(t) });
    const summary: MergeSummary = JSON.parse(printed.join('\n'));
    const [recalculated] = await recalcWithGnumeric([out], dir);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(recalculated);
    const ws = wb.getWorksheet(MERGE_SHEETS.summary) as ExcelJS.Worksheet;
    const layout = summaryLayout(ws);
    expect([...layout.unitCol.keys()].sort()).toEqual([UNITS.baoLac, UNITS.baoLam, UNITS.haQuang, UNITS.nguyenBinh].sort());
    for (const unit of summary.units) {
      const col = layout.unitCol.get(unit.unit) as number;
      expect({ unit: unit.unit, self: shown(ws, layout.totalRow, col), appraised: shown(ws, layout.totalRow, col + 1), rank: shown(ws, layout.rankRow, col) }).toEqual({
        unit: unit.unit,
        self: unit.total,
        appraised: unit.total,
        rank: unit.rank,
      });
      expect(shown(ws, layout.rowOf('VI'), col + 1)).toBe(unit.deduction);
    }
  });
});
