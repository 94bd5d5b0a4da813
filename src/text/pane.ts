/** The task pane's first screen: starting up, the shell, the first tab and what every tab shares (part of the catalog, see ./messages). */
import { formatNumber } from './format';
import { TAB_LABELS } from './labels';

/** The pane while it starts: reaching office.js and Excel, and what to do when it cannot. */
export const STARTUP_TEXT = {
  appName: 'Chấm điểm thi đua',
  connecting: 'Đang kết nối với Excel…',
  unreachable: {
    title: 'Không tải được thư viện Office',
    text: 'Ngăn tác vụ cần thư viện Office (office.js) từ máy chủ của Microsoft, appsforoffice.microsoft.com, nhưng chưa tải được. Hãy kiểm tra kết nối mạng rồi đóng và mở lại tiện ích. Nếu mạng của cơ quan chặn địa chỉ này, hãy nhờ bộ phận tin học mở.',
  },
  silent: {
    title: 'Excel chưa phản hồi',
    text: 'Trang này chỉ chạy bên trong Excel. Hãy mở Excel, trên thẻ Trang đầu bấm nút “Chấm điểm thi đua”. Nếu đã mở từ Excel, hãy đóng ngăn tác vụ rồi mở lại.',
  },
  stillWaiting: 'Tiện ích vẫn chờ và sẽ tự mở khi kết nối được.',
  elsewhere: {
    title: 'Chỉ dùng trong Excel',
    text: 'Trang này chỉ chạy bên trong Excel. Hãy mở Excel, trên thẻ Trang đầu bấm nút “Chấm điểm thi đua”.',
  },
  tooOldTitle: 'Phiên bản Excel chưa hỗ trợ tiện ích',
  failedTitle: 'Không khởi động được tiện ích',
} as const;

