/**
 * `chamdiem rubric import|check`: this year's rubric from the office's Word
 * document, and the check of a rubric file. The jobs are the application
 * layer's; this host reads and writes the files and prints.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  asciiId,
  checkRubric,
  importRubricDocument,
  readRubricWorkbookFile,
  rubricJson,
  rubricWorkbookFile,
  sheetErrorText,
  type ReviewItem,
  type ReviewKind,
  type RubricCheck,
} from '../app/rubric-import';
import { parseRubricJson, type RubricError } from '../app/rubric';
import type { Rubric } from '../rubric';
import type { RubricSummary } from '../rubric/summary';
import { FILE_TEXT } from '../text/messages';
import { RUBRIC_CLI_TEXT as T } from '../text/rubric-cli';
import { REVIEW_TEXT as R } from '../text/rubric-review';
import { parse, UsageError } from './args';
import { files } from './compose';

export const RUBRIC_EXIT = { ok: 0, review: 1, unreadable: 2 } as const;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The review list, grouped by kind, as the command line prints it. */
export function formatReview(review: ReviewItem[]): string[] {
  if (review.length === 0) return [R.nothingToReview];
  const lines = [R.toReview(review.length)];
  for (const kind of Object.keys(R.reviewHeading) as ReviewKind[]) {
    const items = review.filter((r) => r.kind === kind);
    if (items.length === 0) continue;
    lines.push(`  ${R.reviewHeading[kind]} (${items.length}):`);
    for (const item of items) {
      lines.push(`    - ${item.where ? `${item.where}: ` : ''}${item.message}`);
      for (const d of item.details ?? []) lines.push(`        ${d}`);
    }
  }
  return lines;
}

/** Id, version, fingerprint, counts and (for the check) every sum of a rubric. */
export function formatSummary(rubric: Rubric, fingerprint: string, s: RubricSummary, withSums: boolean): string[] {
  const lines = [T.rubricLine(rubric.id, rubric.version, rubric.year), T.fingerprint(fingerprint), T.counts(s), T.rules(s.rules), T.maxPoints(s.maxPoints)];
  if (withSums) lines.push(T.sumsHeading, ...s.sums.map((x) => T.sumLine(x.ok, x.name, x.points, x.children)));
  return lines;
}

class InputError extends Error {}

function readBytes(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? FILE_TEXT.notFound : code === 'EISDIR' ? T.isDirectory : FILE_TEXT.cannotOpen(String(code)));
  }
}

function readJson(file: string): unknown {
  const text = Buffer.from(readBytes(file)).toString('utf8').replace(/^\uFEFF/, '');
  try {
    return parseRubricJson(text);
  } catch (e) {
    throw new InputError(T.notJson((e as RubricError).issues.join(' ')));
  }
}

/** What `read` gives for the input file, or undefined (which no JSON file reads as) once its problem is said. */
function inputOrSay<T>(file: string, io: Io, read: (file: string) => T): T | undefined {
  try {
    return read(file);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.err(`${file}: ${e.message}`);
    return undefined;
  }
}

/** A rubric file read and checked, or null once its problems are said. */
function checkedRubricFile(file: string, io: Io): Extract<RubricCheck, { valid: unknown }>['valid'] | null {
  const data = inputOrSay(file, io, readJson);
  if (data === undefined) return null;
  const checked = checkRubric(data);
  if ('invalid' in checked) {
    io.err([T.invalid(file, checked.invalid.length), ...checked.invalid.map((i) => `  - ${i}`)].join('\n'));
    return null;
  }
  return checked.valid;
}

function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = [fs.statSync(a), fs.statSync(b)];
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

function baseRubric(file: string): Rubric {
  let data: unknown;
  try {
    data = readJson(file);
  } catch (e) {
    if (e instanceof InputError) throw new UsageError(T.baseUnusable(file, e.message));
    throw e;
  }
  const checked = checkRubric(data);
  if ('invalid' in checked) throw new UsageError(T.baseUnusable(file, [T.invalid(file, checked.invalid.length), ...checked.invalid].join('\n  ')));
  return checked.valid.rubric;
}

/** The output path, checked: never the input, never an existing file unless --force. */
function outputPath(input: string, out: string | undefined, extension: string, force: boolean | undefined): string {
  const path_ = out ?? `${input.replace(/\.[^./\\]+$/, '')}${extension}`;
  if (sameFile(input, path_)) throw new UsageError(T.outIsInput);
  if (fs.existsSync(path_) && !force) throw new UsageError(T.outExists(path_));
  return path_;
}

