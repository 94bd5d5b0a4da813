/**
 * npm run bench [-- --quick] [-- --only=officejs,merge,bundle]
 *
 * Measures what the office's users wait for and prints it as tables; the
 * numbers also go to bench-results.json. --quick merges 50 files only.
 * Not a test: nothing here passes or fails.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chunkTable, holdings, sharedAddinBuild, table } from '../test/e2e/build';
import { mergeBench, type MergeBench } from './merge';
import { OPERATION_KINDS } from '../test/fakes/excel-host/operation-kinds';
import { officeCosts, type OfficeCost } from './officejs';

const RESULTS = path.resolve('bench-results.json');

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

const KIND_LABEL: Record<(typeof OPERATION_KINDS)[number], string> = {
  reads: 'loads',
  names: 'names',
  contents: 'contents',
  formatting: 'formats',
  validation: 'validation',
  conditionalFormats: 'cond. formats',
};

function officeTable(costs: OfficeCost[]): string {
  return table(
    ['rubric', 'criteria', 'sections', 'cells', 'named', 'operation', 'syncs', 'queued ops', ...OPERATION_KINDS.map((k) => KIND_LABEL[k]), 'largest request kB'],
    costs.map((c) => [
      c.rubric,
      c.criteria,
      c.sections,
      c.cells,
      c.namedCells,
      c.operation,
      c.syncs,
      c.operations.total,
      ...OPERATION_KINDS.map((k) => c.operations[k]),
      kb(c.largestRequestBytes),
    ]),
  );
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

function mergeTable(runs: MergeBench[]): string {
  return table(
    ['files', 'merge wall s', 'merge CPU s', 'merge peak MB', 'ExcelJS load wall s', 'ExcelJS load CPU s', 'ExcelJS peak MB', 'ratio wall', 'ratio CPU', 'read s', 'read peak MB', 'write s'],
    runs.map((r) => [
      r.files,
      seconds(r.merge.wallMs),
      seconds(r.merge.cpuMs),
      r.merge.maxRssMb,
      seconds(r.exceljsLoad.wallMs),
      seconds(r.exceljsLoad.cpuMs),
      r.exceljsLoad.maxRssMb,
      `${r.wallRatio.toFixed(2)}×`,
      `${r.cpuRatio.toFixed(2)}×`,
      seconds(Number(r.phases.readMs)),
      Number(r.phases.readMaxRssMb),
      seconds(Number(r.phases.writeMs)),
    ]),
  );
}

async function main() {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const wants = (part: string) => !only || only.includes(part);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg() },
  };

  if (wants('officejs')) {
    log('Office.js on the fake host …');
    const costs = await officeCosts();
    results.officejs = costs;
    console.log(`\nOffice.js round trips (fake host, ExcelApi 1.9 unless marked)\n\n${officeTable(costs)}\n`);
  }
  if (wants('merge')) {
    log('chamdiem merge …');
    const runs = await mergeBench(quick ? [50] : [50, 200, 1000], log);
    results.merge = runs;
    console.log(`\nchamdiem merge against loading the same files with ExcelJS\n\n${mergeTable(runs)}\n`);
  }
  if (wants('bundle')) {
    log('task pane production build …');
    const { chunks } = await sharedAddinBuild();
    results.bundle = {
      initialGzipBytes: chunks.filter((c) => c.initial).reduce((n, c) => n + c.gzipBytes, 0),
      chunks: chunks.map(({ outputs, initial, gzipBytes, loadedBy, files }) => ({ outputs, initial, gzipBytes, loadedBy, holds: holdings(files) })),
    };
    console.log(`\nTask pane JavaScript (production build, gzip -9)\n\n${chunkTable(chunks)}\n`);
  }
  results.loadAverageAfter = os.loadavg();
  fs.writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  log(`written ${RESULTS}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
