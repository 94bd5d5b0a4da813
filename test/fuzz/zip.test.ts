import fc from 'fast-check';
import { fuzzFixture } from './fixture';
import { fuzzRun, OutcomeTally, propertyTimeout } from './harness';
import { applyZipCase, zipCaseArb } from './zip-mutations';

const NAME = 'zip mutations';
const run = fuzzRun(NAME, 25, 20_260_601);

describe('damaged packages: check and merge never crash or hang, and say what became of the file', () => {
  const fx = fuzzFixture('fuzz-zip-');

  test(
    `${run.numRuns} cases: entries dropped, duplicated, swapped, renamed or garbled, bytes flipped or cut`,
    async () => {
      const tally = new OutcomeTally();
      await fc.assert(
        fc.asyncProperty(zipCaseArb(fx.bases.length), async (c) => {
          await fx.judgeCase(await applyZipCase(fx.bases[c.base].bytes, c), tally);
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
