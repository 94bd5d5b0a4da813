import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { buildBases, type Base } from './bases';
import { CliRunner, fuzzRun, judgeFile, OutcomeTally, propertyTimeout } from './harness';
import { applyZipCase, zipCaseArb } from './zip-mutations';

const NAME = 'zip mutations';
const run = fuzzRun(NAME, 25, 20_260_601);

describe('damaged packages: check and merge never crash or hang, and say what became of the file', () => {
  let bases: Base[];
  let runner: CliRunner;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-zip-'));
    runner = new CliRunner();
    [bases] = await Promise.all([buildBases(), runner.start()]);
  }, 120_000);

  afterAll(async () => {
    await runner?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test(
    `${run.numRuns} cases: entries dropped, duplicated, swapped, renamed or garbled, bytes flipped or cut`,
    async () => {
      const tally = new OutcomeTally();
      let n = 0;
      await fc.assert(
        fc.asyncProperty(zipCaseArb(bases.length), async (c) => {
          const file = path.join(dir, `zip-${++n}.xlsx`);
          fs.writeFileSync(file, await applyZipCase(bases[c.base].bytes, c));
          try {
            const { check, merge } = await judgeFile(runner, file, dir);
            tally.add(check, merge);
          } finally {
            fs.rmSync(file, { force: true });
          }
        }),
        run,
      );
      tally.print(NAME);
      // Not every mutation may end the same way: some files must still read, others not.
      expect(tally.kinds).toBeGreaterThan(1);
    },
    propertyTimeout(run.numRuns),
  );
});
