/**
 * The one catalog of what chamdiem says to its users, in Vietnamese: every
 * wording is written here once and every layer takes it from here. Rubric
 * text is not here: it comes verbatim from the rubric data. Numbers, dates and
 * times inside a message go through ./format.
 *
 * Grouped by where the text is read, and split into modules by what loads
 * together: a bundle carries a module whole wherever any of it is used, so the
 * task pane's first screen takes its text from ./labels, ./excel-errors and
 * ./pane alone (re-exported here), and the rest of the pane from here.
 */
import { EXCEL_ERROR_TEXT } from './excel-errors';
import { formatExactNumber, formatMegabytes, formatMillimetres, formatNumber, formatTimestamp } from './format';
import { INPUT_LABELS, ownerLabel, SHEET_LABELS, TAB_LABELS } from './labels';
import { listVi } from './rubric';

export * from './labels';
export * from './excel-errors';
export * from './pane';

/** The total's label wherever a total is shown. */
const TOTAL_LABEL = 'Tổng điểm';

/** Opening and reading a file, before anything of its content is judged. */
export const FILE_TEXT = {
  notFound: 'Không tìm thấy tệp.',
  cannotOpen: (why: string) => `Không mở được tệp (${why}).`,
  cannotRead: (why: string) => `Không đọc được tệp (${why}).`,
  notAFile: 'Đây là thư mục hoặc thiết bị, không phải tệp.',
  empty: 'Tệp rỗng (0 byte): có thể tải về chưa xong. Hãy xin đơn vị gửi lại.',
  tooLarge: (size: number, limit: number) =>
    `Tệp quá lớn (${formatMegabytes(size)}, giới hạn ${formatMegabytes(limit)}): bảng tự chấm chỉ vài chục KB. Hãy kiểm tra lại tệp gửi đến.`,
  encrypted:
    'Tệp được đặt mật khẩu mở nên không đọc được. Hãy mở tệp trong Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi gửi lại.',
  legacyXls: 'Tệp Excel cũ (.xls) hoặc định dạng khác, không phải bảng .xlsx do chamdiem tạo. Hãy dùng đúng bảng tự chấm đã phát.',
  notXlsx: 'Không phải tệp .xlsx (nội dung không đúng định dạng Excel).',
  notOurs:
    'Tệp không phải bảng tự chấm điểm do chamdiem tạo (không có trang thông tin ẩn). Hãy dùng đúng bảng đã phát cho đơn vị.',
  /** A sheet of ours copied into a new workbook: every name kept, the hidden metadata sheet lost. */
  metadataLost: (rubric: string, command: string) =>
    `Tệp có đủ tên ô của bảng tự chấm điểm (bộ tiêu chí ${rubric}) nhưng mất trang thông tin ẩn ChamDiem_Meta: ` +
    `thường do trang được Di chuyển/Sao chép sang một sổ làm việc mới. Khôi phục: chạy lệnh ${command} ` +
    'hoặc mở tệp trong Excel và bấm Cập nhật trong tiện ích (thẻ Tạo bảng): mọi ô đã nhập được giữ và trang thông tin được tạo lại.',
  /** The command that recovers such a file; a path with spaces is quoted. */
  recoverCommand: (file = 'TỆP.xlsx', rubricFile?: string) => {
    const arg = (path: string) => (/\s/.test(path) ? `"${path}"` : path);
    return `chamdiem generate --out ${arg(file)}${rubricFile ? ` --rubric ${arg(rubricFile)}` : ''}`;
  },
  /** Names of a sheet of ours, but not of the rubric given. */
  metadataLostOtherRubric: (rubric: string) =>
    `Tệp có tên ô của bảng tự chấm điểm nhưng mất trang thông tin ẩn ChamDiem_Meta, và tên ô hoặc điểm chuẩn không khớp bộ tiêu chí ${rubric}: ` +
    'nếu bảng được lập theo bộ tiêu chí khác, hãy chọn đúng bộ tiêu chí đó (--rubric TỆP.json, hoặc ở tiện ích) rồi làm lại.',
} as const;

/**
 * What the package guard finds in a returned file's zip, in plain words: a
 * part is named where it helps whoever repairs the file.
 */
export const ZIP_TEXT = {
  corrupt: (why: string) => `Tệp .xlsx bị hỏng, không đọc được (${why}): có thể tải về chưa hết. Hãy xin đơn vị gửi lại.`,
  noDirectory: 'thiếu phần cuối của tệp',
  zip64: 'tệp nén theo kiểu dành cho tệp rất lớn, bảng tự chấm không bao giờ cần',
  directoryOutside: 'phần cuối của tệp chỉ ra ngoài tệp',
  directoryCut: 'tệp bị cắt cụt',
  unknownMethod: (method: number) => `một phần được nén theo cách Excel không dùng (kiểu ${method})`,
  partDamaged: (part: string) => `phần ${part} không giải nén được`,
  duplicateEntry: (part: string) =>
    `Tệp chứa hai phần cùng tên ${part}, điều định dạng Excel không cho phép: không biết phần nào là thật. Tệp có thể đã bị sửa bằng công cụ khác. Hãy xin đơn vị gửi lại.`,
  crcMismatch: (part: string) =>
    `Tệp .xlsx bị hỏng: nội dung phần ${part} không khớp với mã kiểm tra lưu trong tệp (dữ liệu đã bị thay đổi hoặc hỏng khi gửi). Hãy xin đơn vị gửi lại.`,
  doctype: (part: string) =>
    `Tệp chứa một khai báo mà định dạng Excel cấm, vì nó có thể dùng để tấn công máy đọc tệp (ở phần ${part}). Tệp không được đọc. Hãy xin đơn vị gửi lại bảng đã phát.`,
  tooManyEntries: (count: number) => `Tệp chứa ${formatNumber(count)} phần bên trong, quá nhiều đối với một bảng tính.`,
  encryptedEntries: 'Bên trong tệp có phần đặt mật khẩu, không đọc được. Hãy bỏ mật khẩu rồi gửi lại.',
  unpacksTooMuch: (total: number, limit: number) =>
    `Nội dung tệp bung ra tới ${formatMegabytes(total)} (giới hạn ${formatMegabytes(limit)}): không phải bảng tự chấm, có thể là tệp độc hại.`,
  extremeRatio: (part: string, ratio: number, size: number) =>
    `Phần ${part} của tệp bung ra gấp ${formatNumber(ratio)} lần (${formatMegabytes(size)}): không phải bảng tự chấm, có thể là tệp độc hại.`,
  moreThanDeclared: (part: string, declared: number) =>
    `Phần ${part} của tệp lớn hơn kích thước ghi trong tệp (${formatNumber(declared)} byte): tệp bị làm giả, có thể là tệp độc hại.`,
} as const;

