/**
 * The upgrade repairs the name contract: every name back on its cell, and
 * each input takes the entry that is really its own.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { planSheet } from '../../src/app/generate';
import { describeRepair } from '../../src/app/repair';
import { checkWorkbook } from '../../src/check';
import { buildSheetPlan, COL } from '../../src/layout/plan';
import { builtinRubric } from '../../src/rubric';
import { names } from '../../src/rubric/names';
import { completeEntries, UNITS } from '../support/fixtures';
import { SheetGrid } from '../support/sheet-grid';
import { editWorkbook, fillByName, generated } from '../support/workbooks';
import { main } from '../../src/cli/main';
import { readReturnedWorkbook } from '../../src/package/reader';

const loaded = builtinRubric();
const entries = { ...completeEntries(UNITS.haQuang, 1), TC_05: 2.5, TC_06: 1, MC_05: 'BC 05', GC_05: 'ghi chú 05', MC_07: 'BC 07' };
const filled = () => new SheetGrid(loaded, entries);
const upgrade = (grid: SheetGrid) => planSheet(loaded, grid, { createdAt: '2026-02-01T00:00:00.000Z' });
const address = (name: string) => {
  const f = buildSheetPlan(loaded).fields.find((x) => x.name === name)!;
  return `${String.fromCharCode(64 + f.col)}${f.row}`;
};

/** The sheet the upgrade writes, read back as a sheet: what the user sees after Cập nhật. */
function written(work: ReturnType<typeof upgrade>): SheetGrid {
  // The unit name is one of the plan's own cells.
  const values = { ...Object.fromEntries(work.entries), [names.unitName]: work.unitName };
  return new SheetGrid(loaded, values);
}

describe('an upgrade over names off their cells', () => {
  test('an untouched sheet is carried as it is, with nothing to repair', () => {
    const work = upgrade(filled());
    expect(work.repairs).toEqual([]);
    expect(work.entries.get('TC_05')).toBe(2.5);
  });

  test('Excel’s cut and paste of a score onto the next: the moved entry is kept on its own criterion, the one pasted over is gone', () => {
    const work = upgrade(filled().cutAndPaste('TC_05', 'TC_06'));
    expect(work.entries.get('TC_05')).toBe(2.5);
    expect(work.entries.has('TC_06')).toBe(false);
    expect(work.repairs.map(describeRepair)).toEqual([
      `TC_05: đặt lại vào ô ${address('TC_05')}, giữ nội dung đã được cắt–dán sang ô ${address('TC_06')} của bảng cũ.`,
      `TC_06: đặt lại vào ô ${address('TC_06')}; không còn nội dung cũ để giữ (có thể đã bị dán đè), hãy kiểm tra và nhập lại.`,
    ]);
    const problems = checkWorkbook(written(work), loaded).problems;
    expect(problems.filter((p) => /^NAME_/.test(p.code))).toEqual([]);
    expect(problems.map((p) => [p.code, p.owner])).toEqual([['UNSCORED', '6']]);
  });

  test('TC_05 pointed by hand at criterion 6’s cell: each criterion gets back its own entry', () => {
    const work = upgrade(filled().repoint('TC_05', 'TC_06'));
    expect([work.entries.get('TC_05'), work.entries.get('TC_06')]).toEqual([2.5, 1]);
    expect(work.repairs.map(describeRepair)).toEqual([
      `TC_05: đặt lại vào ô ${address('TC_05')}, giữ nội dung của chính ô đó (ô ${address('TC_05')} của bảng cũ).`,
    ]);
    expect(checkWorkbook(written(work), loaded).problems).toEqual([]);
  });

  test('LibreOffice’s cut and paste leaves both names on the cell: it stays with the name on its own row, the other is reported empty', () => {
    const work = upgrade(filled().cutAndPaste('TC_05', 'TC_06', 'keep'));
    expect([work.entries.get('TC_05'), work.entries.get('TC_06')]).toEqual([undefined, 2.5]);
    expect(work.repairs.map((r) => [r.name, r.from])).toEqual([['TC_05', undefined]]);
  });

  test('evidence cut onto the note, a deleted name, rows inserted and a column moved: entries land where they belong', () => {
    const grid = filled().insertRows(3, 2).moveColumn(COL.evidence, COL.max).cutAndPaste('MC_05', 'GC_05');
    grid.nameCells.delete('MC_07');
    const work = upgrade(grid);
    expect(work.entries.get('MC_05')).toBe('BC 05');
    expect(work.entries.has('GC_05')).toBe(false);
    expect(work.entries.get('MC_07')).toBe('BC 07');
    expect(work.repairs.map((r) => [r.name, r.followed, r.from !== undefined])).toEqual([
      ['MC_05', true, true],
      ['GC_05', false, false],
      ['MC_07', false, true],
    ]);
    expect(checkWorkbook(written(work), loaded).problems.filter((p) => /^NAME_/.test(p.code))).toEqual([]);
  });
});

describe('chamdiem generate over a file whose names were moved', () => {
  test('reads the entries by position from the package and writes every name back on its cell', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chamdiem-repair-'));
    try {
      const file = path.join(dir, 'tu-cham.xlsx');
      const base = await fillByName(await generated({ unitName: UNITS.haQuang }), entries);
      // TC_05 edited by hand to criterion 6's score cell.
      fs.writeFileSync(
        file,
        await editWorkbook(base, (wb) => {
          const model = wb.definedNames.model as { name: string; ranges: string[] }[];
          const six = model.find((d) => d.name === 'TC_06')!.ranges[0];
          wb.definedNames.remove(model.find((d) => d.name === 'TC_05')!.ranges[0], 'TC_05');
          wb.definedNames.add(six, 'TC_05');
        }),
      );
      const log: string[] = [];
      expect(await main(['generate', '--out', file], { out: (t) => log.push(t), err: (t) => log.push(t) })).toBe(0);
      expect(log.join('\n')).toContain(`TC_05: đặt lại vào ô ${address('TC_05')}, giữ nội dung của chính ô đó`);
      const again = await readReturnedWorkbook(fs.readFileSync(file));
      expect([again.cell('TC_05'), again.cell('TC_06')]).toEqual([
        { kind: 'number', value: 2.5 },
        { kind: 'number', value: 1 },
      ]);
      expect(checkWorkbook(again, loaded).problems.filter((p) => /^NAME_/.test(p.code))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
