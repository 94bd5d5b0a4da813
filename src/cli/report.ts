import type { CheckReport } from '../check';
import { CLI_TEXT, rubricLabel } from '../text/messages';

/** The check's human report, in Vietnamese. */
export function formatCheckReport(file: string, report: CheckReport): string {
  const s = report.score;
  const lines = [
    CLI_TEXT.reportFile(file),
    CLI_TEXT.reportUnit(report.unitName),
    CLI_TEXT.reportRubric(rubricLabel(report.rubric.id, report.rubric.version)),
    CLI_TEXT.reportScored(s.scoredCount, s.criterionCount),
    CLI_TEXT.reportPoints(Object.entries(s.sections), s.bonus, s.deduction),
    CLI_TEXT.reportTotal(s.total),
  ];
  if (report.problems.length === 0) {
    lines.push(CLI_TEXT.noProblems);
  } else {
    const errors = report.problems.filter((p) => p.severity === 'error').length;
    lines.push(CLI_TEXT.problemCount(report.problems.length, errors));
    for (const p of report.problems) lines.push(`  [${CLI_TEXT.severity[p.severity]}] ${p.code}: ${p.message}`);
  }
  return lines.join('\n');
}
