/**
 * One upgrade workflow for both hosts: the same steps through `chamdiem
 * generate` and through the Office.js adapter on the fake Excel host end in
 * the same sheet, read back through the same reader.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import rubric2024 from '../../src/rubric/data/2024.json';
import { main } from '../../src/cli/main';
import { loadRubric } from '../../src/rubric';
import { CLI_TEXT } from '../../src/text/messages';
import { exportFakeToXlsx } from '../fakes/excel-host/export-xlsx';
import { readWorkbook, type ReadWorkbook } from '../support/exceljs-read';
import { fillByName } from '../support/workbooks';
import { fakeExcel } from '../excel/setup';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chamdiem-upgrade-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<string[]> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  expect({ code, err }).toEqual({ code: 0, err: [] });
  return out;
}

/** The 2024 rubric as version 2025.1, without criterion 2 (5 points). */
function withoutCriterion2() {
  const next = structuredClone(rubric2024);
  next.version = '2025.1';
  next.sections[0].children.splice(1, 1);
  next.sections[0].points = 15;
  return next;
}

const UNIT = 'Hội LHPN huyện Hà Quảng';
const TYPED = { TC_01: 2.5, MC_01: 'Báo cáo 15/BC', TC_02: 4, MC_02: 'Kế hoạch 3/KH' };

/** What the sheet shows and keeps, the same way for both hosts. */
function outcome(wb: ReadWorkbook) {
  return {
    unit: wb.cell('TenDonVi'),
    metaUnit: wb.meta.unitName,
    rubricVersion: wb.meta.rubricVersion,
    kept: { TC_01: wb.cell('TC_01'), MC_01: wb.cell('MC_01') },
    dropped: { TC_02: wb.hasName('TC_02'), MC_02: wb.hasName('MC_02') },
    orphans: Object.fromEntries(Object.entries(wb.meta).filter(([key]) => key.startsWith('orphan:'))),
  };
}

const EXPECTED = {
  unit: { kind: 'text', value: UNIT },
  metaUnit: UNIT,
  rubricVersion: '2025.1',
  kept: { TC_01: { kind: 'number', value: 2.5 }, MC_01: { kind: 'text', value: 'Báo cáo 15/BC' } },
  dropped: { TC_02: false, MC_02: false },
  orphans: { 'orphan:TC_02': '4', 'orphan:MC_02': 'Kế hoạch 3/KH' },
};

describe('upgrading twice with a rubric that lacks criterion 2', () => {
  test('the command line keeps the orphans an earlier upgrade saved, as the add-in does', async () => {
    const out = path.join(dir, 'hq.xlsx');
    const rubricFile = path.join(dir, 'next.json');
    fs.writeFileSync(rubricFile, JSON.stringify(withoutCriterion2()));
    // Surrounding spaces are trimmed by both hosts.
    await cli('generate', '--unit', `  ${UNIT} `, '--out', out);
    fs.writeFileSync(out, await fillByName(fs.readFileSync(out), TYPED));

    const first = await cli('generate', '--out', out, '--rubric', rubricFile);
    expect(first).toEqual([
      // The two entries, the unit name and the place–date line.
      CLI_TEXT.upgraded(out, 4),
      CLI_TEXT.orphanKept('MC_02', 'Kế hoạch 3/KH'),
      CLI_TEXT.orphanKept('TC_02', '4'),
    ]);
    const afterFirst = outcome(await readWorkbook(fs.readFileSync(out)));
    const second = await cli('generate', '--out', out, '--rubric', rubricFile);
    expect(second).toEqual([
      CLI_TEXT.upgraded(out, 4),
      CLI_TEXT.orphanKeptEarlier('MC_02', 'Kế hoạch 3/KH'),
      CLI_TEXT.orphanKeptEarlier('TC_02', '4'),
    ]);
    const afterSecond = outcome(await readWorkbook(fs.readFileSync(out)));
    expect(afterFirst).toEqual(EXPECTED);
    expect(afterSecond).toEqual(EXPECTED);

    const { host, ops } = fakeExcel();
    await ops.generate({ loaded: loadRubric(rubric2024), unitName: `  ${UNIT} ` });
    for (const [name, value] of Object.entries(TYPED)) host.typeIntoName(name, value);
    const next = loadRubric(withoutCriterion2());
    const pane = [await ops.generate({ loaded: next, unitName: '' })];
    const paneFirst = outcome(await readWorkbook(await exportFakeToXlsx(host)));
    pane.push(await ops.generate({ loaded: next, unitName: '' }));
    const paneSecond = outcome(await readWorkbook(await exportFakeToXlsx(host)));

    expect(paneFirst).toEqual(afterFirst);
    expect(paneSecond).toEqual(afterSecond);
    expect(pane.map((r) => [r.keptEntries, r.orphans])).toEqual([
      [
        4,
        [
          { name: 'MC_02', value: 'Kế hoạch 3/KH', earlier: false },
          { name: 'TC_02', value: 4, earlier: false },
        ],
      ],
      [
        4,
        [
          { name: 'MC_02', value: 'Kế hoạch 3/KH', earlier: true },
          { name: 'TC_02', value: '4', earlier: true },
        ],
      ],
    ]);
  });
});
