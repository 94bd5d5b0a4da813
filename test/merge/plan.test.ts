import { consolidate, type FileReading } from '../../src/merge/consolidate';
import { cellSafeText } from '../../src/layout/cell-text';
import { buildMergePlan, MERGE_SHEETS } from '../../src/merge/plan';
import { mergeRows, isLeaf } from '../../src/merge/rows';
import { numberFormatOf } from '../../src/layout/model';
import type { UnitReading } from '../../src/merge/unit';
import { builtinRubric } from '../../src/rubric';

const loaded = builtinRubric();
const rows = mergeRows(loaded.rubric);

function unit(unitName: string, total: number): UnitReading {
  const selfScores: Record<string, number | null> = {};
  for (const r of rows) if (isLeaf(r) || r.kind === 'sumCriterion') selfScores[r.key] = r.max ? Math.min(r.max, 1) : null;
  return {
    unitName,
    createdAt: null,
    selfScores,
    invalidScores: {},
    totals: { sections: { I: total, II: 0, III: 0, IV: 0 }, bonus: 0, deduction: 0, total },
    evidence: [{ owner: '1', evidence: '=1+1', note: '@SUM(A1)' }],
    problems: [],
  };
}

const readings: FileReading[] = ['+A', '-B', 'C', 'D', 'E', 'F', 'G'].map((name, i) => ({
  file: `${name}.xlsx`,
  savedAt: null,
  unit: unit(`Đơn vị ${name}`, 50 + i),
  problems: [],
}));
const plan = buildMergePlan(consolidate(readings, loaded), loaded);
const summary = plan.sheets.find((s) => s.name === MERGE_SHEETS.summary)!;

describe('the merge plan', () => {
  test('every string cell is formatted as text, no formula cell is', () => {
    for (const sheet of plan.sheets) {
      for (const c of sheet.cells) {
        const format = numberFormatOf(c);
        if (typeof c.value === 'string') expect({ sheet: sheet.name, c, format }).toEqual({ sheet: sheet.name, c, format: '@' });
        if (c.formula !== undefined) expect({ sheet: sheet.name, c, format }).not.toEqual(expect.objectContaining({ format: '@' }));
        expect(c.value !== undefined && c.formula !== undefined).toBe(false);
      }
    }
  });

  test('appraisal inputs are the only unlocked cells, each under exactly one validation', () => {
    const unlocked = summary.cells.filter((c) => c.unlocked);
    const leaves = rows.filter(isLeaf).length;
    expect(unlocked).toHaveLength(leaves * readings.length);
    expect(plan.sheets.flatMap((s) => s.cells).filter((c) => c.unlocked)).toHaveLength(unlocked.length);
    for (const c of unlocked) {
      const covering = summary.validations.filter(
        (v) => v.range.left <= c.col && c.col <= v.range.right && v.range.top <= c.row && c.row <= v.range.bottom,
      );
      expect(covering).toHaveLength(1);
    }
    const cells = summary.validations.reduce((n, v) => n + (v.range.bottom - v.range.top + 1) * (v.range.right - v.range.left + 1), 0);
    expect(cells).toBe(unlocked.length);
  });

  test('each unit’s Tự chấm and Thẩm định columns sit side by side, pages break between units', () => {
    expect(plan.layout.unitColumns.map((c) => c.appraisal - c.self)).toEqual(readings.map(() => 1));
    expect(summary.print?.columnBreaksAfter).toEqual([plan.layout.unitColumns[3].self - 1, plan.layout.unitColumns[6].self - 1]);
  });

  test('cell text keeps what a cell can hold', () => {
    expect(cellSafeText('a\u0000b\u0007c\td\ne')).toBe('abc\td\ne');
    const long = cellSafeText('x'.repeat(40000));
    expect(long).toHaveLength(32767);
    expect(long.endsWith('…')).toBe(true);
  });

  test('Kiểm tra lists as many problems as its cell holds and counts the rest', () => {
    const problems = Array.from({ length: 1000 }, (_, i) => ({
      code: 'INVALID_VALUE' as const,
      severity: 'warning' as const,
      message: `Vấn đề số ${i + 1}: ${'x'.repeat(80)}`,
    }));
    const many: FileReading = { file: 'nhieu-van-de.xlsx', savedAt: null, unit: { ...unit('Đơn vị nhiều', 10), problems }, problems };
    const check = buildMergePlan(consolidate([many], loaded), loaded).sheets.find((sheet) => sheet.name === MERGE_SHEETS.check)!;
    const text = String(check.cells.find((c) => c.row === 5 && c.col === 6)?.value);
    const lines = text.split('\n');
    expect(text.length).toBeLessThanOrEqual(32767);
    expect(lines[0]).toBe(`• [INVALID_VALUE] ${problems[0].message}`);
    expect(lines[lines.length - 1]).toBe(`… và ${1000 - (lines.length - 1)} vấn đề khác (xem đầy đủ bằng chamdiem check).`);
    expect(text.endsWith('…')).toBe(false);
  });
});
