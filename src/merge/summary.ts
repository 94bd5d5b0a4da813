/**
 * The merge as JSON (`chamdiem merge --json`): a stable shape for scripts.
 *
 * - `output`: the workbook written, or null when nothing could be merged;
 * - `counts`: files by status, and units merged;
 * - `files`: every input in the order given, with `status` ("valid" | "warning"
 *   | "rejected"), its Vietnamese `statusLabel` and every problem
 *   (`code`, `severity` "error" = kept the file out, `message`, optional `name`
 *   of the cell and `owner` criterion);
 * - `units`: merged units in column order, with self-scored section totals,
 *   bonus, deduction, `total` (rounded to 2 decimals) and `rank`;
 * - `ranking`: units best first. Totals and ranks are those the workbook shows
 *   before any appraisal is entered.
 */
import { roundScore, type MergeResult } from './consolidate';
import { STATUS_LABEL, type FileStatus, type MergeProblem } from './problems';

export interface MergeSummary {
  output: string | null;
  rubric: { id: string; version: string; fingerprint: string };
  counts: { files: number; valid: number; warning: number; rejected: number; units: number };
  files: {
    file: string;
    unit: string | null;
    status: FileStatus;
    statusLabel: string;
    createdAt: string | null;
    problems: MergeProblem[];
  }[];
  units: {
    unit: string;
    label: string;
    file: string;
    createdAt: string | null;
    sections: Record<string, number>;
    bonus: number;
    deduction: number;
    total: number;
    rank: number;
  }[];
  ranking: { rank: number; unit: string; total: number }[];
}

export function mergeSummary(result: MergeResult, output: string | null): MergeSummary {
  const count = (status: FileStatus) => result.files.filter((f) => f.status === status).length;
  return {
    output,
    rubric: { id: result.rubric.id, version: result.rubric.version, fingerprint: result.rubric.fingerprint },
    counts: {
      files: result.files.length,
      valid: count('valid'),
      warning: count('warning'),
      rejected: count('rejected'),
      units: result.units.length,
    },
    files: result.files.map((f) => ({
      file: f.file,
      unit: f.unitName || null,
      status: f.status,
      statusLabel: STATUS_LABEL[f.status],
      createdAt: f.createdAt,
      problems: f.problems,
    })),
    units: result.units.map((u) => ({
      unit: u.unitName,
      label: u.label,
      file: u.file,
      createdAt: u.createdAt,
      sections: Object.fromEntries(Object.entries(u.totals.sections).map(([k, v]) => [k, roundScore(v)])),
      bonus: roundScore(u.totals.bonus),
      deduction: roundScore(u.totals.deduction),
      total: roundScore(u.totals.total),
      rank: u.rank,
    })),
    ranking: result.ranking.map((i) => ({
      rank: result.units[i].rank,
      unit: result.units[i].label,
      total: roundScore(result.units[i].totals.total),
    })),
  };
}
