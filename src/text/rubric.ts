/**
 * What chamdiem says about rubrics, in Vietnamese: why a rubric file is
 * refused, what reading a Word document finds, what the import asks a person
 * to confirm, and the `rubric` commands. Part of the one catalog (see
 * ./messages); numbers go through ./format.
 */
import { formatMegabytes, formatNumber } from './format';

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
} as const;

/** Reading a Word document. */
export const DOCX_TEXT = {
  empty: 'Tệp rỗng (0 byte): có thể chép hoặc tải về chưa xong.',
  tooLarge: (size: number, limit: number) => `Tệp quá lớn (${formatMegabytes(size)}) để là một văn bản tiêu chí: giới hạn ${formatMegabytes(limit)}.`,
  encrypted: 'Tệp Word được đặt mật khẩu mở nên không đọc được. Hãy mở bằng Word, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ tài liệu) rồi lưu lại.',
  legacyDoc:
    'Đây là tệp Word cũ (.doc), chamdiem chỉ đọc được .docx. Hãy mở tệp bằng Word, chọn Tệp → Lưu thành → "Tài liệu Word (*.docx)", rồi nhập tệp .docx vừa lưu.',
  rtf: 'Đây là tệp RTF, không phải .docx. Hãy mở bằng Word, lưu lại dạng "Tài liệu Word (*.docx)" rồi nhập tệp đó.',
  notDocx: 'Không phải tệp Word .docx (nội dung không đúng định dạng).',
  corrupt: (why: string) => `Tệp .docx bị hỏng, không mở được (${why}).`,
  corruptPart: (part: string, why: string) => `Tệp .docx bị hỏng: phần ${part} không giải nén được (${why}).`,
  zipDamage: {
    'end-missing': 'không thấy mục lục zip',
    zip64: 'kiểu zip64 của tệp rất lớn, văn bản tiêu chí không bao giờ cần',
    'end-outside': 'mục lục zip nằm ngoài tệp',
    'cut-short': 'mục lục zip bị cắt',
  },
  damagedEntry: 'dữ liệu nén hỏng',
  moreThanDeclared: 'giải nén ra nhiều hơn kích thước khai báo',
  crcMismatch: 'mã kiểm tra CRC-32 không khớp, tệp bị hỏng hoặc bị sửa',
  duplicateEntry: (name: string) => `hai phần cùng tên ${name}`,
  unknownMethod: (method: number) => `kiểu nén ${method} không phải của Word`,
  encryptedEntries: 'tệp nén có mật khẩu',
  partTooLarge: (part: string, limit: number) =>
    `Phần ${part} của tệp giải nén quá lớn (trên ${formatMegabytes(limit)}): không phải văn bản tiêu chí bình thường.`,
  doctype: (part: string) => `Phần ${part} của tệp có khai báo DOCTYPE, điều chuẩn Office Open XML không cho phép: tệp không đọc.`,
  noRelationships: 'Tệp nén không phải tài liệu Office: thiếu phần _rels/.rels.',
  noMainPart: 'Tệp không có phần văn bản chính (quan hệ officeDocument): không phải tài liệu Word.',
  mainPartMissing: (part: string) => `Tệp .docx thiếu phần văn bản chính ${part}.`,
  mainPartIs: (part: string, what: string) => `Phần văn bản chính ${part} là ${what}, không phải tài liệu Word.`,
  spreadsheet: 'một bảng tính Excel',
  presentation: 'một tệp PowerPoint',
  contentType: (type: string | undefined) => `loại "${type ?? 'không khai báo'}"`,
} as const;

/** The rubric import: refusals, slips mended, and what a person must confirm. */
/** What each digit key types in the VNI input method, the one most Vietnamese offices use with Unikey. */
const VNI_MARKS: Record<string, string> = {
  '1': 'sắc',
  '2': 'huyền',
  '3': 'hỏi',
  '4': 'ngã',
  '5': 'nặng',
  '6': 'mũ',
  '7': 'móc',
  '8': 'trăng',
  '9': 'gạch ngang của đ',
};

