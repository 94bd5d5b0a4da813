/**
 * How the import's review list is headed, by the command line and the pane
 * alike. Part of the one catalog (see ./messages); numbers go through ./format.
 */
import { formatNumber } from './format';

/** The import's review list, as the command line and the pane both head it. */
export const REVIEW_TEXT = {
  nothingToReview: 'Không có gì cần xem lại.',
  toReview: (count: number) => `Cần xem lại (${formatNumber(count)}):`,
  reviewHeading: {
    structure: 'Dòng chưa chắc chắn',
    correction: 'Sửa lỗi của văn bản',
    tiers: 'Các mức điểm đọc từ cách tính điểm',
    rule: 'Cách tính điểm cần xem lại',
    sum: 'Điểm không khớp',
  },
} as const;
