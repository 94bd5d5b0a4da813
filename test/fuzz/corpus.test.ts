import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkFile } from '../../src/app/check';
import { packageReader } from '../../src/package/package-reader';
import { builtinRubric } from '../../src/rubric';
import { names } from '../../src/rubric/names';
import { describeWithTool } from '../support/external';
import { recalcWithLibreOffice } from '../support/libreoffice';
import { buildBases, type Base } from './bases';
import { fuzzFixture } from './fixture';
import { CORPUS } from './corpus';
import { judgeFile, judgeRegenerate } from './harness';
import { fillByName } from '../support/workbooks';

describe('the hostile-input regression corpus', () => {
  const fx = fuzzFixture('fuzz-corpus-');

  test('the untouched fx.bases read as they should, so every case starts from a valid workbook', async () => {
    for (const base of fx.bases) {
      const file = path.join(fx.dir, `${base.label}.xlsx`);
      fs.writeFileSync(file, base.bytes);
      const { check, merge } = await judgeFile(fx.runner, file, fx.dir);
      expect([base.label, check.status, merge.files[0].status]).toEqual([base.label, base.check, base.merge]);
    }
  });

  test.each(CORPUS.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const file = path.join(fx.dir, `${name}.xlsx`);
    fs.writeFileSync(file, await c.build(fx.bases));
    const { check, merge } = await judgeFile(fx.runner, file, fx.dir);
    const got = merge.files[0];
    expect({ check: check.status, merge: got.status }).toEqual({ check: c.expected.check.status, merge: c.expected.merge.status });
    if (c.expected.check.code) expect(check.codes).toContain(c.expected.check.code);
    if (c.expected.check.message) expect(check.messages).toContainEqual(expect.stringMatching(c.expected.check.message));
    if (c.expected.merge.code) expect(got.codes).toContain(c.expected.merge.code);
    if (c.expected.countsAsBlank) {
      const { base, names } = c.expected.countsAsBlank;
      const blanked = path.join(fx.dir, `${name}.blank.xlsx`);
      fs.writeFileSync(blanked, await fillByName(fx.bases[base].bytes, Object.fromEntries(names.map((n) => [n, null]))));
      const honest = await judgeFile(fx.runner, blanked, fx.dir);
      expect(check.totals).toEqual(honest.check.totals);
      expect(merge.units.get(file)).toEqual(honest.merge.units.get(blanked));
    }
    // `chamdiem generate` over the file keeps its entries, or refuses and leaves it be.
    await judgeRegenerate(fx.runner, file, fx.dir, check);
  }, 60_000);
});

describeWithTool('soffice', 'the corpus cases LibreOffice decides: check reads the total LibreOffice recalculates', () => {
  const loaded = builtinRubric();
  const decided = CORPUS.filter((c) => c.truth === 'libreoffice');
  let dir: string;
  let bases: Base[];
  let recalculated: string[];
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lo-'));
    bases = await buildBases();
    const files = await Promise.all(
      decided.map(async (c) => {
        const file = path.join(dir, `${c.name}.xlsx`);
        fs.writeFileSync(file, await c.build(bases));
        return file;
      }),
    );
    recalculated = await recalcWithLibreOffice(files, path.join(dir, 'lo'));
  }, 300_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const checkedTotal = async (bytes: Uint8Array) => {
    const checked = await checkFile(packageReader, bytes, loaded);
    if (!('report' in checked)) throw new Error(checked.unreadable.message);
    return checked.report.score.total;
  };

  test.each(decided.map((c, i) => [c.name, i] as const))('%s', async (name, i) => {
    const shown = (await packageReader.read(fs.readFileSync(recalculated[i]))).cell(names.grandTotal);
    if (shown.kind !== 'formula' || typeof shown.result !== 'number') throw new Error(`LibreOffice shows ${JSON.stringify(shown)} as the total`);
    const ours = await checkedTotal(fs.readFileSync(path.join(dir, `${name}.xlsx`)));
    expect(ours).toBeCloseTo(shown.result, 2);
    // The real workbook is the complete base's; the decoy's unit scores otherwise.
    expect(ours).toBeCloseTo(await checkedTotal(bases[0].bytes), 2);
    expect(ours).not.toBeCloseTo(await checkedTotal(bases[1].bytes), 2);
  });
});
