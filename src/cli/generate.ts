import * as fs from 'fs';
import * as path from 'path';
import type { LoadedRubric } from '../rubric';
import { buildSheetPlan, type SheetPlanOptions } from '../layout/plan';
import { names } from '../rubric/names';
import { placeDateLine } from '../layout/document';
import { readReturnedWorkbook } from '../xlsx/fast-read';
import { WorkbookReadError } from '../xlsx/workbook-view';
import { writeWorkbook } from '../xlsx/write';
import { carryEntries } from '../layout/carry';
import { UsageError } from './args';
import { CLI_TEXT } from '../text/messages';

export interface GenerateOptions {
  unit?: string;
  password?: string;
  generatorVersion: string;
  /** Signers, date and place of the printed document. */
  document?: Pick<SheetPlanOptions, 'preparer' | 'signer' | 'date' | 'place'>;
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
  let carried: ReturnType<typeof carryEntries> | undefined;
  let unit = opts.unit;
  const planFor = (unitName?: string) =>
    buildSheetPlan(loaded, { ...opts.document, unitName, password: opts.password, generatorVersion: opts.generatorVersion });
  if (fs.existsSync(out)) {
    let old;
    try {
      old = await readReturnedWorkbook(fs.readFileSync(out));
    } catch (e) {
      if (e instanceof WorkbookReadError) {
        throw new UsageError(CLI_TEXT.notOurWorkbook(out, e.message));
      }
      throw e;
    }
    carried = carryEntries(old, planFor(unit));
    const oldUnit = carried.entries.get(names.unitName);
    if (unit === undefined && typeof oldUnit === 'string') unit = oldUnit;
  }
  const plan = planFor(unit);
  const entries = carried?.entries ?? new Map();
  // What the command line says wins over what the old sheet held.
  const doc = opts.document ?? {};
  if (unit !== undefined) entries.set(names.unitName, unit);
  if (doc.preparer !== undefined) entries.set(names.preparerName, doc.preparer);
  if (doc.signer !== undefined) entries.set(names.signerName, doc.signer);
  if (doc.date !== undefined || doc.place !== undefined) {
    entries.set(names.dateLine, placeDateLine(doc.place ?? loaded.rubric.document.place, doc.date));
  }
  if (carried && carried.orphans.length > 0) {
    // Kept in the metadata sheet so nothing typed is lost.
    plan.meta.push(...carried.orphans.map(({ name, value }) => [`orphan:${name}`, String(value)] as [string, string]));
  }
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const buffer = await writeWorkbook(plan, entries);
  const tmp = `${out}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, buffer);
  fs.renameSync(tmp, out);
  if (carried) {
    opts.log(CLI_TEXT.upgraded(out, carried.entries.size));
    for (const o of carried.orphans) {
      opts.log(CLI_TEXT.orphanKept(o.name, String(o.value)));
    }
  } else {
    opts.log(CLI_TEXT.created(out, unit));
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
