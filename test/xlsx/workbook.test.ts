import ExcelJS from 'exceljs';
import { builtinRubric } from '../../src/rubric';
import { buildSheetPlan, COL, META_SHEET_NAME, SHEET_NAME } from '../../src/layout/plan';
import { readNames } from '../support/exceljs-read';
import { generated } from '../support/workbooks';

const loaded = builtinRubric();
const plan = buildSheetPlan(loaded, { unitName: 'Hội LHPN huyện Hà Quảng' });

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}

describe('a generated workbook, read back', () => {
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    wb = await load(await generated({ unitName: 'Hội LHPN huyện Hà Quảng' }));
    ws = wb.getWorksheet(SHEET_NAME) as ExcelJS.Worksheet;
  });

  test('has the printed columns of the seed table and the inputs, then the rubric guidance', () => {
    const header = (ws.getRow(plan.headerRow).values as unknown[]).slice(1);
    expect(header).toEqual([
      'STT',
      'Tiêu chí đánh giá',
      'Điểm chuẩn',
      'Chỉ tiêu đăng ký',
      'Kết quả thực hiện',
      'Điểm tự chấm',
      'Minh chứng',
      'Ghi chú',
      'Cách tính điểm đạt tiêu chí',
      'Yêu cầu minh chứng',
    ]);
  });

  test('carries every name of the public contract, each on one cell of the sheet', () => {
    const names = readNames(wb);
    const required = [
      ...Array.from({ length: 49 }, (_, i) => `TC_${String(i + 1).padStart(2, '0')}`),
      'TC_14_1',
      'TC_14_2',
      'MC_14_1',
      'MC_14_2',
      ...[15, 16, 20, 22, 23, 29, 35, 36, 37, 40, 41, 42, 43, 44].flatMap((id) => [`TC_${id}_ChiTieu`, `TC_${id}_KetQua`]),
      'TC_48_Cham',
      'TC_48_Thieu',
      'TC_49_HoSo',
      'MC_01',
      'MC_49',
      'Thuong_1',
      'Thuong_7',
      'MC_Thuong_7',
      'Tru_1',
      'Tru_4',
      'MC_Tru_4',
      'Tong_I',
      'Tong_II',
      'Tong_III',
      'Tong_IV',
      'DiemThuong',
      'DiemTru',
      'TongDiem',
    ];
    expect(required.filter((n) => !names.has(n))).toEqual([]);
    expect([...names.keys()].every((n) => /^[A-Za-z0-9_]+$/.test(n))).toBe(true);
    expect(names.get('TC_01')).toEqual({ sheet: SHEET_NAME, row: expect.any(Number), col: COL.score });
    expect(names.get('TC_15_ChiTieu')?.col).toBe(COL.target);
    expect(names.get('MC_01')?.col).toBe(COL.evidence);
  });

  test('computes subtotals and the total by formulas, never constants', () => {
    const formulaOf = (name: string) => {
      const at = readNames(wb).get(name)!;
      return ws.getCell(at.row, at.col).formula;
    };
    // A typed score counts only where it is a number from 0 to its maximum with at most two decimals.
    const counted = (name: string, max: number) => `IF(IF(ISNUMBER(${name}),AND(${name}>=0,${name}<=${max},ROUND(${name},2)=${name}),FALSE),${name},0)`;
    const maxima: [string, number][] = [['TC_01', 3], ['TC_02', 5], ['TC_03', 3], ['TC_04', 3], ['TC_05', 3], ['TC_06', 3]];
    expect(formulaOf('Tong_I')).toBe(`SUM(${maxima.map(([n, max]) => counted(n, max)).join(',')})`);
    // Criterion 14 sums its sub-items itself; computed criteria are valid or blank.
    expect(formulaOf('Tong_1_1')).toBe(`SUM(${counted('TC_12', 3)},${counted('TC_13', 3)},TC_14)`);
    expect(formulaOf('TC_14')).toBe(`IF(COUNT(TC_14_1,TC_14_2)=0,"",SUM(${counted('TC_14_1', 2)},${counted('TC_14_2', 2)}))`);
    expect(formulaOf('Tong_III')).toBe('SUM(Tong_NV1,Tong_NV2,Tong_NV3)');
    const bonusItems = [1, 2, 3, 4, 5, 6, 7].map((k) => counted(`Thuong_${k}`, 20));
    expect(formulaOf('DiemThuong')).toBe(`MIN(20,SUM(${bonusItems.join(',')}))`);
    expect(formulaOf('TongDiem')).toBe('Tong_I+Tong_II+Tong_III+Tong_IV+DiemThuong-DiemTru');
    expect(formulaOf('TC_15')).toContain('ROUND(3*MIN(1,TC_15_KetQua/TC_15_ChiTieu),2)');
  });

  test('puts a Stop-style validation with a Vietnamese message on every input cell', () => {
    const names = readNames(wb);
    const inputs = plan.fields.filter((f) => f.role === 'input');
    expect(inputs.length).toBeGreaterThan(150);
    for (const f of inputs) {
      const at = names.get(f.name)!;
      const dv = ws.getCell(at.row, at.col).dataValidation;
      expect({ name: f.name, errorStyle: dv?.errorStyle, showErrorMessage: dv?.showErrorMessage }).toEqual({
        name: f.name,
        errorStyle: 'stop',
        showErrorMessage: true,
      });
      expect(dv.error).toMatch(/phải|tối đa/);
    }
    const at = names.get('TC_03')!;
    const dv03 = ws.getCell(at.row, at.col).dataValidation;
    expect(dv03.error).toBe('Điểm tự chấm phải từ 0 đến 3, tối đa 2 chữ số thập phân.');
    // Criteria 3–6 share one rule anchored at criterion 3's cell (criterion 2 is worth 5).
    expect(dv03.formulae?.[0]).toBe(`IF(ISNUMBER(F${at.row}),AND(F${at.row}>=0,F${at.row}<=3,ROUND(F${at.row},2)=F${at.row}),FALSE)`);
    const at06 = names.get('TC_06')!;
    expect(ws.getCell(at06.row, at06.col).dataValidation.formulae?.[0]).toBe(dv03.formulae?.[0]);
    const target = names.get('TC_15_ChiTieu')!;
    expect(ws.getCell(target.row, target.col).dataValidation.error).toBe('Chỉ tiêu đăng ký phải là số nguyên từ 1 trở lên.');
  });

  test('flags a positive score with blank evidence by a conditional format on the evidence cell', () => {
    const names = readNames(wb);
    const mc = names.get('MC_03')!;
    const rule = (ws as unknown as SheetExtras).conditionalFormattings
      .filter((cf) => cf.ref.split(' ').some((ref) => inRange(ref, mc.row, mc.col)))
      .flatMap((cf) => cf.rules);
    expect(rule).toHaveLength(1);
    expect(rule[0]).toMatchObject({ type: 'expression' });
    expect((rule[0] as { formulae: string[] }).formulae[0]).toMatch(/^AND\(ISNUMBER\(\$F\d+\),\$F\d+>0,LEN\(TRIM\(G\d+\)\)=0\)$/);
  });

  test('is protected with only the input cells unlocked', () => {
    expect((ws as unknown as SheetExtras).sheetProtection).toMatchObject({ sheet: true, formatRows: true });
    const inputCells = new Set(plan.fields.filter((f) => f.role === 'input').map((f) => `${f.row}:${f.col}`));
    for (let r = 1; r <= plan.lastRow; r++) {
      for (let c = 1; c <= plan.lastCol; c++) {
        const cell = ws.getCell(r, c);
        if (cell.isMerged && cell.master !== cell) continue;
        const unlocked = cell.protection?.locked === false;
        expect([`${r}:${c}`, unlocked]).toEqual([`${r}:${c}`, inputCells.has(`${r}:${c}`)]);
      }
    }
  });

  test('keeps rubric, unit and generator in a very hidden metadata sheet', () => {
    const meta = wb.getWorksheet(META_SHEET_NAME)!;
    expect(meta.state).toBe('veryHidden');
    const values = Object.fromEntries(meta.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1, 3)));
    expect(values).toMatchObject({
      rubricId: 'hlhpn-caobang-huyen',
      rubricVersion: '2024.1',
      rubricFingerprint: loaded.fingerprint,
      unitName: 'Hội LHPN huyện Hà Quảng',
      layoutVersion: '3',
      createdAt: '2026-01-15T08:00:00.000Z',
    });
  });

  test('prints A4 landscape with Nghị định 30 margins, one page wide, the header row repeated and page numbers from page 2', () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const mm = (inches: number | undefined) => Math.round((inches ?? 0) * 25.4);
    const m = ws.pageSetup.margins;
    expect([mm(m?.top), mm(m?.bottom), mm(m?.left), mm(m?.right)]).toEqual([20, 20, 30, 15]);
    expect(ws.pageSetup.printTitlesRow).toBe(`${plan.headerRow}:${plan.headerRow}`);
    expect(ws.headerFooter).toMatchObject({ differentFirst: true, oddHeader: '&C&P' });
    expect(ws.headerFooter.firstHeader ?? '').toBe('');
  });

  test('shows the unit name on the sheet', () => {
    const at = readNames(wb).get('TenDonVi')!;
    expect(ws.getCell(at.row, at.col).value).toBe('Hội LHPN huyện Hà Quảng');
  });
});

/** Loaded-sheet fields ExcelJS has at runtime but not in its typings. */
interface SheetExtras {
  conditionalFormattings: { ref: string; rules: ExcelJS.ConditionalFormattingRule[] }[];
  sheetProtection: Record<string, unknown>;
}

function inRange(ref: string, row: number, col: number): boolean {
  const [a, b = a] = ref.split(':');
  const p = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s)!;
    return { col: m[1].charCodeAt(0) - 64, row: Number(m[2]) };
  };
  const tl = p(a);
  const br = p(b);
  return row >= tl.row && row <= br.row && col >= tl.col && col <= br.col;
}
