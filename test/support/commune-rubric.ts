/**
 * A rubric for commune and ward Unions (after the 2025 reform), unlike the
 * 2024 district one in every way the importer must follow: three sections
 * and different points, missions without numbered groups, decimal points,
 * sub-items numbered "7.1", a header worded differently, sections numbered
 * by Word's automatic list, and tier tables worded another way ("thiếu 2
 * đến 3 kỳ", "chậm từ 3 báo cáo trở lên", several tiers on one line).
 */
import rubric2024 from '../../src/rubric/data/2024.json';
import { loadRubric, type Rubric } from '../../src/rubric';
import type { FixtureOptions } from './rubric-docx';

const doc2024 = (rubric2024 as unknown as Rubric).document;

export const COMMUNE_HEADER = ['TT', 'Nội dung tiêu chí', 'Điểm tối đa', 'Cách chấm điểm', 'Tài liệu minh chứng'];

/** How the commune document is laid out. */
export const COMMUNE_LAYOUT: FixtureOptions = {
  header: COMMUNE_HEADER,
  numberSubItems: true,
  criterionDot: true,
  numberItems: true,
  autoNumberSections: true,
};

export function communeRubric(): Rubric {
  const rubric: Rubric = {
    id: 'hlhpn-caobang-xa',
    version: '2025.1',
    year: 2025,
    title: 'BỘ TIÊU CHÍ ĐÁNH GIÁ THI ĐUA',
    subtitle: 'CÔNG TÁC HỘI VÀ PHONG TRÀO PHỤ NỮ ĐỐI VỚI HỘI LHPN XÃ, PHƯỜNG NĂM 2025',
    basis: '(Kèm theo Hướng dẫn số 05/HD-BTV ngày 10 tháng 01 năm 2025 của Ban Thường vụ Hội LHPN tỉnh)',
    corrections: [],
    document: { ...doc2024, reportTitle: 'BẢN TỰ CHẤM ĐIỂM THI ĐUA NĂM 2025' },
    sections: [
      {
        type: 'section',
        id: 'I',
        label: 'I.',
        title: 'CÔNG TÁC TUYÊN TRUYỀN, GIÁO DỤC',
        points: 25,
        children: [
          {
            type: 'criterion',
            id: '1',
            text: 'Tổ chức tuyên truyền chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước cho hội viên, phụ nữ.',
            points: 5,
            method: 'Tổ chức ít nhất 04 buổi tuyên truyền/năm.',
            evidence: 'Kế hoạch, báo cáo kết quả, hình ảnh hoạt động.',
            rule: { kind: 'manual' },
          },
          {
            type: 'criterion',
            id: '2',
            text: 'Số hội viên, phụ nữ được tuyên truyền về phòng, chống bạo lực gia đình.',
            points: 5,
            method: 'Chấm theo chỉ tiêu được giao',
            evidence: 'Danh sách, số liệu báo cáo.',
            rule: { kind: 'target' },
          },
          {
            type: 'criterion',
            id: '3',
            text: 'Chi hội đưa nội dung tuyên truyền vào sinh hoạt định kỳ.',
            points: 7.5,
            method: '100% chi hội thực hiện; mỗi chi hội không thực hiện trừ 0,5 điểm.',
            evidence: 'Sổ sinh hoạt chi hội.',
            rule: { kind: 'manual' },
          },
          {
            type: 'criterion',
            id: '4',
            text: 'Tham gia các cuộc thi, hội thi do Hội cấp trên tổ chức.',
            points: 7.5,
            method: 'Tham gia đầy đủ, có giải: 7,5 điểm\nTham gia đầy đủ, không có giải: 5 điểm',
            evidence: 'Danh sách dự thi, giấy khen (nếu có).',
            rule: { kind: 'manual' },
          },
        ],
      },
      {
        type: 'section',
        id: 'II',
        label: 'II.',
        title: 'XÂY DỰNG TỔ CHỨC HỘI VỮNG MẠNH',
        points: 45,
        children: [
          {
            type: 'group',
            id: 'NV1',
            label: '',
            title: 'Nhiệm vụ 1: Phát triển hội viên, nâng cao chất lượng sinh hoạt',
            points: 25,
            children: [
              { type: 'info', id: 'CT1', text: 'Chỉ tiêu 1: Mỗi xã, phường kết nạp thêm ít nhất 30 hội viên mới trong năm.' },
              {
                type: 'criterion',
                id: '5',
                text: 'Số hội viên mới kết nạp trong năm.',
                points: 10,
                method: 'Chấm theo chỉ tiêu được giao',
                evidence: 'Danh sách hội viên mới, số liệu trên phần mềm.',
                rule: { kind: 'target' },
              },
              {
                type: 'criterion',
                id: '6',
                text: 'Các chi hội sinh hoạt định kỳ theo quy định.',
                points: 8,
                method: 'Tổ chức đủ 12 kỳ sinh hoạt: 08 điểm; thiếu 1 kỳ: 06 điểm; thiếu 2 đến 3 kỳ: 04 điểm; thiếu từ 4 kỳ trở lên: 0 điểm',
                evidence: 'Sổ sinh hoạt chi hội.',
                rule: {
                  kind: 'tiers',
                  combine: 'min',
                  inputs: [
                    {
                      key: 'Ky',
                      label: 'Số kỳ thiếu',
                      tiers: [
                        { from: 0, points: 8 },
                        { from: 1, points: 6 },
                        { from: 2, points: 4 },
                        { from: 4, points: 0 },
                      ],
                    },
                  ],
                },
              },
              {
                type: 'criterion',
                id: '7',
                text: 'Xây dựng mô hình, câu lạc bộ thu hút hội viên, trong đó:',
                points: 7,
                method: '',
                evidence: '',
                rule: { kind: 'sum' },
                subItems: [
                  {
                    id: '7.1',
                    text: 'Thành lập mới mô hình, câu lạc bộ',
                    points: 3.5,
                    method: 'Có quyết định thành lập.',
                    evidence: 'Quyết định, danh sách thành viên.',
                    rule: { kind: 'manual' },
                  },
                  {
                    id: '7.2',
                    text: 'Duy trì hoạt động các mô hình sẵn có',
                    points: 3.5,
                    method: 'Sinh hoạt ít nhất 01 lần/quý.',
                    evidence: 'Sổ sinh hoạt, hình ảnh.',
                    rule: { kind: 'manual' },
                  },
                ],
              },
            ],
          },
          {
            type: 'group',
            id: 'NV2',
            label: '',
            title: 'Nhiệm vụ 2: Xây dựng đội ngũ cán bộ Hội',
            points: 20,
            children: [
              {
                type: 'criterion',
                id: '8',
                text: 'Cán bộ chi hội được tập huấn nghiệp vụ công tác Hội.',
                points: 10,
                method: 'Chấm theo chỉ tiêu được giao',
                evidence: 'Danh sách học viên, chương trình tập huấn.',
                rule: { kind: 'target' },
              },
              {
                type: 'criterion',
                id: '9',
                text: 'Cán bộ Hội cơ sở sử dụng thành thạo phần mềm quản lý hội viên.',
                points: 10,
                method: '100% cán bộ chuyên trách sử dụng phần mềm.',
                evidence: 'Số liệu cập nhật trên phần mềm.',
                rule: { kind: 'manual' },
              },
            ],
          },
        ],
      },
      {
        type: 'section',
        id: 'III',
        label: 'III.',
        title: 'CÔNG TÁC THÔNG TIN, BÁO CÁO',
        points: 10,
        children: [
          {
            type: 'criterion',
            id: '10',
            text: 'Gửi báo cáo định kỳ đúng hạn.',
            points: 6,
            method: '- Không có báo cáo chậm: 06 điểm\n- Chậm 1 - 2 báo cáo: 04 điểm\n- Chậm từ 3 báo cáo trở lên: 0 điểm',
            evidence: 'Văn phòng theo dõi.',
            rule: {
              kind: 'tiers',
              combine: 'min',
              inputs: [
                {
                  key: 'BaoCao',
                  label: 'Số báo cáo chậm',
                  tiers: [
                    { from: 0, points: 6 },
                    { from: 1, points: 4 },
                    { from: 3, points: 0 },
                  ],
                },
              ],
            },
          },
          {
            type: 'criterion',
            id: '11',
            text: 'Cập nhật số liệu hội viên trên phần mềm.',
            points: 4,
            method: 'Cập nhật hằng tháng.',
            evidence: 'Số liệu trên phần mềm.',
            rule: { kind: 'manual' },
          },
        ],
      },
    ],
    bonus: {
      id: 'IV',
      title: 'ĐIỂM THƯỞNG',
      cap: 10,
      items: [
        { id: '1', text: 'Có mô hình mới được Hội LHPN tỉnh biểu dương.' },
        { id: '2', text: 'Hoàn thành xuất sắc nhiệm vụ đột xuất được giao.' },
        { id: '3', text: 'Các nội dung khác.' },
      ],
    },
    deduction: {
      id: 'V',
      title: 'ĐIỂM TRỪ',
      cap: 10,
      items: [
        { id: '1', text: 'Để xảy ra vụ việc phức tạp liên quan đến phụ nữ mà không báo cáo kịp thời.' },
        { id: '2', text: 'Nộp hội phí chậm hoặc không đầy đủ.' },
      ],
    },
  };
  return loadRubric(rubric).rubric;
}
