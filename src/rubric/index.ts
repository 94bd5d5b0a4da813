import rubric2024 from './data/2024.json';
import { rubricSchema, type Rubric, type CriterionNode, type RubricNode, type Section, type GroupNode } from './schema';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex } from '@noble/hashes/utils';
import { describeIssues } from './describe';
import { RUBRIC_TEXT } from '../text/rubric';

export * from './schema';

export class RubricError extends Error {
  constructor(
    message: string,
    readonly issues: string[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RubricError';
  }
}

/** JSON with sorted keys and no whitespace: the same rubric always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function fingerprintOf(rubric: Rubric): string {
  return bytesToHex(sha256(new TextEncoder().encode(canonicalJson(rubric))));
}

export interface LoadedRubric {
  rubric: Rubric;
  fingerprint: string;
}

/** Validates untrusted rubric data; every refusal is listed in Vietnamese. */
export function loadRubric(data: unknown): LoadedRubric {
  const parsed = rubricSchema.safeParse(data);
  if (!parsed.success) {
    const issues = describeIssues(data, parsed.error.issues);
    throw new RubricError(RUBRIC_TEXT.invalid(issues.length), issues);
  }
  return { rubric: parsed.data, fingerprint: fingerprintOf(parsed.data) };
}

export function builtinRubric(): LoadedRubric {
  return loadRubric(rubric2024);
}

/** Criteria in document order, descending into groups. */
export function allCriteria(rubric: Rubric): CriterionNode[] {
  const out: CriterionNode[] = [];
  const walk = (nodes: RubricNode[]) => {
    for (const n of nodes) {
      if (n.type === 'criterion') out.push(n);
      else if (n.type === 'group') walk(n.children);
    }
  };
  rubric.sections.forEach((s) => walk(s.children));
  return out;
}

export function allGroups(rubric: Rubric): GroupNode[] {
  const out: GroupNode[] = [];
  const walk = (nodes: RubricNode[]) => {
    for (const n of nodes) {
      if (n.type === 'group') {
        out.push(n);
        walk(n.children);
      }
    }
  };
  rubric.sections.forEach((s: Section) => walk(s.children));
  return out;
}
