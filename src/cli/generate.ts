import * as fs from 'fs';
import * as path from 'path';
import { generateFile, UpgradeRefusedError, type SheetRequest } from '../app/generate';
import { describeRepair } from '../app/repair';
import { WorkbookReadError } from '../app/ports';
import type { LoadedRubric } from '../rubric';
import { Refusal, UsageError } from './args';
import { CLI_TEXT } from '../text/messages';
import { formatExactNumber } from '../text/format';
import { files } from './compose';

export interface GenerateOptions {
  unit?: string;
  password?: string;
  generatorVersion: string;
  /** Signers, date and place of the printed document. */
  document?: Pick<SheetRequest, 'preparer' | 'signer' | 'date' | 'place'>;
  log: (line: string) => void;
}

/** File-name-safe ASCII: "Hội LHPN huyện Hà Quảng" → "hoi-lhpn-huyen-ha-quang". */
export function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'don-vi'
  );
}

/**
 * Writes one workbook. When `out` already holds one of ours, its entries are
 * carried over by defined name, so regenerating never loses what was typed.
 */
export async function generateOne(out: string, loaded: LoadedRubric, opts: GenerateOptions): Promise<void> {
  const existing = fs.existsSync(out) ? fs.readFileSync(out) : null;
  let generated;
  try {
    generated = await generateFile(files, loaded, existing, {
      ...opts.document,
      unitName: opts.unit,
      password: opts.password,
      generatorVersion: opts.generatorVersion,
    });
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new UsageError(CLI_TEXT.notOurWorkbook(out, e.message));
    if (e instanceof UpgradeRefusedError) throw new Refusal(CLI_TEXT.onFile(out, e.message));
    throw e;
  }
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const tmp = `${out}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, generated.bytes);
  fs.renameSync(tmp, out);
  if (generated.mode !== 'created') {
    opts.log(generated.mode === 'recovered' ? CLI_TEXT.recovered(out, generated.keptEntries) : CLI_TEXT.upgraded(out, generated.keptEntries));
    for (const r of generated.repairs) opts.log(`  ${describeRepair(r)}`);
    for (const o of generated.orphans) {
      const value = typeof o.value === 'number' ? formatExactNumber(o.value) : o.value;
      opts.log(o.earlier ? CLI_TEXT.orphanKeptEarlier(o.name, value) : CLI_TEXT.orphanKept(o.name, value));
    }
  } else {
    opts.log(CLI_TEXT.created(out, generated.unitName));
  }
}

export function readUnitsFile(file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(CLI_TEXT.unitsFileUnreadable(file, (e as Error).message));
  }
  const units = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim().normalize('NFC'))
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (units.length === 0) throw new UsageError(CLI_TEXT.unitsFileEmpty(file));
  return units;
}

/** One output path per unit; units whose names fold to the same slug get a numeric suffix. */
export function unitFileNames(units: string[], year: number): string[] {
  const used = new Map<string, number>();
  return units.map((u) => {
    const base = `tu-cham-${year}-${slug(u)}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return `${n === 1 ? base : `${base}-${n}`}.xlsx`;
  });
}
