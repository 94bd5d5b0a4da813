import * as fs from 'fs';
import * as path from 'path';
import { checkFile } from '../app/check';
import { parseIsoDate, printFile, type FilePrint } from '../app/print';
import { WorkbookReadError } from '../app/ports';
import { parse, Refusal, UsageError } from './args';
import { files } from './compose';
import { generateOne, readUnitsFile, unitFileNames } from './generate';
import { loadRubricFile } from './rubric-file';
import { mergeCommand } from './merge';
import { rubricCommand } from './rubric';
import { formatCheckReport } from './report';
import { exportPdf, haveSoffice, pdfTarget, SOFFICE_MISSING } from './pdf';
import { CLI_TEXT, FILE_TEXT } from '../text/messages';

export const EXIT = { ok: 0, problems: 1, unreadable: 2 } as const;


export function generatorVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    return `chamdiem ${pkg.version}`;
  } catch {
    return 'chamdiem';
  }
}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

async function generate(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    unit: { type: 'string' },
    out: { type: 'string', short: 'o' },
    rubric: { type: 'string' },
    password: { type: 'string' },
    'units-file': { type: 'string' },
    'out-dir': { type: 'string' },
    preparer: { type: 'string' },
    signer: { type: 'string' },
    date: { type: 'string' },
    place: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(CLI_TEXT.extraArguments(positionals.join(' ')));
  const loaded = loadRubricFile(values.rubric);
  const date = values.date === undefined ? undefined : parseIsoDate(values.date);
  if (date === null) throw new UsageError(CLI_TEXT.badDate(values.date ?? ''));
  const opts = {
    password: values.password,
    generatorVersion: generatorVersion(),
    log: io.out,
    document: { preparer: values.preparer, signer: values.signer, place: values.place, date },
  };
  if (values['units-file'] !== undefined) {
    if (values.unit !== undefined || values.out !== undefined) {
      throw new UsageError(CLI_TEXT.unitsFileWithUnit);
    }
    const dir = values['out-dir'];
    if (!dir) throw new UsageError(CLI_TEXT.unitsFileNeedsDir);
    const units = readUnitsFile(values['units-file']);
    const files = unitFileNames(units, loaded.rubric.year);
    for (let i = 0; i < units.length; i++) {
      await generateOne(path.join(dir, files[i]), loaded, { ...opts, unit: units[i] });
    }
    io.out(CLI_TEXT.unitsDone(units.length, dir));
    return EXIT.ok;
  }
  if (values['out-dir'] !== undefined) throw new UsageError(CLI_TEXT.outDirNeedsUnitsFile);
  const out = values.out ?? `bang-tu-cham-diem-${loaded.rubric.year}.xlsx`;
  await generateOne(out, loaded, { ...opts, unit: values.unit });
  return EXIT.ok;
}

async function check(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' }, rubric: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError(CLI_TEXT.checkNeedsOneFile);
  const file = positionals[0];
  const loaded = loadRubricFile(values.rubric);
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return unreadable(file, code === 'ENOENT' ? FILE_TEXT.notFound : FILE_TEXT.cannotOpen(String(code)), 'UNREADABLE');
  }
  const checked = await checkFile(files.reader, buffer, loaded, FILE_TEXT.recoverCommand(file, values.rubric));
  if ('unreadable' in checked) return unreadable(file, checked.unreadable.message, checked.unreadable.code, checked.unreadable.reason);
  const { report } = checked;
  const status = report.problems.length === 0 ? 'clean' : 'problems';
  if (values.json) io.out(JSON.stringify({ file, status, ...report }, null, 2));
  else io.out(formatCheckReport(file, report));
  return status === 'clean' ? EXIT.ok : EXIT.problems;

  function unreadable(f: string, message: string, code: string, reason?: string): number {
    if (values.json) io.out(JSON.stringify({ file: f, status: 'unreadable', error: { code, reason, message } }, null, 2));
    else io.err(CLI_TEXT.onFile(f, message));
    return EXIT.unreadable;
  }
}

async function pdf(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { out: { type: 'string', short: 'o' }, force: { type: 'boolean' }, rubric: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError(CLI_TEXT.pdfNeedsOneFile);
  const file = positionals[0];
  if (!fs.existsSync(file)) throw new UsageError(CLI_TEXT.fileNotFound(file));
  if (!haveSoffice()) throw new UsageError(SOFFICE_MISSING);
  let printed: FilePrint;
  try {
    printed = await printFile(files, loadRubricFile(values.rubric), fs.readFileSync(file), values.force === true);
  } catch (e) {
    if (!(e instanceof WorkbookReadError)) throw e;
    io.err(CLI_TEXT.onFile(file, e.message));
    return EXIT.unreadable;
  }
  if ('notOurs' in printed) io.err(CLI_TEXT.pdfNotOurs(printed.notOurs));
  else if (printed.refused) {
    io.err(CLI_TEXT.pdfRefused(file, printed.errors, printed.warnings));
    return EXIT.problems;
  } else {
    io.out(CLI_TEXT.pdfStatus(printed.errors, printed.warnings));
    if (printed.clipped.length > 0) io.err([CLI_TEXT.pdfClipped(printed.clipped.length), ...printed.clipped.map((m) => `  - ${m}`)].join('\n'));
  }
  const written = await exportPdf(file, printed.bytes, pdfTarget(file, values.out));
  io.out(CLI_TEXT.pdfWritten(written));
  return EXIT.ok;
}

/** Runs the command line; resolves to the exit code. Never lets a stack trace reach the user. */
export async function main(argv: string[], io: Io = { out: (t) => console.log(t), err: (t) => console.error(t) }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'generate':
        return await generate(rest, io);
      case 'check':
        return await check(rest, io);
      case 'pdf':
        return await pdf(rest, io);
      case 'merge':
        return await mergeCommand(rest, io);
      case 'rubric':
        return await rubricCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(CLI_TEXT.help);
        return command === undefined ? EXIT.unreadable : EXIT.ok;
      default:
        throw new UsageError(CLI_TEXT.unknownCommand(command));
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${CLI_TEXT.usageError(e.message)}\n\n${CLI_TEXT.help}`);
      return EXIT.unreadable;
    }
    if (e instanceof Refusal) {
      io.err(CLI_TEXT.usageError(e.message));
      return EXIT.unreadable;
    }
    io.err(CLI_TEXT.unexpectedError((e as Error).message));
    return EXIT.unreadable;
  }
}
