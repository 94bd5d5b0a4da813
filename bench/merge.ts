/**
 * `chamdiem merge` of N returned workbooks against merely loading the same N
 * files with ExcelJS, each in a fresh process, in the same run; the files
 * are test/support/returned-workbooks.ts's.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { returnedWorkbooks } from '../test/support/returned-workbooks';

/** `count` filled workbooks for distinct units, written into `dir`. */
export async function makeReturnedFiles(dir: string, count: number): Promise<string[]> {
  return (await returnedWorkbooks(count)).map(({ name, bytes }) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  });
}

export interface ChildRun {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  [extra: string]: unknown;
}

const CHILD = path.join(__dirname, 'merge-child.js');

function runChild(args: string[]): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Math.round(performance.now() - started);
      if (code !== 0) return reject(new Error(`bench child ${args[0]} exited ${code}: ${stderr}`));
      const line = stdout.trim().split('\n').pop() as string;
      resolve({ wallMs, ...JSON.parse(line) });
    });
  });
}

export interface MergeBench {
  files: number;
  merge: ChildRun;
  exceljsLoad: ChildRun;
  phases: ChildRun;
  /** merge ÷ ExcelJS load, by wall time and by CPU time. */
  wallRatio: number;
  cpuRatio: number;
}

export async function mergeBench(sizes: number[], log: (line: string) => void): Promise<MergeBench[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chamdiem-bench-'));
  const cleanUp = () => fs.rmSync(dir, { recursive: true, force: true });
  process.once('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });
  try {
    const largest = Math.max(...sizes);
    log(`  making ${largest} returned workbooks in ${dir} …`);
    const all = await makeReturnedFiles(dir, largest);
    const out: MergeBench[] = [];
    for (const n of sizes) {
      const list = path.join(dir, `list-${n}.txt`);
      fs.writeFileSync(list, all.slice(0, n).join('\n'));
      const merged = path.join(dir, `tong-hop-${n}.xlsx`);
      log(`  ${n} files: ExcelJS load …`);
      const exceljsLoad = await runChild(['exceljs', list]);
      log(`  ${n} files: chamdiem merge …`);
      const merge = await runChild(['cli', list, merged]);
      if (merge.exitCode !== 0) throw new Error(`chamdiem merge exited ${String(merge.exitCode)} for ${n} files`);
      log(`  ${n} files: merge phases …`);
      const phases = await runChild(['phases', list, merged]);
      out.push({
        files: n,
        merge,
        exceljsLoad,
        phases,
        wallRatio: Math.round((merge.wallMs / exceljsLoad.wallMs) * 100) / 100,
        cpuRatio: Math.round((merge.cpuMs / exceljsLoad.cpuMs) * 100) / 100,
      });
    }
    return out;
  } finally {
    cleanUp();
  }
}
