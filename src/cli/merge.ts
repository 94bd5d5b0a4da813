import * as fs from 'fs';
import * as path from 'path';
import { consolidate, MERGE_SHEETS, mergeSummary, STATUS_LABEL, writeMergeFile } from '../app/merge';
import { mergeProblem, readForMerge, refusedReading } from '../app/merge-read';
import type { FileReading, MergeResult } from '../merge/consolidate';
import type { MergeProblem } from '../merge/problems';
import type { LoadedRubric } from '../rubric';
import { parse, UsageError } from './args';
import { CLI_TEXT, FILE_TEXT, rubricLabel } from '../text/messages';
import { formatDateTime } from '../text/format';
import { files } from './compose';
import { loadRubricFile } from './rubric-file';

export interface MergeIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const MERGE_EXIT = { allValid: 0, someProblems: 1, nothingMerged: 2 } as const;

/** The file's bytes, opened read-only; a problem instead when it cannot or should not be read. */
function readInput(file: string): Uint8Array | MergeProblem {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? mergeProblem('FILE_NOT_FOUND', FILE_TEXT.notFound)
      : mergeProblem('UNREADABLE', FILE_TEXT.cannotOpen(code ?? (e as Error).message));
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return mergeProblem('UNREADABLE', FILE_TEXT.notAFile);
    // Judged by size before reading, so a huge file never lands in memory.
    const refused = files.reader.sizeProblem(stat.size);
    if (refused) return refused;
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = fs.readSync(fd, bytes, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } catch (e) {
    return mergeProblem('UNREADABLE', FILE_TEXT.cannotRead((e as NodeJS.ErrnoException).code ?? (e as Error).message));
  } finally {
    fs.closeSync(fd);
  }
}

/** One input file, read for the merge, named as the user typed it. */
export async function readInputFile(file: string, loaded: LoadedRubric): Promise<FileReading> {
  const name = path.normalize(file);
  const bytes = readInput(file);
  return bytes instanceof Uint8Array ? readForMerge(files.reader, bytes, name, loaded) : refusedReading(name, bytes);
}

function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

function codeCounts(problems: MergeProblem[]): string {
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
  return [...counts].map(([code, n]) => (n > 1 ? `${code} ×${n}` : code)).join(', ');
}

export function formatMergeReport(result: MergeResult, output: string | null): string {
  const lines = [CLI_TEXT.mergeHeading(result.files.length, rubricLabel(result.rubric.id, result.rubric.version))];
  const width = Math.max(...Object.values(STATUS_LABEL).map((s) => s.length));
  for (const f of result.files) {
    const head = `  ${STATUS_LABEL[f.status].padEnd(width)}  ${f.file}${f.unitName ? ` — ${f.unitName}` : ''}`;
    if (f.status === 'valid') lines.push(head);
    else if (f.status === 'warning') lines.push(`${head} ${CLI_TEXT.fileWarnings(f.problems.length, codeCounts(f.problems))}`);
    else {
      const errors = f.problems.filter((p) => p.severity === 'error');
      const warnings = f.problems.length - errors.length;
      lines.push(head);
      for (const p of errors) lines.push(`      [${p.code}] ${p.message}`);
      if (warnings > 0) lines.push(`      ${CLI_TEXT.otherWarnings(warnings)}`);
    }
  }
  if (output) {
    const rejected = result.files.filter((f) => f.status === 'rejected').length;
    lines.push(CLI_TEXT.mergeWritten(output, result.units.length, rejected, MERGE_SHEETS.check));
    lines.push(CLI_TEXT.rankingHeading);
    for (const i of result.ranking) {
      const u = result.units[i];
      lines.push(`  ${CLI_TEXT.rankingLine(u.rank, u.label, u.totals.total)}`);
    }
  }
  return lines.join('\n');
}

export async function mergeCommand(argv: string[], io: MergeIo): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
    rubric: { type: 'string' },
    force: { type: 'boolean' },
  });
  if (positionals.length === 0) throw new UsageError(CLI_TEXT.mergeNeedsFiles);
  const out = values.out;
  if (!out) throw new UsageError(CLI_TEXT.mergeNeedsOut);
  if (!/\.xlsx$/i.test(out)) throw new UsageError(CLI_TEXT.outNotXlsx(out));
  const inputs = positionals.filter((f, i) => positionals.findIndex((g) => path.resolve(g) === path.resolve(f)) === i);
  const clash = inputs.find((f) => sameFile(f, out));
  if (clash) throw new UsageError(CLI_TEXT.outIsInput(out, clash));
  if (fs.existsSync(out) && !values.force) {
    throw new UsageError(CLI_TEXT.outExists(out));
  }
  const loaded: LoadedRubric = loadRubricFile(values.rubric);

  // One at a time: only the compact reading of each file is kept.
  const readings: FileReading[] = [];
  for (const file of inputs) readings.push(await readInputFile(file, loaded));
  const result = consolidate(readings, loaded);

  let written: string | null = null;
  const buffer = await writeMergeFile(files.writer, result, loaded, formatDateTime(new Date()));
  if (buffer) {
    const tmp = `${out}.tmp-${process.pid}`;
    try {
      fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
      fs.writeFileSync(tmp, buffer);
      fs.renameSync(tmp, out);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      io.err(CLI_TEXT.cannotWrite(out, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
      return MERGE_EXIT.nothingMerged;
    }
    written = out;
  }

  if (values.json) io.out(JSON.stringify(mergeSummary(result, written), null, 2));
  else io.out(formatMergeReport(result, written));
  if (!written) {
    io.err(CLI_TEXT.nothingMerged(out));
    return MERGE_EXIT.nothingMerged;
  }
  return result.files.every((f) => f.status === 'valid') ? MERGE_EXIT.allValid : MERGE_EXIT.someProblems;
}
