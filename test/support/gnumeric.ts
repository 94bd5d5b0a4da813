/** Gnumeric as a second spreadsheet engine: `ssconvert --recalc` computes every formula afresh. */
import { execFile } from 'child_process';
import * as path from 'path';
import { promisify } from 'util';

const run = promisify(execFile);

/** Recalculates each file in Gnumeric and saves it as .xlsx under `outDir`; returns the new paths. */
export async function recalcWithGnumeric(files: string[], outDir: string): Promise<string[]> {
  const outs: string[] = [];
  for (const file of files) {
    const out = path.join(outDir, `${path.basename(file, '.xlsx')}.gnumeric.xlsx`);
    await run('ssconvert', ['--recalc', file, out], { timeout: 120_000 });
    outs.push(out);
  }
  return outs;
}
