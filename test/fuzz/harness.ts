/**
 * Runs `chamdiem check`, `merge` and `generate` in-process, on a worker thread
 * with a deadline and a heap limit, and judges what they print.
 *
 * A worker, not the test's own thread: a hang can be a synchronous loop
 * inside the spreadsheet library, which no timer on the same thread can
 * interrupt, and a runaway allocation must fail the case, not Jest.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { CliReply, CliRequest } from './cli-worker';

/** `npm run fuzz`: many cases, a fresh seed, and more judged per case. */
const FUZZING = process.env.FUZZ_RUNS !== undefined;

/** A hang detector, not a timing test: a healthy case takes about a second. */
export const CASE_TIMEOUT_MS = 20_000;
const STARTUP_TIMEOUT_MS = 120_000;
/** Far above what one returned workbook needs; a case past it is a memory blow-up. */
const HEAP_LIMIT_MB = 1536;

export type RunResult =
  | { kind: 'exited'; code: number; out: string; err: string; console: string }
  | { kind: 'threw'; error: string; out: string; err: string; console: string }
  | { kind: 'hung'; ms: number }
  | { kind: 'crashed'; error: string };

/**
 * The worker loads src/ as TypeScript through the compiler's transpiler;
 * transpiled files are cached by content so later workers start fast.
 */
const BOOT = `
const { workerData } = require('worker_threads');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
let ts;
fs.mkdirSync(workerData.cacheDir, { recursive: true });
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const key = crypto.createHash('sha256').update(filename + '\\0' + source).digest('hex');
  const cached = path.join(workerData.cacheDir, key + '.js');
  let js;
  try {
    js = fs.readFileSync(cached, 'utf8');
  } catch {
    ts = ts || require(workerData.typescript);
    js = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, resolveJsonModule: true },
    }).outputText;
    const tmp = cached + '.' + process.pid + '.' + require('worker_threads').threadId;
    fs.writeFileSync(tmp, js);
    fs.renameSync(tmp, cached);
  }
  module._compile(js, filename);
};
require(workerData.entry);
`;

function transpileCacheDir(): string {
  const typescript = require.resolve('typescript');
  const version = JSON.parse(fs.readFileSync(path.join(path.dirname(typescript), '..', 'package.json'), 'utf8')).version;
  return path.join(os.tmpdir(), `chamdiem-fuzz-js-${createHash('sha256').update(version + BOOT).digest('hex').slice(0, 12)}`);
}

export class CliRunner {
  private worker: Worker | null = null;
  private ready: Promise<Worker> | null = null;
  private seq = 0;
  private printed: string[] = [];

  /** Starts the worker (loading src/ takes a few seconds); run() waits for it anyway. */
  start(): Promise<Worker> {
    if (this.ready) return this.ready;
    const worker = new Worker(BOOT, {
      eval: true,
      workerData: { entry: path.join(__dirname, 'cli-worker.ts'), typescript: require.resolve('typescript'), cacheDir: transpileCacheDir() },
      resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB },
      stdout: true,
      stderr: true,
    });
    // Whatever the command prints past its io (a library's console) is judged too.
    worker.stdout.on('data', (d: Buffer) => this.printed.push(d.toString()));
    worker.stderr.on('data', (d: Buffer) => this.printed.push(d.toString()));
    this.worker = worker;
    this.ready = new Promise<Worker>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the CLI worker did not start')), STARTUP_TIMEOUT_MS);
      worker.once('message', (m) => {
        clearTimeout(timer);
        if (m === 'ready') resolve(worker);
        else reject(new Error(`unexpected first message ${JSON.stringify(m)}`));
      });
      worker.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    return this.ready;
  }

  private discard(worker: Worker): void {
    if (this.worker === worker) {
      this.worker = null;
      this.ready = null;
    }
    void worker.terminate();
  }

  /** Runs `chamdiem argv…`; never rejects: a hang or a dead worker is a result. */
  run(argv: string[], timeoutMs = CASE_TIMEOUT_MS): Promise<RunResult> {
    return this.request({ argv }, timeoutMs);
  }

  private async request(body: { argv: string[] }, timeoutMs: number): Promise<RunResult> {
    const worker = await this.start();
    const id = ++this.seq;
    this.printed = [];
    const started = Date.now();
    return new Promise<RunResult>((resolve) => {
      const finish = (result: RunResult, discard = false) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (discard) this.discard(worker);
        resolve(result);
      };
      const timer = setTimeout(() => finish({ kind: 'hung', ms: Date.now() - started }, true), timeoutMs);
      const onMessage = (m: CliReply) => {
        if (m.id !== id) return;
        const common = { out: m.out, err: m.err, console: this.printed.join('') };
        finish('thrown' in m ? { kind: 'threw', error: m.thrown, ...common } : { kind: 'exited', code: m.code, ...common });
      };
      const onError = (e: Error) => finish({ kind: 'crashed', error: `${e.name}: ${e.message}` }, true);
      const onExit = (code: number) => finish({ kind: 'crashed', error: `worker exited with ${code}` }, true);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      const request: CliRequest = { id, ...body };
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    if (worker) await worker.terminate();
  }
}

