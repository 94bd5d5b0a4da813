import * as fs from 'fs';
import * as path from 'path';
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
