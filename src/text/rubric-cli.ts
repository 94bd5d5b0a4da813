/**
 * The `chamdiem rubric` commands. Part of the one catalog (see ./messages); numbers go through ./format.
 */
import { formatNumber } from './format';

/** The `chamdiem rubric` commands. */
export const RUBRIC_CLI_TEXT = {
  needsSubcommand: 'rubric cần một lệnh con: import, check, sheet hoặc read.',
  unknownSubcommand: (sub: string) => `rubric không có lệnh con "${sub}" (có: import, check, sheet, read).`,
  importNeedsOneFile: 'rubric import cần đúng một tệp .docx.',
  checkNeedsOneFile: 'rubric check và rubric sheet cần đúng một tệp .json.',
  readNeedsOneFile: 'rubric read cần đúng một tệp .xlsx.',
  sheetNext: (file: string) => `Sửa trong ${file} rồi đọc lại bằng: chamdiem rubric read ${file} --out TỆP.json`,
  sheetUnusable: (file: string, count: number) => `${file}: bảng tiêu chí chưa dùng được (${formatNumber(count)} lỗi), chưa ghi tệp:`,
  badId: (id: string) => `--id "${id}" chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ hlhpn-caobang-xa.`,
  outIsInput: 'Tệp kết quả trùng với tệp .docx đầu vào.',
  outExists: (out: string) => `Tệp ${out} đã có. Hãy chọn tên khác, hoặc thêm --force để ghi đè.`,
  baseUnusable: (file: string, why: string) => `--base ${file}: ${why}`,
  notJson: (why: string) => `Không phải tệp JSON hợp lệ. ${why}`,
  isDirectory: 'Đây là thư mục, không phải tệp.',
  written: (file: string) => `Đã ghi ${file}.`,
  valid: (file: string) => `${file}: bộ tiêu chí hợp lệ.`,
  invalid: (file: string, count: number) => `${file}: bộ tiêu chí không hợp lệ (${formatNumber(count)} lỗi):`,
  note: (note: string) => `Lưu ý: ${note}`,
  rubricLine: (id: string, version: string, year: number) => `Bộ tiêu chí: ${id} phiên bản ${version} (năm ${year})`,
  fingerprint: (hex: string) => `Mã băm (SHA-256): ${hex}`,
  counts: (s: { sections: number; groups: number; criteria: number; subItems: number; infos: number; bonusItems: number; bonusCap: number; deductionItems: number; deductionCap: number }) =>
    `${formatNumber(s.sections)} mục, ${formatNumber(s.groups)} nhóm, ${formatNumber(s.criteria)} tiêu chí${s.subItems ? ` (${formatNumber(s.subItems)} mục con)` : ''}, ${formatNumber(s.infos)} dòng thông tin; ` +
    `điểm thưởng ${formatNumber(s.bonusItems)} nội dung (tối đa ${formatNumber(s.bonusCap)}), điểm trừ ${formatNumber(s.deductionItems)} nội dung (tối đa ${formatNumber(s.deductionCap)}).`,
  rules: (r: { manual: number; target: number; tiers: number; sum: number }) =>
    `Cách chấm: ${formatNumber(r.manual)} chấm trực tiếp, ${formatNumber(r.target)} theo chỉ tiêu đăng ký, ${formatNumber(r.tiers)} theo mức, ${formatNumber(r.sum)} cộng mục con.`,
  maxPoints: (points: number) => `Tổng điểm chuẩn: ${formatNumber(points)}.`,
  sumsHeading: 'Tổng từng phần:',
  sumLine: (ok: boolean, name: string, points: number, children: number) =>
    `  ${ok ? '✓' : '✗'} ${name}: điểm chuẩn ${formatNumber(points)}${ok ? '' : `, các dòng con cộng lại ${formatNumber(children)}`}`,
} as const;