// ---- judging what was printed -------------------------------------------------

const STACK_TRACE = /\n\s+at .+[:(]\d+:\d+/;
const CODE = /^[A-Z][A-Z0-9_]*$/;

/** Why a run is a failure before its output is even looked at; null when it exited normally. */
function runFailure(r: RunResult, what: string): string | null {
  switch (r.kind) {
    case 'hung':
      return `${what} did not finish within ${r.ms} ms`;
    case 'crashed':
      return `${what} crashed: ${r.error}`;
    case 'threw':
      return `${what} threw: ${r.error}`;
    case 'exited': {
      const printed = `${r.out}\n${r.err}\n${r.console}`;
      if (STACK_TRACE.test(printed)) return `${what} printed a stack trace:\n${printed.slice(0, 2000)}`;
      if (printed.includes('Lỗi không mong đợi')) return `${what} failed unexpectedly: ${r.err.slice(0, 500)}`;
      return null;
    }
  }
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${what} printed no JSON: ${text.slice(0, 500)}`);
  }
}

function assertMessage(message: unknown, where: string): void {
  if (typeof message !== 'string' || message.trim().length < 5) throw new Error(`${where}: no message (${JSON.stringify(message)})`);
}

/** NaN and Infinity print as null in JSON; only a criterion's `points` may be null (left blank). */
function assertFiniteNumbers(value: unknown, where: string): void {
  if (value === null) throw new Error(`${where} is null (NaN or Infinity in JSON)`);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${where} is ${value}`);
  if (typeof value === 'object' && value) {
    for (const [k, v] of Object.entries(value)) if (!(k === 'points' && v === null)) assertFiniteNumbers(v, `${where}.${k}`);
  }
}

export type CheckStatus = 'clean' | 'problems' | 'unreadable';

/** Totals as printed; null where JSON could not print the number (NaN, Infinity). */
export interface Totals {
  sections: Record<string, number | null>;
  bonus: number | null;
  deduction: number | null;
  total: number | null;
}

export interface CheckOutcome {
  code: number;
  status: CheckStatus;
  /** error.code (then the guard's reason, when it refused the file) and message when unreadable, otherwise the problems'. */
  codes: string[];
  messages: string[];
  totals: Totals | null;
}

