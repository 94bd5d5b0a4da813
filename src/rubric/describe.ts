/**
 * Schema issues in words a person can act on: the criterion, group or
 * section they are about and what is wrong, in Vietnamese — "Tiêu chí 5,
 * điểm chuẩn: phải là số không âm", never "sections.0.children.4.points".
 */
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;
type Path = PropertyKey[];

const FIELD: Record<string, string> = {
  id: 'mã',
  label: 'số thứ tự in',
  title: 'tên',
  text: 'nội dung',
  points: 'điểm chuẩn',
  method: 'cách tính điểm',
  evidence: 'yêu cầu minh chứng',
  rule: 'quy tắc chấm',
  kind: 'loại quy tắc',
  combine: 'cách kết hợp',
  key: 'tên ô đếm',
  from: 'số đếm bắt đầu',
  note: 'ghi chú',
  cap: 'điểm tối đa',
  items: 'các nội dung',
  version: 'phiên bản',
  year: 'năm',
  subtitle: 'tiêu đề phụ',
  basis: 'căn cứ',
  corrections: 'danh sách sửa lỗi',
  document: 'phần văn bản in',
  sections: 'các mục',
  children: 'các dòng con',
  subItems: 'các mục con',
  inputs: 'các ô đếm',
  tiers: 'các mức',
  where: 'chỗ sửa',
  printed: 'bản in',
  corrected: 'sửa thành',
  reason: 'lý do',
  superior: 'cơ quan cấp trên',
  nationalName: 'quốc hiệu',
  motto: 'tiêu ngữ',
  place: 'địa danh',
  reportTitle: 'tiêu đề bản tự chấm',
  summaryLabel: 'dòng tổng điểm',
  preparer: 'người lập biểu',
  signer: 'người ký',
  rankingSigner: 'người ký bảng xếp hạng',
  labels: 'các dòng chức danh',
  type: 'loại dòng',
};

const NAMED = /^(Mục|Nhóm|Nhiệm vụ|Chỉ tiêu|Tiêu chí|Điểm thưởng|Điểm trừ|Dòng|Sửa lỗi)(?=[\s:,])/u;

const RULE_KINDS = 'manual (chấm trực tiếp), target (theo chỉ tiêu), tiers (theo mức), sum (tổng mục con)';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How a person names a node of the rubric: "Tiêu chí 14.1", "Nhiệm vụ 2", "Mục III". */
export function nodeName(node: unknown, fallback: string): string {
  if (!isRecord(node)) return fallback;
  const id = typeof node.id === 'string' && node.id !== '' ? node.id : null;
  switch (node.type) {
    case 'section':
      return id ? `Mục ${id}` : fallback;
    case 'group':
      return id ? (/^NV\d+$/.test(id) ? `Nhiệm vụ ${id.slice(2)}` : `Nhóm ${id}`) : fallback;
    case 'info':
      return id ? (/^CT\d+$/.test(id) ? `Chỉ tiêu ${id.slice(2)}` : `Dòng thông tin ${id}`) : fallback;
    case 'criterion':
      return id ? `Tiêu chí ${id}` : fallback;
    default:
      return id && /^\d+\.\d+$/.test(id) ? `Tiêu chí ${id}` : fallback;
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
        parts = [nodeName(here, [...parts, `dòng ${k}`].join(', '))];
      } else if (container === 'items') parts.push(`nội dung ${id}`);
      else if (container === 'inputs') parts.push(`ô đếm ${isRecord(here) && typeof here.label === 'string' ? `"${here.label}"` : k}`);
      else if (container === 'tiers') parts.push(`mức ${k}`);
      else if (container === 'corrections') parts = [`Sửa lỗi ${k}`];
      else if (container === 'labels') parts.push(`dòng ${k}`);
      else parts.push(String(k));
    } else if (i === 0 && (key === 'bonus' || key === 'deduction' || key === 'document')) {
      parts = [key === 'bonus' ? 'Điểm thưởng' : key === 'deduction' ? 'Điểm trừ' : 'Phần văn bản in'];
    } else if (!(CONTAINERS.has(String(key)) && typeof path[i + 1] === 'number')) {
      parts.push(FIELD[String(key)] ?? String(key));
    }
  }
  return parts.join(', ');
}

function received(value: unknown): string {
  if (value === undefined) return 'chưa có';
  if (value === null) return 'để trống';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 37)}…` : value}"`;
  return String(value);
}

const TYPE_NAME: Record<string, string> = { number: 'một số', string: 'một đoạn chữ', array: 'một danh sách', object: 'một nhóm trường', boolean: 'đúng/sai' };

const at = (data: unknown, path: Path): unknown => path.reduce<unknown>(child, data);

function reason(issue: Issue, data: unknown, path: Path): string {
  const value = at(data, path);
  switch (issue.code) {
    case 'invalid_type':
      return `phải là ${TYPE_NAME[issue.expected] ?? issue.expected} (đang là ${received(value)})`;
    case 'too_small':
      return issue.origin === 'array'
        ? `cần ít nhất ${issue.minimum} dòng`
        : issue.origin === 'string'
          ? 'không được để trống'
          : `phải từ ${String(issue.minimum).replace('.', ',')} trở lên (đang là ${received(value)})`;
    case 'too_big':
      return `phải không quá ${String(issue.maximum).replace('.', ',')} (đang là ${received(value)})`;
    case 'not_multiple_of':
      return `tối đa 2 chữ số thập phân (đang là ${received(value)})`;
    case 'invalid_format':
      return path[path.length - 1] === 'key'
        ? `chỉ gồm chữ cái không dấu, ví dụ "Cham" (đang là ${received(value)})`
        : `viết không đúng dạng (đang là ${received(value)})`;
    case 'invalid_value':
      return `phải là ${issue.values.map((v) => `"${String(v)}"`).join(' hoặc ')} (đang là ${received(value)})`;
    case 'invalid_union':
      return path[path.length - 1] === 'kind' ? `phải là một trong: ${RULE_KINDS} (đang là ${received(value)})` : `không đúng dạng (đang là ${received(value)})`;
    case 'unrecognized_keys':
      return `có trường lạ: ${issue.keys.join(', ')}`;
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
    const who = namePath(data, path) || 'Bộ tiêu chí';
    if (issue.code === 'custom') {
      // The rubric-wide rules name their node themselves; a field's own rule does not.
      out.push(NAMED.test(issue.message) ? issue.message : `${who}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}.`);
      continue;
    }
    out.push(`${who}: ${reason(issue, data, path)}.`);
  }
  return out;
}
