import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { convertWithLibreOffice } from './libreoffice';
import { UsageError } from './args';
import { CLI_TEXT } from '../text/messages';

export function haveSoffice(): boolean {
  return spawnSync('sh', ['-c', 'command -v soffice'], { stdio: 'ignore' }).status === 0;
}

export const SOFFICE_MISSING = CLI_TEXT.sofficeMissing;

/** Where `chamdiem pdf FILE` writes when no --out is given: FILE.pdf next to it. */
export function pdfTarget(file: string, out?: string): string {
  return out ?? path.join(path.dirname(file), `${path.parse(file).name}.pdf`);
}

/** Prints workbook `bytes` (named after `file`) to the PDF `target` through LibreOffice, recalculating every formula first. */
export async function exportPdf(file: string, bytes: Uint8Array, target: string): Promise<string> {
  if (!haveSoffice()) throw new UsageError(SOFFICE_MISSING);
  // Convert in a private folder: LibreOffice names the output after the input and would overwrite a namesake.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chamdiem-pdf-'));
  try {
    const copy = path.join(work, 'in', `${path.parse(file).name}.xlsx`);
    fs.mkdirSync(path.dirname(copy));
    fs.writeFileSync(copy, bytes);
    const [pdf] = await convertWithLibreOffice([copy], work, 'pdf');
    fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    fs.copyFileSync(pdf, target);
    return target;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
