import { parseArgs } from 'util';
import { CLI_TEXT } from '../text/messages';

export class UsageError extends Error {}

/** A request understood but refused for what the file holds: the message says why, without the usage text. */
export class Refusal extends Error {}

type Spec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** util.parseArgs with Vietnamese errors. */
export function parse<S extends Spec>(argv: string[], options: S) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = (e as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    if (unknown) throw new UsageError(CLI_TEXT.unknownOption(unknown[1]));
    const missing = /Option '(?:-\w, )?(--[\w-]+)/.exec(msg);
    if (missing && /argument missing/.test(msg)) throw new UsageError(CLI_TEXT.optionNeedsValue(missing[1]));
    throw new UsageError(CLI_TEXT.badArguments(msg));
  }
}
