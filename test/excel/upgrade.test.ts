/**
 * Cập nhật: generating over our own sheet upgrades it in place and keeps
 * every entry by defined name; a sheet of the same name that is not ours is
 * never touched.
 */
import rubric2024 from '../../src/rubric/data/2024.json';
import { buildSheetPlan, META_SHEET_NAME, SHEET_NAME } from '../../src/layout/plan';
import { builtinRubric, loadRubric, type LoadedRubric } from '../../src/rubric';
import { names } from '../../src/rubric/names';
import type { FakeExcelHost } from '../fakes/excel-host';
import { syntheticRubric } from '../support/synthetic-rubric';
import { CREATED_AT, fakeExcel, UNIT } from './setup';

/** The 2024 rubric without criterion 15 (group 1.2), points adjusted up the tree. */
function withoutCriterion15(): LoadedRubric {
  const data = structuredClone(rubric2024) as unknown as {
    version: string;
    sections: { id: string; points: number; children: Node[] }[];
  };
  type Node = { type: string; id: string; points?: number; children?: Node[] };
  data.version = '2024.2';
  const section = data.sections.find((s) => s.id === 'III')!;
  const nv1 = section.children.find((n) => n.id === 'NV1')!;
  const group = nv1.children!.find((n) => n.id === '1.2')!;
  const removed = group.children!.find((n) => n.id === '15')!;
  group.children = group.children!.filter((n) => n !== removed);
  for (const holder of [group, nv1, section]) holder.points = (holder.points as number) - (removed.points as number);
  return loadRubric(data);
}

/** What a district user typed, by defined name. */
const TYPED: Record<string, string | number> = {
  [names.score('1')]: 2.5,
  [names.evidence('1')]: 'Kế hoạch số 12/KH-HLHPN ngày 10/01/2024',
  [names.note('1')]: 'Đã gửi bản giấy',
  [names.score('2')]: 4,
  [names.evidence('2')]: 'Báo cáo 6 tháng',
  [names.target('16')]: 12,
  [names.achieved('16')]: 9,
  [names.evidence('16')]: 'Danh sách cơ sở',
  [names.score('14.1')]: 2,
  [names.note('14.2')]: 'Chưa đủ hồ sơ',
  [names.input('48', 'Cham')]: 1,
  [names.input('48', 'Thieu')]: 0,
  [names.input('49', 'HoSo')]: 4,
  [names.bonus('1')]: 3,
  [names.bonusEvidence('1')]: 'Bằng khen của Trung ương Hội',
  [names.deduction('2')]: 1,
  [names.preparerName]: 'Nguyễn Thị Lan',
  [names.signerName]: 'Hoàng Thị Mai',
  // Entries of the criterion the new rubric drops.
  [names.target('15')]: 10,
  [names.achieved('15')]: 8,
  [names.evidence('15')]: 'Báo cáo chỉ tiêu 15',
  [names.note('15')]: 'Ghi chú 15',
};
const DROPPED = [names.target('15'), names.achieved('15'), names.evidence('15'), names.note('15')];

function valueByName(host: FakeExcelHost, name: string) {
  const at = host.nameAddress(name);
  if (!at) throw new Error(`no name ${name}`);
  const cell = host.cellAt(at.sheet, at.address);
  return cell?.formula !== undefined ? { formula: cell.formula } : (cell?.value ?? null);
}

function metaRows(host: FakeExcelHost): Record<string, unknown> {
  const meta = host.sheet(META_SHEET_NAME);
  const rows: Record<string, unknown> = {};
  for (let r = 1; meta.cells.get(`${r},1`)?.value; r++) rows[String(meta.cells.get(`${r},1`)?.value)] = meta.cells.get(`${r},2`)?.value;
  return rows;
}

