/**
 * The task pane's Bộ tiêu chí tab. Part of the one catalog (see ./messages); numbers go through ./format.
 */
import { formatNumber } from './format';

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
