/**
 * `chamdiem rubric import|check`: this year's rubric from the office's Word
 * document, and the check of a rubric file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readDocx, DocxReadError } from '../package/docx';
import { fingerprintOf, loadRubric, RubricError, rubricSchema, type Rubric } from '../rubric';
import { describeIssues } from '../rubric/describe';
import { importRubric, NotARubricError, type ReviewItem, type ReviewKind } from '../rubric/import';
import { asciiId } from '../rubric/import/text';
import { summarize } from '../rubric/summary';
import { parse, UsageError } from './args';

export const RUBRIC_EXIT = { ok: 0, review: 1, unreadable: 2 } as const;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const fmt = (n: number) => String(Math.round(n * 100) / 100).replace('.', ',');

const REVIEW_HEADING: Record<ReviewKind, string> = {
  structure: 'Dòng chưa chắc chắn',
  correction: 'Sửa lỗi của văn bản',
  tiers: 'Các mức điểm đọc từ cách tính điểm',
  rule: 'Cách tính điểm cần xem lại',
  sum: 'Điểm không khớp',
};

/** The review list, grouped by kind, as the command line prints it. */
export function formatReview(review: ReviewItem[]): string[] {
  if (review.length === 0) return ['Không có gì cần xem lại.'];
  const lines = [`Cần xem lại (${review.length}):`];
  for (const kind of Object.keys(REVIEW_HEADING) as ReviewKind[]) {
    const items = review.filter((r) => r.kind === kind);
    if (items.length === 0) continue;
    lines.push(`  ${REVIEW_HEADING[kind]} (${items.length}):`);
    for (const item of items) {
      lines.push(`    - ${item.where ? `${item.where}: ` : ''}${item.message}`);
      for (const d of item.details ?? []) lines.push(`        ${d}`);
    }
  }
  return lines;
}

/** Counts and sums of a rubric, in Vietnamese. */
export function formatSummary(rubric: Rubric, withSums = true): string[] {
  const s = summarize(rubric);
  const lines = [
    `Bộ tiêu chí: ${rubric.id} phiên bản ${rubric.version} (năm ${rubric.year})`,
    `Mã băm (SHA-256): ${fingerprintOf(rubric)}`,
    `${s.sections} mục, ${s.groups} nhóm, ${s.criteria} tiêu chí${s.subItems ? ` (${s.subItems} mục con)` : ''}, ${s.infos} dòng thông tin; ` +
      `điểm thưởng ${s.bonusItems} nội dung (tối đa ${fmt(s.bonusCap)}), điểm trừ ${s.deductionItems} nội dung (tối đa ${fmt(s.deductionCap)}).`,
    `Cách chấm: ${s.rules.manual} chấm trực tiếp, ${s.rules.target} theo chỉ tiêu đăng ký, ${s.rules.tiers} theo mức, ${s.rules.sum} cộng mục con.`,
    `Tổng điểm chuẩn: ${fmt(s.maxPoints)}.`,
  ];
  if (!withSums) return lines;
  lines.push('Tổng từng phần:');
  for (const sum of s.sums) {
    lines.push(`  ${sum.ok ? '✓' : '✗'} ${sum.name}: điểm chuẩn ${fmt(sum.points)}${sum.ok ? '' : `, các dòng con cộng lại ${fmt(sum.children)}`}`);
  }
  return lines;
}

function readBytes(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'Không tìm thấy tệp.' : code === 'EISDIR' ? 'Đây là thư mục, không phải tệp.' : `Không mở được tệp (${code}).`);
  }
}

class InputError extends Error {}

function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = [fs.statSync(a), fs.statSync(b)];
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

function readRubricJson(file: string): unknown {
  const text = Buffer.from(readBytes(file)).toString('utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`Không phải tệp JSON hợp lệ (${(e as Error).message}).`);
  }
}

async function importCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: 'string', short: 'o' },
    id: { type: 'string' },
    version: { type: 'string' },
    base: { type: 'string' },
    force: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('rubric import cần đúng một tệp .docx.');
  const file = positionals[0];
  const out = values.out ?? file.replace(/\.(docx?|docm|dotx)$/i, '') + '.json';
  if (values.id !== undefined && !/^[a-z0-9-]+$/.test(values.id)) throw new UsageError(`--id "${values.id}" chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ hlhpn-caobang-xa.`);
  if (sameFile(file, out)) throw new UsageError('Tệp kết quả trùng với tệp .docx đầu vào.');
  if (fs.existsSync(out) && !values.force) throw new UsageError(`Tệp ${out} đã có. Hãy chọn tên khác, hoặc thêm --force để ghi đè.`);
  let base: Rubric | undefined;
  if (values.base !== undefined) {
    try {
      base = loadRubric(readRubricJson(values.base)).rubric;
    } catch (e) {
      if (e instanceof InputError) throw new UsageError(`--base ${values.base}: ${e.message}`);
      if (e instanceof RubricError) throw new UsageError(`--base ${values.base}: ${e.message}:\n  ${e.issues.join('\n  ')}`);
      throw e;
    }
  }
  let result;
  try {
    const doc = readDocx(readBytes(file));
    result = importRubric(doc, {
      id: values.id,
      version: values.version,
      base,
      fallbackId: asciiId(path.basename(file).replace(/\.[^.]+$/, '')),
      fallbackYear: new Date().getFullYear(),
    });
  } catch (e) {
    if (e instanceof InputError || e instanceof DocxReadError || e instanceof NotARubricError) {
      io.err(`${file}: ${e.message}`);
      return RUBRIC_EXIT.unreadable;
    }
    throw e;
  }
  fs.writeFileSync(out, `${JSON.stringify(result.rubric, null, 2)}\n`);
  io.out([`Đã ghi ${out}.`, ...formatSummary(result.rubric, false), ...result.notes.map((n) => `Lưu ý: ${n}`), ...formatReview(result.review)].join('\n'));
  return result.review.length > 0 ? RUBRIC_EXIT.review : RUBRIC_EXIT.ok;
}

async function checkCommand(argv: string[], io: Io): Promise<number> {
  const { positionals } = parse(argv, {});
  if (positionals.length !== 1) throw new UsageError('rubric check cần đúng một tệp .json.');
  const file = positionals[0];
  let data: unknown;
  try {
    data = readRubricJson(file);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.err(`${file}: ${e.message}`);
    return RUBRIC_EXIT.unreadable;
  }
  const parsed = rubricSchema.safeParse(data);
  if (!parsed.success) {
    const issues = describeIssues(data, parsed.error.issues);
    io.err([`${file}: bộ tiêu chí không hợp lệ (${issues.length} lỗi):`, ...issues.map((i) => `  - ${i}`)].join('\n'));
    return RUBRIC_EXIT.unreadable;
  }
  io.out([`${file}: bộ tiêu chí hợp lệ.`, ...formatSummary(parsed.data)].join('\n'));
  return RUBRIC_EXIT.ok;
}

export async function rubricCommand(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'import':
      return importCommand(rest, io);
    case 'check':
      return checkCommand(rest, io);
    default:
      throw new UsageError(sub === undefined ? 'rubric cần một lệnh con: import hoặc check.' : `rubric không có lệnh con "${sub}" (có: import, check).`);
  }
}