/** What `chamdiem check FILE --json` must always do; throws with the reason when it did not. */
export function judgeCheck(r: RunResult): CheckOutcome {
  const failure = runFailure(r, 'check');
  if (failure || r.kind !== 'exited') throw new Error(failure ?? 'check did not exit');
  const json = parseJson(r.out, 'check') as {
    status: CheckStatus;
    error?: { code: string; reason?: string; message: string };
    problems?: { code: string; message: string; severity: string }[];
    score?: Totals;
  };
  const expectedCode = { clean: 0, problems: 1, unreadable: 2 }[json.status];
  if (expectedCode === undefined) throw new Error(`check status ${JSON.stringify(json.status)}`);
  if (r.code !== expectedCode) throw new Error(`check status ${json.status} with exit code ${r.code}`);
  if (json.status === 'unreadable') {
    if (!json.error || !['UNREADABLE', 'METADATA_MISSING', 'METADATA_LOST'].includes(json.error.code)) {
      throw new Error(`unreadable without a documented error code: ${JSON.stringify(json.error)}`);
    }
    assertMessage(json.error.message, 'check error');
    if (json.error.reason !== undefined && !CODE.test(json.error.reason)) throw new Error(`unreadable for reason ${JSON.stringify(json.error.reason)}`);
    const codes = json.error.reason === undefined ? [json.error.code] : [json.error.code, json.error.reason];
    return { code: r.code, status: json.status, codes, messages: [json.error.message], totals: null };
  }
  const problems = json.problems ?? [];
  if ((json.status === 'clean') !== (problems.length === 0)) throw new Error(`check status ${json.status} with ${problems.length} problems`);
  for (const p of problems) {
    if (!CODE.test(p.code)) throw new Error(`problem code ${JSON.stringify(p.code)}`);
    if (p.severity !== 'error' && p.severity !== 'warning') throw new Error(`problem severity ${JSON.stringify(p.severity)}`);
    assertMessage(p.message, `problem ${p.code}`);
  }
  if (!json.score) throw new Error('check printed no score');
  // A clean file scores like the sheet; invalid entries may add up to what the sheet shows as #NUM!.
  if (json.status === 'clean') assertFiniteNumbers(json.score, 'score');
  const { sections, bonus, deduction, total } = json.score;
  return {
    code: r.code,
    status: json.status,
    codes: problems.map((p) => p.code),
    messages: problems.map((p) => p.message),
    totals: { sections, bonus, deduction, total },
  };
}

export type MergeStatus = 'valid' | 'warning' | 'rejected';
const LABEL: Record<MergeStatus, string> = { valid: 'Hợp lệ', warning: 'Cảnh báo', rejected: 'Bị loại' };

export interface MergeOutcome {
  code: number;
  files: { file: string; status: MergeStatus; codes: string[] }[];
  /** Merged units by file. */
  units: Map<string, Totals>;
  written: boolean;
}

/**
 * What `chamdiem merge FILES… --out OUT --json` must always do: every input
 * accounted for with a status, a rejected one with a reason, the output
 * written exactly when something merged.
 */
