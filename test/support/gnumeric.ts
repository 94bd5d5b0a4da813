/** Gnumeric as a second spreadsheet engine: `ssconvert --recalc` computes every formula afresh. */
import { execFile } from 'child_process';
import * as fs from 'fs';
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

/** Column widths in points of the first sheet, by column index from 0, as Gnumeric reads the file. */
export async function gnumericColumnWidths(file: string, outDir: string): Promise<Map<number, number>> {
  const out = path.join(outDir, `${path.basename(file, '.xlsx')}.gnumeric.xml`);
  await run('ssconvert', ['-T', 'Gnumeric_XmlIO:sax:0', file, out], { timeout: 120_000 });
  const xml = fs.readFileSync(out, 'utf8');
  const firstSheet = xml.slice(0, xml.indexOf('</gnm:Sheet>'));
  const widths = new Map<number, number>();
  for (const m of firstSheet.matchAll(/<gnm:ColInfo No="(\d+)" Unit="([\d.]+)"(?: [^>]*Count="(\d+)")?/g)) {
    for (let k = 0; k < Number(m[3] ?? 1); k++) widths.set(Number(m[1]) + k, Number(m[2]));
  }
  return widths;
}
