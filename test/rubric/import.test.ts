import rubric2024 from '../../src/rubric/data/2024.json';
import { allCriteria, fingerprintOf, type Rubric } from '../../src/rubric';
import { importRubric, NotARubricError, type RubricImport, type WordDocument } from '../../src/rubric/import';
import { readDocx } from '../../src/package/docx';
import { communeRubric, COMMUNE_LAYOUT } from '../support/commune-rubric';
import { docxOf, headingOf, print2024, rubricRows, type FixtureOptions } from '../support/rubric-docx';

const r2024 = rubric2024 as unknown as Rubric;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const options = (extra: Partial<Parameters<typeof importRubric>[1]> = {}) => ({ fallbackId: 'tu-van-ban', fallbackYear: 2031, ...extra });

async function import2024(layout: FixtureOptions, extra: Partial<Parameters<typeof importRubric>[1]> = {}): Promise<RubricImport> {
  const bytes = await docxOf(headingOf(r2024), print2024(rubricRows(r2024, layout), layout), layout);
  return importRubric(readDocx(new Uint8Array(bytes)), options(extra));
}

const SPANNING: FixtureOptions = { spanning: true, lineBreaks: true };

describe('the 2024 document', () => {
  test.each([
    ['plain cells, a paragraph per line', {}],
    ['headings across columns 2–5, line breaks, STT cells merged into the ones above', SPANNING],
  ])('%s: with the 2024 rubric as base, the import is src/rubric/data/2024.json to the byte', async (_name, layout) => {
    const got = await import2024(layout, { base: r2024 });
    expect(got.rubric).toEqual(r2024);
    expect(fingerprintOf(got.rubric)).toBe(fingerprintOf(r2024));
  });

  test('every slip is mended and listed for review, then every tier table', async () => {
    const { review } = await import2024(SPANNING, { base: r2024 });
    expect(review.map((r) => `${r.kind} ${r.where}`)).toEqual([
      'correction Tiêu chí 21',
      'correction Tiêu chí 47',
      'correction Tiêu chí 48',
      'correction Mục Điểm trừ',
      'correction Mục IV, Điểm thưởng',
      'correction Tiêu chí 29, cách tính điểm',
      'correction Tiêu chí 47, cách tính điểm',
      'correction Tiêu chí 20',
      'correction Tiêu chí 17',
      'tiers Tiêu chí 48',
      'tiers Tiêu chí 49',
    ]);
    expect(review[7].message).toBe(
      'in "trợ2giúp", đã sửa thành "trợ giúp". Chữ số "2" lọt vào giữa hai chữ (khi gõ kiểu VNI, phím 2 là dấu huyền) thay cho dấu cách.',
    );
    expect(review[0].message).toBe('in "11", đã sửa thành "21". Số thứ tự in nhầm: tiêu chí nằm giữa 20 và 22.');
    expect(review[9].details).toEqual([
      'Số lần chậm tiến độ báo cáo (ô TC_48_Cham): 0–1 → 7; 2 → 5; 3–4 → 3; 5 → 1; từ 6 → 0 điểm',
      'Số báo cáo còn thiếu (ô TC_48_Thieu): 0 → 7; 1 → 5; 2 → 3; 3 → 1; từ 4 → 0 điểm',
      'Điểm của tiêu chí là mức thấp nhất trong các bảng trên.',
    ]);
    expect(review[10].details?.[0]).toBe('Số hồ sơ khen thưởng chậm tiến độ hoặc chưa đảm bảo chất lượng (ô TC_49_HoSo): 0 → 3; 1–9 → 2; 10–19 → 1; từ 20 → 0 điểm');
  });

  test('without a base it differs only in what the document cannot carry: the id, three reasons and the inputs’ labels', async () => {
    const { rubric, notes } = await import2024({}, { id: 'hlhpn-caobang-huyen' });
    const strip = (x: Rubric) => {
      const y = clone(x);
      y.corrections.forEach((c) => (c.reason = ''));
      for (const c of allCriteria(y)) if (c.rule.kind === 'tiers') c.rule.inputs.forEach((i) => (i.label = ''));
      return y;
    };
    expect(strip(rubric)).toEqual(strip(r2024));
    expect(rubric.corrections.map((c) => c.reason).filter((r, i) => r !== r2024.corrections[i].reason)).toEqual([
      'Tiêu chí in liền sau tiêu chí 46, không có số thứ tự.',
      'Tiêu chí in liền dòng mục IV, không có số thứ tự.',
      'Bỏ dấu chấm sau số La Mã cho thống nhất với mục I–III, VI.',
    ]);
    const labels = allCriteria(rubric).flatMap((c) => (c.rule.kind === 'tiers' ? c.rule.inputs.map((i) => `${i.key}: ${i.label}`) : []));
    expect(labels).toEqual(['Cham: Số lần chậm tiến độ', 'Thieu: Số lần thiếu báo cáo', 'HoSo: Số hồ sơ chậm tiến độ, chất lượng hồ sơ không đảm bảo']);
    // The note on the dossiers the document leaves open is the document's own reading.
    const c49 = allCriteria(rubric).find((c) => c.id === '49')!;
    expect(c49.rule.kind === 'tiers' && c49.rule.note).toBe((allCriteria(r2024).find((c) => c.id === '49')!.rule as { note: string }).note);
    expect(notes.join('\n')).toMatch(/lấy theo mặc định/);
  });

  test('the id comes from --id, then the base, then the file name; the version from --version or the year', async () => {
    expect((await import2024({})).rubric.id).toBe('tu-van-ban');
    expect((await import2024({}, { base: r2024, version: '2024.2' })).rubric).toMatchObject({ id: 'hlhpn-caobang-huyen', version: '2024.2' });
  });
});

