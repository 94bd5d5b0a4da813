/**
 * From per-file readings to the merge: statuses, duplicates, unit order and
 * ranking. Pure; the CLI and the task pane feed it whatever they parsed.
 */
import type { LoadedRubric } from '../rubric';
import { excelRound } from '../scoring/inputs';
import { mergeProblem, statusOf, type FileStatus, type MergeProblem } from './problems';
import { MERGE_TEXT } from '../text/messages';
import type { EvidenceEntry, UnitReading, UnitTotals } from './unit';

export interface FileReading {
  /** The file's name as the user knows it (no directories). */
  file: string;
  /** When the package was last saved (docProps/core.xml), if it says. */
  savedAt: string | null;
  /** Null when the file could not be read as one of ours. */
  unit: UnitReading | null;
  /** Everything found wrong; a read unit's own problems included. */
  problems: MergeProblem[];
}

export interface FileOutcome {
  file: string;
  /** "" when the file could not be read or names no unit. */
  unitName: string;
  createdAt: string | null;
  status: FileStatus;
  problems: MergeProblem[];
  /** Position of its unit in `units`, when merged. */
  unitIndex: number | null;
}

export interface MergedUnit {
  /** The column header: the unit name, or a stand-in naming the file. */
  label: string;
  unitName: string;
  file: string;
  createdAt: string | null;
  selfScores: Record<string, number | null>;
  invalidScores: Record<string, string>;
  totals: UnitTotals;
  evidence: EvidenceEntry[];
  /** By total, as the sheet's RANK shows it while no appraisal is entered. */
  rank: number;
}

export interface MergeResult {
  rubric: { id: string; version: string; fingerprint: string; year: number };
  /** In input order. */
  files: FileOutcome[];
  /** In column order: by unit name. */
  units: MergedUnit[];
  /** Indexes into `units`, best total first. */
  ranking: number[];
}

/** The five Vietnamese tone marks as combining characters: grave, acute, tilde, hook above, dot below. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** Characters that take no space: a name pasted from the web may carry them. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/**
 * A syllable with its tone moved to its end: the old placement ("hoà",
 * "thuỷ", "khoẻ") and the new ("hòa", "thủy", "khỏe") give one key. Other
 * marks (â, ă, ê, ô, ơ, ư) stay on their letter.
 */
function toneAtEnd(word: string): string {
  const tones = word.match(TONE_MARKS) ?? [];
  return word.replace(TONE_MARKS, '') + tones.join('');
}

/**
 * Same unit despite case, spacing, Unicode form or tone placement:
 * "Hội  LHPN huyện Hoà An" = "hội lhpn huyện hòa an".
 */
export function unitKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(INVISIBLE, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLocaleLowerCase('vi')
    .replace(/[\p{L}\p{M}]+/gu, toneAtEnd);
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

function time(iso: string | null): number {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? -Infinity : t;
}

/** Later creation wins; then later save; then the file given later. */
function newer(a: { reading: FileReading; index: number }, b: { reading: FileReading; index: number }): boolean {
  const ca = time(a.reading.unit?.createdAt ?? null);
  const cb = time(b.reading.unit?.createdAt ?? null);
  if (ca !== cb) return ca > cb;
  const sa = time(a.reading.savedAt);
  const sb = time(b.reading.savedAt);
  if (sa !== sb) return sa > sb;
  return a.index > b.index;
}

function duplicateProblem(kept: FileReading): MergeProblem {
  return mergeProblem('DUPLICATE_UNIT', MERGE_TEXT.duplicateUnit(kept.unit?.unitName ?? '', kept.file, kept.unit?.createdAt || null));
}

export const roundScore = (n: number) => excelRound(n, 2);

export function consolidate(readings: FileReading[], loaded: LoadedRubric): MergeResult {
  const problems = readings.map((r) => [...r.problems]);

  // Duplicates are decided among files that would otherwise merge.
  const newest = new Map<string, number>();
  readings.forEach((r, index) => {
    if (!r.unit || !r.unit.unitName || statusOf(problems[index]) === 'rejected') return;
    const key = unitKey(r.unit.unitName);
    const held = newest.get(key);
    if (held === undefined || newer({ reading: r, index }, { reading: readings[held], index: held })) newest.set(key, index);
  });
  readings.forEach((r, index) => {
    if (!r.unit || !r.unit.unitName || statusOf(problems[index]) === 'rejected') return;
    const kept = newest.get(unitKey(r.unit.unitName)) as number;
    if (kept !== index) problems[index].push(duplicateProblem(readings[kept]));
  });

  const mergedIndexes = readings
    .map((r, index) => ({ r, index }))
    .filter(({ r, index }) => r.unit && statusOf(problems[index]) !== 'rejected')
    .sort((a, b) => {
      const an = a.r.unit?.unitName ?? '';
      const bn = b.r.unit?.unitName ?? '';
      if (!an !== !bn) return an ? -1 : 1;
      return collator.compare(an, bn) || collator.compare(a.r.file, b.r.file);
    })
    .map(({ index }) => index);

  const units: MergedUnit[] = mergedIndexes.map((index) => {
    const r = readings[index];
    const u = r.unit as UnitReading;
    return {
      label: u.unitName || MERGE_TEXT.unnamedUnit(r.file),
      unitName: u.unitName,
      file: r.file,
      createdAt: u.createdAt,
      selfScores: u.selfScores,
      invalidScores: u.invalidScores,
      totals: u.totals,
      evidence: u.evidence,
      rank: 0,
    };
  });
  const finals = units.map((u) => roundScore(u.totals.total));
  units.forEach((u, i) => (u.rank = 1 + finals.filter((t) => t > finals[i]).length));
  const ranking = units
    .map((_, i) => i)
    .sort((a, b) => finals[b] - finals[a] || collator.compare(units[a].label, units[b].label));

  const unitIndexOf = new Map(mergedIndexes.map((fileIndex, unitIndex) => [fileIndex, unitIndex]));
  return {
    rubric: { id: loaded.rubric.id, version: loaded.rubric.version, fingerprint: loaded.fingerprint, year: loaded.rubric.year },
    files: readings.map((r, index) => ({
      file: r.file,
      unitName: r.unit?.unitName ?? '',
      createdAt: r.unit?.createdAt ?? null,
      status: statusOf(problems[index]),
      problems: problems[index],
      unitIndex: unitIndexOf.get(index) ?? null,
    })),
    units,
    ranking,
  };
}
