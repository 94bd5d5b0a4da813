/**
 * One measured run in its own process, so peak memory (maxRSS) belongs to it
 * alone. Prints one JSON line: { cpuMs, maxRssMb, ...extra }.
 *
 *   node merge-child.js cli LIST OUT       chamdiem merge of the files in LIST into OUT
 *   node merge-child.js exceljs LIST       ExcelJS loads each file in LIST, one at a time
 *   node merge-child.js phases LIST OUT    the merge's steps, timed one by one
 */
import * as fs from 'fs';
import { main } from '../src/cli/main';
import { readInputFile } from '../src/cli/merge';
import { consolidate, type FileReading } from '../src/merge/consolidate';
import { buildMergePlan } from '../src/merge/plan';
import { builtinRubric } from '../src/rubric';
import { writeMergeWorkbook } from '../src/xlsx/write';

const mb = (kb: number) => Math.round(kb / 1024);

function usage(): { cpuMs: number; maxRssMb: number } {
  const u = process.resourceUsage();
  return { cpuMs: Math.round((u.userCPUTime + u.systemCPUTime) / 1000), maxRssMb: mb(u.maxRSS) };
}

async function run(mode: string, list: string, out: string | undefined): Promise<Record<string, unknown>> {
  const files = fs.readFileSync(list, 'utf8').split('\n').filter(Boolean);
  switch (mode) {
    case 'cli': {
      const silent = { out: () => {}, err: () => {} };
      const code = await main(['merge', ...files, '--out', out as string, '--force'], silent);
      return { exitCode: code };
    }
    case 'exceljs': {
      // Required here only: the merge's own runs must not pay for loading it.
      const { default: ExcelJS } = await import('exceljs');
      for (const file of files) await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
      return {};
    }
    case 'phases': {
      const cpu = () => {
        const u = process.cpuUsage();
        return (u.user + u.system) / 1000;
      };
      const mark = () => ({ wall: performance.now(), cpu: cpu() });
      const since = (from: { wall: number; cpu: number }) => ({ ms: Math.round(performance.now() - from.wall), cpuMs: Math.round(cpu() - from.cpu) });
      const started = mark();
      const loaded = builtinRubric();
      const readings: FileReading[] = [];
      for (const file of files) readings.push(await readInputFile(file, loaded));
      const read = since(started);
      const readMaxRssMb = usage().maxRssMb;
      const planning = mark();
      const result = consolidate(readings, loaded);
      const plan = buildMergePlan(result, loaded, { mergedAt: 'bench' });
      const planned = since(planning);
      const writing = mark();
      fs.writeFileSync(out as string, await writeMergeWorkbook(plan));
      const written = since(writing);
      return {
        readMs: read.ms,
        readCpuMs: read.cpuMs,
        readMaxRssMb,
        planMs: planned.ms,
        planCpuMs: planned.cpuMs,
        writeMs: written.ms,
        writeCpuMs: written.cpuMs,
        units: result.units.length,
      };
    }
    default:
      throw new Error(`unknown mode ${mode}`);
  }
}

const [mode, list, out] = process.argv.slice(2);
run(mode, list, out).then(
  (extra) => process.stdout.write(`${JSON.stringify({ ...extra, ...usage() })}\n`),
  (e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  },
);
