import type { CheckReport } from '../check';
import type { Problem } from '../scoring/problems';

const fmt = (n: number) => String(Math.round(n * 100) / 100).replace('.', ',');

const SEVERITY_LABEL: Record<Problem['severity'], string> = { error: 'LỖI', warning: 'CẢNH BÁO' };

/** The check's human report, in Vietnamese. */
export function formatCheckReport(file: string, report: CheckReport): string {
  const s = report.score;
  const lines = [
    `Tệp: ${file}`,
    `Đơn vị: ${report.unitName || '(chưa nhập)'}`,
    `Bộ tiêu chí: ${report.rubric.id} phiên bản ${report.rubric.version}`,
    `Đã chấm: ${s.scoredCount}/${s.criterionCount} tiêu chí`,
    `Điểm: ${Object.entries(s.sections)
      .map(([id, v]) => `${id} ${fmt(v)}`)
      .join(' | ')} | Thưởng ${fmt(s.bonus)} | Trừ ${fmt(s.deduction)}`,
    `Tổng điểm: ${fmt(s.total)}`,
  ];
  if (report.problems.length === 0) {
    lines.push('Không có vấn đề.');
  } else {
    const errors = report.problems.filter((p) => p.severity === 'error').length;
    lines.push(`Vấn đề: ${report.problems.length} (${errors} lỗi, ${report.problems.length - errors} cảnh báo)`);
    for (const p of report.problems) lines.push(`  [${SEVERITY_LABEL[p.severity]}] ${p.code}: ${p.message}`);
  }
  return lines.join('\n');
}
