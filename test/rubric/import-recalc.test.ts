import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { allCriteria, loadRubric } from '../../src/rubric';
import { names } from '../../src/rubric/names';
import { entriesFrom, scoreEntries, type CellInput } from '../../src/scoring';
import { communeRubric, COMMUNE_LAYOUT } from '../support/commune-rubric';
import { readWorkbook } from '../support/exceljs-read';
import { describeWithTool } from '../support/external';
import { recalcWithLibreOffice } from '../support/libreoffice';
import { docxOf, headingOf, rubricRows } from '../support/rubric-docx';
import { fillByName } from '../support/workbooks';

const quiet = { out: () => undefined, err: () => undefined };

describeWithTool('soffice', 'a workbook generated from an imported rubric', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chamdiem-import-recalc-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('filled by name, recalculates in LibreOffice to the totals of src/scoring', async () => {
    const source = communeRubric();
    const docx = path.join(dir, 'tieu-chi-xa-2025.docx');
    fs.writeFileSync(docx, await docxOf(headingOf(source), rubricRows(source, COMMUNE_LAYOUT), COMMUNE_LAYOUT));
    const json = path.join(dir, 'tieu-chi-xa-2025.json');
    expect(await main(['rubric', 'import', docx, '--out', json, '--id', 'hlhpn-caobang-xa'], quiet)).toBe(1);
    const xlsx = path.join(dir, 'xa.xlsx');
    expect(await main(['generate', '--rubric', json, '--unit', 'Hội LHPN xã Thử', '--out', xlsx], quiet)).toBe(0);

    const { rubric } = loadRubric(JSON.parse(fs.readFileSync(json, 'utf8')));
    // One of each kind of entry, in values that reach every tier and the caps.
    const entries: Record<string, number | string> = {};
    allCriteria(rubric).forEach((c, i) => {
      if (c.rule.kind === 'manual') entries[names.score(c.id)] = Math.min(c.points, 1.25 + i);
      if (c.rule.kind === 'target') Object.assign(entries, { [names.target(c.id)]: 8, [names.achieved(c.id)]: 3 + i });
      if (c.rule.kind === 'tiers') c.rule.inputs.forEach((input) => (entries[names.input(c.id, input.key)] = 2));
      if (c.rule.kind === 'sum') (c.subItems ?? []).forEach((s) => (entries[names.score(s.id)] = 2.75));
    });
    Object.assign(entries, { Thuong_1: 6, Thuong_2: 6.5, Tru_2: 1.5 });
    const filled = path.join(dir, 'xa-filled.xlsx');
    fs.writeFileSync(filled, await fillByName(fs.readFileSync(xlsx), entries));
    const [recalculated] = await recalcWithLibreOffice([filled], path.join(dir, 'out'));
    const sheet = await readWorkbook(fs.readFileSync(recalculated));

    const cells: Record<string, CellInput> = {};
    for (const [k, v] of Object.entries(entries)) cells[k] = typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'text', value: v };
    const expected = scoreEntries(rubric, entriesFrom(cells));
    const result = (name: string) => {
      const cell = sheet.cell(name);
      return cell.kind === 'formula' ? cell.result : cell.kind === 'number' ? cell.value : null;
    };
    for (const c of expected.criteria) expect([c.id, result(names.score(c.id))]).toEqual([c.id, c.points]);
    const totals = Object.fromEntries([...rubric.sections.map((s) => [names.sectionTotal(s.id), expected.sections[s.id]]), ['DiemThuong', expected.bonus], ['DiemTru', expected.deduction], ['TongDiem', expected.total]]);
    expect(Object.fromEntries(Object.keys(totals).map((n) => [n, result(n)]))).toEqual(totals);
    // The bonus cap of the document (10) holds.
    expect(expected.bonus).toBe(10);
  });
});
