/**
 * planSheet, the one generate-or-upgrade workflow: what the new sheet holds,
 * given what the old one held and what the user asked for.
 */
import { planSheet, type ExistingSheet } from '../../src/app/generate';
import { buildSheetPlan } from '../../src/layout/plan';
import { builtinRubric } from '../../src/rubric';
import { names } from '../../src/rubric/names';
import type { CellInput } from '../../src/scoring/inputs';

const loaded = builtinRubric();

function sheet(cells: Record<string, CellInput>, meta: Record<string, string> = {}): ExistingSheet {
  const map = new Map(Object.entries(cells));
  return { names: map, cell: (name) => map.get(name) ?? { kind: 'empty' }, meta, locate: () => undefined, cellsAt: (at) => at.map(() => ({ kind: 'empty' })) };
}

const text = (value: string): CellInput => ({ kind: 'text', value });
const number = (value: number): CellInput => ({ kind: 'number', value });

/** The value the plan itself writes into a named cell. */
function planned(work: ReturnType<typeof planSheet>, name: string) {
  const field = work.plan.fields.find((f) => f.name === name)!;
  return work.plan.cells.find((c) => c.row === field.row && c.col === field.col)?.value;
}

describe('planSheet', () => {
  test('a new sheet takes the names asked for in NFC, trimmed, and blank ones as not given', () => {
    const work = planSheet(loaded, null, { unitName: '  Hội LHPN huyện Ha\u0300 Quảng ', preparer: '   ', signer: ' Hoàng Thị Mai' });
    expect(work.unitName).toBe('Hội LHPN huyện Hà Quảng');
    expect(planned(work, names.unitName)).toBe('Hội LHPN huyện Hà Quảng');
    expect(planned(work, names.preparerName)).toBe('');
    expect(planned(work, names.signerName)).toBe('Hoàng Thị Mai');
    expect(work.plan.meta).toContainEqual(['unitName', 'Hội LHPN huyện Hà Quảng']);
    expect(work).toMatchObject({ keptEntries: 0, orphans: [] });
    expect([...work.entries]).toEqual([]);
  });

  test('an upgrade keeps the old unit, signers and place–date line unless the request gives new ones', () => {
    const old = sheet({
      [names.unitName]: text('Hội LHPN huyện Bảo Lạc'),
      [names.preparerName]: text('Nguyễn Thị Lan'),
      [names.signerName]: text('Hoàng Thị Mai'),
      [names.dateLine]: text('Cao Bằng, ngày 05 tháng 02 năm 2025'),
      TC_01: number(2.5),
    });
    const kept = planSheet(loaded, old, {});
    expect(kept.unitName).toBe('Hội LHPN huyện Bảo Lạc');
    expect(planned(kept, names.unitName)).toBe('Hội LHPN huyện Bảo Lạc');
    expect(Object.fromEntries(kept.entries)).toEqual({
      [names.preparerName]: 'Nguyễn Thị Lan',
      [names.signerName]: 'Hoàng Thị Mai',
      [names.dateLine]: 'Cao Bằng, ngày 05 tháng 02 năm 2025',
      TC_01: 2.5,
    });
    expect(kept.keptEntries).toBe(5);

    const replaced = planSheet(loaded, old, { unitName: 'Hội LHPN thành phố', preparer: 'Lê Thị Hoa', date: { year: 2026, month: 1, day: 9 } });
    expect(planned(replaced, names.unitName)).toBe('Hội LHPN thành phố');
    expect(planned(replaced, names.preparerName)).toBe('Lê Thị Hoa');
    expect(planned(replaced, names.dateLine)).toBe('Cao Bằng, ngày 09 tháng 01 năm 2026');
    // Only what the request does not replace is written over the plan.
    expect(Object.fromEntries(replaced.entries)).toEqual({ [names.signerName]: 'Hoàng Thị Mai', TC_01: 2.5 });

    const placed = planSheet(loaded, old, { place: 'Hà Quảng' });
    expect(planned(placed, names.dateLine)).toBe('Hà Quảng, ngày ..... tháng ..... năm ..........');
    expect(placed.entries.has(names.dateLine)).toBe(false);
  });

  test('a unit name that is not text stays as it was typed', () => {
    const work = planSheet(loaded, sheet({ [names.unitName]: number(12) }), {});
    expect(work.unitName).toBe('');
    expect(work.entries.get(names.unitName)).toBe(12);
  });

  test('orphans found now and those an earlier upgrade kept are all returned and built into the metadata', () => {
    const old = sheet(
      { TC_99: number(3), MC_99: text('Báo cáo'), TC_01: number(1) },
      { rubricId: 'x', 'orphan:TC_88': '2', 'orphan:TC_99': '1' },
    );
    const work = planSheet(loaded, old, { createdAt: '2026-01-01T00:00:00.000Z' });
    expect(work.orphans).toEqual([
      { name: 'MC_99', value: 'Báo cáo', earlier: false },
      { name: 'TC_99', value: 3, earlier: false },
      { name: 'TC_88', value: '2', earlier: true },
    ]);
    const orphanRows = work.plan.meta.filter(([key]) => key.startsWith('orphan:'));
    expect(orphanRows).toEqual([
      ['orphan:MC_99', 'Báo cáo'],
      ['orphan:TC_99', '3'],
      ['orphan:TC_88', '2'],
    ]);
    // The plan is the builder's own, not one changed afterwards.
    expect(work.plan.meta).toEqual(buildSheetPlan(loaded, { unitName: '', createdAt: '2026-01-01T00:00:00.000Z', orphans: work.orphans }).meta);
  });
});