export const IMPORT_TEXT = {
  columns: {
    number: 'STT',
    text: 'Tiêu chí đánh giá',
    points: 'Điểm chuẩn',
    method: 'Cách tính điểm đạt tiêu chí',
    evidence: 'Yêu cầu minh chứng',
  },
  /** A cell's column, after the owner's name: "Tiêu chí 29, cách tính điểm". */
  siteColumn: { number: 'số thứ tự', text: '', points: 'điểm chuẩn', method: 'cách tính điểm', evidence: 'yêu cầu minh chứng' },
  // Not a rubric
  wanted: (columns: string[]) => `Bộ tiêu chí phải là một bảng có các cột ${columns.join(', ')}.`,
  noTable: (wanted: string) => `Tệp không có bảng nào. ${wanted}`,
  noRubricTable: (wanted: string, found: string) => `Không thấy bảng tiêu chí: ${wanted} ${found}`,
  firstRow: (texts: string[], lacking: string[]) =>
    `${texts.length > 0 ? `Dòng đầu của bảng có các cột: ${texts.map(quote).join(' | ')}` : 'Dòng đầu của bảng để trống'} (thiếu cột ${lacking.join(', ')}).`,
  noSections: 'Bảng không có mục nào đánh số La Mã (I, II, III …) ở cột STT: không phải bảng tiêu chí thi đua.',
  noCriteria: 'Bảng không có tiêu chí nào có số thứ tự và điểm chuẩn.',
  noAdjustments: (sections: string[]) =>
    `Bảng không có mục ${sections.join(' và ')} với ít nhất một nội dung: bảng tự chấm cần cả điểm thưởng và điểm trừ (có thể chỉ một dòng "Các nội dung khác").`,
  bonusTitle: 'ĐIỂM THƯỞNG',
  deductionTitle: 'ĐIỂM TRỪ',
  // Rows
  lineOfTable: (line: number) => `Dòng ${line} của bảng`,
  line: (line: number) => `Dòng ${line}`,
  criterionAtLine: (line: number) => `ở dòng ${line}`,
  tableStart: 'Đầu bảng',
  sectionAgain: (title: string) => `Mục ${title} xuất hiện lần thứ hai; các nội dung của nó được gộp vào mục trước.`,
  itemPoints: (printed: string, cap: number) => `cột Điểm chuẩn ghi "${printed}"; bộ tiêu chí chỉ giữ mức tối đa chung của mục (${formatNumber(cap)} điểm).`,
  notANumber: (printed: string) => `cột Điểm chuẩn ghi "${printed}", không phải một số: tạm lấy 0.`,
  infoKept: (text: string) => `không có số thứ tự và điểm: giữ làm dòng thông tin "${text}".`,
  notACriterionNumber: (printed: string) => `số thứ tự "${printed}" không phải số tiêu chí: đánh số tiếp theo.`,
  beforeFirstSection: (lines: number[]) => `dòng ${lines.join(', ')} nằm trước mục đầu tiên (số La Mã), không thuộc mục nào: bỏ qua.`,
  sectionNoPoints: (points: number) => `không ghi điểm chuẩn: lấy tổng các dòng con, ${formatNumber(points)} điểm.`,
  adjustmentNoCap: 'không ghi điểm tối đa: tạm lấy 0, hãy sửa trong bảng tiêu chí.',
  groupCount: (stated: string, held: number) => `tên nhóm ghi (${stated} tiêu chí) nhưng nhóm có ${formatNumber(held)} tiêu chí.`,
  // Numbering slips
  unnumbered: '(không đánh số)',
  sectionUnnumbered: 'Mục in không có số La Mã.',
  sectionRepeated: (name: string, printed: string) => `Mục ${name} in số "${printed}" lần thứ hai.`,
  sectionOutOfOrder: (name: string, printed: string) => `Mục ${name} in số "${printed}", không theo thứ tự.`,
  numeralDotAdded: (rest: string) => `Thêm dấu chấm sau số La Mã cho thống nhất với mục ${rest}.`,
  numeralDotDropped: (rest: string) => `Bỏ dấu chấm sau số La Mã cho thống nhất với mục ${rest}.`,
  unnumberedAfterCriterion: (previous: number) => `Tiêu chí in liền sau tiêu chí ${previous}, không có số thứ tự.`,
  unnumberedAfter: (what: string) => `Tiêu chí in liền sau ${what}, không có số thứ tự.`,
  unnumberedInSectionRow: (section: string) => `Tiêu chí in liền dòng mục ${section}, không có số thứ tự.`,
  afterMission: (n: string) => `nhiệm vụ ${n}`,
  afterTarget: (n: string) => `chỉ tiêu ${n}`,
  afterGroup: (id: string) => `nhóm ${id}`,
  misprint: (previous: number, next: number) => `Số thứ tự in nhầm: tiêu chí nằm giữa ${previous} và ${next}.`,
  misprintBackwards: (previous: number) => `Số thứ tự in nhầm: trùng hoặc lùi so với tiêu chí ${previous} ngay trước.`,
  gap: (previous: number, printed: number, missing: string) => `số thứ tự nhảy từ ${previous} lên ${printed} (không có tiêu chí ${missing}): giữ như văn bản.`,
  subItemNumber: (id: number) => `Mục con đánh số theo tiêu chí ${id}.`,
  restartWhere: (section: string) => `Mục ${section}, số thứ tự tiêu chí`,
  restart: 'Văn bản đánh số lại tiêu chí từ 1 ở mỗi mục; số thứ tự được đánh tiếp để không trùng.',
  // Words and pictures
  cutWordUnsure: (cut: string) => `chữ cuối "${cut}" có vẻ bị cắt cụt nhưng không tìm được chữ đầy đủ trong văn bản: giữ nguyên.`,
  cutWord: (word: string) => `Chữ "${word}" bị cắt cụt.`,
  strayDigit: (digit: string) => `Chữ số "${digit}" lọt vào giữa hai chữ (khi gõ kiểu VNI, phím ${digit} là dấu ${VNI_MARKS[digit]}) thay cho dấu cách.`,
  picturePrinted: (name: string) => `[image: ${name}]`,
  pictureCorrected: '(bỏ)',
  picture: 'Chỗ giữ hình ảnh của bản gốc, không phải nội dung tiêu chí.',
  // Rules
  subItemRule: 'cách tính điểm của mục con có chỉ tiêu hoặc các mức điểm, nhưng mục con chỉ chấm trực tiếp: hãy xem lại.',
  tiersUnread: 'cách tính điểm ghi nhiều mức điểm nhưng không đọc được thành bảng mức: chấm trực tiếp. Nếu cần chấm theo mức, hãy sửa trong bảng tiêu chí.',
  tiersOverlap: (a: string, b: string, from: number) => `"${a}" và "${b}" chồng lên nhau: từ ${formatNumber(from)} tính theo mức sau.`,
  tiersNoZero: (max: number) => `Văn bản không ghi mức cho 0 (không có): tính ${formatNumber(max)} điểm.`,
  tiersNotDecreasing: 'Điểm không giảm dần khi số đếm tăng: hãy xem lại thứ tự các mức.',
  timesNoun: 'lần',
  inputTimes: (phrase: string) => `Số lần ${phrase}`.trim(),
  inputCounted: (unit: string, phrase: string) => `Số ${unit} ${phrase}`.trim(),
  /** A count or a run of counts, as a sentence says it: "10", "từ 10 đến 12". */
  counts: (from: number, to: number) => (from === to ? formatNumber(from) : `từ ${formatNumber(from)} đến ${formatNumber(to)}`),
  gapNote: (open: string[], noun: string, bounds: string[], readings: string[]) =>
    `Văn bản không nói ${listVi(open)} ${noun} thuộc mức nào (${bounds.map(quote).join(', ')}); ${readings.join(', ')} (mức thấp hơn).`,
  gapReading: (counts: string, noun: string, points: string) => `đúng ${counts} ${noun} tính ${points} điểm`,
  tiersRead: 'các mức điểm đọc từ cột Cách tính điểm:',
  tierSpan: (from: number, next: number | undefined) =>
    next === undefined ? `từ ${formatNumber(from)}` : next - 1 === from ? formatNumber(from) : `${formatNumber(from)}–${formatNumber(next - 1)}`,
  tierLine: (label: string, name: string, steps: string[]) => `${label} (ô ${name}): ${steps.join('; ')} điểm`,
  tierStep: (span: string, points: number) => `${span} → ${formatNumber(points)}`,
  tierMin: 'Điểm của tiêu chí là mức thấp nhất trong các bảng trên.',
  tierNote: (note: string) => `Ghi chú: ${note}`,
  // The heading above the table
  headingWhere: 'Tiêu đề',
  noYear: (year: number) => `không thấy năm áp dụng ("… NĂM 2025"): lấy năm ${year}.`,
  noTitle: 'không thấy tiêu đề trước bảng: để trống.',
  columnMissing: (label: string) => `Bảng không có cột "${label}": để trống.`,
  columnIgnored: (text: string) => `Bỏ qua cột "${text}".`,
  // Base and defaults
  fromBase: (id: string, version: string, idGiven: boolean, carried: string[]) =>
    `Lấy từ bộ tiêu chí ${id} ${version}: mã bộ tiêu chí${idGiven ? ' (trừ khi có --id)' : ''}, phần văn bản in${carried.map((c) => `, ${c}`).join('')}.`,
  tierNamesCarried: (ids: string[]) => `tên và nhãn ô đếm, ghi chú của tiêu chí ${ids.join(', ')} (cùng cách tính và bảng mức)`,
  reasonsCarried: (count: number) => `lý do của ${formatNumber(count)} chỗ sửa giống hệt`,
  defaults: (superior: string, place: string) =>
    `Phần văn bản in (cơ quan cấp trên "${superior}", địa danh "${place}", chức danh người ký) lấy theo mặc định: sửa trong tệp nếu khác.`,
  mended: (printed: string, corrected: string, reason: string) => `in "${printed}", đã sửa thành "${corrected}". ${reason}`,
} as const;

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
  notJson: (why: string) => `Không phải tệp JSON hợp lệ (${why}).`,
  isDirectory: 'Đây là thư mục, không phải tệp.',
  written: (file: string) => `Đã ghi ${file}.`,
  valid: (file: string) => `${file}: bộ tiêu chí hợp lệ.`,
  invalid: (file: string, count: number) => `${file}: bộ tiêu chí không hợp lệ (${formatNumber(count)} lỗi):`,
  note: (note: string) => `Lưu ý: ${note}`,
  nothingToReview: 'Không có gì cần xem lại.',
  toReview: (count: number) => `Cần xem lại (${formatNumber(count)}):`,
  reviewHeading: {
    structure: 'Dòng chưa chắc chắn',
    correction: 'Sửa lỗi của văn bản',
    tiers: 'Các mức điểm đọc từ cách tính điểm',
    rule: 'Cách tính điểm cần xem lại',
    sum: 'Điểm không khớp',
  },
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

