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

/** Prints a workbook to PDF through LibreOffice, recalculating every formula first. */
export async function exportPdf(file: string, out?: string): Promise<string> {
  if (!fs.existsSync(file)) throw new UsageError(CLI_TEXT.fileNotFound(file));
  if (!haveSoffice()) throw new UsageError(SOFFICE_MISSING);
  const target = out ?? path.join(path.dirname(file), `${path.parse(file).name}.pdf`);
  // Convert in a private folder: LibreOffice names the output after the input and would overwrite a namesake.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chamdiem-pdf-'));
  try {
    const [pdf] = await convertWithLibreOffice([file], work, 'pdf');
    fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    fs.copyFileSync(pdf, target);
    return target;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
