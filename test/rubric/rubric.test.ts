import * as fs from 'fs';
import * as path from 'path';
import rubric2024 from '../../src/rubric/data/2024.json';
import { allCriteria, builtinRubric, canonicalJson, fingerprintOf, loadRubric, RubricError } from '../../src/rubric';

const { rubric, fingerprint } = builtinRubric();
const criteria = allCriteria(rubric);
const clone = () => JSON.parse(JSON.stringify(rubric2024));

function refusal(data: unknown): string[] {
  try {
    loadRubric(data);
  } catch (e) {
    expect(e).toBeInstanceOf(RubricError);
    return (e as RubricError).issues;
  }
  throw new Error('the rubric was accepted');
}

describe('the 2024 rubric as data', () => {
  test('has the 49 criteria numbered 1 to 49 in document order', () => {
    expect(criteria.map((c) => c.id)).toEqual(Array.from({ length: 49 }, (_, i) => String(i + 1)));
  });

  test('sections I–IV carry 20, 20, 130 and 10 points, and bonus and deduction are capped at 20', () => {
    expect(rubric.sections.map((s) => [s.id, s.points])).toEqual([
      ['I', 20],
      ['II', 20],
      ['III', 130],
      ['IV', 10],
    ]);
    expect([rubric.bonus.id, rubric.bonus.cap, rubric.bonus.items.length]).toEqual(['V', 20, 7]);
    expect([rubric.deduction.id, rubric.deduction.cap, rubric.deduction.items.length]).toEqual(['VI', 20, 4]);
  });

  test('the criteria points add up to 180', () => {
    expect(criteria.reduce((s, c) => s + c.points, 0)).toBe(180);
  });

  test('scores exactly the listed criteria by registered target', () => {
    const target = criteria.filter((c) => c.rule.kind === 'target').map((c) => Number(c.id));
    expect(target).toEqual([15, 16, 20, 22, 23, 29, 35, 36, 37, 40, 41, 42, 43, 44]);
    for (const c of criteria.filter((x) => x.rule.kind === 'target')) expect(c.method).toMatch(/^Chấm (điểm )?theo chỉ tiêu đăng ký/);
  });

  test('criterion 14 has sub-items 14.1 and 14.2 of 2 points each', () => {
    const c14 = criteria.find((c) => c.id === '14');
    expect(c14?.rule.kind).toBe('sum');
    expect(c14?.subItems?.map((s) => [s.id, s.points])).toEqual([
      ['14.1', 2],
      ['14.2', 2],
    ]);
  });

  test('criteria 48 and 49 use the tier tables, 10 and 20 dossiers going to the lower score', () => {
    const c48 = criteria.find((c) => c.id === '48');
    const c49 = criteria.find((c) => c.id === '49');
    expect(c48?.rule.kind === 'tiers' && c48.rule.inputs.map((i) => i.key)).toEqual(['Cham', 'Thieu']);
    expect(c49?.rule.kind === 'tiers' && c49.rule.inputs[0].tiers).toEqual([
      { from: 0, points: 3 },
      { from: 1, points: 2 },
      { from: 10, points: 1 },
      { from: 20, points: 0 },
    ]);
    expect(c49?.rule.kind === 'tiers' && c49.rule.note).toMatch(/10.*20/);
  });

  test('the informational rows Chỉ tiêu 1–8 are text only', () => {
    const infos: string[] = [];
    const walk = (nodes: unknown[]) =>
      nodes.forEach((n) => {
        const node = n as { type: string; text?: string; children?: unknown[] };
        if (node.type === 'info') infos.push(node.text ?? '');
        if (node.children) walk(node.children);
      });
    rubric.sections.forEach((s) => walk(s.children));
    expect(infos.map((t) => /^Chỉ tiêu (\d)/.exec(t)?.[1])).toEqual(['1', '2', '3', '4', '6', '5', '7', '8']);
  });

  test('every text is NFC', () => {
    const texts: string[] = [];
    JSON.stringify(rubric, (_k, v) => (typeof v === 'string' ? (texts.push(v), v) : v));
    expect(texts.filter((t) => t !== t.normalize('NFC'))).toEqual([]);
  });

  test('lists the slips of the printed document it mends', () => {
    const mended = rubric.corrections.map((c) => `${c.printed} → ${c.corrected}`);
    expect(mended).toEqual(
      expect.arrayContaining([
        '11 → 21',
        '(không đánh số) → 47',
        '(không đánh số) → 48',
        'V → VI',
        'Chấm điểm theo chỉ tiêu đăng k → Chấm điểm theo chỉ tiêu đăng ký',
      ]),
    );
    expect(criteria.find((c) => c.id === '29')?.method).toBe('Chấm điểm theo chỉ tiêu đăng ký');
  });

  const source = path.join(__dirname, '..', '..', '..', 'shared', 'rubric', 'tieu-chi-thi-dua-2024.txt');
  (fs.existsSync(source) ? test : test.skip)('keeps every criterion text verbatim from the source document', () => {
    const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
    const doc = squash(fs.readFileSync(source, 'utf8'));
    const mendedTexts = new Set(rubric.corrections.map((c) => c.corrected));
    // A slip mended inside a longer text: the document holds the text as printed.
    const asPrinted = (t: string) => rubric.corrections.reduce((x, c) => x.split(c.corrected).join(c.printed), t);
    const texts = criteria.flatMap((c) => [c, ...(c.subItems ?? [])]).flatMap((c) => [c.text, c.method, c.evidence]);
    const missing = texts.filter((t) => t && !mendedTexts.has(t) && !doc.includes(squash(t)) && !doc.includes(squash(asPrinted(t))));
    expect(missing).toEqual([]);
  });
});