describe('upgrading our sheet', () => {
  test('keeps every entry by name and lists the entries of a removed criterion', async () => {
    const { host, ops } = fakeExcel({ sheetNames: ['Trang bìa'] });
    await ops.generate({ loaded: builtinRubric(), unitName: UNIT });
    for (const [name, value] of Object.entries(TYPED)) host.typeIntoName(name, value);
    const syncsBefore = host.syncCount;

    const modified = withoutCriterion15();
    const result = await ops.generate({ loaded: modified, unitName: '' });

    expect(result.mode).toBe('upgraded');
    expect(result.syncs).toBe(2);
    expect(host.syncCount - syncsBefore).toBe(2);
    expect(result.orphans.map((o) => o.name).sort()).toEqual([...DROPPED].sort());
    expect(result.orphans).toContainEqual({ name: names.evidence('15'), value: 'Báo cáo chỉ tiêu 15', earlier: false });
    expect(result.orphans).toContainEqual({ name: names.target('15'), value: 10, earlier: false });

    for (const [name, value] of Object.entries(TYPED)) {
      if (DROPPED.includes(name)) expect(host.nameAddress(name)).toBeUndefined();
      else expect([name, valueByName(host, name)]).toEqual([name, value]);
    }
    expect(valueByName(host, names.unitName)).toBe(UNIT);
    // Orphans are kept in the metadata, never dropped.
    const meta = metaRows(host);
    expect(meta).toMatchObject({
      rubricVersion: '2024.2',
      unitName: UNIT,
      [`orphan:${names.evidence('15')}`]: 'Báo cáo chỉ tiêu 15',
      [`orphan:${names.note('15')}`]: 'Ghi chú 15',
    });

    // One sheet of ours in its old place, protected, with exactly the new plan's names.
    const plan = buildSheetPlan(modified, { unitName: UNIT });
    expect(host.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Trang bìa', 'Visible'],
      [SHEET_NAME, 'Visible'],
      [META_SHEET_NAME, 'VeryHidden'],
    ]);
    expect(host.sheet(SHEET_NAME).protection.protected).toBe(true);
    expect(host.names.size).toBe(plan.fields.length);

    // The upgraded sheet checks clean against the new rubric's structure.
    const check = await ops.check(modified);
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(check.criterionCount).toBe(48);
  });

  test('orphans an earlier upgrade kept stay in the metadata through the next one', async () => {
    const { host, ops } = fakeExcel();
    await ops.generate({ loaded: builtinRubric(), unitName: UNIT });
    host.typeIntoName(names.evidence('15'), 'Báo cáo chỉ tiêu 15');
    const modified = withoutCriterion15();
    await ops.generate({ loaded: modified, unitName: UNIT });
    const again = await ops.generate({ loaded: modified, unitName: UNIT });
    expect(again.orphans).toEqual([{ name: names.evidence('15'), value: 'Báo cáo chỉ tiêu 15', earlier: true }]);
    expect(metaRows(host)[`orphan:${names.evidence('15')}`]).toBe('Báo cáo chỉ tiêu 15');
  });

  test('a new unit name replaces the old one; text typed in a number cell stays text', async () => {
    const { host, ops } = fakeExcel();
    await ops.generate({ loaded: builtinRubric(), unitName: UNIT });
    host.typeIntoName(names.score('3'), "'=1+1");
    host.typeIntoName(names.score('4'), 'chưa chấm');
    const result = await ops.generate({ loaded: builtinRubric(), unitName: 'Hội LHPN thành phố Cao Bằng' });
    expect(result.mode).toBe('upgraded');
    expect(valueByName(host, names.unitName)).toBe('Hội LHPN thành phố Cao Bằng');
    expect(valueByName(host, names.score('3'))).toBe('=1+1');
    expect(valueByName(host, names.score('4'))).toBe('chưa chấm');
    const check = await ops.check(builtinRubric());
    expect(check.problems.filter((p) => p.code === 'INVALID_VALUE').map((p) => p.name)).toEqual([names.score('3'), names.score('4')]);
  });

  test('signer names given now are written; left blank, the sheet keeps its own', async () => {
    const { host, ops } = fakeExcel();
    await ops.generate({ loaded: builtinRubric(), unitName: UNIT, preparer: 'Nguyễn Thị Lan', signer: 'Hoàng Thị Mai' });
    expect(valueByName(host, names.preparerName)).toBe('Nguyễn Thị Lan');
    expect(valueByName(host, names.signerName)).toBe('Hoàng Thị Mai');
    await ops.generate({ loaded: builtinRubric(), unitName: UNIT, preparer: ' ', signer: 'Lê Thị Hoa' });
    expect(valueByName(host, names.preparerName)).toBe('Nguyễn Thị Lan');
    expect(valueByName(host, names.signerName)).toBe('Lê Thị Hoa');
  });
});

