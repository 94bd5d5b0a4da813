import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildBases, type Base } from './bases';
import { CliRunner } from './harness';

export interface FuzzFixture {
  bases: Base[];
  runner: CliRunner;
  dir: string;
}

/** The base workbooks, a running CLI worker and a scratch folder, set up once for a test file's cases. */
export function fuzzFixture(prefix: string): FuzzFixture {
  const fx = {} as FuzzFixture;
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
