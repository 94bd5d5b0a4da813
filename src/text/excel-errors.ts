/**
 * Which Excel runs the add-in and what Excel's errors mean: what the pane may
 * need to say before any operation has loaded (part of the catalog, see ./messages).
 */

/**
 * Which Excel runs the add-in, after Microsoft's requirement-set tables
 * (README, "Which Excel runs the add-in", says the same per Office version),
 * and what works without it.
 */
export const SUPPORT_TEXT = {
  tooOld: 'Excel này chưa chạy được tiện ích: tiện ích cần Excel hỗ trợ ExcelApi 1.8.',
  runsIn:
    'Tiện ích chạy trong Excel của Microsoft 365 (Windows, Mac), Excel trên web, Excel 2021 và 2024, và Excel 2016 hoặc 2019 bản mua lẻ đã cập nhật; Excel 2016 và 2019 bản cấp phép số lượng lớn (volume license) không chạy được.',
  withoutAddin:
    'Không có tiện ích vẫn làm được việc chính: mở bảng tự chấm điểm (tệp .xlsx Hội LHPN tỉnh gửi) bằng Excel bất kỳ, WPS hoặc LibreOffice, nhập điểm và minh chứng; bảng tự báo ô sai và tự tính tổng điểm.',
  printLayout: 'In tự động khổ A4 cần ExcelApi 1.9 (Microsoft 365, Excel trên web, Excel 2021 trở lên).',
} as const;

/** Excel's error codes in Vietnamese, and the refusal of an Excel too old for the add-in. */
export const EXCEL_ERROR_TEXT = {
  errorCodes: {
    InvalidOperationInCellEditMode: 'Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để rời ô đang sửa rồi thử lại.',
    AccessDenied: 'Excel từ chối thao tác: trang tính hoặc sổ làm việc đang được bảo vệ, hoặc bạn không có quyền sửa.',
    ItemAlreadyExists: 'Sổ làm việc đã có một mục cùng tên.',
    ItemNotFound: 'Không tìm thấy trang tính hoặc tên ô cần dùng; có thể nó vừa bị xoá hoặc đổi tên.',
    InvalidArgument: 'Excel không chấp nhận dữ liệu được gửi tới.',
    InvalidOperation: 'Excel không cho phép thao tác này lúc này.',
    ApiNotFound: 'Phiên bản Excel này chưa hỗ trợ chức năng cần dùng. Hãy cập nhật Excel.',
    GeneralException: 'Excel gặp lỗi khi thực hiện thao tác.',
  } as Record<string, string>,
  unknownError: 'Excel báo lỗi khi thực hiện thao tác.',
  /** Excel's own code and (English) text, for the details a user may open, never in the message itself. */
  codeDetail: (code: string, original: string) => `Mã lỗi Excel: ${code}${original ? ` — ${original}` : ''}`,
  tooOld: `${SUPPORT_TEXT.tooOld} ${SUPPORT_TEXT.runsIn} ${SUPPORT_TEXT.withoutAddin}`,
} as const;
