import { allCriteria, builtinRubric, type TierRule } from '../../src/rubric';
import {
  entriesFrom,
  excelRound,
  readNumber,
  scoreEntries,
  targetPoints,
  tierPoints,
  type CellInput,
} from '../../src/scoring';

const { rubric } = builtinRubric();
const n = (value: number): CellInput => ({ kind: 'number', value });
const t = (value: string): CellInput => ({ kind: 'text', value });
const score = (cells: Record<string, CellInput>) => scoreEntries(rubric, entriesFrom(cells));
const pointsOf = (cells: Record<string, CellInput>, id: string) => score(cells).criteria.find((c) => c.id === id)?.points;
const tiersOf = (id: string) => (allCriteria(rubric).find((c) => c.id === id)?.rule as TierRule).inputs;

describe('criterion 48 (reports): the lower of the late and missing tables', () => {
  const [late, missing] = tiersOf('48');
  test.each([
    [0, 7],
    [1, 7],
    [2, 5],
    [3, 3],
    [4, 3],
    [5, 1],
    [6, 0],
    [40, 0],
  ])('late %i times → %i points', (count, points) => expect(tierPoints(late.tiers, count)).toBe(points));
  test.each([
    [0, 7],
    [1, 5],
    [2, 3],
    [3, 1],
    [4, 0],
    [9, 0],
  ])('%i reports missing → %i points', (count, points) => expect(tierPoints(missing.tiers, count)).toBe(points));

  test('the criterion scores the lower of the two', () => {
    expect(pointsOf({ TC_48_Cham: n(2), TC_48_Thieu: n(0) }, '48')).toBe(5);
    expect(pointsOf({ TC_48_Cham: n(0), TC_48_Thieu: n(3) }, '48')).toBe(1);
    expect(pointsOf({ TC_48_Cham: n(5), TC_48_Thieu: n(2) }, '48')).toBe(1);
  });

  test('is blank until both counts are entered, and for a negative or fractional count', () => {
    expect(pointsOf({ TC_48_Cham: n(0) }, '48')).toBeNull();
    expect(pointsOf({ TC_48_Cham: n(-1), TC_48_Thieu: n(0) }, '48')).toBeNull();
    expect(pointsOf({ TC_48_Cham: n(1.5), TC_48_Thieu: n(0) }, '48')).toBeNull();
  });
});

describe('criterion 49 (award dossiers)', () => {
  const [dossiers] = tiersOf('49');
  test.each([
    [0, 3],
    [1, 2],
    [9, 2],
    [10, 1],
    [19, 1],
    [20, 0],
    [21, 0],
  ])('%i late or deficient dossiers → %i points', (count, points) => {
    expect(tierPoints(dossiers.tiers, count)).toBe(points);
    expect(pointsOf({ TC_49_HoSo: n(count) }, '49')).toBe(points);
  });
});

describe('criteria scored by registered target', () => {
  test('points = ROUND(max × MIN(1, achieved ÷ target), 2)', () => {
    expect(targetPoints(3, 8, 7)).toBe(2.63); // 2.625 rounds half away from zero
    expect(targetPoints(5, 3, 2)).toBe(3.33);
    expect(targetPoints(4, 3, 1)).toBe(1.33);
    expect(targetPoints(3, 3, 3)).toBe(3);
    expect(targetPoints(3, 2, 10)).toBe(3); // capped at the maximum
    expect(targetPoints(3, 5, 0)).toBe(0);
    expect(pointsOf({ TC_29_ChiTieu: n(8), TC_29_KetQua: n(5) }, '29')).toBe(3.13); // 3.125
  });

  test('ROUND rounds as spreadsheets do, not as binary floating point', () => {
    expect(excelRound(1.005, 2)).toBe(1.01);
    expect(excelRound(2.675, 2)).toBe(2.68);
    expect(excelRound(-1.005, 2)).toBe(-1.01);
    expect(excelRound(0.125, 2)).toBe(0.13);
  });

  test('is blank until both inputs are entered, and when the target is 0 or not whole', () => {
    expect(pointsOf({ TC_15_ChiTieu: n(4) }, '15')).toBeNull();
    expect(pointsOf({ TC_15_KetQua: n(4) }, '15')).toBeNull();
    expect(pointsOf({ TC_15_ChiTieu: n(0), TC_15_KetQua: n(4) }, '15')).toBeNull();
    expect(pointsOf({ TC_15_ChiTieu: n(2.5), TC_15_KetQua: n(4) }, '15')).toBeNull();
    expect(pointsOf({ TC_15_ChiTieu: t('năm'), TC_15_KetQua: n(4) }, '15')).toBeNull();
  });
});