/** The rubric as an editable workbook: its sheets, columns, lists and what reading it back finds. */
export const RUBRIC_SHEET_TEXT = {
  rowsSheet: 'Bộ tiêu chí',
  infoSheet: 'Thông tin bộ tiêu chí',
  correctionsSheet: 'Sửa lỗi văn bản',
  kinds: {
    section: 'Mục',
    group: 'Nhóm',
    info: 'Thông tin',
    criterion: 'Tiêu chí',
    subItem: 'Mục con',
    input: 'Ô đếm',
    bonus: 'Điểm thưởng',
    bonusItem: 'Nội dung thưởng',
    deduction: 'Điểm trừ',
    deductionItem: 'Nội dung trừ',
  },
  rules: { manual: 'Chấm trực tiếp', target: 'Theo chỉ tiêu', tiers: 'Theo mức', sum: 'Cộng mục con' },
  columns: {
    kind: 'Loại',
    parent: 'Thuộc',
    id: 'Mã',
    label: 'Số in',
    text: 'Nội dung',
    points: 'Điểm chuẩn',
    method: 'Cách tính điểm',
    evidence: 'Yêu cầu minh chứng',
    rule: 'Cách chấm',
    tiers: 'Các mức (từ: điểm)',
    note: 'Ghi chú cách chấm',
    sum: 'Tổng dòng con',
    status: 'Kiểm tra',
  },
  info: {
    id: 'Mã bộ tiêu chí',
    version: 'Phiên bản',
    year: 'Năm',
    title: 'Tiêu đề',
    subtitle: 'Tiêu đề phụ',
    basis: 'Căn cứ',
    superior: 'Cơ quan cấp trên',
    nationalName: 'Quốc hiệu',
    motto: 'Tiêu ngữ',
    place: 'Địa danh',
    reportTitle: 'Tiêu đề bản tự chấm',
    summaryLabel: 'Dòng tổng điểm',
    preparerLabels: 'Người lập biểu: chức danh',
    preparerNote: 'Người lập biểu: dòng dưới',
    signerLabels: 'Người ký: chức danh',
    signerNote: 'Người ký: dòng dưới',
    rankingSignerLabels: 'Người ký bảng xếp hạng: chức danh',
    rankingSignerNote: 'Người ký bảng xếp hạng: dòng dưới',
  },
  infoHeader: ['Thông tin', 'Giá trị'],
  correctionsHeader: ['Chỗ sửa', 'Bản in', 'Sửa thành', 'Lý do'],
  // Reading back
  cell: (sheet: string, address: string) => `${sheet}!${address}`,
  notANumber: (got: string) => `phải là một số (đang là "${got}")`,
  notWhole: (got: string) => `phải là số nguyên (đang là "${got}")`,
  unknownKind: (got: string, kinds: string[]) => `loại "${got}" không có; chọn một trong: ${kinds.join(', ')}`,
  unknownRule: (got: string, rules: string[]) => `cách chấm "${got}" không có; chọn một trong: ${rules.join(', ')}`,
  needsRule: 'tiêu chí cần có cách chấm',
  needsId: 'cần có mã',
  needsPoints: 'cần có điểm (một số)',
  unusedField: (column: string, kind: string) => `cột ${column} không dùng cho dòng ${kind}: để trống hoặc chuyển sang đúng cột`,
  sheetWide: (sheet: string) => sheet,
  duplicateId: (id: string, line: number) => `mã "${id}" trùng với dòng ${line}`,
  parentMissing: (parent: string) => `không có dòng nào mã "${parent}" ở phía trên`,
  parentNeeded: (kinds: string[]) => `phải thuộc một dòng ${kinds.join(' hoặc ')} ở phía trên (ghi mã của dòng đó)`,
  noParent: 'mục không thuộc dòng nào: để trống',
  wrongParent: (kind: string, kinds: string[]) => `đang thuộc một dòng ${kind}; chỉ được thuộc ${kinds.join(' hoặc ')}`,
  inputUnderNonTiers: 'ô đếm chỉ dùng cho tiêu chí chấm theo mức',
  tiersWithoutInputs: 'tiêu chí chấm theo mức cần ít nhất một dòng Ô đếm ngay dưới',
  badTiers: 'các mức viết dạng "0: 7; 2: 5; 3: 3" (từ số đếm nào: được bao nhiêu điểm)',
  noteOnlyForTiers: 'ghi chú cách chấm chỉ dùng cho tiêu chí chấm theo mức',
  subItemManual: 'mục con chỉ chấm trực tiếp',
  oneSection: (kind: string) => `bảng chỉ được có một dòng ${kind}`,
  missingSection: (kind: string) => `Bảng thiếu dòng ${kind}`,
  noSections: 'Bảng không có dòng Mục nào',
  missingInfo: (label: string) => `Thiếu dòng "${label}" ở trang thông tin`,
  correctionIncomplete: 'dòng sửa lỗi cần đủ bốn cột: chỗ sửa, bản in, sửa thành, lý do',
  notRubricWorkbook: (sheet: string) => `Tệp không có trang "${sheet}" với các cột của bảng tiêu chí: không phải bảng tiêu chí do chamdiem tạo.`,
  hint:
    'Mỗi dòng một mục. Loại và Cách chấm chọn trong danh sách; Thuộc ghi mã của dòng chứa nó; một tiêu chí chấm theo mức có các dòng Ô đếm ngay dưới. ' +
    'Tổng dòng con và Kiểm tra tự tính: chép cả dòng khi thêm dòng mới. Kiểm tra lại bằng "chamdiem rubric read" hoặc thẻ Bộ tiêu chí của tiện ích.',
  pointsLabel: 'Điểm chuẩn',
  sumOk: 'Khớp',
  sumOff: 'Lệch',
  grandTotal: 'Tổng điểm chuẩn các mục',
} as const;

