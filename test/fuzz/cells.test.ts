import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { buildBases, type Base } from './bases';
import { applyCellCase, cellCaseArb } from './cell-mutations';
import { CliRunner, fuzzRun, judgeFile, OutcomeTally, propertyTimeout } from './harness';

const NAME = 'cell mutations';
const run = fuzzRun(NAME, 25, 20_260_602);

describe('hostile cell contents and workbook edits: check and merge never crash or hang, and say what became of the file', () => {
  let bases: Base[];
  let runner: CliRunner;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-cells-'));
    runner = new CliRunner();
    [bases] = await Promise.all([buildBases(), runner.start()]);
  }, 120_000);

  afterAll(async () => {
    await runner?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test(
    `${run.numRuns} cases: odd values and formulas by name, names deleted or moved, sheets renamed or added, metadata edited, merges`,
    async () => {
      const tally = new OutcomeTally();
      let n = 0;
      await fc.assert(
        fc.asyncProperty(cellCaseArb(bases.length), async (c) => {
          const bytes = await applyCellCase(bases[c.base].bytes, c);
          fc.pre(bytes !== null);
          const file = path.join(dir, `cells-${++n}.xlsx`);
          fs.writeFileSync(file, bytes as Buffer);
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
      expect(tally.kinds).toBeGreaterThan(1);
    },
    propertyTimeout(run.numRuns),
  );
});