/** What the package reader finds in the workbook a returned file holds. */
export const PACKAGE_TEXT = {
  unreadable: (why: string) => `Tệp .xlsx bị hỏng, không đọc được (${why}).`,
  noSheets: 'Tệp không có trang tính nào.',
  noContentTypes: 'thiếu phần mô tả nội dung của tệp ([Content_Types].xml)',
  noWorkbook: 'tệp không chỉ ra sổ tính nào',
  twoWorkbooks: 'tệp chỉ ra hai sổ tính',
  partMissing: (part: string) => `thiếu phần ${part}`,
  wrongType: (part: string) => `phần ${part} không được khai báo đúng loại nội dung`,
  twoSheetsOneName: (name: string) => `hai trang tính cùng tên “${name}”`,
  missingString: (cell: string) => `ô ${cell} trỏ tới chuỗi không có`,
} as const;

/** The sentences of data validation and of the check about one entry. */
export const ENTRY_TEXT = {
  wholeFrom: (label: string, min: number) => `${label} phải là số nguyên từ ${formatNumber(min)} trở lên.`,
  wholeBetween: (label: string, min: number, max: number) =>
    `${label} phải là số nguyên từ ${formatNumber(min)} đến ${formatNumber(max)}.`,
  decimalFrom: (label: string, min: number) => `${label} phải là số từ ${formatNumber(min)} trở lên, tối đa 2 chữ số thập phân.`,
  decimalBetween: (label: string, min: number, max: number) =>
    `${label} phải từ ${formatNumber(min)} đến ${formatNumber(max)}, tối đa 2 chữ số thập phân.`,
  formulaInNumber: (rule: string) => `Ô nhập chứa công thức. ${rule}`,
  notANumber: (rule: string) => `Không phải là số. ${rule}`,
  /** After an invalid entry's reason: it adds nothing to any total. */
  notCounted: 'Giá trị này không được tính điểm.',
  /** "Tiêu chí 3, Điểm tự chấm (TC_03): …" */
  where: (owner: string | undefined, label: string, name: string) => `${owner ? `${ownerLabel(owner)}, ${label}` : label} (${name})`,
  textOnly: 'ô chỉ được nhập văn bản, không được chứa công thức.',
  tooLong: (length: number, max: number) =>
    `dài ${formatNumber(length)} ký tự, quá giới hạn ${formatNumber(max)} ký tự của bảng. Điểm không đổi; nên rút gọn.`,
  unitNameEmpty: 'Chưa nhập tên đơn vị.',
  /** The score as typed: "1,555" is not rounded to a value the user did not enter. */
  missingEvidence: (owner: string, points: number, evidenceName: string) =>
    `${ownerLabel(owner)}: có điểm (${formatExactNumber(points)}) nhưng chưa ghi minh chứng (${evidenceName}).`,
  /** "Tiêu chí 14 chưa chấm: chưa nhập Điểm tự chấm của 14.1 và 14.2." — a sub-item's input named by its number. */
  unscored: (id: string, missing: { label: string; of?: string }[]) => {
    const labels = [...new Set(missing.map((m) => m.label))].map((label) => {
      const of = missing.filter((m) => m.label === label && m.of).map((m) => m.of as string);
      return of.length > 0 ? `${label} của ${listVi(of)}` : label;
    });
    return `Tiêu chí ${id} chưa chấm: chưa nhập ${labels.join(', ')}.`;
  },
} as const;

/** What the check finds changed in a returned workbook. */
export const CHECK_TEXT = {
  /** "Tiêu chí 3, Minh chứng (MC_03), ô G16: …" */
  textClipped: (where: string, address: string | undefined, length: number, shown: number) =>
    `${where}${address ? `, ô ${address}` : ''}: dài ${formatNumber(length)} ký tự, quá dòng cao nhất của bảng (409 pt): ` +
    `màn hình và bản in chỉ hiện khoảng ${formatNumber(shown)} ký tự đầu. Nên rút gọn, hoặc ghi phần còn lại vào hồ sơ kèm theo.`,
  emptyCell: 'ô trống',
  fixedValue: (value: number) => `giá trị cố định ${formatExactNumber(value)}`,
  textValue: (text: string) => `văn bản "${text}"`,
  booleanValue: (value: boolean) => `giá trị ${value ? 'TRUE' : 'FALSE'}`,
  errorValue: (error: string) => `lỗi ${error}`,
  otherFormula: (formula: string) => `công thức khác (=${formula})`,
  otherRubric: (got: string, expected: string) => `Tệp được tạo theo bộ tiêu chí ${got}, không phải ${expected}.`,
  fingerprintChanged: (got: string, expected: string, fingerprint: string) =>
    `Dấu vân tay bộ tiêu chí trong tệp (${got}…) khác bản ${expected} (${fingerprint}…): bộ tiêu chí đã bị sửa.`,
  columnDeleted: (header: string, count: number, example: string) =>
    `Cột "${header}" đã bị xoá (mất ${formatNumber(count)} tên ô như ${example}).`,
  nameMissing: (name: string) => `Thiếu tên ô ${name}: dòng hoặc ô của nó đã bị xoá.`,
  formulaReplaced: (name: string, found: string) => `Ô tính tự động ${name} đã bị thay bằng ${found}.`,
  maxPointsEdited: (name: string, expected: number, found: string) =>
    `Điểm chuẩn ${name} phải là ${formatNumber(expected)}, trong tệp là ${found}.`,
} as const;

const COUNT_WORDS = ['', 'Một', 'Hai', 'Ba', 'Bốn', 'Năm'];

