/**
 * Three engines agree: Gnumeric and LibreOffice compute what src/scoring
 * computes, for the standard workbook filled in full by name and for a merge
 * of units whose unused deduction items are blank (Gnumeric's N() of a blank
 * cell is #NUM!). The score column keeps its width after a LibreOffice save,
 * where Gnumeric once printed "+".
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSheetPlan, COL, COLUMNS } from '../../src/layout/plan';
import { buildMergePlan } from '../../src/merge/plan';
import { builtinRubric } from '../../src/rubric';
import { names } from '../../src/rubric/names';
import { entriesFrom, scoreEntries } from '../../src/scoring/score';
import type { CellInput } from '../../src/scoring/inputs';
import { writeMergeWorkbook, writeWorkbook } from '../../src/xlsx/write';
import { readWorkbook } from '../support/exceljs-read';
import { describeWithTool } from '../support/external';
import { completeEntries } from '../support/fixtures';
import { gnumericColumnWidths, recalcWithGnumeric } from '../support/gnumeric';
import { recalcWithLibreOffice } from '../support/libreoffice';
import { mergedUnits } from '../support/merged-units';
import { fillByName } from '../support/workbooks';

const loaded = builtinRubric();
const round2 = (n: number) => Math.round(n * 100) / 100;

/** What a cell shows as a number; NaN for an error, text or a blank. */
function numberOf(cell: CellInput): number {
  if (cell.kind === 'formula') return typeof cell.result === 'number' ? cell.result : NaN;
  return cell.kind === 'number' ? cell.value : NaN;
}

function shownNumber(ws: ExcelJS.Worksheet, row: number, col: number): number {
  const cell = ws.getCell(row, col);
  const value = cell.formula !== undefined ? cell.result : cell.value;
  return typeof value === 'number' ? value : NaN;
}

async function loadExcel(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

describeWithTool('ssconvert', 'Gnumeric', () => {
  describeWithTool('soffice', 'and LibreOffice, against src/scoring', () => {
    let dir: string;
    const plan = buildSheetPlan(loaded, { unitName: 'Hội LHPN huyện Hà Quảng', createdAt: '2026-01-15T08:00:00.000Z' });
    const entries = completeEntries('Hội LHPN huyện Hà Quảng', 11, loaded);
    const merge = mergedUnits(loaded, 4);
    const mergePlan = buildMergePlan(merge, loaded, { mergedAt: '08:30 ngày 02/03/2026' });
    const files = { standard: '', merge: '', standardLo: '', mergeLo: '', blank: '', blankLo: '' };

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gnumeric-'));
      files.standard = path.join(dir, 'tu-cham.xlsx');
      files.merge = path.join(dir, 'tong-hop.xlsx');
      fs.writeFileSync(files.standard, await fillByName(Buffer.from(writeWorkbook(plan)), entries));
      fs.writeFileSync(files.merge, writeMergeWorkbook(mergePlan));
      // As chamdiem writes it: filling by name goes through ExcelJS, which leaves out a width equal to its default.
      files.blank = path.join(dir, 'bang-trong.xlsx');
      fs.writeFileSync(files.blank, writeWorkbook(plan));
      [files.standardLo, files.mergeLo, files.blankLo] = await recalcWithLibreOffice([files.standard, files.merge, files.blank], path.join(dir, 'lo'));
    }, 300_000);
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    test('the standard workbook: every total by name, as src/scoring scores the entries', async () => {
      const inputs = new Map<string, CellInput>(
        Object.entries(entries).map(([k, v]) => [k, typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'text', value: String(v) }]),
      );
      const expected = scoreEntries(loaded.rubric, entriesFrom(inputs));
      const totals: [string, number][] = [
        [names.grandTotal, expected.total],
        [names.bonusTotal, expected.bonus],
        [names.deductionTotal, expected.deduction],
        ...loaded.rubric.sections.map((s): [string, number] => [names.sectionTotal(s.id), expected.sections[s.id]]),
        ...expected.criteria.map((c): [string, number] => [names.score(c.id), c.points ?? NaN]),
      ];
      const [fromGnumeric] = await recalcWithGnumeric([files.standard], dir);
      const gnumeric = await readWorkbook(fs.readFileSync(fromGnumeric));
      const libre = await readWorkbook(fs.readFileSync(files.standardLo));
      for (const [name, value] of totals) {
        const got = { gnumeric: round2(numberOf(gnumeric.cell(name))), libreoffice: round2(numberOf(libre.cell(name))) };
        expect([name, got]).toEqual([name, { gnumeric: round2(value), libreoffice: round2(value) }]);
      }
      expect(expected.total).toBeGreaterThan(50);
    });

    test('the merge workbook: each unit’s totals and rank on Tổng hợp and Xếp hạng, as consolidated', async () => {
      const [fromGnumeric] = await recalcWithGnumeric([files.merge], dir);
      const [summary, ranking] = (await loadExcel(fromGnumeric)).worksheets;
      const [loSummary, loRanking] = (await loadExcel(files.mergeLo)).worksheets;
      const { layout } = mergePlan;
      merge.units.forEach((u, i) => {
        const cols = layout.unitColumns[i];
        const rankingRow = layout.rankingRowOf[i];
        const rc = layout.rankingColumns;
        const cells: [string, ExcelJS.Worksheet, ExcelJS.Worksheet, number, number, number][] = [
          ['self total', summary, loSummary, layout.totalRow, cols.self, u.totals.total],
          ['appraised total', summary, loSummary, layout.totalRow, cols.appraisal, u.totals.total],
          ['rank', summary, loSummary, layout.rankRow, cols.self, u.rank],
          ['ranking total', ranking, loRanking, rankingRow, rc.total, u.totals.total],
          ['ranking rank', ranking, loRanking, rankingRow, rc.rank, u.rank],
          ...loaded.rubric.sections.map((s): [string, ExcelJS.Worksheet, ExcelJS.Worksheet, number, number, number] => [
            `section ${s.id}`, ranking, loRanking, rankingRow, rc.sections[s.id], u.totals.sections[s.id],
          ]),
        ];
        for (const [what, gnm, lo, row, col, value] of cells) {
          const got = { gnumeric: round2(shownNumber(gnm, row, col)), libreoffice: round2(shownNumber(lo, row, col)) };
          expect([u.label, what, got]).toEqual([u.label, what, { gnumeric: round2(value), libreoffice: round2(value) }]);
        }
      });
      // Unused deduction items are blank: their appraised points are 0, not an error, in every engine.
      expect(merge.units.every((u) => Object.entries(u.selfScores).some(([key, v]) => key.startsWith('VI') && v === null))).toBe(true);
    });

    test('the score column keeps its width after a LibreOffice save, as Gnumeric reads it', async () => {
      const widths = await gnumericColumnWidths(files.blankLo, dir);
      // A character of the default font is about 5.5 pt wide; without an explicit width Gnumeric took 8.5 pt.
      expect(widths.get(COL.score - 1)).toBeGreaterThan(COLUMNS[COL.score - 1].width * 4);
    });
  });
});