describe('a commune rubric with other sections, numbering, points and tier wording', () => {
  const source = communeRubric();

  test('imports to its source: ids, texts, points, rules', async () => {
    const bytes = await docxOf(headingOf(source), rubricRows(source, COMMUNE_LAYOUT), COMMUNE_LAYOUT);
    const got = importRubric(readDocx(new Uint8Array(bytes)), options({ id: source.id }));
    expect(got.rubric).toEqual(source);
    expect(got.review.map((r) => `${r.kind} ${r.where}: ${r.message}`)).toEqual([
      'tiers Tiêu chí 6: các mức điểm đọc từ cột Cách tính điểm:',
      'tiers Tiêu chí 10: các mức điểm đọc từ cột Cách tính điểm:',
      expect.stringMatching(/^rule Tiêu chí 4: cách tính điểm ghi nhiều mức điểm nhưng không đọc được thành bảng mức: chấm trực tiếp/),
    ]);
    expect(got.review[0].details).toEqual(['Số kỳ thiếu (ô TC_06_Ky): 0 → 8; 1 → 6; 2–3 → 4; từ 4 → 0 điểm']);
    expect(got.review[1].details).toEqual(['Số báo cáo chậm (ô TC_10_BaoCao): 0 → 6; 1–2 → 4; từ 3 → 0 điểm']);
  });
});

/** A document of one table, given row by row as [STT, text, points, method, evidence]. */
function table(rows: string[][], header = ['STT', 'Tiêu chí đánh giá', 'Điểm chuẩn', 'Cách tính điểm đạt tiêu chí', 'Yêu cầu minh chứng']): WordDocument {
  const row = (cells: string[]) => cells.map((t, i) => ({ column: i, span: 1, continuesAbove: false, paragraphs: [t], images: [] }));
  return {
    blocks: [
      { kind: 'paragraph', text: 'BẢN TIÊU CHÍ ĐÁNH GIÁ THI ĐUA NĂM 2026' },
      { kind: 'table', table: { rows: [row(header), ...rows.map(row)] } },
    ],
  };
}