/** What the check says about a defined name off its cell: the name contract (src/check/name-contract.ts). */
export const NAME_TEXT = {
  // Whose row a name is on, and what its cell holds.
  criterionRow: (id: string) => `tiêu chí ${id}`,
  itemRow: (owner: string) => `mục ${owner}`,
  sectionTotal: (label: string) => `tổng mục ${label}`,
  groupTotal: (label: string) => `tổng nhóm ${label}`,
  taskTotal: (title: string) => `tổng ${title}`,
  bonusTotal: (section: string) => `tổng điểm thưởng (mục ${section})`,
  deductionTotal: (section: string) => `tổng điểm trừ (mục ${section})`,
  grandTotal: 'tổng điểm',
  maxPoints: 'Điểm chuẩn',
  /** "TC_05 (Điểm tự chấm, tiêu chí 5)". */
  who: (name: string, what: string | undefined, row: string) => `${name} (${what ? `${what}, ${row}` : row})`,
  // Where a cell is.
  cellOnSheet: (address: string, sheet: string) => `${address} của trang “${sheet}”`,
  onRowOf: (owner: string) => `trên dòng của ${owner}`,
  onRow: (row: number) => `ở dòng ${row}`,
  inColumn: (header: string) => ` ở cột “${header}”`,
  // Where a moved name points instead of where it belongs.
  outOfOrder: (cell: string, row: string) => `ô ${cell} ${row}, không đúng chỗ của nó theo thứ tự các dòng của bảng`,
  otherSheet: (cell: string, expected: string, sheet: string) => `ô ${cell}, không phải ô ${expected} của trang “${sheet}”`,
  otherColumn: (cell: string, here: string, expected: string, there: string) => `ô ${cell}${here}, không phải ô ${expected}${there} của cùng dòng`,
  otherRow: (cell: string, row: string, expected: string, expectedRow: string) => `ô ${cell} ${row}, không phải ô ${expected} ${expectedRow}`,
  // The findings.
  moved: (who: string, where: string) => `Tên ô ${who} trỏ vào ${where}; có thể do cắt–dán ô hoặc sửa tên ô.`,
  notFormula: (who: string, formulaCell: string | undefined, cell: string, row: string, found: string) =>
    `Tên ô ${who} không còn trỏ vào ô công thức của nó${formulaCell ? ` (${formulaCell})` : ''} mà trỏ vào ô ${cell} ${row} (${found}), ` +
    'có thể do cắt–dán ô hoặc sửa tên ô: số đọc theo tên này không phải số bảng tính ra.',
  /** "Hai tên ô A và B cùng trỏ vào ô H17 …: mỗi ô chỉ được mang một tên. A lẽ ra ở ô H16 …, nên … đang đọc ô của …; …" */
  shared: (count: number, names: string[], cell: string, row: string, belongs: string[], readers: string[], owner: string | undefined) =>
    `${COUNT_WORDS[count] ?? formatNumber(count)} tên ô ${names.join(' và ')} cùng trỏ vào ô ${cell} ${row}: mỗi ô chỉ được mang một tên. ` +
    `${belongs.join('; ')}${owner ? `, nên ${readers.join(', ')} đang đọc ô của ${owner}` : ''}; có thể do cắt–dán ô hoặc sửa tên ô.`,
  belongsAt: (name: string, cell: string, row: string) => `${name} lẽ ra ở ô ${cell} ${row}`,
  notHere: (name: string) => `${name} không thuộc ô này`,
  // What an upgrade (Cập nhật, generate over the file) does about them.
  repairHintTitle: 'Tên ô không đúng chỗ',
  repairHint: 'Thẻ “Tạo bảng” › “Cập nhật” đặt lại mọi tên ô vào đúng ô của nó và giữ nội dung đã nhập, kể cả nội dung đã bị cắt–dán sang ô khác.',
  repairsList: 'Tên ô đã đặt lại',
  repairsTitle: (count: number) => `Đã đặt lại ${formatNumber(count)} tên ô về đúng chỗ`,
  repairFollowed: (name: string, cell: string, from: string) =>
    `${name}: đặt lại vào ô ${cell}, giữ nội dung đã được cắt–dán sang ô ${from} của bảng cũ.`,
  repairOwn: (name: string, cell: string, from: string) => `${name}: đặt lại vào ô ${cell}, giữ nội dung của chính ô đó (ô ${from} của bảng cũ).`,
  repairLost: (name: string, cell: string) =>
    `${name}: đặt lại vào ô ${cell}; không còn nội dung cũ để giữ (có thể đã bị dán đè), hãy kiểm tra và nhập lại.`,
} as const;

/** The merge's statuses and what it says about files and units. */
export const MERGE_TEXT = {
  /** A written package past plain zip's limits; `what` is a part's name or the whole. */
  outputTooLarge: (what: string) =>
    `Tệp kết quả quá lớn (${what} vượt 4 GB, giới hạn của định dạng .xlsx thường): hãy tổng hợp ít tệp hơn mỗi lần.`,
  wholePackage: 'tệp nén',
  status: { valid: 'Hợp lệ', warning: 'Cảnh báo', rejected: 'Bị loại' },
  duplicateUnit: (unit: string, keptFile: string, createdAt: string | null) =>
    `Đơn vị "${unit}" có tệp mới hơn: ${keptFile}${createdAt ? ` (tạo lúc ${formatTimestamp(createdAt)})` : ''}. Tệp này không được tổng hợp.`,
  unnamedUnit: (file: string) => `(chưa nhập tên đơn vị: ${file})`,
  /** Text longer than a cell holds: "Minh chứng của Tiêu chí 3 (MC_03)", "Tên đơn vị (TenDonVi)". */
  textCut: (label: string, owner: string | undefined, name: string, length: number, kept: number) =>
    `${owner ? `${label} của ${ownerLabel(owner)}` : label} (${name}) dài ${formatNumber(length)} ký tự, quá sức chứa của một ô: bảng tổng hợp chỉ ghi ${formatNumber(kept)} ký tự đầu, ` +
    'đánh dấu "…" ở cuối; bản đầy đủ vẫn nằm trong tệp của đơn vị.',
  /** The end of a Kiểm tra cell that cannot hold every problem. */
  moreProblems: (count: number) => `… và ${formatNumber(count)} vấn đề khác (xem đầy đủ bằng chamdiem check).`,
} as const;

/** What generating or upgrading the standard sheet says, in every host. */
export const GENERATE_TEXT = {
  textPastCell: (cells: [string, number][], max: number) =>
    `Không cập nhật được: ${cells.map(([name, length]) => `ô ${name} dài ${formatNumber(length)} ký tự`).join(', ')}, ` +
    `quá sức chứa ${formatNumber(max)} ký tự của một ô Excel. Tệp được giữ nguyên; hãy rút gọn nội dung đó rồi cập nhật lại.`,
} as const;

