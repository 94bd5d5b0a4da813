/** Names and labels that many messages share, and the first screen of the task pane shows (part of the catalog, see ./messages). */

/** "hlhpn-caobang-huyen phiên bản 2024.1". */
export const rubricLabel = (id: string, version: string) => `${id} phiên bản ${version}`;

/** Who a problem belongs to: a criterion ("Tiêu chí 14.1") or a bonus/deduction item ("Mục V.1"). */
export const ownerLabel = (owner: string) => (/^\d/.test(owner) ? `Tiêu chí ${owner}` : `Mục ${owner}`);

/** What the user is asked to enter, as the sheet's column headings and the messages name it. */
export const INPUT_LABELS = {
  unitName: 'Tên đơn vị',
  dateLine: 'Địa danh, ngày tháng',
  preparerName: 'Họ tên người lập biểu',
  signerName: 'Họ tên người ký',
  target: 'Chỉ tiêu đăng ký',
  achieved: 'Kết quả thực hiện',
  score: 'Điểm tự chấm',
  evidence: 'Minh chứng',
  note: 'Ghi chú',
  bonus: 'Điểm thưởng',
  deduction: 'Điểm trừ',
} as const;

/** The task pane's tabs, as the pane shows them and messages point to them. */
export const TAB_LABELS = { generate: 'Tạo bảng', check: 'Kiểm tra', print: 'In', merge: 'Tổng hợp', rubric: 'Bộ tiêu chí' } as const;

/** The names of the sheets chamdiem adds to a workbook, as users see them on the sheet tabs. */
export const SHEET_LABELS = { selfAssessment: 'Tự chấm điểm' } as const;