/** The bonus and deduction sections after `sections` numbered ones. */
const tail = (sections: number) => [
  [['I', 'II', 'III'][sections], 'ĐIỂM THƯỞNG', '5', '', ''],
  ['', 'Các nội dung khác', '', '', ''],
  [['II', 'III', 'IV'][sections], 'ĐIỂM TRỪ', '5', '', ''],
  ['', 'Các nội dung khác', '', '', ''],
];

describe('slips and doubts', () => {
  test('numbering that starts again from 1 in each section is carried on, and said so once per section', () => {
    const { rubric } = importRubric(
      table([
        ['I', 'MỤC MỘT', '6', '', ''],
        ['1', 'Tiêu chí một', '3', 'Chấm trực tiếp', 'Báo cáo'],
        ['2', 'Tiêu chí hai', '3', 'Chấm trực tiếp', 'Báo cáo'],
        ['II', 'MỤC HAI', '6', '', ''],
        ['1', 'Tiêu chí ba', '3', 'Chấm trực tiếp', 'Báo cáo'],
        ['2', 'Tiêu chí bốn', '3', 'Chấm trực tiếp', 'Báo cáo'],
        ...tail(2),
      ]),
      options(),
    );
    expect(allCriteria(rubric).map((c) => `${c.id} ${c.text}`)).toEqual(['1 Tiêu chí một', '2 Tiêu chí hai', '3 Tiêu chí ba', '4 Tiêu chí bốn']);
    expect(rubric.corrections).toEqual([
      {
        where: 'Mục II, số thứ tự tiêu chí',
        printed: '1–2',
        corrected: '3–4',
        reason: 'Văn bản đánh số lại tiêu chí từ 1 ở mỗi mục; số thứ tự được đánh tiếp để không trùng.',
      },
    ]);
  });

  test('a real gap in the numbering is kept as printed, for a person to look at', () => {
    const { rubric, review } = importRubric(
      table([['I', 'MỤC MỘT', '6', '', ''], ['1', 'Một', '3', 'x', 'y'], ['3', 'Ba', '3', 'x', 'y'], ...tail(1)]),
      options(),
    );
    expect(allCriteria(rubric).map((c) => c.id)).toEqual(['1', '3']);
    expect(rubric.corrections).toEqual([]);
    expect(review).toContainEqual({ kind: 'structure', where: 'Tiêu chí 3', message: 'số thứ tự nhảy từ 1 lên 3 (không có tiêu chí 2): giữ như văn bản.' });
  });

  test('a cut word the document offers no completion for is listed, not guessed', () => {
    const { rubric, review } = importRubric(
      table([['I', 'MỤC MỘT', '3', '', ''], ['1', 'Một', '3', 'Tổ chức hội ngh', 'y'], ...tail(1)]),
      options(),
    );
    expect(allCriteria(rubric)[0].method).toBe('Tổ chức hội ngh');
    expect(review).toContainEqual({
      kind: 'correction',
      where: 'Tiêu chí 1, cách tính điểm',
      message: 'chữ cuối "ngh" có vẻ bị cắt cụt nhưng không tìm được chữ đầy đủ trong văn bản: giữ nguyên.',
    });
  });

  test('a VNI digit between two syllables becomes a space and is listed; digits that belong stay', () => {
    const { rubric } = importRubric(
      table([
        ['I', 'MỤC MỘT', '6', '', ''],
        ['1', 'Tiếp cận dịch vụ trợ2giúp xã hội, học tập3ngày', '3', 'Thực hiện Nghị quyết 09-NQ/TW, 100% hội viên', 'Báo cáo H2O, COVID19, km2'],
        ['2', 'Hai', '3', 'x', 'y'],
        ...tail(1),
      ]),
      options(),
    );
    const [first] = allCriteria(rubric);
    expect(first.text).toBe('Tiếp cận dịch vụ trợ giúp xã hội, học tập ngày');
    expect(first.method).toBe('Thực hiện Nghị quyết 09-NQ/TW, 100% hội viên');
    expect(first.evidence).toBe('Báo cáo H2O, COVID19, km2');
    expect(rubric.corrections.map((c) => [c.where, c.printed, c.corrected, c.reason])).toEqual([
      ['Tiêu chí 1', 'trợ2giúp', 'trợ giúp', 'Chữ số "2" lọt vào giữa hai chữ (khi gõ kiểu VNI, phím 2 là dấu huyền) thay cho dấu cách.'],
      ['Tiêu chí 1', 'tập3ngày', 'tập ngày', 'Chữ số "3" lọt vào giữa hai chữ (khi gõ kiểu VNI, phím 3 là dấu hỏi) thay cho dấu cách.'],
    ]);
  });

  test('sums that do not add up are written as printed and listed, naming the section and the group', () => {
    const { rubric, review } = importRubric(
      table([
        ['I', 'MỤC MỘT', '20', '', ''],
        ['', 'Nhiệm vụ 1: Việc chính', '8', '', ''],
        ['1', 'Một', '3', 'x', 'y'],
        ['2', 'Hai', '3', 'x', 'y'],
        ['3', 'Ba', '2,5', 'x', 'y'],
        ...tail(1),
      ]),
      options(),
    );
    expect(rubric.sections[0].points).toBe(20);
    expect(review.filter((r) => r.kind === 'sum').map((r) => `${r.where}: ${r.message}`)).toEqual([
      'Mục I: điểm chuẩn 20 nhưng tổng các mục con là 8',
      'Nhiệm vụ 1: điểm chuẩn 8 nhưng tổng các mục con là 8,5',
    ]);
  });

  test('"(03 tiêu chí)" in a group title is held against the criteria the group has', () => {
    const { review } = importRubric(
      table([['I', 'MỤC MỘT', '6', '', ''], ['1.1', 'Nhóm việc (03 tiêu chí)', '6', '', ''], ['1', 'Một', '3', 'x', 'y'], ['2', 'Hai', '3', 'x', 'y'], ...tail(1)]),
      options(),
    );
    expect(review).toContainEqual({ kind: 'sum', where: 'Nhóm 1.1', message: 'tên nhóm ghi (03 tiêu chí) nhưng nhóm có 2 tiêu chí.' });
  });
});

