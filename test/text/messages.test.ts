/**
 * @jest-environment ./test/support/vietnam-time-environment.js
 */
import { builtinRubric } from '../../src/rubric';
import { names } from '../../src/rubric/names';
import { consolidate, type FileReading } from '../../src/merge/consolidate';
import type { UnitReading } from '../../src/merge/unit';
import { entriesFrom, scoreEntries, type CellInput } from '../../src/scoring';
import { formatCheckReport } from '../../src/cli/report';
import { checkWorkbook } from '../../src/check';

const loaded = builtinRubric();

describe('what the check and the merge say, in Vietnamese formats', () => {
  it('writes points with a decimal comma in problem messages and totals alike', () => {
    const cells: Record<string, CellInput> = { [names.score('2')]: { kind: 'number', value: 3.75 } };
    const problems = scoreEntries(loaded.rubric, entriesFrom(cells)).problems;
    expect(problems.find((p) => p.code === 'MISSING_EVIDENCE')?.message).toBe(
      'Tiêu chí 2: có điểm (3,75) nhưng chưa ghi minh chứng (MC_02).',
    );

    const view = { meta: {}, hasName: () => true, locate: () => undefined, cell: (n: string) => cells[n] ?? ({ kind: 'empty' } as const) };
    const text = formatCheckReport('a.xlsx', checkWorkbook(view, loaded));
    expect(text).toContain('\nTổng điểm: 3,75\n');
    expect(text).toContain('[CẢNH BÁO] MISSING_EVIDENCE: Tiêu chí 2: có điểm (3,75) nhưng chưa ghi minh chứng (MC_02).');
  });

  it('writes a printed maximum that was edited with a decimal comma', () => {
    const maxName = names.maxPoints('2');
    const cells: Record<string, CellInput> = { [maxName]: { kind: 'number', value: 5.25 } };
    const view = { meta: {}, hasName: () => true, locate: () => undefined, cell: (n: string) => cells[n] ?? ({ kind: 'empty' } as const) };
    const edited = checkWorkbook(view, loaded).problems.find((p) => p.code === 'MAX_POINTS_EDITED' && p.name === maxName);
    expect(edited?.message).toBe(`Điểm chuẩn ${maxName} phải là 5, trong tệp là giá trị cố định 5,25.`);
  });

  it('names the kept duplicate with its creation in local time', () => {
    const unit = (createdAt: string): UnitReading => ({
      unitName: 'Hội LHPN huyện Hòa An',
      createdAt,
      selfScores: {},
      invalidScores: {},
      totals: { sections: { I: 10 }, bonus: 0, deduction: 0, total: 10 },
      evidence: [],
      problems: [],
    });
    const reading = (file: string, createdAt: string): FileReading => ({ file, savedAt: null, unit: unit(createdAt), problems: [] });
    const result = consolidate([reading('cu.xlsx', '2026-01-10T07:00:00.000Z'), reading('moi.xlsx', '2026-12-01T08:10:30.095Z')], loaded);
    expect(result.files[0].problems.map((p) => p.message)).toEqual([
      'Đơn vị "Hội LHPN huyện Hòa An" có tệp mới hơn: moi.xlsx (tạo lúc 15:10 ngày 01/12/2026). Tệp này không được tổng hợp.',
    ]);
  });
});