/** The `chamdiem` command line. */
export const CLI_TEXT = {
  help: `chamdiem — bảng tự chấm điểm thi đua Hội LHPN

Cách dùng:
  chamdiem generate [--unit TÊN] [--out TỆP.xlsx] [--rubric TỆP.json] [--password MK]
                   [--preparer HỌ-TÊN] [--signer HỌ-TÊN] [--date YYYY-MM-DD] [--place ĐỊA-DANH]
  chamdiem generate --units-file DANH-SÁCH.txt --out-dir THƯ-MỤC [--rubric …] [--password …]
  chamdiem check TỆP.xlsx [--json] [--rubric TỆP.json]
  chamdiem pdf TỆP.xlsx [--out TỆP.pdf] [--force]
  chamdiem merge TỆP.xlsx… --out TONG-HOP.xlsx [--json] [--rubric TỆP.json] [--force]
  chamdiem rubric import TỆP.docx [--out TỆP.json] [--id MÃ] [--version PB] [--base CŨ.json] [--force]
  chamdiem rubric check TỆP.json
  chamdiem rubric sheet TỆP.json [--out TỆP.xlsx] [--force]
  chamdiem rubric read TỆP.xlsx [--out TỆP.json] [--force]

generate  tạo bảng tự chấm điểm (mặc định theo bộ tiêu chí 2024 có sẵn).
          Nếu tệp đích đã là bảng chấm điểm, các ô đã nhập được giữ lại và
          tên ô sai chỗ (do cắt–dán ô) được đặt lại về đúng ô.
          --preparer/--signer in họ tên người lập biểu / người ký; --date và
          --place điền dòng "Cao Bằng, ngày … tháng … năm …" (để trống thì in
          dòng chấm để viết tay).
check     kiểm tra một bảng đã điền: giá trị sai, thiếu minh chứng, công thức
          bị thay, tên ô hoặc cột bị xoá, tên ô sai chỗ, sai bộ tiêu chí; in
          điểm tính được.
          Mã thoát: 0 không có vấn đề, 1 có vấn đề, 2 không đọc được tệp.
pdf       in bảng ra PDF (khổ A4 ngang, tính lại mọi công thức) bằng LibreOffice;
          dòng cao theo nội dung đã nhập. Bảng có lỗi thì không in, trừ khi
          có --force. Mã thoát: 0 đã in, 1 không in vì bảng có lỗi, 2 không
          đọc được tệp hoặc thiếu LibreOffice.
merge     tổng hợp các bảng đơn vị gửi về thành một tệp: trang Tổng hợp (điểm tự
          chấm, cột Thẩm định để nhập, tổng và hạng bằng công thức), Xếp hạng,
          Kiểm tra (mỗi tệp: Hợp lệ / Cảnh báo / Bị loại và mọi vấn đề) và
          Minh chứng. Tệp hỏng, sai bộ tiêu chí, bị sửa công thức hay trùng đơn vị
          bị loại, các tệp còn lại vẫn được tổng hợp. Không bao giờ ghi vào tệp
          nhận về; --force cho phép ghi đè tệp kết quả đã có.
          --json in kết quả dạng JSON: output, counts, files (status, problems
          với code/message), units (điểm từng mục, total, rank), ranking.
          Mã thoát: 0 mọi tệp hợp lệ, 1 có cảnh báo hoặc tệp bị loại (vẫn ghi
          kết quả), 2 không tệp nào tổng hợp được hoặc sai cách dùng.
rubric import
          đọc bộ tiêu chí từ văn bản Word (.docx; tệp .doc cũ hãy lưu lại
          thành .docx): các mục, nhóm, tiêu chí, cách chấm (theo chỉ tiêu, theo
          mức, chấm trực tiếp), điểm thưởng và điểm trừ. Lỗi đánh máy của văn bản
          được sửa công khai (ghi trong "corrections") và in ra để xem lại, cùng
          mọi bảng mức điểm và mọi tổng điểm không khớp. --base lấy từ bộ tiêu
          chí năm trước những gì văn bản không ghi (mã bộ tiêu chí, phần văn bản
          in, tên ô đếm). Mã thoát: 0 đã ghi, không có gì cần xem lại; 1 đã ghi,
          có mục cần xem lại; 2 không đọc được hoặc không phải bộ tiêu chí.
rubric check
          kiểm tra tệp bộ tiêu chí; in mã, phiên bản, mã băm, số tiêu chí và
          các tổng điểm. Mã thoát: 0 hợp lệ, 2 không hợp lệ (in lý do).
rubric sheet
          ghi bộ tiêu chí ra sổ Excel để xem lại và sửa: mỗi dòng một mục, cột
          Loại và Cách chấm chọn trong danh sách, tổng điểm từng mục tự tính và
          báo Lệch khi không khớp.
rubric read
          đọc lại sổ đó thành tệp bộ tiêu chí; mỗi lỗi chỉ rõ ô (Bộ tiêu chí!F12).
          Mã thoát: 0 đã ghi, không có lỗi; 1 đã ghi nhưng còn tổng điểm không
          khớp; 2 không đọc được hoặc còn lỗi phải sửa (chưa ghi).`,
  // Usage
  unknownCommand: (command: string) => `Không có lệnh "${command}".`,
  unknownOption: (option: string) => `Không có tuỳ chọn ${option}.`,
  optionNeedsValue: (option: string) => `Tuỳ chọn ${option} cần một giá trị.`,
  badArguments: (why: string) => `Tham số không hợp lệ: ${why}`,
  extraArguments: (args: string) => `Thừa tham số: ${args}`,
  usageError: (message: string) => `Lỗi: ${message}`,
  unexpectedError: (message: string) => `Lỗi không mong đợi: ${message}`,
  onFile: (file: string, message: string) => `${file}: ${message}`,
  // generate
  badDate: (date: string) => `Ngày "${date}" không hợp lệ: viết theo dạng YYYY-MM-DD, ví dụ 2025-01-15.`,
  unitsFileWithUnit: '--units-file dùng cùng --out-dir, không dùng cùng --unit hay --out.',
  unitsFileNeedsDir: '--units-file cần --out-dir THƯ-MỤC.',
  outDirNeedsUnitsFile: '--out-dir chỉ dùng cùng --units-file.',
  unitsDone: (count: number, dir: string) => `Xong: ${formatNumber(count)} bảng trong ${dir}.`,
  notOurWorkbook: (file: string, why: string) => `${file} đã tồn tại và không phải bảng chấm điểm (${why}). Hãy chọn tên tệp khác.`,
  upgraded: (file: string, kept: number) => `Đã cập nhật ${file}: giữ ${formatNumber(kept)} ô đã nhập.`,
  recovered: (file: string, kept: number) =>
    `Đã khôi phục ${file}: trang tính đã mất trang thông tin ẩn (sao chép sang sổ mới) được lập lại theo bộ tiêu chí, ` +
    `giữ ${formatNumber(kept)} ô đã nhập và tạo lại trang thông tin.`,
  orphanKept: (name: string, value: string) =>
    `  Lưu ý: ${name} = "${value}" không còn trong bộ tiêu chí mới; đã lưu vào trang thông tin ẩn.`,
  orphanKeptEarlier: (name: string, value: string) =>
    `  Lưu ý: ${name} = "${value}" (lưu từ lần cập nhật trước) vẫn được giữ trong trang thông tin ẩn.`,
  created: (file: string, unit: string | undefined) => `Đã tạo ${file}${unit ? ` cho ${unit}` : ''}.`,
  unitsFileUnreadable: (file: string, why: string) => `Không đọc được danh sách đơn vị ${file}: ${why}`,
  unitsFileEmpty: (file: string) => `Danh sách đơn vị ${file} không có dòng nào.`,
  rubricUnreadable: (file: string, why: string) => `Không đọc được bộ tiêu chí ${file}: ${why}`,
  rubricInvalid: (message: string, file: string, issues: string[]) => `${message} trong ${file}:\n  ${issues.join('\n  ')}`,
  // check
  checkNeedsOneFile: 'check cần đúng một tệp .xlsx.',
  reportFile: (file: string) => `Tệp: ${file}`,
  reportUnit: (unit: string) => `Đơn vị: ${unit || '(chưa nhập)'}`,
  reportRubric: (label: string) => `Bộ tiêu chí: ${label}`,
  reportScored: (scored: number, total: number) => `Đã chấm: ${formatNumber(scored)}/${formatNumber(total)} tiêu chí`,
  reportPoints: (sections: [string, number][], bonus: number, deduction: number) =>
    `Điểm: ${sections.map(([id, v]) => `${id} ${formatNumber(v)}`).join(' | ')} | Thưởng ${formatNumber(bonus)} | Trừ ${formatNumber(deduction)}`,
  reportTotal: (total: number) => `${TOTAL_LABEL}: ${formatNumber(total)}`,
  noProblems: 'Không có vấn đề.',
  problemCount: (count: number, errors: number) =>
    `Vấn đề: ${formatNumber(count)} (${formatNumber(errors)} lỗi, ${formatNumber(count - errors)} cảnh báo)`,
  severity: { error: 'LỖI', warning: 'CẢNH BÁO' },
  // pdf
  pdfNeedsOneFile: 'pdf cần đúng một tệp .xlsx.',
  pdfWritten: (file: string) => `Đã xuất ${file}.`,
  pdfRefused: (file: string, errors: number, warnings: number) =>
    `Không in ${file}: bảng có ${formatNumber(errors)} lỗi (giá trị không hợp lệ, công thức bị thay hoặc tên ô sai chỗ) ` +
    `và ${formatNumber(warnings)} cảnh báo. Xem từng lỗi bằng: chamdiem check ${file}. ` +
    'Sửa xong thì in lại, hoặc thêm --force để in kèm lỗi (các ô lỗi được đóng khung kép trên bản in).',
  pdfStatus: (errors: number, warnings: number) =>
    errors === 0
      ? `Bảng không có lỗi, ${formatNumber(warnings)} cảnh báo (ô chưa chấm, chưa ghi minh chứng được đóng khung nét đứt trên bản in).`
      : `Bảng có ${formatNumber(errors)} lỗi và ${formatNumber(warnings)} cảnh báo; in theo --force: bản in giữ nguyên tệp như đã lưu, các ô lỗi được đóng khung kép.`,
  pdfClipped: (count: number) => `${formatNumber(count)} ô có chữ dài quá dòng cao nhất của bảng, bản in chỉ hiện phần đầu:`,
  pdfNotOurs: (why: string) => `${why} In nguyên tệp như đã lưu.`,
  fileNotFound: (file: string) => `Không tìm thấy tệp ${file}.`,
  sofficeMissing:
    'Cần LibreOffice (lệnh soffice) để xuất PDF nhưng máy chưa cài. ' +
    'Trên Debian/Ubuntu: sudo apt-get install -y libreoffice-calc; trên Windows/macOS: tải tại https://www.libreoffice.org/ rồi chạy lại.',
  // merge
  mergeNeedsFiles: 'merge cần ít nhất một tệp .xlsx để tổng hợp.',
  mergeNeedsOut: 'merge cần --out TỆP.xlsx (tệp kết quả).',
  outNotXlsx: (out: string) => `Tệp kết quả ${out} phải có đuôi .xlsx.`,
  outIsInput: (out: string, input: string) =>
    `Tệp kết quả ${out} trùng với tệp đầu vào ${input}: tổng hợp không bao giờ ghi đè tệp nhận về.`,
  outExists: (out: string) =>
    `Tệp kết quả ${out} đã có. Hãy chọn tên khác, hoặc thêm --force để ghi đè (điểm thẩm định đã nhập trong tệp cũ sẽ mất).`,
  cannotWrite: (out: string, why: string) => `Lỗi: không ghi được ${out} (${why}).`,
  nothingMerged: (out: string) => `Lỗi: không có tệp nào tổng hợp được, chưa ghi ${out}.`,
  mergeHeading: (files: number, rubric: string) => `Tổng hợp ${formatNumber(files)} tệp theo bộ tiêu chí ${rubric}:`,
  fileWarnings: (count: number, codes: string) => `(${formatNumber(count)} cảnh báo: ${codes})`,
  otherWarnings: (count: number) => `(và ${formatNumber(count)} cảnh báo khác)`,
  mergeWritten: (out: string, units: number, rejected: number, checkSheet: string) =>
    `Đã ghi ${out}: ${formatNumber(units)} đơn vị` +
    (rejected > 0 ? `, ${formatNumber(rejected)} tệp bị loại` : '') +
    `. Mọi vấn đề của từng tệp có trong trang ${checkSheet}.`,
  rankingHeading: 'Xếp hạng theo điểm tự chấm (trước thẩm định):',
  rankingLine: (rank: number, label: string, total: number) => `${String(rank).padStart(3)}. ${label} — ${formatNumber(total)} điểm`,
  // LibreOffice
  badFormat: (format: string) => `Định dạng LibreOffice không hợp lệ: ${format}`,
  inputInOutDir: (file: string, out: string) => `Tệp ${file} nằm trong thư mục đích ${out}: chuyển đổi sẽ ghi đè lên nó.`,
  sameOutput: (file: string) => `Hai tệp vào sẽ cùng ra một tệp ${file}.`,
  sofficeSignal: (signal: string) => `tín hiệu ${signal}`,
  sofficeExit: (code: number | null) => `mã thoát ${code}`,
  sofficeFailed: (format: string, status: string, timeoutSeconds: number | null) =>
    `LibreOffice không chuyển đổi được sang ${format} (${status}` +
    (timeoutSeconds === null ? '' : `, quá ${formatNumber(timeoutSeconds)} giây`) +
    ')',
  sofficeNotRun: (why: string) => `không chạy được soffice: ${why}`,
  sofficeMissingOutput: (files: string[]) => `thiếu tệp ra: ${files.join(', ')}`,
  sofficeStream: (stream: 'stderr' | 'stdout', text: string) => `${stream}: ${text || '(trống)'}`,
} as const;


