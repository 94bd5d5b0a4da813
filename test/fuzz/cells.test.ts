import fc from 'fast-check';
import { fuzzFixture } from './fixture';
import { applyCellCase, cellCaseArb } from './cell-mutations';
import { fuzzRun, OutcomeTally, propertyTimeout } from './harness';

const NAME = 'cell mutations';
const run = fuzzRun(NAME, 25, 20_260_602);

describe('hostile cell contents and workbook edits: check and merge never crash or hang, and say what became of the file', () => {
  const fx = fuzzFixture('fuzz-cells-');

  test(
    `${run.numRuns} cases: odd values and formulas by name, names deleted or moved, sheets renamed or added, metadata edited, merges`,
    async () => {
      const tally = new OutcomeTally();
      await fc.assert(
        fc.asyncProperty(cellCaseArb(fx.bases.length), async (c) => {
          const bytes = await applyCellCase(fx.bases[c.base].bytes, c);
          fc.pre(bytes !== null);
          await fx.judgeCase(bytes as Buffer, tally);
        }),
        run,
      );
      tally.print(NAME);
      expect(tally.kinds).toBeGreaterThan(1);
    },
    propertyTimeout(run.numRuns),
  );
});