async function importCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: 'string', short: 'o' },
    id: { type: 'string' },
    version: { type: 'string' },
    base: { type: 'string' },
    force: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError(T.importNeedsOneFile);
  const file = positionals[0];
  if (values.id !== undefined && !/^[a-z0-9-]+$/.test(values.id)) throw new UsageError(T.badId(values.id));
  const out = outputPath(file, values.out, '.json', values.force);
  const base = values.base === undefined ? undefined : baseRubric(values.base);
  const bytes = inputOrSay(file, io, readBytes);
  if (bytes === undefined) return RUBRIC_EXIT.unreadable;
  const outcome = importRubricDocument(files.documents, bytes, {
    id: values.id,
    version: values.version,
    base,
    fallbackId: asciiId(path.basename(file).replace(/\.[^.]+$/, '')),
    fallbackYear: new Date().getFullYear(),
  });
  if ('refused' in outcome) {
    io.err(`${file}: ${outcome.refused.message}`);
    return RUBRIC_EXIT.unreadable;
  }
  const { rubric, review, notes, summary, fingerprint } = outcome.imported;
  fs.writeFileSync(out, rubricJson(rubric));
  io.out([T.written(out), ...formatSummary(rubric, fingerprint, summary, false), ...notes.map(T.note), ...formatReview(review)].join('\n'));
  return review.length > 0 ? RUBRIC_EXIT.review : RUBRIC_EXIT.ok;
}

async function checkCommand(argv: string[], io: Io): Promise<number> {
  const { positionals } = parse(argv, {});
  if (positionals.length !== 1) throw new UsageError(T.checkNeedsOneFile);
  const file = positionals[0];
  const checked = checkedRubricFile(file, io);
  if (checked === null) return RUBRIC_EXIT.unreadable;
  io.out([T.valid(file), ...formatSummary(checked.rubric, checked.fingerprint, checked.summary, true)].join('\n'));
  return RUBRIC_EXIT.ok;
}

async function sheetCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { out: { type: 'string', short: 'o' }, force: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError(T.checkNeedsOneFile);
  const file = positionals[0];
  const out = outputPath(file, values.out, '.xlsx', values.force);
  const checked = checkedRubricFile(file, io);
  if (checked === null) return RUBRIC_EXIT.unreadable;
  fs.writeFileSync(out, await rubricWorkbookFile(files.writer, checked.rubric));
  io.out([T.written(out), ...formatSummary(checked.rubric, checked.fingerprint, checked.summary, false), T.sheetNext(out)].join('\n'));
  return RUBRIC_EXIT.ok;
}

async function readCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { out: { type: 'string', short: 'o' }, force: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError(T.readNeedsOneFile);
  const file = positionals[0];
  const out = outputPath(file, values.out, '.json', values.force);
  const bytes = inputOrSay(file, io, readBytes);
  if (bytes === undefined) return RUBRIC_EXIT.unreadable;
  const outcome = await readRubricWorkbookFile(files.reader, bytes);
  if ('refused' in outcome) {
    io.err(`${file}: ${outcome.refused.message}`);
    return RUBRIC_EXIT.unreadable;
  }
  const { rubric, fingerprint, errors } = outcome.read;
  const problems = errors.map((e) => `  - ${sheetErrorText(e)}`);
  if (!rubric || !fingerprint) {
    io.err([T.sheetUnusable(file, errors.length), ...problems].join('\n'));
    return RUBRIC_EXIT.unreadable;
  }
  fs.writeFileSync(out, rubricJson(rubric));
  const checked = checkRubric(rubric);
  const summary = 'valid' in checked ? checked.valid.summary : null;
  const lines = [T.written(out), ...(summary ? formatSummary(rubric, fingerprint, summary, false) : [T.fingerprint(fingerprint)])];
  if (errors.length > 0) lines.push(R.toReview(errors.length), ...problems);
  else lines.push(R.nothingToReview);
  io.out(lines.join('\n'));
  return errors.length > 0 ? RUBRIC_EXIT.review : RUBRIC_EXIT.ok;
}

export async function rubricCommand(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'import':
      return importCommand(rest, io);
    case 'check':
      return checkCommand(rest, io);
    case 'sheet':
      return sheetCommand(rest, io);
    case 'read':
      return readCommand(rest, io);
    default:
      throw new UsageError(sub === undefined ? T.needsSubcommand : T.unknownSubcommand(sub));
  }
}