/** The add-in inside Excel: what the Office.js adapter refuses; what Excel's errors mean comes from ./excel-errors. */
export const EXCEL_TEXT = {
  ...EXCEL_ERROR_TEXT,
  noPrintLayout:
    'Excel này chưa hỗ trợ ExcelApi 1.9 nên chưa đặt được khổ in (A4 ngang, vừa một trang theo chiều ngang, lặp lại dòng tiêu đề cột). Hãy đặt trong thẻ Bố trí Trang trước khi in.',
  mergeNoLayout: (sheets: string[]) =>
    `Excel này chưa hỗ trợ ExcelApi 1.9 nên chưa đặt được khổ in (A4, lề, lặp lại dòng tiêu đề, ngắt trang, số trang) và nút lọc cho các trang ${sheets.map((s) => `“${s}”`).join(', ')}. Hãy đặt trong thẻ Bố trí Trang trước khi in.`,
  noSheet: (sheet: string) => `Sổ làm việc chưa có trang “${sheet}”. Hãy tạo bảng ở thẻ “${TAB_LABELS.generate}” trước.`,
  /** "Trang “Tự chấm điểm” không do tiện ích Chấm điểm thi đua tạo (không có trang thông tin ẩn ChamDiem_Meta)". */
  notOurSheet: (sheet: string, metaSheet: string) =>
    `Trang “${sheet}” không do tiện ích Chấm điểm thi đua tạo (không có trang thông tin ẩn ${metaSheet})`,
  foreignSheet: (sheet: string, metaSheet: string) =>
    `Sổ làm việc đã có trang “${sheet}” nhưng trang này không do tiện ích Chấm điểm thi đua tạo (không có trang thông tin ẩn ${metaSheet}). Để không mất dữ liệu, tiện ích không ghi đè lên trang này. Hãy đổi tên hoặc xoá trang đó rồi thử lại.`,
  foreignCheck: (notOurs: string) => `${notOurs}, nên không kiểm tra được.`,
  /** Our sheet's names without the metadata sheet: the sheet was copied into this workbook. */
  lostMetaCheck: (sheet: string, metaSheet: string) =>
    `Trang “${sheet}” có tên ô của bảng tự chấm điểm nhưng mất trang thông tin ẩn ${metaSheet} (thường do trang được sao chép sang sổ mới), ` +
    `nên chưa kiểm tra được. Bấm Cập nhật ở thẻ ${TAB_LABELS.generate} để khôi phục: mọi mục đã nhập được giữ.`,
  lostMetaOtherRubric: (sheet: string, metaSheet: string, rubric: string) =>
    `Trang “${sheet}” mất trang thông tin ẩn ${metaSheet}, và tên ô hoặc điểm chuẩn của nó không khớp bộ tiêu chí ${rubric}. ` +
    'Hãy chọn đúng bộ tiêu chí đã dùng để lập bảng rồi bấm Cập nhật; tiện ích không ghi đè trang này.',
  foreignPrint: (notOurs: string) => `${notOurs}, nên tiện ích không đặt trang in cho trang này.`,
  nothingToMerge: 'Không có tệp nào tổng hợp được: mọi tệp đều bị loại. Xem lý do của từng tệp trong bảng trạng thái.',
  /** Excel refused a merge's request, and the clean-up after it too: what the merge wrote goes at the next try. */
  mergeUnfinished: 'Các trang tổng hợp đang ghi dở sẽ được xoá ở lần bấm Tổng hợp sau, không sinh thêm bộ trang thứ hai.',
  nameTaken: (names: string[]) =>
    `Sổ làm việc đã có tên ô ${names.join(', ')} không thuộc bảng tự chấm điểm. Tiện ích không ghi đè tên do người dùng đặt: hãy xoá hoặc đổi tên chúng (Công thức › Trình quản lý Tên) rồi thử lại.`,
  printOtherRubric: (sheet: string, chosen: string) =>
    `Bảng đang theo bộ tiêu chí ${sheet}, khác bộ đang chọn (${chosen}). Hãy “Cập nhật” bảng ở thẻ ${TAB_LABELS.generate}, hoặc chọn lại đúng bộ tiêu chí, rồi áp dụng trang in.`,
  printMissing: (names: string[]) =>
    `Bảng thiếu ô ${names.join(', ')} (có thể dòng hoặc ô đã bị xoá). Hãy “Cập nhật” bảng ở thẻ ${TAB_LABELS.generate} rồi áp dụng trang in.`,
  printMoved: (name: string, at: string, expected: string) =>
    `Ô ${name} đang ở ${at}, không đúng bố cục chuẩn (${expected}): bảng đã bị sửa cấu trúc. Hãy “Cập nhật” bảng ở thẻ ${TAB_LABELS.generate} rồi áp dụng trang in.`,
  printOldLayout: (sheet: string) =>
    `Trang “${sheet}” được tạo theo bố cục cũ, chưa có khung đánh dấu ô lỗi khi in đen trắng. Hãy “Cập nhật” bảng ở thẻ ${TAB_LABELS.generate} (mọi nội dung đã nhập được giữ nguyên) rồi áp dụng trang in.`,
  /** Each page setting, as the "In" tab lists what could not be set. */
  printSettings: {
    paper: 'Khổ giấy A4, hướng ngang',
    margins: (m: { top: number; bottom: number; left: number; right: number }) =>
      `Lề trên ${formatMillimetres(m.top)}, dưới ${formatMillimetres(m.bottom)}, trái ${formatMillimetres(m.left)}, phải ${formatMillimetres(m.right)}`,
    fitToWidth: (pages: number) => `Thu nhỏ cho vừa ${formatNumber(pages)} trang theo chiều ngang`,
    titleRow: (row: number) => `Lặp lại dòng tiêu đề cột (dòng ${row}) ở đầu mỗi trang`,
    titleRows: (from: number, to: number) => `Lặp lại các dòng tiêu đề cột (dòng ${from}–${to}) ở đầu mỗi trang`,
    pageNumbers: 'Số trang ở giữa đầu trang, từ trang 2 (trang 1 không đánh số)',
    breakBefore: (row: number) => `Ngắt trang trước dòng ${row} để khối chữ ký không bị tách sang hai trang`,
  },
} as const;