describe('the rubric schema', () => {
  test('refuses children that do not add up to their parent', () => {
    const bad = clone();
    bad.sections[0].children[0].points = 4;
    expect(refusal(bad).join('\n')).toMatch(/Mục I: điểm chuẩn 20 nhưng tổng các mục con là 21/);
  });

  test('refuses sub-items that do not add up to their criterion', () => {
    const bad = clone();
    const c14 = bad.sections[2].children[0].children[4].children[2];
    expect(c14.id).toBe('14');
    c14.subItems[1].points = 3;
    expect(refusal(bad).join('\n')).toMatch(/Tiêu chí 14: điểm chuẩn 4 khác tổng các mục con/);
  });

  test('refuses duplicate ids', () => {
    const bad = clone();
    bad.sections[0].children[1].id = '1';
    expect(refusal(bad)).toContain('Tiêu chí 1: trùng mã với một dòng khác của bộ tiêu chí');
  });

  test('refuses text that is not NFC', () => {
    const bad = clone();
    bad.sections[0].children[0].text = 'Hội'.normalize('NFD');
    expect(refusal(bad)).toEqual(['Tiêu chí 1, nội dung: văn bản phải ở dạng chuẩn Unicode NFC.']);
  });
});

describe('refusals name what they are about', () => {
  test('a field of a criterion, a rule, a tier, a bonus item', () => {
    const bad = clone();
    bad.sections[0].children[4].points = 'ba';
    bad.sections[2].children[0].children[5].children[0].rule = { kind: 'chitieu' };
    bad.sections[3].children[0].rule.inputs[1].key = 'Thiếu';
    bad.sections[3].children[1].rule.inputs[0].tiers[1].points = -1;
    bad.bonus.items[2].text = 7;
    expect(refusal(bad)).toEqual([
      'Tiêu chí 5, điểm chuẩn: phải là một số (đang là "ba").',
      'Tiêu chí 15, quy tắc chấm, loại quy tắc: phải là một trong: manual (chấm trực tiếp), target (theo chỉ tiêu), tiers (theo mức), sum (tổng mục con) (đang là "chitieu").',
      'Tiêu chí 48, quy tắc chấm, ô đếm "Số báo cáo còn thiếu", tên ô đếm: chỉ gồm chữ cái không dấu, ví dụ "Cham" (đang là "Thiếu").',
      'Tiêu chí 49, quy tắc chấm, ô đếm "Số hồ sơ khen thưởng chậm tiến độ hoặc chưa đảm bảo chất lượng", mức 2, điểm chuẩn: phải từ 0 trở lên (đang là -1).',
      'Điểm thưởng, nội dung 3, nội dung: phải là một đoạn chữ (đang là 7).',
    ]);
  });
});

describe('the fingerprint', () => {
  test('is the SHA-256 of the canonical JSON, independent of key order', () => {
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)]))
          : v;
    const reordered = reverseKeys(rubric);
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(rubric));
    expect(canonicalJson(reordered) === canonicalJson(rubric)).toBe(true);
    expect(fingerprintOf(loadRubric(clone()).rubric)).toBe(fingerprint);
  });

  test('changes when any text changes', () => {
    const edited = clone();
    edited.sections[0].children[0].evidence += '.';
    expect(loadRubric(edited).fingerprint).not.toBe(fingerprint);
  });
});
