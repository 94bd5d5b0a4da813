import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkWorkbook } from '../../src/check';
import { main } from '../../src/cli/main';
import { a1 } from '../../src/layout/a1';
import { appraisalDiffersFormula, validityFormula } from '../../src/layout/formulas';
import { MERGE_SHEETS } from '../../src/merge/plan';
import type { MergeSummary } from '../../src/merge/summary';
import { builtinRubric } from '../../src/rubric';
import { entriesFrom, scoreEntries, type CellInput } from '../../src/scoring';
import type { ScoreReport } from '../../src/scoring/score';
import type { FillValue } from '../support/workbooks';
import { readNames, readWorkbook } from '../support/exceljs-read';
import { describeWithTool } from '../support/external';
import { buildFixtures, completeEntries, EVIL_HYPERLINK, INVALID_TOPPERS, LONG_EVIDENCE, UNITS, type Fixture } from '../support/fixtures';
import { recalcWithLibreOffice } from '../support/libreoffice';
import { shown, summaryLayout } from '../support/merge-layout';

const loaded = builtinRubric();

/** What a filled value reads as. */
const fillCell = (v: FillValue): CellInput =>
  typeof v === 'number' ? { kind: 'number', value: v } : typeof v === 'string' ? { kind: 'text', value: v } : { kind: 'empty' };

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