/** Text the workbooks carry that is not rubric text: validation, the document's lines, headings. */
export const WORKBOOK_TEXT = {
  sheetName: SHEET_LABELS.selfAssessment,
  /** The printed rubric's own column headings; the input columns are headed by INPUT_LABELS. */
  columns: {
    stt: 'STT',
    criterion: 'Tiêu chí đánh giá',
    maxPoints: 'Điểm chuẩn',
    method: 'Cách tính điểm đạt tiêu chí',
    evidenceRequired: 'Yêu cầu minh chứng',
  },
  grandTotal: 'TỔNG ĐIỂM',
  /** After the total in figures: "… 171,5 điểm". */
  pointsUnit: 'điểm',
  invalidValueTitle: 'Giá trị không hợp lệ',
  tooLongTitle: 'Nội dung quá dài',
  tooLong: (label: string, maxLength: number) => `${label} tối đa ${formatNumber(maxLength)} ký tự.`,
  chooseFromList: (label: string, items: readonly string[]) => `${label}: chọn một trong ${items.join(', ')}.`,
  /** Nghị định 30's place–date line; the figures come already padded as the decree writes them. */
  placeDate: (place: string, day: string, month: string, year: number) => `${place}, ngày ${day} tháng ${month} năm ${year}`,
  placeDateBlank: (place: string) => `${place}, ngày ..... tháng ..... năm ..........`,
} as const;

const APPRAISAL = 'Thẩm định';
const MERGE_SHEET_NAMES = { summary: 'Tổng hợp', ranking: 'Xếp hạng', check: 'Kiểm tra', evidence: 'Minh chứng' } as const;