export function judgeMerge(r: RunResult, inputs: string[], out: string): MergeOutcome {
  const failure = runFailure(r, 'merge');
  if (failure || r.kind !== 'exited') throw new Error(failure ?? 'merge did not exit');
  const json = parseJson(r.out, 'merge') as {
    output: string | null;
    files: { file: string; status: MergeStatus; statusLabel: string; problems: { code: string; severity: string; message: string }[] }[];
    units: (Totals & { file: string; rank: number })[];
  };
  if (!Array.isArray(json.files) || json.files.length !== inputs.length) {
    throw new Error(`merge reported ${json.files?.length} files for ${inputs.length} inputs`);
  }
  const files = json.files.map((f, i) => {
    if (path.resolve(f.file) !== path.resolve(inputs[i])) throw new Error(`merge file ${i} is ${f.file}, not ${inputs[i]}`);
    if (LABEL[f.status] === undefined || f.statusLabel !== LABEL[f.status]) throw new Error(`merge status ${f.status} / ${f.statusLabel}`);
    const errors = f.problems.filter((p) => p.severity === 'error');
    if (f.status === 'rejected' && errors.length === 0) throw new Error(`${f.file} rejected without a rejecting problem`);
    if (f.status === 'warning' && (errors.length > 0 || f.problems.length === 0)) throw new Error(`${f.file} warning with ${errors.length} errors`);
    if (f.status === 'valid' && f.problems.length > 0) throw new Error(`${f.file} valid with problems`);
    for (const p of f.problems) {
      if (!CODE.test(p.code)) throw new Error(`problem code ${JSON.stringify(p.code)}`);
      assertMessage(p.message, `problem ${p.code}`);
    }
    return { file: f.file, status: f.status, codes: f.problems.map((p) => p.code) };
  });
  const units = new Map<string, Totals>();
  for (const { file, sections, bonus, deduction, total, rank } of json.units) {
    if (!Number.isInteger(rank) || rank < 1) throw new Error(`${file} ranked ${rank}`);
    if (files.find((f) => f.file === file)?.status === 'valid') assertFiniteNumbers({ sections, bonus, deduction, total }, file);
    units.set(file, { sections, bonus, deduction, total });
  }
  const written = fs.existsSync(out);
  if (written !== (json.units.length > 0) || (json.output !== null) !== written) {
    throw new Error(`merge merged ${json.units.length} units, output ${json.output}, file written: ${written}`);
  }
  const expectedCode = json.units.length === 0 ? 2 : files.every((f) => f.status === 'valid') ? 0 : 1;
  if (r.code !== expectedCode) throw new Error(`merge exit code ${r.code}, expected ${expectedCode}`);
  return { code: r.code, files, units, written };
}

/** The merge prints totals rounded to cents; NaN and Infinity print as null in both. */
function sameTotal(checked: number | null | undefined, merged: number | null | undefined): boolean {
  if (checked === null || merged === null || checked === undefined || merged === undefined) return checked === merged;
  return Math.abs(checked - merged) <= 0.005 + Math.abs(checked) * 1e-12;
}

/** Check and merge read with the same reader: they must not disagree about one file. */
export function judgeAgreement(check: CheckOutcome, merge: MergeOutcome): void {
  const merged = merge.files[0];
  if (check.status === 'unreadable' && merged.status !== 'rejected') {
    throw new Error(`check found the file unreadable (${check.codes}), the merge ${merged.status}`);
  }
  // The guard refused it: check and the merge give the same reason.
  const reason = check.status === 'unreadable' ? check.codes[1] : undefined;
  if (reason !== undefined && !merged.codes.includes(reason)) throw new Error(`check refused the file for ${reason}, the merge for ${merged.codes}`);
  if (merged.status === 'valid' && check.status !== 'clean') {
    throw new Error(`the merge found the file valid, check ${check.status} (${check.codes})`);
  }
  const unit = merge.units.get(merged.file);
  if (unit && check.totals) {
    const pairs: [string, number | null | undefined, number | null | undefined][] = [
      ['total', check.totals.total, unit.total],
      ['bonus', check.totals.bonus, unit.bonus],
      ['deduction', check.totals.deduction, unit.deduction],
      ...Object.keys({ ...check.totals.sections, ...unit.sections }).map(
        (k): [string, number | null | undefined, number | null | undefined] => [`section ${k}`, check.totals?.sections[k], unit.sections[k]],
      ),
    ];
    for (const [what, checked, merged] of pairs) {
      if (!sameTotal(checked, merged)) throw new Error(`${what}: check ${checked}, merge ${merged}`);
    }
  }
}

export const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * `chamdiem generate --out FILE` over a returned workbook, on a copy: when
 * check can read the file, generate keeps its entries and writes a workbook
 * check can read again; when check cannot, generate refuses in words and
 * leaves the file as it was.
 */