describe('manual scores', () => {
  const rule = { whole: false, min: 0, max: 3 };
  test.each([0, 1.5, 2.25, 3])('%p is a valid score out of 3', (v) => {
    expect(readNumber(n(v), 'Điểm tự chấm', rule).status).toBe('ok');
  });
  test.each([
    [n(3.01), 'Điểm tự chấm phải từ 0 đến 3, tối đa 2 chữ số thập phân.'],
    [n(-0.5), 'Điểm tự chấm phải từ 0 đến 3, tối đa 2 chữ số thập phân.'],
    [n(1.234), 'Điểm tự chấm phải từ 0 đến 3, tối đa 2 chữ số thập phân.'],
    [t('ba'), 'Không phải là số. Điểm tự chấm phải từ 0 đến 3, tối đa 2 chữ số thập phân.'],
  ])('%p is refused with a Vietnamese reason', (cell, reason) => {
    const r = readNumber(cell, 'Điểm tự chấm', rule);
    expect(r.status === 'invalid' && r.reason).toBe(reason);
  });

  test('criterion 14 is the sum of its sub-items, blank while neither is entered', () => {
    expect(pointsOf({}, '14')).toBeNull();
    expect(pointsOf({ TC_14_1: n(1.5) }, '14')).toBe(1.5);
    expect(pointsOf({ TC_14_1: n(1.5), TC_14_2: n(2) }, '14')).toBe(3.5);
  });
});

describe('totals and caps', () => {
  test('bonus and deduction are each capped at 20', () => {
    const r = score({ Thuong_1: n(15), Thuong_2: n(10), Tru_1: n(12), Tru_2: n(12) });
    expect(r.bonus).toBe(20);
    expect(r.deduction).toBe(20);
    expect(score({ Thuong_1: n(19.5) }).bonus).toBe(19.5);
  });

  test('the total is I + II + III + IV + bonus − deduction', () => {
    const r = score({
      TC_01: n(3),
      TC_07: n(4),
      TC_12: n(2.5),
      TC_15_ChiTieu: n(4),
      TC_15_KetQua: n(3),
      TC_48_Cham: n(0),
      TC_48_Thieu: n(0),
      Thuong_1: n(2),
      Tru_1: n(1),
    });
    expect(r.sections).toEqual({ I: 3, II: 4, III: 4.75, IV: 7 });
    expect(r.groups['1.1']).toBe(2.5);
    expect(r.groups['1.2']).toBe(2.25);
    expect(r.groups.NV1).toBe(4.75);
    expect(r.total).toBeCloseTo(3 + 4 + 4.75 + 7 + 2 - 1, 10);
  });

  test('a full score is 180 plus the bonus', () => {
    const cells: Record<string, CellInput> = { Thuong_1: n(20) };
    for (const c of allCriteria(rubric)) {
      const rule = c.rule;
      if (rule.kind === 'manual') cells[`TC_${c.id.padStart(2, '0')}`] = n(c.points);
      if (rule.kind === 'target') Object.assign(cells, { [`TC_${c.id}_ChiTieu`]: n(3), [`TC_${c.id}_KetQua`]: n(3) });
      if (rule.kind === 'tiers') for (const i of rule.inputs) cells[`TC_${c.id}_${i.key}`] = n(0);
      if (rule.kind === 'sum') for (const s of c.subItems ?? []) cells[`TC_${s.id.replace('.', '_')}`] = n(s.points);
    }
    const r = score(cells);
    expect(r.total).toBe(200);
    expect(r.scoredCount).toBe(49);
  });
});

