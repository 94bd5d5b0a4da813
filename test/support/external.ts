import { spawnSync } from 'child_process';
import * as fs from 'fs';

export type ExternalTool = 'soffice' | 'chromium' | 'pdftotext' | 'python3-uno' | 'ssconvert' | 'xmllint';

/** Debian package that provides each tool (what CI installs). */
const DEBIAN_PACKAGE: Record<ExternalTool, string> = {
  soffice: 'libreoffice-calc',
  chromium: 'chromium',
  pdftotext: 'poppler-utils',
  'python3-uno': 'python3-uno',
  ssconvert: 'gnumeric',
  xmllint: 'libxml2-utils',
};

/** True when `cmd` resolves to an executable on PATH. */
export function haveCommand(cmd: string): boolean {
  // `command -v` is a shell builtin; pass the name as a positional
  // argument so it is never interpreted by the shell.
  const r = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', cmd], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return r.status === 0 && r.stdout.toString().trim() !== '';
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function haveTool(tool: ExternalTool): boolean {
  switch (tool) {
    case 'soffice':
      return haveCommand('soffice');
    case 'chromium':
      return isExecutable('/usr/bin/chromium') || haveCommand('chromium');
    case 'pdftotext':
      return haveCommand('pdftotext') && haveCommand('pdfinfo') && haveCommand('pdftoppm');
    case 'python3-uno':
      return spawnSync('/usr/bin/python3', ['-c', 'import uno'], { stdio: 'ignore' }).status === 0;
    case 'ssconvert':
      return haveCommand('ssconvert');
    case 'xmllint':
      return haveCommand('xmllint');
  }
}

/**
 * `describe` for tests that need an external program.
 *
 * - tool present: runs normally;
 * - tool absent under CI (`process.env.CI` set): registers a failing test so
 *   the run cannot pass silently without the tool;
 * - tool absent locally: prints a loud notice and skips the block.
 */
export function describeWithTool(tool: ExternalTool, title: string, fn: () => void): void {
  if (haveTool(tool)) {
    describe(title, fn);
    return;
  }
  const pkg = DEBIAN_PACKAGE[tool];
  if (process.env.CI) {
    describe(title, () => {
      test(`needs ${tool}`, () => {
        throw new Error(`${tool} is required under CI: apt-get install -y ${pkg}`);
      });
    });
    return;
  }
  const line = `*** SKIPPED: ${title} needs ${tool} (apt-get install -y ${pkg}) ***`;
  const bar = '*'.repeat(line.length);
  console.warn(`\n${bar}\n${line}\n${bar}\n`);
  describe.skip(title, fn);
}