export async function judgeRegenerate(runner: CliRunner, file: string, outDir: string, check: CheckOutcome): Promise<void> {
  const copy = path.join(outDir, 'tao-lai.xlsx');
  fs.copyFileSync(file, copy);
  const before = sha256(copy);
  const r = await runner.run(['generate', '--out', copy]);
  const failure = runFailure(r, 'generate');
  if (failure || r.kind !== 'exited') throw new Error(failure ?? 'generate did not exit');
  // A sheet of ours copied without its metadata sheet is what generate recovers.
  const recoverable = check.status === 'unreadable' && check.codes.includes('METADATA_LOST');
  if (check.status === 'unreadable' && !recoverable) {
    if (r.code === 0) throw new Error('generate wrote over a file check cannot read');
    if (sha256(copy) !== before) throw new Error('generate changed a file it refused');
    assertMessage(r.err, 'generate refusal');
    return;
  }
  // Text no cell can hold is refused rather than cut: the file stays as it was.
  if (r.code !== 0 && check.codes.includes('TEXT_TOO_LONG') && /quá sức chứa/.test(r.err)) {
    if (sha256(copy) !== before) throw new Error('generate changed a file it refused');
    return;
  }
  if (r.code !== 0) throw new Error(`generate over a readable file exited ${r.code}: ${r.err.slice(0, 500)}`);
  const again = judgeCheck(await runner.run(['check', copy, '--json']));
  if (again.status === 'unreadable') throw new Error(`the regenerated file does not read: ${again.messages.join('; ')}`);
}

/**
 * Runs check then merge on one file, judges both; the file must come out of
 * the merge untouched. When fuzzing, generate over the file is judged too.
 */
export async function judgeFile(runner: CliRunner, file: string, outDir: string): Promise<{ check: CheckOutcome; merge: MergeOutcome }> {
  const before = sha256(file);
  const check = judgeCheck(await runner.run(['check', file, '--json']));
  const out = path.join(outDir, 'tong-hop.xlsx');
  fs.rmSync(out, { force: true });
  const merge = judgeMerge(await runner.run(['merge', file, '--out', out, '--json']), [file], out);
  if (sha256(file) !== before) throw new Error('the merge changed its input');
  judgeAgreement(check, merge);
  if (FUZZING) await judgeRegenerate(runner, file, outDir, check);
  return { check, merge };
}

// ---- run sizes -------------------------------------------------------------------

/**
 * `npm test` runs a few cases from a fixed seed; `npm run fuzz` (FUZZ_RUNS)
 * runs many from a fresh seed, printed first, and also runs generate over
 * every case. FUZZ_SEED replays a run. Shrinking is off: one
 * shrink step of a hang costs the whole deadline, and the cases are readable
 * data already.
 */
export function fuzzRun(name: string, defaultRuns: number, defaultSeed: number): { numRuns: number; seed: number; endOnFailure: true } {
  const numRuns = FUZZING ? Number(process.env.FUZZ_RUNS) : defaultRuns;
  const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : FUZZING ? Date.now() % 2 ** 31 : defaultSeed;
  if (!Number.isInteger(numRuns) || numRuns < 1 || !Number.isInteger(seed)) throw new Error('FUZZ_RUNS and FUZZ_SEED must be whole numbers');
  if (FUZZING) process.stdout.write(`${name}: ${numRuns} cases, FUZZ_SEED=${seed}\n`);
  return { numRuns, seed, endOnFailure: true };
}

/** Counts outcomes, so a run shows it reached more than one kind; printed when fuzzing. */
export class OutcomeTally {
  private counts = new Map<string, number>();

  add(check: CheckOutcome, merge: MergeOutcome): void {
    const key = `check ${check.status}, merge ${merge.files[0].status}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  get kinds(): number {
    return this.counts.size;
  }

  print(name: string): void {
    if (!FUZZING) return;
    const lines = [...this.counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${String(n).padStart(5)}  ${k}`);
    process.stdout.write(`${name} outcomes:\n${lines.join('\n')}\n`);
  }
}

/** Jest's deadline for a property: every case may use its full deadline twice (check and merge). */
export const propertyTimeout = (numRuns: number) => 120_000 + numRuns * 2 * CASE_TIMEOUT_MS;
