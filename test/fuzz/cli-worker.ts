/**
 * Runs `chamdiem` commands inside a worker thread for the hostile-input
 * tests, so a case that never finishes can be stopped (a synchronous loop
 * cannot be interrupted in the thread that runs it).
 */
import { parentPort } from 'worker_threads';
import { main } from '../../src/cli/main';

export type CliRequest = { id: number; argv: string[] };

export type CliReply = { id: number; out: string; err: string } & ({ code: number } | { thrown: string });

const port = parentPort;
if (!port) throw new Error('cli-worker runs only as a worker thread');

port.on('message', async (request: CliRequest) => {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
  let reply: CliReply;
  try {
    const code = await main(request.argv, io);
    reply = { id: request.id, code, out: out.join('\n'), err: err.join('\n') };
  } catch (e) {
    reply = { id: request.id, thrown: (e as Error)?.stack ?? String(e), out: out.join('\n'), err: err.join('\n') };
  }
  port.postMessage(reply);
});
port.postMessage('ready');