describe('a sheet that is not ours', () => {
  test('is refused, and nothing in the workbook changes', async () => {
    const { host, ops } = fakeExcel({ sheetNames: [SHEET_NAME] });
    host.type(SHEET_NAME, 'A1', 'Bảng điểm của phòng');
    host.type(SHEET_NAME, 'C4', 42);
    const before = JSON.stringify([...host.sheet(SHEET_NAME).cells]);

    await expect(ops.generate({ loaded: builtinRubric(), unitName: UNIT })).rejects.toThrow(
      /không do tiện ích Chấm điểm thi đua tạo.*không ghi đè/,
    );
    expect(host.syncCount).toBe(1);
    expect(host.sheets.map((s) => s.name)).toEqual([SHEET_NAME]);
    expect(JSON.stringify([...host.sheet(SHEET_NAME).cells])).toBe(before);
    expect(host.names.size).toBe(0);
    await expect(ops.status()).resolves.toEqual({ exists: true, ours: false });
    await expect(ops.check(builtinRubric())).rejects.toThrow(/không kiểm tra được/);
  });

  test('a name of the user that the sheet needs is refused, not overwritten', async () => {
    const { host, ops } = fakeExcel();
    await host.run(async (context) => {
      context.workbook.names.add('TongDiem', context.workbook.worksheets.getItem('Sheet1').getRange('B2'));
      await context.sync();
    });
    await expect(ops.generate({ loaded: builtinRubric(), unitName: UNIT })).rejects.toThrow(/TongDiem \(=Sheet1!\$B\$2\)/);
    expect(host.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(host.nameAddress('TongDiem')).toEqual({ sheet: 'Sheet1', address: 'B2' });
  });
});

describe('a sheet of ours copied into a new workbook (names kept, metadata sheet lost)', () => {
  async function copiedSheet() {
    const { host, ops } = fakeExcel();
    await ops.generate({ loaded: builtinRubric(), unitName: UNIT });
    for (const [name, value] of Object.entries(TYPED)) host.typeIntoName(name, value);
    // What Move/Copy to a new book leaves: the sheet and every name, no metadata sheet.
    await host.run(async (context) => {
      const meta = context.workbook.worksheets.getItem(META_SHEET_NAME);
      meta.visibility = 'Hidden';
      meta.delete();
      await context.sync();
    });
    return { host, ops };
  }

  test('status offers Cập nhật, check says how to recover', async () => {
    const { ops } = await copiedSheet();
    await expect(ops.status()).resolves.toEqual({ exists: true, ours: false, recoverable: true });
    await expect(ops.check(builtinRubric())).rejects.toThrow(/mất trang thông tin ẩn ChamDiem_Meta.*Bấm Cập nhật ở thẻ Tạo bảng để khôi phục/);
  });

  test('Cập nhật adopts it: every entry kept, the metadata restored, the sheet checks again', async () => {
    const { host, ops } = await copiedSheet();
    const result = await ops.generate({ loaded: builtinRubric(), unitName: '' });
    expect(result).toMatchObject({ mode: 'recovered', keptEntries: Object.keys(TYPED).length + 2, orphans: [] });
    for (const [name, value] of Object.entries(TYPED)) expect([name, valueByName(host, name)]).toEqual([name, value]);
    expect(metaRows(host)).toMatchObject({ rubricId: 'hlhpn-caobang-huyen', rubricFingerprint: builtinRubric().fingerprint, unitName: UNIT, createdAt: CREATED_AT });
    expect(host.sheet(META_SHEET_NAME).visibility).toBe('VeryHidden');
    await expect(ops.status()).resolves.toMatchObject({ exists: true, ours: true });
    const live = await ops.check(builtinRubric());
    expect(live.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  test('names that do not fit the rubric chosen are refused, the sheet untouched', async () => {
    const { host, ops } = await copiedSheet();
    const before = JSON.stringify([...host.sheet(SHEET_NAME).cells]);
    const sheets = host.sheets.map((s) => s.name);
    await expect(ops.generate({ loaded: syntheticRubric(100), unitName: UNIT })).rejects.toThrow(
      /mất trang thông tin ẩn ChamDiem_Meta, và tên ô hoặc điểm chuẩn của nó không khớp bộ tiêu chí/,
    );
    expect(JSON.stringify([...host.sheet(SHEET_NAME).cells])).toBe(before);
    expect(host.sheets.map((s) => s.name)).toEqual(sheets);
  });
});

describe('status', () => {
  test('tells a new workbook from one holding our sheet, in one sync', async () => {
    const { host, ops } = fakeExcel();
    await expect(ops.status()).resolves.toEqual({ exists: false, ours: false });
    await ops.generate({ loaded: builtinRubric(), unitName: UNIT });
    const syncs = host.syncCount;
    const status = await ops.status();
    expect(host.syncCount - syncs).toBe(1);
    expect(status).toMatchObject({ exists: true, ours: true, meta: { rubricId: 'hlhpn-caobang-huyen', unitName: UNIT } });
  });
});
