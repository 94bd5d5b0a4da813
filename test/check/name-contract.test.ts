import { checkWorkbook } from '../../src/check';
import { a1 } from '../../src/layout/a1';
import { buildSheetPlan, COL, META_SHEET_NAME } from '../../src/layout/plan';
import { builtinRubric } from '../../src/rubric';
import { names } from '../../src/rubric/names';
import { completeEntries, UNITS } from '../support/fixtures';
import { SheetGrid } from '../support/sheet-grid';
import { syntheticRubric } from '../support/synthetic-rubric';

const loaded = builtinRubric();
const plan = buildSheetPlan(loaded);
const planned = (name: string) => {
  const f = plan.fields.find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name}`);
  return f;
};
const address = (name: string) => a1(planned(name).row, planned(name).col);
const filled = () => new SheetGrid(loaded, completeEntries(UNITS.haQuang, 1));
const problems = (grid: SheetGrid) => checkWorkbook(grid, loaded).problems;
const contract = (grid: SheetGrid) => problems(grid).filter((p) => /^NAME_|^COLUMN_/.test(p.code));

describe('the defined-name contract', () => {
  test('a filled sheet keeps it, and so does one with rows inserted and a column moved', () => {
    expect(problems(filled())).toEqual([]);
    const edited = filled().insertRows(3, 2).insertRows(planned('DC_20').row + 2, 3).moveColumn(COL.evidence, COL.max);
    expect(edited.where('MC_05').col).toBe(COL.max);
    expect(problems(edited)).toEqual([]);
    // The totals row, the signatures and the unit name are single names between anchors shifted alike.
    const atTheEnd = filled().insertRows(planned(names.grandTotal).row, 4).insertRows(1, 1);
    expect(problems(atTheEnd)).toEqual([]);
  });

  test('a synthetic rubric of 200 criteria with rows inserted keeps it too', () => {
    const big = syntheticRubric(200);
    const grid = new SheetGrid(big, completeEntries(UNITS.haQuang, 2, big)).insertRows(40, 5).insertRows(300, 1);
    expect(checkWorkbook(grid, big).problems.filter((p) => /^NAME_/.test(p.code))).toEqual([]);
  });

  test('TC_05 pointed at criterion 6’s score cell: two names on one cell, criterion 5 read from 6', () => {
    const grid = filled().repoint('TC_05', 'TC_06');
    const found = contract(grid);
    expect(found.map((p) => p.code)).toEqual(['NAME_SHARED']);
    expect(found[0]).toMatchObject({ name: 'TC_05', owner: '5', severity: 'error' });
    expect(found[0].message).toBe(
      `Hai tên ô TC_05 (Điểm tự chấm, tiêu chí 5) và TC_06 (Điểm tự chấm, tiêu chí 6) cùng trỏ vào ô ${address('TC_06')} trên dòng của tiêu chí 6: ` +
        `mỗi ô chỉ được mang một tên. TC_05 lẽ ra ở ô ${address('TC_05')} trên dòng của tiêu chí 5, nên TC_05 đang đọc ô của TC_06; ` +
        'có thể do cắt–dán ô hoặc sửa tên ô.',
    );
  });

  test('a score cut and pasted onto the next criterion’s: the name moved to another row, the other broken', () => {
    const grid = filled().cutAndPaste('TC_05', 'TC_06');
    const found = contract(grid);
    expect(found.map((p) => [p.code, p.name])).toEqual([
      ['NAME_MISSING', 'TC_06'],
      ['NAME_MOVED', 'TC_05'],
    ]);
    expect(found[1].message).toBe(
      `Tên ô TC_05 (Điểm tự chấm, tiêu chí 5) trỏ vào ô ${address('TC_06')} trên dòng của tiêu chí 6, ` +
        `không phải ô ${address('TC_05')} trên dòng của tiêu chí 5; có thể do cắt–dán ô hoặc sửa tên ô.`,
    );
  });

  test('evidence cut and pasted onto the note of its own row: the name moved to another column', () => {
    const found = contract(filled().cutAndPaste('MC_05', 'GC_05'));
    expect(found.map((p) => [p.code, p.name])).toEqual([
      ['NAME_MISSING', 'GC_05'],
      ['NAME_MOVED', 'MC_05'],
    ]);
    expect(found[1].message).toBe(
      `Tên ô MC_05 (Minh chứng, tiêu chí 5) trỏ vào ô ${address('GC_05')} ở cột “Ghi chú”, ` +
        `không phải ô ${address('MC_05')} ở cột “Minh chứng” của cùng dòng; có thể do cắt–dán ô hoặc sửa tên ô.`,
    );
  });

  test('the same cut and paste is told in the sheet’s own cells after rows were inserted and a column moved', () => {
    const grid = filled().insertRows(3, 2).moveColumn(COL.note, COL.target).cutAndPaste('MC_05', 'MC_06');
    const moved = contract(grid).find((p) => p.code === 'NAME_MOVED');
    const mc6 = planned('MC_06');
    const mc5 = planned('MC_05');
    expect(moved?.message).toContain(`trỏ vào ô ${a1(mc6.row + 2, mc6.col + 1)} trên dòng của tiêu chí 6`);
    expect(moved?.message).toContain(`không phải ô ${a1(mc5.row + 2, mc5.col + 1)} trên dòng của tiêu chí 5`);
  });

  test('TongDiem pointed at a constant: the total no longer reads its formula cell', () => {
    const sectionRow = planned(names.sectionTotal('I')).row;
    const grid = filled().repoint(names.grandTotal, { sheet: plan.name, row: sectionRow, col: COL.max });
    const found = contract(grid);
    expect(found.map((p) => p.code)).toEqual(['NAME_NOT_FORMULA']);
    expect(problems(grid).map((p) => p.code)).not.toContain('FORMULA_REPLACED');
    expect(found[0].message).toBe(
      `Tên ô TongDiem (tổng điểm) không còn trỏ vào ô công thức của nó (${address(names.grandTotal)}) mà trỏ vào ô ${a1(sectionRow, COL.max)} ` +
        'trên dòng của tổng mục I (giá trị cố định 20), có thể do cắt–dán ô hoặc sửa tên ô: số đọc theo tên này không phải số bảng tính ra.',
    );
  });

  test('a formula cell overwritten where its name still is stays FORMULA_REPLACED', () => {
    const grid = filled();
    const at = grid.where(names.grandTotal);
    grid.cells.set(`${at.row},${at.col}`, { kind: 'number', value: 200 });
    expect(problems(grid).map((p) => p.code)).toEqual(['FORMULA_REPLACED']);
  });

  test('a subtotal name on another subtotal’s cell, a printed maximum on another row, a name on another sheet', () => {
    const shared = contract(filled().repoint('Tong_1_1', 'Tong_1_2'));
    expect(shared.map((p) => [p.code, p.name])).toEqual([['NAME_SHARED', 'Tong_1_1']]);
    const max = filled();
    max.repoint('DC_07', { ...max.where('DC_07'), row: max.where('Tong_II').row });
    expect(problems(max).map((p) => [p.code, p.name])).toEqual([['NAME_MOVED', 'DC_07']]);
    const elsewhere = contract(filled().repoint('MC_03', { sheet: META_SHEET_NAME, row: 1, col: 2 }));
    expect(elsewhere.map((p) => p.code)).toEqual(['NAME_MOVED']);
    expect(elsewhere[0].message).toContain(`trỏ vào ô B1 của trang “${META_SHEET_NAME}”, không phải ô ${address('MC_03')} của trang “${plan.name}”`);
  });

  test('a count of criterion 48 cut and pasted onto the other, alone on its row, is found by the rows around it', () => {
    const found = contract(filled().cutAndPaste('TC_48_Cham', 'TC_48_Thieu'));
    expect(found.map((p) => [p.code, p.name])).toEqual([
      ['NAME_MISSING', 'TC_48_Thieu'],
      ['NAME_MOVED', 'TC_48_Cham'],
    ]);
    expect(found[1].message).toContain(`không phải ô ${address('TC_48_Cham')}`);
  });

  test('two scores swapped by hand: both names moved, none shared', () => {
    const grid = filled();
    const [five, six] = [grid.where('TC_05'), grid.where('TC_06')];
    grid.repoint('TC_05', six).repoint('TC_06', five);
    expect(contract(grid).map((p) => [p.code, p.name])).toEqual([
      ['NAME_MOVED', 'TC_05'],
      ['NAME_MOVED', 'TC_06'],
    ]);
  });
});
