/**
 * Names as LibreOffice leaves them: a score cut and pasted onto another with
 * LibreOffice's own Cut and Paste, on the protected sheet as a district clerk
 * would, is caught by check and keeps the file out of a merge; rows inserted
 * and a column moved in LibreOffice change nothing.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { a1 } from '../../src/layout/a1';
import { buildSheetPlan, COL, SHEET_NAME } from '../../src/layout/plan';
import { builtinRubric } from '../../src/rubric';
import { describeWithTool } from '../support/external';
import { completeEntries, UNITS } from '../support/fixtures';
import { fillByName, generated } from '../support/workbooks';
import { editInLibreOffice as edit, type LibreOfficeStep } from '../support/lo-edit';

const plan = buildSheetPlan(builtinRubric());
const field = (name: string) => plan.fields.find((f) => f.name === name) as (typeof plan.fields)[number];
const address = (name: string) => a1(field(name).row, field(name).col);

async function run(...argv: string[]) {
  const out: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => out.push(t) });
  return { code, out: out.join('\n') };
}

describeWithTool('python3-uno', 'defined names after editing in LibreOffice', () => {
  let dir: string;
  let filled: string;
  const scores = { five: field('DC_05').value as number, six: 1 };

  /** The filled workbook edited in LibreOffice (a fresh profile per run), saved as .xlsx. */
  const editInLibreOffice = (out: string, steps: LibreOfficeStep[]) => edit(dir, filled, path.join(dir, out), SHEET_NAME, steps);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chamdiem-lo-names-'));
    filled = path.join(dir, 'filled.xlsx');
    const entries = { ...completeEntries(UNITS.haQuang, 1), TC_05: scores.five, TC_06: scores.six };
    fs.writeFileSync(filled, await fillByName(await generated({ unitName: UNITS.haQuang }), entries));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a score cut and pasted onto the next criterion’s: check reports both names on one cell, the merge keeps the file out', async () => {
    const file = editInLibreOffice('cut-paste.xlsx', [{ op: 'cutPaste', from: address('TC_05'), to: address('TC_06') }]);
    const checked = await run('check', file, '--json');
    expect(checked.code).toBe(1);
    const report = JSON.parse(checked.out);
    const shared = report.problems.filter((p: { code: string }) => p.code === 'NAME_SHARED');
    expect(shared).toHaveLength(1);
    expect(shared[0].message).toContain(`TC_05 (Điểm tự chấm, tiêu chí 5) và TC_06 (Điểm tự chấm, tiêu chí 6) cùng trỏ vào ô ${address('TC_06')}`);
    expect(shared[0].message).toContain(`TC_05 lẽ ra ở ô ${address('TC_05')} trên dòng của tiêu chí 5`);
    // LibreOffice moved criterion 5's score onto 6's cell: both names now read it.
    const points = new Map(report.score.criteria.map((c: { id: string; points: number }) => [c.id, c.points]));
    expect([points.get('5'), points.get('6')]).toEqual([scores.five, scores.five]);

    const out = path.join(dir, 'tong-hop.xlsx');
    const merged = await run('merge', file, filled, '--out', out, '--json');
    const result = JSON.parse(merged.out);
    expect(merged.code).toBe(1);
    expect(result.files.map((f: { status: string }) => f.status)).toEqual(['rejected', 'valid']);
    expect(result.files[0].problems.map((p: { code: string }) => p.code)).toContain('NAME_SHARED');
    expect(result.units).toHaveLength(1);
    expect(fs.existsSync(out)).toBe(true);
  });

  test('rows inserted and a column moved keep the file clean; a cut and paste after them is told in the sheet’s own cells', async () => {
    const restructured: LibreOfficeStep[] = [
      { op: 'unprotect' },
      { op: 'insertRows', before: field('DC_03').row, count: 2 },
      { op: 'moveColumn', from: COL.evidence, before: COL.max },
    ];
    const clean = await run('check', editInLibreOffice('restructured.xlsx', restructured), '--json');
    expect(JSON.parse(clean.out).problems).toEqual([]);
    expect(clean.code).toBe(0);

    // Evidence now sits in column C and rows from criterion 3 down moved by two.
    const evidence = (name: string) => a1(field(name).row + 2, COL.max);
    const note = (name: string) => a1(field(name).row + 2, COL.note);
    const file = editInLibreOffice('restructured-cut.xlsx', [...restructured, { op: 'cutPaste', from: evidence('MC_05'), to: note('GC_05') }]);
    const report = JSON.parse((await run('check', file, '--json')).out);
    expect(report.problems.map((p: { code: string }) => p.code)).toEqual(['NAME_SHARED']);
    expect(report.problems[0].message).toContain(`cùng trỏ vào ô ${note('GC_05')} trên dòng của tiêu chí 5`);
    expect(report.problems[0].message).toContain(`MC_05 lẽ ra ở ô ${evidence('MC_05')}`);
  });
});
