import rubric2024 from '../../src/rubric/data/2024.json';
import { fingerprintOf, type Rubric } from '../../src/rubric';
import { rubricCorrections, rubricInfo, rubricToRows, type FormRow, type RubricForm } from '../../src/rubric/rows';
import { readForm } from '../../src/rubric/rows-read';
import { communeRubric } from '../support/commune-rubric';

const r2024 = rubric2024 as unknown as Rubric;
const formOf = (r: Rubric): RubricForm => ({ rows: rubricToRows(r), info: rubricInfo(r), corrections: rubricCorrections(r) });

describe('the rubric as rows', () => {
  test.each([
    ['2024', r2024],
    ['commune', communeRubric()],
  ])('%s: read back unchanged, the same rubric and fingerprint', (_n, r) => {
    const got = readForm(formOf(r), 3);
    expect(got.errors).toEqual([]);
    expect(got.rubric).toEqual(r);
    expect(fingerprintOf(got.rubric!)).toBe(fingerprintOf(r));
  });

  test('one row per item; a tier rule’s inputs as rows under it', () => {
    const rows = rubricToRows(r2024);
    // Sections, groups, Chỉ tiêu rows, criteria, sub-items, counted inputs, bonus and deduction with their items.
    expect(rows.length).toBe(4 + 13 + 8 + 49 + 2 + 3 + 2 + 7 + 4);
    const c48 = rows.findIndex((r) => r.kind === 'criterion' && r.id === '48');
    expect(rows.slice(c48, c48 + 3).map((r) => [r.kind, r.parent, r.id, r.rule, r.tiers])).toEqual([
      ['criterion', 'IV', '48', 'tiers', ''],
      ['input', '48', 'Cham', null, '0: 7; 2: 5; 3: 3; 5: 1; 6: 0'],
      ['input', '48', 'Thieu', null, '0: 7; 1: 5; 2: 3; 3: 1; 4: 0'],
    ]);
  });

  test('edits that break it are addressed to their row and field', () => {
    const form = formOf(r2024);
    const at = (kind: string, id: string) => form.rows.findIndex((r) => r.kind === kind && r.id === id);
    const [c3, c5, c7, c11, c12, cham] = [at('criterion', '3'), at('criterion', '5'), at('criterion', '7'), at('criterion', '11'), at('criterion', '12'), at('input', 'Cham')];
    const set = (i: number, patch: Partial<FormRow>) => (form.rows[i] = { ...form.rows[i], ...patch });
    set(c3, { points: 'ba' });
    set(c5, { rule: 'Theo ý' });
    set(c7, { parent: '9.9' });
    set(cham, { tiers: '0 - 7' });
    set(c12, { id: '11' });
    set(at('section', 'I'), { method: 'ghi nhầm cột' });
    const got = readForm(form, 3);
    expect(got.rubric).toBeNull();
    expect(got.errors.map((e) => [e.index, e.field, e.message])).toEqual([
      [0, 'method', 'cột Cách tính điểm không dùng cho dòng Mục: để trống hoặc chuyển sang đúng cột'],
      [c3, 'points', 'phải là một số (đang là "ba")'],
      [c5, 'rule', 'cách chấm "Theo ý" không có; chọn một trong: Chấm trực tiếp, Theo chỉ tiêu, Theo mức, Cộng mục con'],
      [c7, 'parent', 'không có dòng nào mã "9.9" ở phía trên'],
      [c12, 'id', `mã "11" trùng với dòng ${3 + c11}`],
      [cham, 'tiers', 'các mức viết dạng "0: 7; 2: 5; 3: 3" (từ số đếm nào: được bao nhiêu điểm)'],
    ]);
  });

  test('a sum that does not add up still reads, with the section’s points cell named', () => {
    const form = formOf(r2024);
    const i = form.rows.findIndex((r) => r.kind === 'criterion' && r.id === '1');
    form.rows[i] = { ...form.rows[i], points: 2.5 };
    const got = readForm(form, 3);
    expect(got.rubric).not.toBeNull();
    expect(got.errors).toEqual([{ place: 'rows', index: 0, field: 'points', message: 'Mục I: điểm chuẩn 20 nhưng tổng các mục con là 19,5' }]);
  });
});