describe('an invalid entry is flagged and never counted', () => {
  const fullSectionI = { TC_01: n(3), TC_02: n(5), TC_03: n(3), TC_04: n(3), TC_05: n(3), TC_06: n(3) };

  test.each([
    ['over the maximum', n(5)],
    ['that is a date (45445)', n(45445)],
    ['of 1E+308', n(1e308)],
    ['with three decimals', n(2.125)],
    ['below 0', n(-1)],
    ['typed as text', t('ba điểm')],
  ])('a score %s counts 0 in its section and in the total, and is flagged', (_, cell) => {
    const r = score({ ...fullSectionI, TC_01: cell });
    expect(pointsOf({ TC_01: cell }, '1')).toBe(0);
    expect(r.sections.I).toBe(17);
    expect(r.total).toBe(17);
    expect(r.problems.filter((p) => p.code === 'INVALID_VALUE').map((p) => p.name)).toEqual(['TC_01']);
  });

  test('section I never passes its 20 points, however the entries are typed', () => {
    expect(score(fullSectionI).sections.I).toBe(20);
    expect(score({ ...fullSectionI, TC_02: n(5.25) }).sections.I).toBe(15);
  });

  test('an invalid sub-item counts 0 in criterion 14, which still shows a number', () => {
    expect(pointsOf({ TC_14_1: n(3), TC_14_2: n(1.5) }, '14')).toBe(1.5);
    expect(pointsOf({ TC_14_1: n(3) }, '14')).toBe(0);
    expect(pointsOf({ TC_14_1: t('hai') }, '14')).toBeNull();
  });

  test('a negative or oversized bonus or deduction item counts 0', () => {
    const r = score({ Thuong_1: n(-5), Thuong_2: n(3), Thuong_3: n(25), Tru_1: n(-4), Tru_2: n(1.5), Tru_3: n(1e308) });
    expect(r.bonus).toBe(3);
    expect(r.deduction).toBe(1.5);
    expect(r.total).toBe(1.5);
    expect(r.problems.filter((p) => p.code === 'INVALID_VALUE').map((p) => p.name)).toEqual(['Thuong_1', 'Thuong_3', 'Tru_1', 'Tru_3']);
  });

  test('a formula typed into a score is flagged; its result counts where valid, as the sheet counts it', () => {
    const formula = (result: number): CellInput => ({ kind: 'formula', formula: '1+1', result });
    expect(score({ TC_01: formula(2) }).sections.I).toBe(2);
    expect(score({ TC_01: formula(7) }).sections.I).toBe(0);
    expect(score({ TC_01: formula(2) }).problems.map((p) => p.code)).toContain('FORMULA_IN_INPUT');
  });

  test('an invalid score with blank evidence still gets the amber warning the sheet shows', () => {
    expect(score({ TC_01: n(45445) }).problems.filter((p) => p.code === 'MISSING_EVIDENCE').map((p) => p.name)).toEqual(['MC_01']);
  });

  test('totals carry two decimals, not binary noise', () => {
    const r = score({ TC_01: n(0.1), TC_02: n(0.2), TC_07: n(1.15), TC_08: n(0.1), Thuong_1: n(0.1), Thuong_2: n(0.2) });
    expect(r.sections.I).toBe(0.3);
    expect(r.sections.II).toBe(1.25);
    expect(r.bonus).toBe(0.3);
    expect(r.total).toBe(1.85);
  });
});

describe('text limits the sheet states', () => {
  const tooLong = (cells: Record<string, CellInput>) =>
    score(cells).problems.filter((p) => p.code === 'TEXT_TOO_LONG').map((p) => [p.name, p.severity]);

  test('evidence or a note over 1,000 characters, a unit name or signer over 200, is a warning naming the cell', () => {
    expect(
      tooLong({
        MC_03: t('x'.repeat(40_000)),
        GC_03: t('y'.repeat(1001)),
        MC_Thuong_1: t('z'.repeat(1001)),
        TenDonVi: t('Hội '.repeat(51)),
        NguoiKy: t('N'.repeat(201)),
      }),
    ).toEqual([
      ['TenDonVi', 'warning'],
      ['NguoiKy', 'warning'],
      ['MC_03', 'warning'],
      ['GC_03', 'warning'],
      ['MC_Thuong_1', 'warning'],
    ]);
    const [problem] = score({ MC_03: t('x'.repeat(40_000)) }).problems.filter((p) => p.code === 'TEXT_TOO_LONG');
    expect(problem.message).toBe('Tiêu chí 3, Minh chứng (MC_03): dài 40.000 ký tự, quá giới hạn 1.000 ký tự của bảng. Điểm không đổi; nên rút gọn.');
  });

  test('exactly at the limit is fine, and the score does not change', () => {
    expect(tooLong({ MC_03: t('x'.repeat(1000)), TenDonVi: t('H'.repeat(200)) })).toEqual([]);
    expect(score({ TC_03: n(2), MC_03: t('x'.repeat(5000)) }).total).toBe(2);
  });

  test('a formula as evidence is measured as the text the merge carries', () => {
    expect(tooLong({ MC_02: { kind: 'formula', formula: `${'1+'.repeat(600)}1`, result: 601 } })).toEqual([['MC_02', 'warning']]);
  });
});

