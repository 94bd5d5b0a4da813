/**
 * What chamdiem says about a rubric file, in Vietnamese: how it names the
 * parts of a rubric and why it refuses one. Part of the one catalog (see
 * ./messages), kept small as every tab loads it with the schema; the import,
 * the rubric workbook, the commands and the pane have their own files
 * (rubric-import, rubric-sheet, rubric-cli, rubric-pane). Numbers go through ./format.
 */
import { formatNumber } from './format';

const quote = (s: string) => `"${s}"`;

/** "a, b và c". */
export function listVi(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}

/** How a person names the parts of a rubric. */
export const RUBRIC_NAMES = {
  section: (id: string) => `Mục ${id}`,
  mission: (n: string) => `Nhiệm vụ ${n}`,
  group: (id: string) => `Nhóm ${id}`,
  target: (n: string) => `Chỉ tiêu ${n}`,
  info: (id: string) => `Dòng thông tin ${id}`,
  criterion: (id: string) => `Tiêu chí ${id}`,
  bonus: 'Điểm thưởng',
  deduction: 'Điểm trừ',
  document: 'Phần văn bản in',
  correction: (k: number) => `Sửa lỗi ${k}`,
  row: (k: number) => `dòng ${k}`,
  item: (id: string) => `nội dung ${id}`,
  input: (label: string) => `ô đếm ${quote(label)}`,
  tier: (k: number) => `mức ${k}`,
  /** Where a message names its subject itself; a field's own refusal does not. */
  named: /^(Mục|Nhóm|Nhiệm vụ|Chỉ tiêu|Tiêu chí|Điểm thưởng|Điểm trừ|Dòng|Sửa lỗi)(?=[\s:,])/u,
} as const;

/** The fields of a rubric file, as a refusal names them. */
export const RUBRIC_FIELDS: Record<string, string> = {
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

/** Why a rubric file is refused. */
export const RUBRIC_TEXT = {
  invalid: (count: number) => `Bộ tiêu chí không hợp lệ (${formatNumber(count)} lỗi)`,
  notNfc: 'Văn bản phải ở dạng chuẩn Unicode NFC',
  tierFromZero: 'Mức đầu tiên phải bắt đầu từ 0',
  tiersIncreasing: 'Các mức phải tăng dần',
  duplicate: (name: string) => `${name}: trùng mã với một dòng khác của bộ tiêu chí`,
  sumMismatch: (name: string, expected: number, got: number) =>
    `${name}: điểm chuẩn ${formatNumber(expected)} nhưng tổng các mục con là ${formatNumber(got)}`,
  sumRuleNeedsSubItems: (id: string) => `Tiêu chí ${id}: chỉ quy tắc "sum" mới có mục con, và phải có mục con`,
  subItemsSum: (id: string, points: number, got: number) =>
    `Tiêu chí ${id}: điểm chuẩn ${formatNumber(points)} khác tổng các mục con (${formatNumber(got)})`,
  subItemOutside: (sub: string, id: string) => `Tiêu chí ${sub}: mục con không thuộc tiêu chí ${id} (phải đánh số ${id}.1, ${id}.2 …)`,
  subItemManual: (sub: string) => `Tiêu chí ${sub}: mục con chỉ chấm trực tiếp (manual)`,
  tierZero: (id: string, label: string) => `Tiêu chí ${id}: mức 0 của ${quote(label)} phải bằng điểm chuẩn`,
  bonusSection: (id: string) => `Mục Điểm thưởng (${id})`,
  deductionSection: (id: string) => `Mục Điểm trừ (${id})`,
  duplicateItem: (section: string, id: string) => `${section}, nội dung ${id}: trùng số với một nội dung khác`,
  // What a field should hold.
  received: (value: unknown) =>
    value === undefined
      ? 'chưa có'
      : value === null
        ? 'để trống'
        : typeof value === 'string'
          ? quote(value.length > 40 ? `${value.slice(0, 37)}…` : value)
          : typeof value === 'number'
            ? formatNumber(value, 6)
            : String(value),
  typeName: { number: 'một số', string: 'một đoạn chữ', array: 'một danh sách', object: 'một nhóm trường', boolean: 'đúng/sai' } as Record<string, string>,
  mustBe: (type: string, got: string) => `phải là ${type} (đang là ${got})`,
  atLeastRows: (n: number) => `cần ít nhất ${formatNumber(n)} dòng`,
  notEmpty: 'không được để trống',
  atLeast: (n: number, got: string) => `phải từ ${formatNumber(n)} trở lên (đang là ${got})`,
  atMost: (n: number, got: string) => `phải không quá ${formatNumber(n)} (đang là ${got})`,
  twoDecimals: (got: string) => `tối đa 2 chữ số thập phân (đang là ${got})`,
  keyLetters: (got: string) => `chỉ gồm chữ cái không dấu, ví dụ "Cham" (đang là ${got})`,
  badFormat: (got: string) => `viết không đúng dạng (đang là ${got})`,
  oneOf: (values: string[], got: string) => `phải là ${values.map(quote).join(' hoặc ')} (đang là ${got})`,
  ruleKind: (got: string) =>
    `phải là một trong: manual (chấm trực tiếp), target (theo chỉ tiêu), tiers (theo mức), sum (tổng mục con) (đang là ${got})`,
  badShape: (got: string) => `không đúng dạng (đang là ${got})`,
  unknownKeys: (keys: string[]) => `có trường lạ: ${keys.join(', ')}`,
  wholeRubric: 'Bộ tiêu chí',
  // A file that is not JSON: where it breaks, in words.
  notJson: 'Tệp không phải JSON hợp lệ',
  jsonEmpty: 'Tệp rỗng, không có nội dung.',
  jsonCutShort: (where: string) =>
    `Tệp dừng giữa chừng${where ? ` ở ${where}` : ''}: thiếu phần cuối (có thể chép hoặc tải về chưa hết, hoặc bị xoá mất khi sửa). Hãy lấy lại tệp đầy đủ.`,
  jsonBadChar: (line: number, column: number, found: string, where: string) =>
    `Dòng ${formatNumber(line)}, cột ${formatNumber(column)}${where ? ` (${where})` : ''}: ${found} ở chỗ không được có. Thường do thiếu hoặc thừa dấu phẩy, dấu ngoặc hay dấu ngoặc kép khi sửa tay.`,
  jsonChar: (char: string) => `có ký tự “${char}”`,
  jsonLineBreak: 'có chỗ xuống dòng giữa một đoạn chữ',
  jsonUnreadable: 'Không đọc được nội dung tệp như một bộ tiêu chí dạng JSON.',
} as const;