/** The consolidated workbook's four sheets. */
export const MERGE_SHEET_TEXT = {
  names: MERGE_SHEET_NAMES,
  appraisalLabel: 'Điểm thẩm định',
  selfScore: 'Tự chấm',
  appraisal: APPRAISAL,
  summaryTitle: (year: number) => `TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM ${year}`,
  summaryNote: (units: number, files: number, rejected: number, checkSheet: string, mergedAt: string | undefined) =>
    `Tổng hợp ${formatNumber(units)} đơn vị từ ${formatNumber(files)} tệp` +
    (rejected > 0 ? ` (${formatNumber(rejected)} tệp bị loại, xem trang ${checkSheet})` : '') +
    (mergedAt ? `, lúc ${mergedAt}` : '') +
    `. Ô ${APPRAISAL} để trống thì tính điểm tự chấm; ô thẩm định khác điểm tự chấm được tô xanh;` +
    ' điểm không hợp lệ (tô đỏ) không được tính.',
  rankRow: 'XẾP HẠNG (theo điểm thẩm định)',
  rankingTitle: (year: number) => `XẾP HẠNG THI ĐUA NĂM ${year}`,
  rankingNote: (summarySheet: string) =>
    `Điểm và hạng lấy theo cột ${APPRAISAL} của trang ${summarySheet} và tự cập nhật; thứ tự dòng theo điểm lúc tổng hợp.`,
  rank: 'Hạng',
  unit: 'Đơn vị',
  sectionHeader: (label: string, points: number) => `Mục ${label}\n(${formatNumber(points)} điểm)`,
  bonusHeader: (cap: number) => `${INPUT_LABELS.bonus}\n(tối đa ${formatNumber(cap)})`,
  deductionHeader: (cap: number) => `${INPUT_LABELS.deduction}\n(tối đa ${formatNumber(cap)})`,
  total: TOTAL_LABEL,
  selfTotal: 'Tổng điểm tự chấm',
  checkTitle: 'KIỂM TRA CÁC TỆP ĐÃ NHẬN',
  checkTally: (files: number, valid: number, warning: number, rejected: number) =>
    `${formatNumber(files)} tệp: ${formatNumber(valid)} ${MERGE_TEXT.status.valid.toLowerCase()}, ` +
    `${formatNumber(warning)} ${MERGE_TEXT.status.warning.toLowerCase()} (vẫn được tổng hợp), ` +
    `${formatNumber(rejected)} ${MERGE_TEXT.status.rejected.toLowerCase()} (không được tổng hợp).`,
  file: 'Tệp',
  status: 'Trạng thái',
  problemCount: 'Số vấn đề',
  problems: 'Vấn đề',
  evidenceTitle: 'MINH CHỨNG CÁC ĐƠN VỊ ĐÃ GHI',
  item: 'Mục',
} as const;

/** Errors that mean a fault in chamdiem itself; worded for the user who may still see one. */
export const FAULT_TEXT = {
  badColumn: (col: number | string) => `Cột không hợp lệ: ${col}`,
  badRow: (row: number) => `Dòng không hợp lệ: ${row}`,
  badAddress: (ref: string) => `Địa chỉ ô không hợp lệ: ${ref}`,
  noInputSpec: (name: string) => `Không có đặc tả ô nhập cho ${name}`,
  badList: (items: string) => `Danh sách chọn không hợp lệ (tối đa 255 ký tự, không có dấu phẩy hay ngoặc kép trong một mục): ${items}`,
} as const;

/** The print tab's button, as its steps name it. */
const APPLY_PRINT = 'Áp dụng trang in';