describe('problems in entries', () => {
  test('a positive score without evidence is flagged; with evidence it is not', () => {
    const flagged = score({ TC_03: n(2), TC_15_ChiTieu: n(2), TC_15_KetQua: n(1), MC_07: t('  '), TC_07: n(1) }).problems;
    const missing = flagged.filter((p) => p.code === 'MISSING_EVIDENCE').map((p) => p.name);
    expect(missing).toEqual(['MC_03', 'MC_07', 'MC_15']);
    const ok = score({ TC_03: n(2), MC_03: t('Báo cáo số 12/BC-HPN') }).problems;
    expect(ok.filter((p) => p.code === 'MISSING_EVIDENCE')).toEqual([]);
  });

  test('a zero score needs no evidence', () => {
    expect(score({ TC_03: n(0) }).problems.filter((p) => p.code === 'MISSING_EVIDENCE')).toEqual([]);
  });

  test('invalid entries and formulas typed into inputs are errors naming the cell', () => {
    const problems = score({
      TC_03: n(5),
      TC_15_ChiTieu: n(0),
      MC_01: { kind: 'formula', formula: 'HYPERLINK("http://x","y")', result: 'y' },
    }).problems.filter((p) => p.severity === 'error');
    expect(problems.map((p) => [p.code, p.name])).toEqual([
      ['FORMULA_IN_INPUT', 'MC_01'],
      ['INVALID_VALUE', 'TC_03'],
      ['INVALID_VALUE', 'TC_15_ChiTieu'],
    ]);
    expect(problems[1].message).toBe(
      'Tiêu chí 3, Điểm tự chấm (TC_03): Điểm tự chấm phải từ 0 đến 3, tối đa 2 chữ số thập phân. Giá trị này không được tính điểm.',
    );
    expect(problems[2].message).toContain('Chỉ tiêu đăng ký phải là số nguyên từ 1 trở lên.');
  });

  test('unscored criteria are counted and named', () => {
    const r = score({ TC_01: n(1), TC_15_ChiTieu: n(3) });
    expect(r.scoredCount).toBe(1);
    const c15 = r.problems.find((p) => p.code === 'UNSCORED' && p.owner === '15');
    expect(c15?.message).toBe('Tiêu chí 15 chưa chấm: chưa nhập Kết quả thực hiện.');
  });

  test('an invalid entry leaves its criterion unscored: "Đã chấm" counts valid entries only', () => {
    // Over the maximum, three decimals, text: flagged, and none of them scored.
    const r = score({ TC_01: n(1.5), TC_02: n(9), TC_03: n(1.555), TC_04: t('hai'), TC_15_ChiTieu: n(0), TC_15_KetQua: n(2) });
    expect(r.scoredCount).toBe(1);
    expect(r.criteria.filter((c) => c.complete).map((c) => c.id)).toEqual(['1']);
    // A formula whose result meets the rule counts in the sheet, so it is scored too.
    expect(score({ TC_01: { kind: 'formula', formula: '1+1', result: 2 } }).scoredCount).toBe(1);
  });

  test('criterion 14 names its sub-items 14.1 and 14.2, not the same label twice', () => {
    const unscored = (cells: Record<string, CellInput>) => score(cells).problems.find((p) => p.code === 'UNSCORED' && p.owner === '14')?.message;
    expect(unscored({})).toBe('Tiêu chí 14 chưa chấm: chưa nhập Điểm tự chấm của 14.1 và 14.2.');
    expect(unscored({ TC_14_1: n(1.5) })).toBe('Tiêu chí 14 chưa chấm: chưa nhập Điểm tự chấm của 14.2.');
    expect(unscored({ TC_14_1: n(1.5), TC_14_2: n(2) })).toBeUndefined();
  });

  test('scores in messages keep a decimal comma and every digit typed', () => {
    const evidence = (cells: Record<string, CellInput>) => score(cells).problems.find((p) => p.code === 'MISSING_EVIDENCE')?.message;
    expect(evidence({ TC_01: n(1.5) })).toBe('Tiêu chí 1: có điểm (1,5) nhưng chưa ghi minh chứng (MC_01).');
    expect(evidence({ TC_01: n(1.555) })).toBe('Tiêu chí 1: có điểm (1,555) nhưng chưa ghi minh chứng (MC_01).');
    expect(evidence({ TC_14_2: n(0.25) })).toBe('Tiêu chí 14.2: có điểm (0,25) nhưng chưa ghi minh chứng (MC_14_2).');
  });
});
