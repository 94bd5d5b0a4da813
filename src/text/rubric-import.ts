/**
 * What reading a Word document and importing its rubric say: refusals, slips mended, what a person must confirm. Part of the one catalog (see ./messages); numbers go through ./format.
 */
import { formatMegabytes, formatNumber } from './format';
import { listVi } from './rubric';

const quote = (s: string) => `"${s}"`;

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
    'end-missing': 'thiếu phần cuối của tệp, có thể chép hoặc tải về chưa hết',
    zip64: 'tệp được nén theo kiểu dành cho tệp rất lớn, văn bản tiêu chí không bao giờ cần',
    'end-outside': 'phần cuối của tệp chỉ ra ngoài tệp',
    'cut-short': 'tệp bị cắt cụt, có thể chép hoặc tải về chưa hết',
  },
  damagedEntry: 'dữ liệu bên trong bị hỏng',
  moreThanDeclared: 'nội dung lớn hơn kích thước ghi trong tệp',
  crcMismatch: 'nội dung không khớp với mã kiểm tra lưu trong tệp, tệp bị hỏng hoặc bị sửa',
  duplicateEntry: (name: string) => `hai phần cùng tên ${name}`,
  unknownMethod: (method: number) => `được nén theo cách Word không dùng (kiểu ${method})`,
  encryptedEntries: 'bên trong tệp có phần đặt mật khẩu',
  partTooLarge: (part: string, limit: number) =>
    `Phần ${part} của tệp giải nén quá lớn (trên ${formatMegabytes(limit)}): không phải văn bản tiêu chí bình thường.`,
  doctype: (part: string) =>
    `Tệp chứa một khai báo mà định dạng Word không cho phép, vì nó có thể dùng để tấn công máy đọc tệp (ở phần ${part}), nên tệp không được đọc. Hãy mở bằng Word rồi lưu thành một tệp .docx mới.`,
  noRelationships: 'Tệp không phải tài liệu Word: thiếu phần mô tả cấu trúc của tệp (_rels/.rels).',
  noMainPart: 'Tệp không có phần văn bản chính: không phải tài liệu Word.',
  mainPartMissing: (part: string) => `Tệp .docx thiếu phần văn bản chính ${part}.`,
  mainPartIs: (part: string, what: string) => `Phần văn bản chính ${part} là ${what}, không phải tài liệu Word.`,
  spreadsheet: 'một bảng tính Excel',
  presentation: 'một tệp PowerPoint',
  contentType: (type: string | undefined) => `loại "${type ?? 'không khai báo'}"`,
} as const;

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
