import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildBases, type Base } from './bases';
import { CORPUS } from './corpus';
import { CliRunner, judgeCheck, judgeFile } from './harness';

describe('the hostile-input regression corpus', () => {
  let bases: Base[];
  let runner: CliRunner;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-corpus-'));
    runner = new CliRunner();
    [bases] = await Promise.all([buildBases(), runner.start()]);
  }, 120_000);

  afterAll(async () => {
    await runner?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the untouched bases read as they should, so every case starts from a valid workbook', async () => {
    for (const base of bases) {
      const file = path.join(dir, `${base.label}.xlsx`);
      fs.writeFileSync(file, base.bytes);
      const { check, merge } = await judgeFile(runner, file, dir);
      expect([base.label, check.status, merge.files[0].status]).toEqual([base.label, base.check, base.merge]);
    }
  });

  test.each(CORPUS.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const file = path.join(dir, `${name}.xlsx`);
    fs.writeFileSync(file, await c.build(bases));
    const { check, merge } = await judgeFile(runner, file, dir);
    const got = merge.files[0];
    expect({ check: check.status, merge: got.status }).toEqual({ check: c.expected.check.status, merge: c.expected.merge.status });
    if (c.expected.check.code) expect(check.codes).toContain(c.expected.check.code);
    if (c.expected.check.message) expect(check.messages).toContainEqual(expect.stringMatching(c.expected.check.message));
    if (c.expected.merge.code) expect(got.codes).toContain(c.expected.merge.code);
    // `chamdiem generate` reads an existing workbook with the ExcelJS reader: it must see the same.
    const excel = judgeCheck(await runner.readWithExcelJS(file));
    expect(excel.status).toBe(c.expected.check.status);
    if (c.expected.check.code) expect(excel.codes).toContain(c.expected.check.code);
  }, 60_000);
});
