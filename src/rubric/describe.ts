/**
 * Schema issues in words a person can act on: the criterion, group or
 * section they are about and what is wrong, in Vietnamese — "Tiêu chí 5,
 * điểm chuẩn: phải là số không âm", never "sections.0.children.4.points".
 */
import type { z } from 'zod';
import { RUBRIC_FIELDS, RUBRIC_NAMES, RUBRIC_TEXT } from '../text/rubric';

type Issue = z.core.$ZodIssue;
type Path = PropertyKey[];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How a person names a node of the rubric: "Tiêu chí 14.1", "Nhiệm vụ 2", "Mục III". */
export function nodeName(node: unknown, fallback: string): string {
  if (!isRecord(node)) return fallback;
  const id = typeof node.id === 'string' && node.id !== '' ? node.id : null;
  if (!id) return fallback;
  switch (node.type) {
    case 'section':
      return RUBRIC_NAMES.section(id);
    case 'group':
      return /^NV\d+$/.test(id) ? RUBRIC_NAMES.mission(id.slice(2)) : RUBRIC_NAMES.group(id);
    case 'info':
      return /^CT\d+$/.test(id) ? RUBRIC_NAMES.target(id.slice(2)) : RUBRIC_NAMES.info(id);
    case 'criterion':
      return RUBRIC_NAMES.criterion(id);
    default:
      // A sub-item has no type of its own.
      return /^\d+\.\d+$/.test(id) ? RUBRIC_NAMES.criterion(id) : fallback;
  }
}

const CONTAINERS = new Set(['sections', 'children', 'subItems', 'items', 'inputs', 'tiers', 'corrections', 'labels']);

const child = (here: unknown, key: PropertyKey): unknown =>
  isRecord(here) || Array.isArray(here) ? (here as Record<PropertyKey, unknown>)[key as string] : undefined;

/** "Tiêu chí 48, quy tắc chấm, ô đếm "Số lần chậm", mức 2, điểm chuẩn": the nodes `path` passes and the field it ends at. */
function namePath(data: unknown, path: Path): string {
  let here: unknown = data;
  let parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const container = String(path[i - 1] ?? '');
    here = child(here, key);
    if (typeof key === 'number') {
      const k = key + 1;
      const id = isRecord(here) && typeof here.id === 'string' ? here.id : String(k);
      if (container === 'sections' || container === 'children' || container === 'subItems') {
        parts = [nodeName(here, [...parts, RUBRIC_NAMES.row(k)].join(', '))];
      } else if (container === 'items') parts.push(RUBRIC_NAMES.item(id));
      else if (container === 'inputs') parts.push(isRecord(here) && typeof here.label === 'string' ? RUBRIC_NAMES.input(here.label) : RUBRIC_NAMES.row(k));
      else if (container === 'tiers') parts.push(RUBRIC_NAMES.tier(k));
      else if (container === 'corrections') parts = [RUBRIC_NAMES.correction(k)];
      else parts.push(RUBRIC_NAMES.row(k));
    } else if (i === 0 && (key === 'bonus' || key === 'deduction' || key === 'document')) {
      parts = [RUBRIC_NAMES[key]];
    } else if (!(CONTAINERS.has(String(key)) && typeof path[i + 1] === 'number')) {
      parts.push(RUBRIC_FIELDS[String(key)] ?? String(key));
    }
  }
  return parts.join(', ');
}

/** How a person names the place `path` leads to in `data` ("Tiêu chí 14, điểm chuẩn"); empty for the whole rubric. */
export const nameAt = (data: unknown, path: Path): string => namePath(data, path);

const at = (data: unknown, path: Path): unknown => path.reduce<unknown>(child, data);

function reason(issue: Issue, data: unknown, path: Path): string {
  const got = RUBRIC_TEXT.received(at(data, path));
  switch (issue.code) {
    case 'invalid_type':
      return RUBRIC_TEXT.mustBe(RUBRIC_TEXT.typeName[issue.expected] ?? issue.expected, got);
    case 'too_small':
      return issue.origin === 'array' ? RUBRIC_TEXT.atLeastRows(Number(issue.minimum)) : issue.origin === 'string' ? RUBRIC_TEXT.notEmpty : RUBRIC_TEXT.atLeast(Number(issue.minimum), got);
    case 'too_big':
      return RUBRIC_TEXT.atMost(Number(issue.maximum), got);
    case 'not_multiple_of':
      return RUBRIC_TEXT.twoDecimals(got);
    case 'invalid_format':
      return path[path.length - 1] === 'key' ? RUBRIC_TEXT.keyLetters(got) : RUBRIC_TEXT.badFormat(got);
    case 'invalid_value':
      return RUBRIC_TEXT.oneOf(issue.values.map(String), got);
    case 'invalid_union':
      return path[path.length - 1] === 'kind' ? RUBRIC_TEXT.ruleKind(got) : RUBRIC_TEXT.badShape(got);
    case 'unrecognized_keys':
      return RUBRIC_TEXT.unknownKeys(issue.keys);
    default:
      return issue.message;
  }
}

/**
 * One Vietnamese sentence per issue. A node's own union error is read in
 * the branch of the node's `type`, so a criterion's bad points are said as
 * such, not as "matches no kind of row".
 */
export function describeIssues(data: unknown, issues: readonly Issue[], prefix: Path = []): string[] {
  const out: string[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 1) {
      const node = at(data, path);
      const branches = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_value' && i.path.length === 1 && i.path[0] === 'type'));
      if (isRecord(node) && branches.length === 1) {
        out.push(...describeIssues(data, branches[0], path));
        continue;
      }
    }
    const who = namePath(data, path) || RUBRIC_TEXT.wholeRubric;
    if (issue.code === 'custom') {
      // The rubric-wide rules name their node themselves; a field's own rule does not.
      out.push(RUBRIC_NAMES.named.test(issue.message) ? issue.message : `${who}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}.`);
      continue;
    }
    out.push(`${who}: ${reason(issue, data, path)}.`);
  }
  return out;
}