/** The task pane's Bộ tiêu chí tab. */
export const RUBRIC_PANE_TEXT = {
  intro:
    'Nhập bộ tiêu chí năm nay từ văn bản Word, xem lại những chỗ cần xác nhận, ghi thành bảng tiêu chí trong sổ để sửa, rồi dùng để tạo bảng tự chấm hoặc lưu thành tệp JSON gửi các đơn vị.',
  pick: 'Chọn văn bản .docx…',
  pickAnother: 'Chọn văn bản khác…',
  pickLabel: 'Văn bản bộ tiêu chí (.docx)',
  useBase: (current: string) => `Lấy mã bộ tiêu chí, phần văn bản in và tên ô đếm từ bộ tiêu chí đang dùng (${current})`,
  reading: (file: string) => `Đang đọc ${file}…`,
  cannotRead: 'Không đọc được văn bản',
  refused: (file: string) => `Không nhập được ${file}`,
  imported: (file: string) => `Đã đọc bộ tiêu chí từ ${file}`,
  reviewList: 'Những chỗ cần xem lại',
  write: 'Ghi bảng tiêu chí vào sổ',
  writing: 'Đang ghi bảng tiêu chí…',
  cannotWrite: 'Không ghi được bảng tiêu chí',
  written: (sheets: string[]) => `Đã thêm các trang ${sheets.map((s) => `“${s}”`).join(', ')}. Sửa ngay trong trang; thẻ này kiểm tra lại mỗi khi trang thay đổi.`,
  writtenTitle: 'Đã ghi bảng tiêu chí',
  sheetTitle: (sheet: string) => `Bảng tiêu chí trong trang “${sheet}”`,
  checking: 'Đang kiểm tra bảng tiêu chí…',
  cannotCheck: 'Không đọc được bảng tiêu chí',
  sheetValid: 'Bảng tiêu chí hợp lệ',
  sheetErrors: (count: number) => `${formatNumber(count)} lỗi trong bảng tiêu chí: bấm vào một lỗi để chọn ô của nó.`,
  sheetErrorsTitle: 'Bảng tiêu chí còn lỗi',
  errorsList: 'Các lỗi của bảng tiêu chí',
  problemAt: (message: string, where: string) => `${message} (ô ${where})`,
  use: 'Dùng để tạo bảng',
  used: (label: string) => `Thẻ “Tạo bảng” sẽ dùng bộ tiêu chí ${label}.`,
  usedTitle: 'Đã chọn bộ tiêu chí',
  save: 'Lưu tệp JSON',
  copy: 'Sao chép JSON',
  copied: 'Đã chép nội dung tệp JSON. Nếu Excel không tải được tệp, dán vào Notepad rồi lưu với đuôi .json.',
  cannotCopy: 'Không chép được vào bộ nhớ tạm',
  fileName: (id: string, version: string) => `${id}-${version}.json`,
  source: (file: string) => `${file} (bảng tiêu chí)`,
} as const;