describe('documents that hold no rubric', () => {
  const refusal = (doc: WordDocument) => {
    try {
      importRubric(doc, options());
    } catch (e) {
      expect(e).toBeInstanceOf(NotARubricError);
      return (e as Error).message;
    }
    throw new Error('imported');
  };

  test('no table at all', () => {
    expect(refusal({ blocks: [{ kind: 'paragraph', text: 'Công văn' }] })).toBe(
      'Tệp không có bảng nào. Bộ tiêu chí phải là một bảng có các cột STT, Tiêu chí đánh giá, Điểm chuẩn, Cách tính điểm đạt tiêu chí, Yêu cầu minh chứng.',
    );
  });

  test('a table with other columns names what it has and what it lacks', () => {
    expect(refusal(table([['1', 'Nguyễn Thị A', 'Chủ tịch']], ['STT', 'Họ và tên', 'Chức vụ']))).toBe(
      'Không thấy bảng tiêu chí: Bộ tiêu chí phải là một bảng có các cột STT, Tiêu chí đánh giá, Điểm chuẩn, Cách tính điểm đạt tiêu chí, Yêu cầu minh chứng. ' +
        'Dòng đầu của bảng có các cột: "STT" | "Họ và tên" | "Chức vụ" (thiếu cột Tiêu chí đánh giá, Điểm chuẩn).',
    );
  });

  test('the rubric header but no section numbered in Roman numerals', () => {
    expect(refusal(table([['1', 'Một', '3', 'x', 'y']]))).toMatch(/^Bảng không có mục nào đánh số La Mã/);
  });

  test('no bonus or deduction section', () => {
    expect(refusal(table([['I', 'MỤC MỘT', '3', '', ''], ['1', 'Một', '3', 'x', 'y']]))).toMatch(/^Bảng không có mục ĐIỂM THƯỞNG và ĐIỂM TRỪ/);
  });
});
