/**
 * Generate or upgrade the standard sheet: one workflow for every host. The
 * pure `planSheet` decides what the new sheet holds from what the old one
 * held; the Office.js adapter applies its answer to the open workbook, and
 * `generateFile` to a file.
 */
import { carryEntries, type CarriedEntries, type EntryValue } from '../layout/carry';
import { CELL_TEXT_MAX } from '../layout/cell-text';
import { buildSheetPlan, ORPHAN_PREFIX, type SheetPlan } from '../layout/plan';
import type { LoadedRubric } from '../rubric';
import { names } from '../rubric/names';
import { GENERATE_TEXT } from '../text/messages';
import { typedName, type CalendarDate } from './input';
import { adoption } from '../check/adopt';
import { missingMetadata } from './recover';
import { MetadataMissingError, WorkbookReadError, type PackageReader, type WorkbookWriter } from './ports';
import { repairNames, type NamedSheet, type NameRepair } from './repair';

/** What an existing sheet of ours holds: its named cells, where its names point, and its metadata. */
export interface ExistingSheet extends NamedSheet {
  meta: Record<string, string>;
}

export interface SheetRequest {
  /** Blank keeps the old sheet's own, as do blank signer names. */
  unitName?: string;
  preparer?: string;
  signer?: string;
  /** Either one rewrites the place–date line; without both the old line stays. */
  date?: CalendarDate;
  place?: string;
  password?: string;
  generatorVersion?: string;
  /** ISO time for the metadata; fixed in tests. */
  createdAt?: string;
}

export interface Orphan {
  name: string;
  value: EntryValue;
  /** Kept in the metadata by an earlier upgrade, and kept again. */
  earlier: boolean;
}

export interface SheetWork {
  plan: SheetPlan;
  /** The unit the sheet is for: the one asked for, else the old sheet's; empty when neither names one. */
  unitName: string;
  /** Written over the plan's inputs: what the old sheet held that the request does not replace. */
  entries: Map<string, EntryValue>;
  /** Entries of the old sheet carried into the new one's cells. */
  keptEntries: number;
  /** Entries with no cell in the new sheet, found now or earlier; the plan keeps every one in its metadata. */
  orphans: Orphan[];
  /** Names of the old sheet that were off their cells, put back, with where each entry was found. */
  repairs: NameRepair[];
}

/**
 * An upgrade refused because the old sheet holds text no cell can hold
 * (only a file made by hand or by a tool has it): cutting it would lose what
 * the new file replaces, so nothing is written.
 */
export class UpgradeRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UpgradeRefusedError';
  }
}

function refuseUncarriable(entries: ReadonlyMap<string, EntryValue>): void {
  const over = [...entries].filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length > CELL_TEXT_MAX);
  if (over.length > 0) throw new UpgradeRefusedError(GENERATE_TEXT.textPastCell(over.map(([name, text]) => [name, text.length]), CELL_TEXT_MAX));
}

function earlierOrphans(meta: Record<string, string>): Orphan[] {
  return Object.entries(meta)
    .filter(([key]) => key.startsWith(ORPHAN_PREFIX))
    .map(([key, value]) => ({ name: key.slice(ORPHAN_PREFIX.length), value, earlier: true }));
}

/** The new sheet for `existing` (null: there is none yet), keeping every entry it held. */
export function planSheet(loaded: LoadedRubric, existing: ExistingSheet | null, request: SheetRequest): SheetWork {
  const asked = {
    unitName: typedName(request.unitName),
    preparer: typedName(request.preparer),
    signer: typedName(request.signer),
    place: typedName(request.place),
  };
  // The inputs depend on the rubric alone, so any plan of it tells where entries go.
  let carried: CarriedEntries = { entries: new Map(), orphans: [] };
  let repairs: NameRepair[] = [];
  if (existing) {
    const inputs = buildSheetPlan(loaded);
    const repaired = repairNames(inputs, existing);
    carried = carryEntries(repaired.cells, inputs);
    repairs = repaired.repairs;
  }
  refuseUncarriable(carried.entries);
  const oldUnit = carried.entries.get(names.unitName);
  // In name order, whatever order the host lists names in.
  const found = carried.orphans.map((o): Orphan => ({ ...o, earlier: false })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const earlier = existing ? earlierOrphans(existing.meta).filter((o) => !found.some((f) => f.name === o.name)) : [];
  const orphans = [...found, ...earlier];

  const unitName = asked.unitName ?? (typeof oldUnit === 'string' ? oldUnit : '');
  const plan = buildSheetPlan(loaded, {
    ...asked,
    unitName,
    date: request.date,
    password: request.password,
    generatorVersion: request.generatorVersion,
    createdAt: request.createdAt,
    orphans,
    entries: carried.entries,
  });
  // What the request gives is part of the plan's own cells; the old sheet fills the rest.
  const entries = new Map(carried.entries);
  if (asked.unitName || typeof oldUnit === 'string') entries.delete(names.unitName);
  if (asked.preparer) entries.delete(names.preparerName);
  if (asked.signer) entries.delete(names.signerName);
  if (request.date || asked.place) entries.delete(names.dateLine);
  return { plan, unitName, entries, keptEntries: carried.entries.size, orphans, repairs };
}

export interface GeneratedFile {
  bytes: Uint8Array;
  /** Recovered: a sheet of ours copied into a new workbook without its metadata sheet, adopted with every entry. */
  mode: 'created' | 'upgraded' | 'recovered';
  /** The unit name the sheet carries; empty when none was given. */
  unitName: string;
  keptEntries: number;
  orphans: Orphan[];
  repairs: NameRepair[];
}

/**
 * The sheet `existing` holds, and whether it was ours or a copy of ours that
 * lost its metadata sheet; a workbook that is neither throws.
 */
async function existingSheet(reader: PackageReader, loaded: LoadedRubric, bytes: Uint8Array): Promise<{ sheet: ExistingSheet; recovered: boolean }> {
  try {
    return { sheet: await reader.read(bytes), recovered: false };
  } catch (e) {
    if (!(e instanceof MetadataMissingError)) throw e;
    if (adoption(e.workbook, loaded) === 'fits') return { sheet: e.workbook, recovered: true };
    throw new WorkbookReadError(missingMetadata(e, loaded, '').message, 'METADATA_MISSING');
  }
}

/**
 * A workbook file of the standard sheet; over `existing` (the bytes of the
 * file it replaces) it keeps every entry, and a sheet of this rubric copied
 * into a new workbook gets its metadata back. Throws WorkbookReadError when
 * `existing` is not one of ours, UpgradeRefusedError when it holds text no
 * cell can hold, before anything is written.
 */
export async function generateFile(
  files: { reader: PackageReader; writer: WorkbookWriter },
  loaded: LoadedRubric,
  existing: Uint8Array | null,
  request: SheetRequest,
): Promise<GeneratedFile> {
  const old = existing ? await existingSheet(files.reader, loaded, existing) : null;
  const work = planSheet(loaded, old?.sheet ?? null, request);
  const bytes = await files.writer.writeSheet(work.plan, work.entries);
  const { unitName, keptEntries, orphans, repairs } = work;
  const mode = old === null ? 'created' : old.recovered ? 'recovered' : 'upgraded';
  return { bytes, mode, unitName, keptEntries, orphans, repairs };
}