/** The task pane's Kiểm tra, In and Tổng hợp tabs, loaded with them (the first screen's text is in ./pane). */
export const TAB_TEXT = {
  check: {
    notOurs: (sheet: string) => `Trang “${sheet}” không do tiện ích tạo nên không kiểm tra được.`,
    again: 'Kiểm tra lại',
    checking: 'Đang kiểm tra…',
    scored: (scored: number, total: number) => `Đã chấm ${formatNumber(scored)}/${formatNumber(total)}`,
    total: (total: number) => `${TOTAL_LABEL}: ${formatNumber(total)}`,
    noProblems: 'Không phát hiện vấn đề nào.',
    errors: (count: number) => `${formatNumber(count)} lỗi`,
    warnings: (count: number) => `${formatNumber(count)} cảnh báo`,
    unscoredCount: (count: number) => `${formatNumber(count)} tiêu chí chưa chấm`,
    outcome: (scored: string, total: number, counts: string) =>
      `${scored}, tổng điểm ${formatNumber(total)}. ${counts || 'Không phát hiện vấn đề nào.'}`,
    clickToSelect: (counts: string) => `${counts} — bấm vào một dòng để chọn ô.`,
    problemsLabel: 'Các vấn đề',
    cell: (address: string) => `Ô ${address}`,
    cannotSelect: (address: string) => `Không chọn được ô ${address}`,
    unscored: (shown: string[], more: number) =>
      `Chưa chấm: tiêu chí ${shown.join(', ')}${more > 0 ? ` và ${formatNumber(more)} tiêu chí khác` : ''}.`,
    collapse: 'Thu gọn',
    showUnscored: (count: number) => `Xem từng tiêu chí chưa chấm (${formatNumber(count)})`,
    unscoredLabel: 'Các tiêu chí chưa chấm',
    cannotCheck: 'Không kiểm tra được bảng',
    cannotWatch: 'Không theo dõi được bảng',
  },
  print: {
    fieldNames: {
      TenDonVi: 'tên đơn vị',
      NgayLap: 'dòng địa danh – ngày tháng',
      NguoiLap: 'người lập biểu',
      NguoiKy: 'người ký',
    } as Record<string, string>,
    applied: 'Đã áp dụng trang in',
    namesWritten: 'Đã ghi các ô của khối chữ ký',
    wrote: (fields: string, sheet: string) => `Đã ghi ${fields} vào trang “${sheet}”.`,
    pageSet: ' Khổ A4 ngang, lề theo Nghị định 30, dòng tiêu đề cột lặp lại và số trang từ trang 2 đã được đặt.',
    noLayoutTitle: 'Excel này chưa hỗ trợ ExcelApi 1.9: chưa đặt được trang in',
    noLayout: 'Hãy đặt bằng tay trong thẻ Bố trí Trang (Page Layout) trước khi in:',
    notSetLabel: 'Chưa đặt được',
    howTitle: 'Cách in từ Excel',
    stepApply: (sheet: string) => `Bấm “${APPLY_PRINT}” ở trên; trang “${sheet}” được mở sẵn.`,
    stepByHand:
      'Vì Excel này chưa tự đặt được, vào thẻ Bố trí Trang: Hướng › Ngang; Kích thước › A4; Lề › Lề Tùy chỉnh (trên 2 cm, dưới 2 cm, trái 3 cm, phải 1,5 cm); In Tiêu đề › Hàng lặp lại ở trên cùng: dòng tiêu đề cột đã nêu; Co giãn › Chiều rộng: 1 trang.',
    stepOpen: 'Mở Tệp › In (Ctrl+P).',
    stepSettings: 'Chọn máy in. Ở phần Cài đặt: “In Trang tính Hiện hoạt”, “Hướng Ngang”, khổ “A4”, co giãn “Vừa Tất cả Cột trên Một Trang”.',
    stepPreview: 'Xem trước từng trang: dòng tiêu đề cột lặp lại ở mọi trang, số trang ở đầu trang từ trang 2, khối chữ ký nằm trọn ở trang cuối.',
    stepSign: 'Bấm In, rồi ký, ghi rõ họ tên và đóng dấu vào khối chữ ký.',
    pdf: 'Cần bản PDF để gửi hoặc lưu trữ: Tệp › Xuất › Tạo PDF/XPS (Excel trên máy tính), hoặc Tệp › In › In rồi chọn “Lưu dưới dạng PDF” (Excel trên web).',
    cannotApply: 'Không áp dụng được trang in',
    notOurs: (sheet: string) => `Trang “${sheet}” không do tiện ích tạo nên không đặt trang in được.`,
    intro: 'Bản in theo thể thức Nghị định 30/2020/NĐ-CP: khổ A4 ngang, có khối chữ ký để ký và đóng dấu.',
    unitHint: 'Để trống thì giữ tên đang có trên bảng.',
    signerHint: (line: string) => `Họ tên in dưới dòng “${line}”; để trống thì giữ tên trên bảng.`,
    place: 'Địa danh',
    date: 'Ngày lập',
    dateHint: 'Ngày, tháng, năm, ví dụ 05 / 02 / 2025. Để trống cả ba để điền ngày bằng tay sau khi in.',
    day: 'Ngày',
    month: 'Tháng',
    year: 'Năm',
    dateIncomplete: 'Hãy nhập đủ ngày, tháng và năm, hoặc để trống cả ba.',
    dateDigits: 'Ngày, tháng và năm chỉ gồm chữ số.',
    badMonth: (month: number) => `Không có tháng ${formatNumber(month)}: tháng phải từ 1 đến 12.`,
    badYear: 'Năm phải có đủ 4 chữ số, ví dụ 2025.',
    badDay: (date: string, month: number, year: number, days: number) =>
      `Không có ngày ${date}: tháng ${formatNumber(month)} năm ${year} chỉ có ${formatNumber(days)} ngày.`,
    previewLabel: 'Dòng địa danh, ngày tháng',
    apply: APPLY_PRINT,
    applying: 'Đang áp dụng…',
    blockedTitle: (errors: number) => `Bảng có ${formatNumber(errors)} lỗi: chưa áp dụng trang in`,
    blocked: (errors: number, warnings: number) =>
      `Bảng có ${formatNumber(errors)} lỗi (giá trị không hợp lệ, công thức bị thay hoặc tên ô sai chỗ) và ${formatNumber(warnings)} cảnh báo. ` +
      `Ô có lỗi không được tính điểm. Xem và sửa từng lỗi ở thẻ ${TAB_LABELS.check}, rồi áp dụng lại; hoặc vẫn in kèm lỗi (các ô lỗi được đóng khung trên bản in).`,
    force: 'Vẫn áp dụng, in kèm lỗi',
    clippedTitle: (count: number) => `${formatNumber(count)} ô có chữ dài quá dòng cao nhất: bản in chỉ hiện phần đầu`,
    clippedLabel: 'Ô bị cắt chữ khi in',
    counts: (errors: number, warnings: number) =>
      errors === 0
        ? `Bảng không có lỗi, ${formatNumber(warnings)} cảnh báo (ô chưa chấm, chưa ghi minh chứng được đóng khung nét đứt trên bản in).`
        : `Bảng có ${formatNumber(errors)} lỗi và ${formatNumber(warnings)} cảnh báo; trang in vẫn được áp dụng theo yêu cầu, các ô lỗi được đóng khung trên bản in.`,
  },
  merge: {
    writtenTitle: 'Đã ghi kết quả tổng hợp',
    written: (units: number, sheets: string[]) =>
      `${formatNumber(units)} đơn vị vào các trang ${sheets.map((s) => `“${s}”`).join(', ')}. Nhập điểm thẩm định vào cột “${APPRAISAL}” của trang “${sheets[0]}”; ô để trống tính bằng điểm tự chấm.`,
    renamed: ' Sổ làm việc đã có trang cùng tên, nên kết quả mới ghi vào các trang trên; các trang cũ giữ nguyên.',
    readingFiles: (count: number) => `Đang đọc ${formatNumber(count)} tệp…`,
    cannotRead: 'Không đọc được các tệp',
    cannotWrite: 'Không ghi được kết quả tổng hợp',
    pickAgain: (why: string) => `${FILE_TEXT.cannotRead(why)} Hãy chọn lại tệp.`,
    summary: (files: number, valid: number, warning: number, rejected: number, units: number) =>
      `${formatNumber(files)} tệp: ${formatNumber(valid)} ${MERGE_TEXT.status.valid.toLowerCase()}, ` +
      `${formatNumber(warning)} ${MERGE_TEXT.status.warning.toLowerCase()}, ${formatNumber(rejected)} ${MERGE_TEXT.status.rejected.toLowerCase()} — ` +
      (units > 0 ? `${formatNumber(units)} đơn vị được tổng hợp.` : 'không có đơn vị nào tổng hợp được.'),
    intro:
      'Chọn các tệp bảng tự chấm điểm (.xlsx) các đơn vị gửi về. Tệp được đọc ngay trên máy này và không bị sửa; kết quả ghi thành các trang mới trong sổ làm việc đang mở.',
    rubric: 'Theo bộ tiêu chí:',
    pick: 'Chọn tệp…',
    pickMore: 'Thêm tệp…',
    clear: 'Xoá danh sách',
    pickLabel: 'Chọn các tệp cần tổng hợp',
    progress: (done: number, total: number) => `Đã đọc ${formatNumber(done)}/${formatNumber(total)} tệp`,
    readingFile: (file: string) => `Đang đọc ${file}…`,
    tableLabel: 'Trạng thái các tệp',
    fileColumn: 'Tệp và vấn đề',
    statusColumn: MERGE_SHEET_TEXT.status,
    moreProblems: (count: number) =>
      `… và ${formatNumber(count)} vấn đề khác (đủ cả trong trang “${MERGE_SHEET_NAMES.check}” khi ghi kết quả)`,
    read: 'Đã đọc',
    waiting: 'Đang chờ',
    write: 'Ghi kết quả vào sổ làm việc',
    writing: 'Đang ghi…',
    planning: 'Đang lập các trang tổng hợp…',
    writingPart: (sheet: string, done: number, total: number) =>
      `Đang ghi trang “${sheet}” (${formatNumber(done)}/${formatNumber(total)})`,
  },
} as const;
