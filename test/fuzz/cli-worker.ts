/**
 * Runs `chamdiem` commands inside a worker thread for the hostile-input
 * tests, so a case that never finishes can be stopped (a synchronous loop
 * cannot be interrupted in the thread that runs it).
 */
import * as fs from 'fs';
import { parentPort } from 'worker_threads';
import { checkWorkbook } from '../../src/check';
import { main } from '../../src/cli/main';
import { builtinRubric } from '../../src/rubric';
import { readWorkbook, WorkbookReadError } from '../../src/xlsx/read';

/** A command line, or a file for the ExcelJS reader (the one `chamdiem generate` reads an existing workbook with). */
export type CliRequest = { id: number } & ({ argv: string[] } | { excelRead: string });

export type CliReply = { id: number; out: string; err: string } & ({ code: number } | { thrown: string });

const port = parentPort;
if (!port) throw new Error('cli-worker runs only as a worker thread');

/** The ExcelJS reader's view of a file, printed as `chamdiem check --json` prints one. */
async function excelRead(file: string, out: (t: string) => void): Promise<number> {
  try {
    const report = checkWorkbook(await readWorkbook(fs.readFileSync(file)), builtinRubric());
    const status = report.problems.length === 0 ? 'clean' : 'problems';
    out(JSON.stringify({ file, status, ...report }));
    return status === 'clean' ? 0 : 1;
  } catch (e) {
    if (!(e instanceof WorkbookReadError)) throw e;
    out(JSON.stringify({ file, status: 'unreadable', error: { code: e.code, message: e.message } }));
    return 2;
  }
}

port.on('message', async (request: CliRequest) => {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
  let reply: CliReply;
  try {
    const code = 'argv' in request ? await main(request.argv, io) : await excelRead(request.excelRead, io.out);
    reply = { id: request.id, code, out: out.join('\n'), err: err.join('\n') };
  } catch (e) {
    reply = { id: request.id, thrown: (e as Error)?.stack ?? String(e), out: out.join('\n'), err: err.join('\n') };
  }
  port.postMessage(reply);
});
port.postMessage('ready');
