import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildBases, type Base } from './bases';
import { CliRunner, judgeFile, type OutcomeTally } from './harness';

export interface FuzzFixture {
  bases: Base[];
  runner: CliRunner;
  dir: string;
  /** Writes one case to a scratch file, judges the commands on it, counts the outcome and removes the file. */
  judgeCase(bytes: Buffer, tally: OutcomeTally): Promise<void>;
}

/** The base workbooks, a running CLI worker and a scratch folder, set up once for a test file's cases. */
export function fuzzFixture(prefix: string): FuzzFixture {
  let cases = 0;
  const fx = {
    async judgeCase(bytes: Buffer, tally: OutcomeTally) {
      const file = path.join(fx.dir, `case-${++cases}.xlsx`);
      fs.writeFileSync(file, bytes);
      try {
        const { check, merge } = await judgeFile(fx.runner, file, fx.dir);
        tally.add(check, merge);
      } finally {
        fs.rmSync(file, { force: true });
      }
    },
  } as FuzzFixture;
  beforeAll(async () => {
    fx.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    fx.runner = new CliRunner();
    [fx.bases] = await Promise.all([buildBases(), fx.runner.start()]);
  }, 120_000);
  afterAll(async () => {
    await fx.runner?.close();
    if (fx.dir) fs.rmSync(fx.dir, { recursive: true, force: true });
  });
  return fx;
}
