import { parseArgs } from 'util';

export class UsageError extends Error {}

type Spec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** util.parseArgs with Vietnamese errors. */
export function parse<S extends Spec>(argv: string[], options: S) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = (e as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    if (unknown) throw new UsageError(`Không có tuỳ chọn ${unknown[1]}.`);
    const missing = /Option '(?:-\w, )?(--[\w-]+)/.exec(msg);
    if (missing && /argument missing/.test(msg)) throw new UsageError(`Tuỳ chọn ${missing[1]} cần một giá trị.`);
    throw new UsageError(`Tham số không hợp lệ: ${msg}`);
  }
}