/** The task pane, tab by tab; what several tabs say is in `common`. */
export const PANE_TEXT = {
  app: {
    tabsLabel: 'Chức năng',
    loading: 'Đang tải…',
    cannotOpenTab: (tab: string) => `Không mở được thẻ “${tab}”`,
    settingsUnreadable: 'Không đọc được cài đặt đã lưu; dùng cài đặt mặc định',
    settingsUnsaved: 'Không lưu được cài đặt',
  },
  common: {
    noSheetTitle: 'Chưa có bảng',
    notOursTitle: 'Không phải bảng của tiện ích',
    notice: 'Lưu ý',
    readingWorkbook: 'Đang đọc sổ làm việc…',
    cannotReadWorkbook: 'Không đọc được sổ làm việc',
    preparer: 'Người lập biểu',
    signer: 'Người ký',
    error: 'Lỗi',
    warning: 'Cảnh báo',
  },
  errors: {
    excelCode: (code: string) => `Excel báo lỗi (mã ${code}).`,
    chunkLoad: 'Không tải được một phần của tiện ích (mất kết nối mạng?). Hãy đóng và mở lại ngăn tác vụ.',
    unexpected: 'Lỗi không mong đợi trong tiện ích.',
    detail: 'Chi tiết kỹ thuật',
    moreIssues: (count: number) => `… và ${formatNumber(count)} lỗi khác`,
    dismiss: 'Đóng thông báo',
    retry: 'Thử lại',
    noStorage: 'Trình duyệt của Excel không cho lưu dữ liệu (localStorage); cài đặt sẽ không được ghi nhớ.',
    storageFull: 'Không lưu được cài đặt vào bộ nhớ của trình duyệt (có thể đã đầy).',
  },
  rubric: {
    label: 'Bộ tiêu chí',
    builtin: 'Có sẵn trong tiện ích',
    fromFile: 'Từ tệp bộ tiêu chí (JSON)',
    pickFile: 'Chọn tệp…',
    pickFileLabel: 'Chọn tệp bộ tiêu chí',
    inUse: 'Đang dùng:',
    /** What a user tells rubrics apart by; the code and the fingerprint go to a details line of their own. */
    describe: (version: string, year: number, criteria: number) =>
      `Bộ tiêu chí năm ${year}, phiên bản ${version}, ${formatNumber(criteria)} tiêu chí`,
    details: (id: string, fingerprint: string) => `Mã bộ tiêu chí: ${id} · mã kiểm tra: ${fingerprint}`,
    cannotReadFile: (file: string) => `Không đọc được tệp ${file}.`,
    cannotUseFile: (file: string) => `Không dùng được tệp ${file}`,
    savedInvalid: 'Tệp bộ tiêu chí đã lưu không còn hợp lệ; đang dùng bộ có sẵn',
    cannotLoad: 'Không tải được bộ tiêu chí',
  },
  generate: {
    noSheet: (sheet: string) => `Sổ làm việc chưa có trang “${sheet}”. Bấm “${TAB_LABELS.generate}” để tạo.`,
    clashTitle: 'Trùng tên trang tính',
    clash: (sheet: string) =>
      `Sổ làm việc đã có trang “${sheet}” không do tiện ích tạo. Tiện ích không ghi đè trang đó: hãy đổi tên hoặc xoá nó rồi tạo bảng.`,
    sameRubric: (current: string) => `Bảng theo bộ tiêu chí ${current}. “Cập nhật” làm mới bố cục và giữ mọi mục đã nhập.`,
    /** Before the chosen rubric has loaded, which of the two above applies is not known yet. */
    anyRubric: (current: string) => `Bảng theo bộ tiêu chí ${current}. “Cập nhật” làm mới bảng theo bộ tiêu chí đang chọn và giữ mọi mục đã nhập.`,
    otherRubric: (current: string, chosen: string) =>
      `Bảng đang theo bộ tiêu chí ${current}. “Cập nhật” chuyển sang ${chosen} và giữ mọi mục đã nhập theo tên ô.`,
    recoverTitle: 'Bảng mất trang thông tin ẩn',
    recover: (sheet: string) =>
      `Trang “${sheet}” có tên ô của bảng tự chấm điểm nhưng mất trang thông tin ẩn (thường do trang được sao chép sang sổ mới). ` +
      '“Cập nhật” khôi phục bảng theo bộ tiêu chí đã chọn và giữ mọi mục đã nhập.',
    recovered: 'Đã khôi phục bảng tự chấm điểm',
    sheetOf: (unit: string) => `Đã có bảng của ${unit}`,
    sheetExists: 'Đã có bảng',
    created: 'Đã tạo bảng tự chấm điểm',
    upgraded: 'Đã cập nhật bảng tự chấm điểm',
    kept: (count: number) => `Giữ lại ${formatNumber(count)} mục đã nhập.`,
    nextStep: `Nhập điểm tự chấm và minh chứng vào các ô trắng; thẻ “${TAB_LABELS.check}” liệt kê những gì còn thiếu.`,
    orphansTitle: (count: number) => `${formatNumber(count)} mục đã nhập không còn tiêu chí tương ứng`,
    orphans: 'Bộ tiêu chí mới không có các ô dưới đây. Giá trị đã nhập:',
    orphansLabel: 'Mục không còn tiêu chí',
    cannotUpgrade: 'Không cập nhật được bảng',
    cannotCreate: 'Không tạo được bảng',
    unitNameNeeded: 'Nhập tên đơn vị, ví dụ: Hội LHPN huyện Hà Quảng.',
    signerHint: (line: string) => `Họ tên in dưới dòng “${line}”; để trống nếu chưa có.`,
    /** Before the chosen rubric (which names the signature lines) has loaded. */
    signerHintAny: 'Họ tên in ở khối chữ ký; để trống nếu chưa có.',
    upgrade: 'Cập nhật',
    create: TAB_LABELS.generate,
    upgrading: 'Đang cập nhật…',
    creating: 'Đang tạo bảng…',
    writesTo: (sheet: string) => `Bảng ghi vào trang “${sheet}” của sổ làm việc đang mở.`,
  },
} as const;
