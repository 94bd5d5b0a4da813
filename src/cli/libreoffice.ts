import { spawn } from 'child_process';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CLI_TEXT } from '../text/messages';

const SOFFICE_TIMEOUT_MS = 180_000;

/**
 * Profile settings: always recalculate OOXML formulas on load (never trust
 * cached values), and format as a Vietnamese office's LibreOffice does, so a
 * printout shows "10,5" and not "10.5" (formulas are stored locale-free).
 */
const REGISTRY_MODIFICATIONS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>vi-VN</value></prop></item>
</oor:items>
`;

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  error?: Error;
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    let error: Error | undefined;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (e) => (error = e));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, error }));
  });
}

/** File extension produced by a `--convert-to` argument such as `pdf` or `pdf:calc_pdf_Export`. */
function outputExtension(format: string): string {
  const ext = format.split(':')[0];
  if (!ext || /[\\/]/.test(ext)) throw new Error(CLI_TEXT.badFormat(format));
  return ext;
}

/**
 * Converts `files` with one headless LibreOffice run into `outDir`, using a
 * fresh throw-away profile (so concurrent calls never share one) that
 * forces formula recalculation on load. Returns the output paths in the
 * same order as `files`.
 */
export async function convertWithLibreOffice(
  files: string[],
  outDir: string,
  format: string,
): Promise<string[]> {
  if (files.length === 0) return [];
  const ext = outputExtension(format);
  const out = path.resolve(outDir);
  const inputs = files.map((f) => path.resolve(f));

  const outputs = inputs.map((f) => {
    if (path.dirname(f) === out) {
      throw new Error(CLI_TEXT.inputInOutDir(f, out));
    }
    return path.join(out, `${path.parse(f).name}.${ext}`);
  });
  const seen = new Set<string>();
  for (const o of outputs) {
    if (seen.has(o)) throw new Error(CLI_TEXT.sameOutput(o));
    seen.add(o);
  }

  await fsp.mkdir(out, { recursive: true });
  // Remove stale outputs so a failed conversion cannot pass for a successful one.
  await Promise.all(outputs.map((o) => fsp.rm(o, { force: true })));

  const profile = await fsp.mkdtemp(path.join(os.tmpdir(), 'lo-profile-'));
  try {
    await fsp.mkdir(path.join(profile, 'user'), { recursive: true });
    await fsp.writeFile(path.join(profile, 'user', 'registrymodifications.xcu'), REGISTRY_MODIFICATIONS);

    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      format,
      '--outdir',
      out,
      ...inputs,
    ];
    const r = await run('soffice', args, SOFFICE_TIMEOUT_MS);

    const missing: string[] = [];
    for (const o of outputs) {
      try {
        await fsp.access(o);
      } catch {
        missing.push(o);
      }
    }
    if (r.error || missing.length > 0) {
      const status = r.signal ? CLI_TEXT.sofficeSignal(r.signal) : CLI_TEXT.sofficeExit(r.code);
      throw new Error(
        [
          CLI_TEXT.sofficeFailed(format, status, r.signal === 'SIGKILL' ? SOFFICE_TIMEOUT_MS / 1000 : null),
          r.error ? CLI_TEXT.sofficeNotRun(r.error.message) : '',
          missing.length ? CLI_TEXT.sofficeMissingOutput(missing) : '',
          CLI_TEXT.sofficeStream('stderr', r.stderr.trim()),
          CLI_TEXT.sofficeStream('stdout', r.stdout.trim()),
        ]
          .filter(Boolean)
          .join('\n'),
      );
    }
    return outputs;
  } finally {
    await fsp.rm(profile, { recursive: true, force: true });
  }
}

/**
 * Recalculates every formula in the given .xlsx files with LibreOffice and
 * writes the results (same basenames) into `outDir`.
 */
export function recalcWithLibreOffice(files: string[], outDir: string): Promise<string[]> {
  return convertWithLibreOffice(files, outDir, 'xlsx');
}