describeWithTool('soffice', 'merging a mixed set of returned workbooks', () => {
  let dir: string;
  let fixtures: (Fixture & { path: string })[];
  let before: Map<string, { hash: string; mtimeMs: number; size: number }>;
  let exitCode: number;
  let summary: MergeSummary;
  let out: string;
  let output: ExcelJS.Workbook;
  let recalculated: ExcelJS.Workbook;
  let appraised: ExcelJS.Workbook;
  const recalculatedInputs = new Map<string, ExcelJS.Workbook>();
  const checked = new Map<string, ScoreReport | Omit<ScoreReport, 'problems'>>();
  const appraisal = { unit: UNITS.haQuang, criterion1: 0, sub141: 2, bonus1: 0 };

  const fingerprint = (file: string) => {
    const stat = fs.statSync(file);
    return { hash: createHash('sha256').update(fs.readFileSync(file)).digest('hex'), mtimeMs: stat.mtimeMs, size: stat.size };
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'merge-mixed-'));
    const inDir = path.join(dir, 'nhan-ve');
    fs.mkdirSync(inDir);
    fixtures = await buildFixtures(inDir);
    before = new Map(fixtures.map((f) => [f.path, fingerprint(f.path)]));

    out = path.join(dir, 'ket-qua', 'tong-hop.xlsx');
    const stdout: string[] = [];
    exitCode = await main(['merge', ...fixtures.map((f) => f.path), '--out', out, '--json'], {
      out: (t) => stdout.push(t),
      err: (t) => stdout.push(t),
    });
    summary = JSON.parse(stdout.join('\n'));
    output = await load(out);

    // The province types an appraisal for one unit, in a copy.
    const edited = await load(out);
    const ws = sheet(edited, MERGE_SHEETS.summary);
    const layout = summaryLayout(ws);
    const col = (layout.unitCol.get(appraisal.unit) as number) + 1;
    ws.getCell(layout.rowOf('1'), col).value = appraisal.criterion1;
    ws.getCell(layout.rowOf('14.1'), col).value = appraisal.sub141;
    ws.getCell(layout.rowOf('1', 1), col).value = appraisal.bonus1;
    const appraisedFile = path.join(dir, 'tham-dinh', 'tong-hop-tham-dinh.xlsx');
    fs.mkdirSync(path.dirname(appraisedFile));
    await edited.xlsx.writeFile(appraisedFile);

    const merged = fixtures.filter((f) => f.status !== 'rejected');
    for (const f of merged) checked.set(f.file, checkWorkbook(await readWorkbook(fs.readFileSync(f.path)), loaded).score);
    // One LibreOffice run recalculates the merge, the appraised copy and the merged inputs.
    const lo = path.join(dir, 'lo');
    const [recalcOut, recalcAppraised, ...recalcInputs] = await recalcWithLibreOffice([out, appraisedFile, ...merged.map((f) => f.path)], lo);
    recalculated = await load(recalcOut);
    appraised = await load(recalcAppraised);
    for (let i = 0; i < merged.length; i++) recalculatedInputs.set(merged[i].file, await load(recalcInputs[i]));
  }, 300_000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('writes the output and exits 1: some files warned or were rejected', () => {
    expect(exitCode).toBe(1);
    expect(summary.output).toBe(out);
    expect(output.worksheets.map((w) => w.name)).toEqual([MERGE_SHEETS.summary, MERGE_SHEETS.ranking, MERGE_SHEETS.check, MERGE_SHEETS.evidence]);
  });

  test('never writes its inputs: bytes and modification times unchanged', () => {
    for (const f of fixtures) expect({ file: f.file, ...fingerprint(f.path) }).toEqual({ file: f.file, ...before.get(f.path) });
  });

  test('Kiểm tra names every file with its status and every reason', () => {
    const ws = sheet(output, MERGE_SHEETS.check);
    const rows = new Map<string, ExcelJS.Row>();
    ws.eachRow((row) => rows.set(row.getCell(2).text, row));
    const label = { valid: 'Hợp lệ', warning: 'Cảnh báo', rejected: 'Bị loại' };
    for (const f of fixtures) {
      const row = rows.get(f.path);
      expect({ file: f.file, found: !!row }).toEqual({ file: f.file, found: true });
      expect({ file: f.file, status: row?.getCell(4).text }).toEqual({ file: f.file, status: label[f.status] });
      const problems = row?.getCell(6).text ?? '';
      for (const code of f.codes) expect({ file: f.file, problems }).toEqual({ file: f.file, problems: expect.stringContaining(`[${code}]`) });
      if (f.status === 'valid') expect(problems).toBe('');
    }
  });

  test('every good unit has its Tự chấm and Thẩm định columns; rejected units have none', () => {
    const layout = summaryLayout(sheet(output, MERGE_SHEETS.summary));
    const merged = fixtures.filter((f) => f.status !== 'rejected');
    expect(layout.unitCol.size).toBe(merged.length);
    for (const f of merged) {
      const label = f.unit || `(chưa nhập tên đơn vị: ${f.path})`;
      expect({ file: f.file, present: layout.unitCol.has(label) }).toEqual({ file: f.file, present: true });
    }
    expect(layout.unitCol.has(UNITS.thanhPho)).toBe(false);
  });

  test('recalculated in LibreOffice, the merged totals equal each unit’s check total and its own sheet', () => {
    const ws = sheet(recalculated, MERGE_SHEETS.summary);
    const layout = summaryLayout(ws);
    const merged = fixtures.filter((f) => f.status !== 'rejected');
    for (const f of merged) {
      const score = checked.get(f.file) as ScoreReport;
      const col = layout.unitCol.get(f.unit || `(chưa nhập tên đơn vị: ${f.path})`) as number;
      const ownBook = recalculatedInputs.get(f.file) as ExcelJS.Workbook;
      const at = readNames(ownBook).get('TongDiem') as { sheet: string; row: number; col: number };
      const ownTotal = shown(sheet(ownBook, at.sheet), at.row, at.col);
      const got = {
        file: f.file,
        self: shown(ws, layout.totalRow, col),
        appraised: shown(ws, layout.totalRow, col + 1),
        sections: Object.fromEntries(Object.keys(score.sections).map((id) => [id, shown(ws, layout.rowOf(id), col + 1)])),
        bonus: shown(ws, layout.rowOf('V'), col + 1),
        deduction: shown(ws, layout.rowOf('VI'), col + 1),
      };
      expect(got.self).toBeCloseTo(score.total, 6);
      expect(got.appraised).toBeCloseTo(score.total, 6);
      expect(ownTotal).toBeCloseTo(score.total, 6);
      for (const [id, v] of Object.entries(score.sections)) expect({ file: f.file, id, v: got.sections[id] }).toEqual({ file: f.file, id, v: expect.closeTo(v, 6) });
      expect(got.bonus).toBeCloseTo(score.bonus, 6);
      expect(got.deduction).toBeCloseTo(score.deduction, 6);
      const unit = summary.units.find((u) => u.file === f.path);
      expect(unit?.total).toBeCloseTo(score.total, 2);
      expect(shown(ws, layout.rankRow, col)).toBe(unit?.rank);
    }
  });

  test('a date or 1E+308 typed as a score counts 0, shows in red as text, and tops nothing', () => {
    const ws = sheet(recalculated, MERGE_SHEETS.summary);
    const layout = summaryLayout(ws);
    const col = layout.unitCol.get(UNITS.baoLam) as number;
    const entries = completeEntries(UNITS.baoLam, 22);
    for (const name of Object.keys(INVALID_TOPPERS)) delete entries[name];
    const honest = scoreEntries(loaded.rubric, entriesFrom(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, fillCell(v)]))));
    const unit = summary.units.find((u) => u.unit === UNITS.baoLam);
    expect(unit?.total).toBe(honest.total);
    expect(shown(ws, layout.totalRow, col)).toBeCloseTo(honest.total, 9);
    expect(shown(ws, layout.totalRow, col + 1)).toBeCloseTo(honest.total, 9);
    expect(summary.ranking[0].unit).not.toBe(UNITS.baoLam);
    const self = ws.getCell(layout.rowOf('2'), col);
    expect(self.value).toBe('45.445');
    expect(self.fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(ws.getCell(layout.rowOf('7'), col).value).toBe('1e+308');
    const problems = summary.files.find((f) => f.unit === UNITS.baoLam)?.problems ?? [];
    expect(problems.filter((p) => p.code === 'INVALID_VALUE').map((p) => p.name)).toEqual(['TC_02', 'TC_07', 'Thuong_2', 'Tru_2']);
    expect(problems[0].message).toMatch(/không được tính điểm/);
  });

  test('text past what a cell holds is cut with a visible mark, and Kiểm tra says so', () => {
    const evidence = sheet(output, MERGE_SHEETS.evidence);
    let cut = '';
    evidence.eachRow((row) => {
      if (row.getCell(1).text === UNITS.thongNong && row.getCell(2).text === 'Tiêu chí 4') cut = String(row.getCell(4).value);
    });
    expect(cut.length).toBe(32767);
    expect(cut).toBe(`${LONG_EVIDENCE.slice(0, 32766)}…`);
    const file = summary.files.find((f) => f.unit === UNITS.thongNong);
    expect(file?.status).toBe('warning');
    expect(file?.problems.map((p) => [p.code, p.name])).toEqual(
      expect.arrayContaining([
        ['TEXT_TOO_LONG', 'MC_04'],
        ['TEXT_TOO_LONG', 'GC_04'],
        ['TEXT_CUT', 'MC_04'],
      ]),
    );
    expect(file?.problems.find((p) => p.code === 'TEXT_CUT')?.message).toBe(
      'Minh chứng của Tiêu chí 4 (MC_04) dài 40.000 ký tự, quá sức chứa của một ô: bảng tổng hợp chỉ ghi 32.766 ký tự đầu, ' +
        'đánh dấu "…" ở cuối; bản đầy đủ vẫn nằm trong tệp của đơn vị.',
    );
    const check = sheet(output, MERGE_SHEETS.check);
    check.eachRow((row) => {
      if (row.getCell(3).text === UNITS.thongNong) expect(row.getCell(6).text).toContain('[TEXT_CUT] Minh chứng của Tiêu chí 4');
    });
  });

  test('Xếp hạng lists units best first with the same totals and ranks', () => {
    const ws = sheet(recalculated, MERGE_SHEETS.ranking);
    const rows: { rank: number; unit: string; total: number }[] = [];
    let header = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).text === 'Hạng') header = n;
      else if (header > 0 && n > header && row.getCell(2).text && rows.length === n - header - 1) {
        rows.push({ rank: shown(ws, n, 1), unit: row.getCell(2).text, total: shown(ws, n, 9) });
      }
    });
    expect(rows.map((r) => r.unit)).toEqual(summary.ranking.map((r) => r.unit));
    rows.forEach((r, i) => {
      expect(r.rank).toBe(summary.ranking[i].rank);
      expect(r.total).toBeCloseTo(summary.ranking[i].total, 6);
    });
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(sheet(output, MERGE_SHEETS.ranking).pageSetup.printTitlesRow).toBe(`${header}:${header}`);
  });

  test('an appraisal replaces the self-score, a blank one keeps it, and the rank follows', () => {
    const ws = sheet(appraised, MERGE_SHEETS.summary);
    const layout = summaryLayout(ws);
    const col = layout.unitCol.get(appraisal.unit) as number;
    const self = (row: number) => shown(ws, row, col);
    const selfTotal = self(layout.totalRow);
    const expected =
      selfTotal -
      self(layout.rowOf('1')) +
      appraisal.criterion1 -
      self(layout.rowOf('14.1')) +
      appraisal.sub141 -
      self(layout.rowOf('1', 1)) +
      appraisal.bonus1;
    expect(selfTotal).toBeCloseTo(summary.units.find((u) => u.unit === appraisal.unit)?.total as number, 6);
    expect(shown(ws, layout.totalRow, col + 1)).toBeCloseTo(expected, 6);
    expect(shown(ws, layout.rowOf('14'), col + 1)).toBeCloseTo(appraisal.sub141 + self(layout.rowOf('14.2')), 6);
    // Other units are untouched.
    for (const [label, c] of layout.unitCol) {
      if (label !== appraisal.unit) expect(shown(ws, layout.totalRow, c + 1)).toBeCloseTo(shown(ws, layout.totalRow, c), 6);
    }
    const finals = [...layout.unitCol.values()].map((c) => shown(ws, layout.totalRow, c + 1));
    const final = shown(ws, layout.totalRow, col + 1);
    expect(shown(ws, layout.rankRow, col)).toBe(1 + finals.filter((t) => t > final).length);
    const ranking = sheet(appraised, MERGE_SHEETS.ranking);
    ranking.eachRow((row, n) => {
      if (row.getCell(2).text === appraisal.unit) {
        expect(shown(ranking, n, 9)).toBeCloseTo(expected, 6);
        expect(shown(ranking, n, 10)).toBeCloseTo(selfTotal, 6);
      }
    });
  });

  test('appraisal cells take the district sheet’s validation and are marked when they differ', () => {
    const ws = sheet(output, MERGE_SHEETS.summary);
    const layout = summaryLayout(ws);
    const col = (layout.unitCol.get(UNITS.baoLac) as number) + 1;
    const cell = ws.getCell(layout.rowOf('2'), col);
    expect(cell.dataValidation).toMatchObject({ type: 'custom', showErrorMessage: true, errorStyle: 'stop' });
    const formula = cell.dataValidation.formulae?.[0] as string;
    // Relative to its run's first cell: criteria 2..6 of section I share the 0–5 / 0–3 rules.
    expect(formula).toMatch(/^IF\(ISNUMBER\([A-Z]+\d+\),AND\([A-Z]+\d+>=0,[A-Z]+\d+<=5,ROUND\([A-Z]+\d+,2\)=[A-Z]+\d+\),FALSE\)$/);
    expect(formula).toBe(validityFormula(a1(layout.rowOf('2'), col), { whole: false, min: 0, max: 5 }));
    expect(cell.protection?.locked).toBe(false);
    expect(ws.getCell(layout.rowOf('2'), col - 1).protection?.locked).not.toBe(false);
    const rules = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    const top = layout.rowOf('I');
    expect(rules).toContainEqual(
      expect.objectContaining({
        ref: `${a1(top, col)}:${a1(layout.totalRow, col)}`,
        rules: [expect.objectContaining({ formulae: [appraisalDiffersFormula(a1(top, col - 1), a1(top, col))] })],
      }),
    );
  });

  test('Tổng hợp prints three units a page, a unit’s two columns never apart, titles repeated', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const xml = await (zip.file('xl/worksheets/sheet1.xml') as JSZip.JSZipObject).async('string');
    const breaks = [...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
    const layout = summaryLayout(sheet(output, MERGE_SHEETS.summary));
    const selfCols = [...layout.unitCol.values()].sort((a, b) => a - b);
    expect(breaks).toEqual(selfCols.filter((_, i) => i > 0 && i % 3 === 0).map((c) => c - 1));
    expect(xml).toMatch(/<\/headerFooter><colBreaks/);
    const ws = sheet(output, MERGE_SHEETS.summary);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '5:6', printTitlesColumn: 'A:C' });
  });

  test('text from the files arrives as text, never as a formula', () => {
    for (const wb of [output, recalculated]) {
      const texts: string[] = [];
      for (const ws of wb.worksheets) {
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.formula !== undefined) {
              expect({ at: `${ws.name}!${cell.address}`, formula: cell.formula }).not.toEqual(
                expect.objectContaining({ formula: expect.stringMatching(/evil|HYPERLINK|^1\+1$/i) }),
              );
            } else if (typeof cell.value === 'string') {
              texts.push(`${ws.name}|${cell.value}`);
            }
          }),
        );
      }
      expect(texts).toEqual(
        expect.arrayContaining([
          `${MERGE_SHEETS.summary}|=1+1`,
          `${MERGE_SHEETS.summary}|=${EVIL_HYPERLINK}`,
          `${MERGE_SHEETS.ranking}|=1+1`,
          `${MERGE_SHEETS.check}|=${EVIL_HYPERLINK}`,
          `${MERGE_SHEETS.evidence}|=${EVIL_HYPERLINK}`,
          `${MERGE_SHEETS.evidence}|=1+1`,
        ]),
      );
    }
  });
});

