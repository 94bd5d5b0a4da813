/**
 * The consolidated workbook as pure data: sheets "Tổng hợp", "Xếp hạng",
 * "Kiểm tra" and "Minh chứng". The file writer (src/xlsx/merge-write.ts)
 * writes it as a new .xlsx; the Office.js writer (src/excel/write-merge.ts)
 * applies it to the open workbook. String values are literal text and must
 * be written as text.
 */
import type { LoadedRubric } from '../rubric';
import { a1, rangeA1, sheetRef, type RangeRef } from '../layout/a1';
import {
  appraisalDiffersFormula,
  appraisedScoreFormula,
  cappedSumFormula,
  grandTotalFormula,
  invalidEntryFormula,
  rankFormula,
  roundedFormula,
  sumFormula,
} from '../layout/formulas';
import { numberValidation, ruleKey, verticalRuns, type PlanValidation } from '../layout/rules';
import { BODY_SIZE } from '../layout/styles';
import { DOCUMENT_MARGINS_MM, keepTogether, placeDateLine } from '../layout/document';
import { fittedRowHeight } from '../layout/text-fit';
import type { NumberRule } from '../scoring/inputs';
import { ownerLabel } from '../text/messages';
import type { MergeResult } from './consolidate';
import { STATUS_LABEL } from './problems';
import { isLeaf, mergeRows, type MergeRow } from './rows';
import type { MergeFlag, MergeStyleName } from './styles';

export const MERGE_SHEETS = {
  summary: 'Tổng hợp',
  ranking: 'Xếp hạng',
  check: 'Kiểm tra',
  evidence: 'Minh chứng',
} as const;

export interface MergeCell {
  row: number;
  col: number;
  /** Strings are literal text, never formulas. */
  value?: string | number;
  /** Without the leading "=". */
  formula?: string;
  style: MergeStyleName;
  /** Input cells stay editable on a protected sheet. */
  unlocked?: boolean;
}

export interface MergeConditionalFormat {
  range: RangeRef;
  /** Relative to the range's top-left cell. */
  formula: string;
  flag: MergeFlag;
}

export interface MergeSheetPlan {
  name: string;
  columnWidths: number[];
  cells: MergeCell[];
  merges: RangeRef[];
  rowHeights: Map<number, number>;
  frozen: { rows: number; cols: number };
  validations: PlanValidation[];
  conditionalFormats: MergeConditionalFormat[];
  autoFilter?: RangeRef;
  /** Protected without a password: only unlocked cells take typing. */
  protect: boolean;
  print: {
    paperSize: 'A4';
    orientation: 'portrait' | 'landscape';
    /** Shrink to one page wide; otherwise pages run across at `scale` with the title columns repeated. */
    fitToWidth: boolean;
    scale?: number;
    titleRows: { from: number; to: number };
    titleCols?: { from: number; to: number };
    /** Manual page breaks to the right of these columns. */
    columnBreaksAfter?: number[];
    /** Manual page breaks above these rows. */
    rowBreaksBefore?: number[];
    marginsMm: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
    /** Header and footer codes (&C centre, &P page, &N pages); a first-page header makes page 1 differ. */
    header?: string;
    firstPageHeader?: string;
    footer?: string;
  };
}

export interface MergeLayout {
  /** Row of each rubric row (merge row key) on "Tổng hợp". */
  rowOf: Record<string, number>;
  totalRow: number;
  rankRow: number;
  /** Per merged unit (same order as MergeResult.units). */
  unitColumns: { self: number; appraisal: number }[];
  /** Per merged unit: its row on "Xếp hạng". */
  rankingRowOf: number[];
  rankingColumns: { rank: number; unit: number; sections: Record<string, number>; total: number; selfTotal: number };
  /** Per input file: its row on "Kiểm tra". */
  checkRowOf: number[];
}

export interface MergePlan {
  sheets: MergeSheetPlan[];
  layout: MergeLayout;
}

export interface MergePlanOptions {
  /** Shown in the notes; fixed in tests for reproducible files. */
  mergedAt?: string;
  /**
   * Names for the sheets when the standard ones are taken (an open workbook
   * that already holds an earlier merge); every reference between the
   * sheets uses them.
   */
  sheetNames?: Partial<Record<keyof typeof MERGE_SHEETS, string>>;
}

/** Excel keeps at most this many characters in a cell. */
const CELL_TEXT_MAX = 32767;
const MAX_ROW_HEIGHT = 409;

/**
 * Text from a file as a cell can hold it: characters XML cannot carry are
 * dropped, and overlong text is cut with a visible mark.
 */
export function cellSafeText(text: string): string {
  const clean = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  return clean.length <= CELL_TEXT_MAX ? clean : `${clean.slice(0, CELL_TEXT_MAX - 1)}…`;
}

/** A row tall enough for each (text, column width) pair, within Excel's limit. */
function heightFor(texts: [string, number][], minimum = 18): number {
  const boxes = texts.map(([text, widthChars]) => ({ text, widthChars, sizePt: BODY_SIZE }));
  return Math.min(MAX_ROW_HEIGHT, fittedRowHeight(boxes, minimum));
}

function sheetBuilder() {
  const cells: MergeCell[] = [];
  const merges: RangeRef[] = [];
  const rowHeights = new Map<number, number>();
  return {
    cells,
    merges,
    rowHeights,
    put(row: number, col: number, cell: Omit<MergeCell, 'row' | 'col'>) {
      cells.push({ row, col, ...cell, ...(typeof cell.value === 'string' ? { value: cellSafeText(cell.value) } : {}) });
    },
    merge(top: number, left: number, bottom: number, right: number) {
      merges.push({ top, left, bottom, right });
    },
  };
}

const APPRAISAL_LABEL = 'Điểm thẩm định';

const FIRST_UNIT_COL = 4;
/** Units per printed page of "Tổng hợp": a unit's two columns never part. */
const UNITS_PER_PAGE = 3;
const SUMMARY_HEADER_ROW = 5;
const SUMMARY_FIRST_ROW = 7;
const RANKING_HEADER_ROW = 9;
/** Working sheets print with narrow margins and a page count in the footer. */
const WORKING_MARGINS_MM = { top: 15, bottom: 15, left: 10, right: 10, header: 8, footer: 8 };
const CHECK_HEADER_ROW = 4;
const EVIDENCE_HEADER_ROW = 3;

const fmt = (n: number) => String(Math.round(n * 100) / 100).replace('.', ',');

export function buildMergePlan(result: MergeResult, loaded: LoadedRubric, options: MergePlanOptions = {}): MergePlan {
  const { rubric } = loaded;
  const sheetNames = { ...MERGE_SHEETS, ...options.sheetNames };
  const rows = mergeRows(rubric);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const units = result.units;

  // ---- Tổng hợp -----------------------------------------------------------
  const s = sheetBuilder();
  const unitColumns = units.map((_, i) => ({ self: FIRST_UNIT_COL + 2 * i, appraisal: FIRST_UNIT_COL + 2 * i + 1 }));
  const rowOf: Record<string, number> = {};
  rows.forEach((r, i) => (rowOf[r.key] = SUMMARY_FIRST_ROW + i));
  const totalRow = SUMMARY_FIRST_ROW + rows.length;
  const rankRow = totalRow + 1;

  const counts = { files: result.files.length, rejected: result.files.filter((f) => f.status === 'rejected').length };
  s.put(1, 1, { value: `TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM ${rubric.year}`, style: 'title' });
  s.put(2, 1, { value: rubric.subtitle, style: 'subtitle' });
  s.put(3, 1, {
    value:
      `Tổng hợp ${units.length} đơn vị từ ${counts.files} tệp` +
      (counts.rejected > 0 ? ` (${counts.rejected} tệp bị loại, xem trang ${sheetNames.check})` : '') +
      (options.mergedAt ? `, lúc ${options.mergedAt}` : '') +
      '. Ô Thẩm định để trống thì tính điểm tự chấm; ô thẩm định khác điểm tự chấm được tô xanh;' +
      ' điểm không hợp lệ (tô đỏ) không được tính.',
    style: 'note',
  });
  s.rowHeights.set(1, 22);
  s.rowHeights.set(2, 20);
  s.rowHeights.set(3, 18);

  const hr = SUMMARY_HEADER_ROW;
  (['STT', 'Tiêu chí đánh giá', 'Điểm chuẩn'] as const).forEach((text, i) => {
    s.put(hr, i + 1, { value: text, style: 'header' });
    s.put(hr + 1, i + 1, { style: 'header' });
    s.merge(hr, i + 1, hr + 1, i + 1);
  });
  units.forEach((u, i) => {
    const { self, appraisal } = unitColumns[i];
    s.put(hr, self, { value: u.label, style: 'header' });
    s.put(hr, appraisal, { style: 'header' });
    s.merge(hr, self, hr, appraisal);
    s.put(hr + 1, self, { value: 'Tự chấm', style: 'header' });
    s.put(hr + 1, appraisal, { value: 'Thẩm định', style: 'header' });
  });
  s.rowHeights.set(hr, heightFor(units.map((u) => [u.label, 20] as [string, number]), 36));
  s.rowHeights.set(hr + 1, 20);

  const labelStyle = (r: MergeRow): [MergeStyleName, MergeStyleName, MergeStyleName] => {
    if (r.kind === 'section' || r.kind === 'adjustment') return ['section', 'section', 'sectionScore'];
    if (r.kind === 'group') return ['group', 'group', 'groupScore'];
    if (r.kind === 'subItem') return ['criterionCenter', 'subItem', 'number'];
    return ['criterionCenter', 'criterion', 'number'];
  };
  const scoreStyle = (r: MergeRow): MergeStyleName =>
    r.kind === 'section' || r.kind === 'adjustment' ? 'sectionScore' : r.kind === 'group' ? 'groupScore' : 'computedScore';

  const validationItems: { row: number; col: number; rule: NumberRule }[] = [];
  for (const r of rows) {
    const row = rowOf[r.key];
    const [labelSt, textSt, maxSt] = labelStyle(r);
    s.put(row, 1, { value: r.label, style: labelSt });
    s.put(row, 2, { value: r.text, style: textSt });
    s.put(row, 3, r.max !== undefined && r.kind !== 'adjustmentItem' ? { value: r.max, style: maxSt } : { style: maxSt });
    // Headings are bold capitals: fewer characters fit a line.
    s.rowHeights.set(row, heightFor([[r.text, r.kind === 'section' || r.kind === 'adjustment' || r.kind === 'group' ? 36 : 48]]));
    units.forEach((u, i) => {
      const cols = unitColumns[i];
      const selfRef = (key: string) => a1(rowOf[key], cols.self);
      const appraisalRef = (key: string) => a1(rowOf[key], cols.appraisal);
      // A child's appraised points: leaves fall back to the self-score, sums already did.
      const appraisedTerm = (key: string) => {
        const child = byKey.get(key) as MergeRow;
        return isLeaf(child) ? appraisedScoreFormula(selfRef(key), appraisalRef(key), child.rule as NumberRule) : appraisalRef(key);
      };
      if (isLeaf(r)) {
        // An invalid entry is shown as text: SUM and the appraisal formulas count it 0.
        const v = u.selfScores[r.key];
        const invalid = u.invalidScores[r.key];
        s.put(
          row,
          cols.self,
          invalid !== undefined
            ? { value: invalid, style: 'selfInvalid' }
            : v === null || v === undefined
              ? { style: 'self' }
              : { value: v, style: 'self' },
        );
        s.put(row, cols.appraisal, { style: 'appraisal', unlocked: true });
        validationItems.push({ row, col: cols.appraisal, rule: r.rule as NumberRule });
      } else if (r.kind === 'sumCriterion') {
        const v = u.selfScores[r.key];
        s.put(row, cols.self, v === null || v === undefined ? { style: 'self' } : { value: v, style: 'self' });
        s.put(row, cols.appraisal, { formula: sumFormula(r.children.map(appraisedTerm)), style: 'computedScore' });
      } else {
        const sum = (refs: string[]) => (r.cap !== undefined ? cappedSumFormula(r.cap, refs) : sumFormula(refs));
        s.put(row, cols.self, { formula: sum(r.children.map(selfRef)), style: scoreStyle(r) });
        s.put(row, cols.appraisal, { formula: sum(r.children.map(appraisedTerm)), style: scoreStyle(r) });
      }
    });
  }

  const sectionKeys = rubric.sections.map((x) => x.id);
  s.put(totalRow, 1, { style: 'totalLabel' });
  s.put(totalRow, 2, { value: 'TỔNG ĐIỂM', style: 'totalLabel' });
  s.put(totalRow, 3, { style: 'totalLabel' });
  s.rowHeights.set(totalRow, 24);
  s.put(rankRow, 1, { style: 'rankLabel' });
  s.put(rankRow, 2, { value: 'XẾP HẠNG (theo điểm thẩm định)', style: 'rankLabel' });
  s.put(rankRow, 3, { style: 'rankLabel' });
  s.rowHeights.set(rankRow, 24);

  // ---- Xếp hạng (built before its references are needed) -------------------
  const k = sheetBuilder();
  const rc = {
    rank: 1,
    unit: 2,
    sections: Object.fromEntries(sectionKeys.map((id, i) => [id, 3 + i])) as Record<string, number>,
    bonus: 3 + sectionKeys.length,
    deduction: 4 + sectionKeys.length,
    total: 5 + sectionKeys.length,
    selfTotal: 6 + sectionKeys.length,
  };
  const rankingFirstRow = RANKING_HEADER_ROW + 1;
  const rankingRowOf: number[] = new Array(units.length);
  result.ranking.forEach((unitIndex, position) => (rankingRowOf[unitIndex] = rankingFirstRow + position));
  const rankingLastRow = rankingFirstRow + Math.max(1, units.length) - 1;
  const totalsRange = sheetRef(
    sheetNames.ranking,
    rangeA1({ top: rankingFirstRow, left: rc.total, bottom: rankingLastRow, right: rc.total }, true),
  );

  units.forEach((_, i) => {
    const cols = unitColumns[i];
    const totalOf = (col: number) =>
      roundedFormula(
        grandTotalFormula(
          sectionKeys.map((id) => a1(rowOf[id], col)),
          a1(rowOf[rubric.bonus.id], col),
          a1(rowOf[rubric.deduction.id], col),
        ),
      );
    s.put(totalRow, cols.self, { formula: totalOf(cols.self), style: 'total' });
    s.put(totalRow, cols.appraisal, { formula: totalOf(cols.appraisal), style: 'total' });
    s.put(rankRow, cols.self, { formula: rankFormula(a1(totalRow, cols.appraisal), totalsRange), style: 'rank' });
    s.put(rankRow, cols.appraisal, { style: 'rank' });
    s.merge(rankRow, cols.self, rankRow, cols.appraisal);
  });

  const appraisalRuns = verticalRuns(validationItems.map(({ row, col, rule }) => ({ row, col, key: ruleKey(rule), value: rule })));
  const summary: MergeSheetPlan = {
    name: sheetNames.summary,
    columnWidths: [6, 48, 8, ...units.flatMap(() => [10, 10])],
    cells: s.cells,
    merges: s.merges,
    rowHeights: s.rowHeights,
    frozen: { rows: hr + 1, cols: 3 },
    validations: appraisalRuns.map(({ range, value }) => numberValidation(range, APPRAISAL_LABEL, value)),
    // An invalid appraisal turns red before the blue of a changed one.
    conditionalFormats: [
      ...appraisalRuns.map(({ range, value }) => ({
        range,
        formula: invalidEntryFormula(a1(range.top, range.left), value),
        flag: 'invalid' as const,
      })),
      ...unitColumns.map((cols) => ({
        range: { top: SUMMARY_FIRST_ROW, left: cols.appraisal, bottom: totalRow, right: cols.appraisal },
        formula: appraisalDiffersFormula(a1(SUMMARY_FIRST_ROW, cols.self), a1(SUMMARY_FIRST_ROW, cols.appraisal)),
        flag: 'appraisalDiffers' as const,
      })),
    ],
    protect: true,
    print: {
      paperSize: 'A4',
      orientation: 'landscape',
      fitToWidth: false,
      scale: 80,
      titleRows: { from: hr, to: hr + 1 },
      titleCols: { from: 1, to: 3 },
      columnBreaksAfter: unitColumns.filter((_, i) => i > 0 && i % UNITS_PER_PAGE === 0).map((c) => c.self - 1),
      marginsMm: WORKING_MARGINS_MM,
      footer: 'Trang &P/&N',
    },
  };

  // The document header of Nghị định 30, the provincial office issuing.
  const doc = rubric.document;
  const lastRankingCol = rc.selfTotal;
  const rankingWidths = [7, 36, ...sectionKeys.map(() => 9), 10, 10, 11, 11];
  const left = [1, rc.unit] as const;
  const right = [rc.unit + 1, lastRankingCol] as const;
  const line = (row: number, [from, to]: readonly [number, number], value: string, style: MergeStyleName) => {
    k.put(row, from, { value, style });
    k.merge(row, from, row, to);
  };
  line(1, left, doc.superior, 'docHeaderBold');
  line(1, right, doc.nationalName, 'docHeaderBold');
  line(2, right, doc.motto, 'motto');
  line(4, right, placeDateLine(doc.place), 'dateLine');
  line(6, [1, lastRankingCol], `XẾP HẠNG THI ĐUA NĂM ${rubric.year}`, 'title');
  line(7, [1, lastRankingCol], rubric.subtitle, 'subtitle');
  line(
    8,
    [1, lastRankingCol],
    `Điểm và hạng lấy theo cột Thẩm định của trang ${sheetNames.summary} và tự cập nhật; thứ tự dòng theo điểm lúc tổng hợp.`,
    'note',
  );
  for (const [row, height] of [
    [1, 20],
    [2, 20],
    [3, 8],
    [4, 22],
    [5, 8],
    [6, 22],
    [7, 36],
    [8, 20],
  ]) {
    k.rowHeights.set(row, height);
  }
  const rankingHeaders: [number, string][] = [
    [rc.rank, 'Hạng'],
    [rc.unit, 'Đơn vị'],
    ...rubric.sections.map((x) => [rc.sections[x.id], `Mục ${x.label}\n(${fmt(x.points)} điểm)`] as [number, string]),
    [rc.bonus, `Điểm thưởng\n(tối đa ${fmt(rubric.bonus.cap)})`],
    [rc.deduction, `Điểm trừ\n(tối đa ${fmt(rubric.deduction.cap)})`],
    [rc.total, 'Tổng điểm'],
    [rc.selfTotal, 'Tổng điểm tự chấm'],
  ];
  for (const [col, text] of rankingHeaders) k.put(RANKING_HEADER_ROW, col, { value: text, style: 'header' });
  k.rowHeights.set(RANKING_HEADER_ROW, 48);
  units.forEach((u, i) => {
    const row = rankingRowOf[i];
    const cols = unitColumns[i];
    const summaryCell = (r: number, col: number) => sheetRef(sheetNames.summary, a1(r, col));
    k.put(row, rc.rank, {
      formula: rankFormula(a1(row, rc.total), rangeA1({ top: rankingFirstRow, left: rc.total, bottom: rankingLastRow, right: rc.total }, true)),
      style: 'rank',
    });
    k.put(row, rc.unit, { value: u.label, style: 'text' });
    for (const id of sectionKeys) k.put(row, rc.sections[id], { formula: summaryCell(rowOf[id], cols.appraisal), style: 'number' });
    k.put(row, rc.bonus, { formula: summaryCell(rowOf[rubric.bonus.id], cols.appraisal), style: 'number' });
    k.put(row, rc.deduction, { formula: summaryCell(rowOf[rubric.deduction.id], cols.appraisal), style: 'number' });
    k.put(row, rc.total, { formula: summaryCell(totalRow, cols.appraisal), style: 'total' });
    k.put(row, rc.selfTotal, { formula: summaryCell(totalRow, cols.self), style: 'number' });
    k.rowHeights.set(row, heightFor([[u.label, 36]], 20));
  });
  // The provincial office signs under the table; the block never parts across pages.
  const signatureStart = rankingLastRow + 2;
  let sr = signatureStart;
  for (const label of doc.rankingSigner.labels) {
    line(sr, right, label, 'signLabel');
    k.rowHeights.set(sr++, 20);
  }
  line(sr, right, doc.rankingSigner.note, 'signNote');
  k.rowHeights.set(sr++, 20);
  k.rowHeights.set(sr, 70);
  const ranking: MergeSheetPlan = {
    name: sheetNames.ranking,
    columnWidths: rankingWidths,
    cells: k.cells,
    merges: k.merges,
    rowHeights: k.rowHeights,
    frozen: { rows: RANKING_HEADER_ROW, cols: 2 },
    validations: [],
    conditionalFormats: [],
    protect: true,
    print: {
      paperSize: 'A4',
      orientation: 'portrait',
      fitToWidth: true,
      titleRows: { from: RANKING_HEADER_ROW, to: RANKING_HEADER_ROW },
      marginsMm: DOCUMENT_MARGINS_MM,
      firstPageHeader: '',
      header: '&C&P',
      rowBreaksBefore: keepTogether({
        heights: k.rowHeights,
        columnWidths: rankingWidths,
        orientation: 'portrait',
        headerRow: RANKING_HEADER_ROW,
        start: signatureStart,
        end: sr,
      }),
    },
  };

  // ---- Kiểm tra -------------------------------------------------------------
  const c = sheetBuilder();
  const tally = (status: keyof typeof STATUS_LABEL) => result.files.filter((f) => f.status === status).length;
  c.put(1, 1, { value: 'KIỂM TRA CÁC TỆP ĐÃ NHẬN', style: 'title' });
  c.put(2, 1, {
    value:
      `${result.files.length} tệp: ${tally('valid')} ${STATUS_LABEL.valid.toLowerCase()}, ` +
      `${tally('warning')} ${STATUS_LABEL.warning.toLowerCase()} (vẫn được tổng hợp), ` +
      `${tally('rejected')} ${STATUS_LABEL.rejected.toLowerCase()} (không được tổng hợp).`,
    style: 'note',
  });
  c.rowHeights.set(1, 22);
  const checkWidths = [6, 30, 32, 12, 9, 90];
  ['STT', 'Tệp', 'Đơn vị', 'Trạng thái', 'Số vấn đề', 'Vấn đề'].forEach((text, i) =>
    c.put(CHECK_HEADER_ROW, i + 1, { value: text, style: 'header' }),
  );
  c.rowHeights.set(CHECK_HEADER_ROW, 24);
  const checkRowOf = result.files.map((_, i) => CHECK_HEADER_ROW + 1 + i);
  result.files.forEach((f, i) => {
    const row = checkRowOf[i];
    const problems = f.problems.map((p) => `• [${p.code}] ${p.message}`).join('\n');
    c.put(row, 1, { value: i + 1, style: 'number' });
    c.put(row, 2, { value: f.file, style: 'text' });
    c.put(row, 3, { value: f.unitName, style: 'text' });
    c.put(row, 4, { value: STATUS_LABEL[f.status], style: f.status });
    c.put(row, 5, { value: f.problems.length, style: 'number' });
    c.put(row, 6, { value: problems, style: 'text' });
    c.rowHeights.set(
      row,
      heightFor([
        [problems, checkWidths[5]],
        [f.file, checkWidths[1]],
        [f.unitName, checkWidths[2]],
      ]),
    );
  });
  const checkLastRow = CHECK_HEADER_ROW + Math.max(1, result.files.length);
  const check: MergeSheetPlan = {
    name: sheetNames.check,
    columnWidths: checkWidths,
    cells: c.cells,
    merges: c.merges,
    rowHeights: c.rowHeights,
    frozen: { rows: CHECK_HEADER_ROW, cols: 0 },
    validations: [],
    conditionalFormats: [],
    autoFilter: { top: CHECK_HEADER_ROW, left: 1, bottom: checkLastRow, right: checkWidths.length },
    protect: false,
    print: {
      paperSize: 'A4',
      orientation: 'landscape',
      fitToWidth: true,
      titleRows: { from: CHECK_HEADER_ROW, to: CHECK_HEADER_ROW },
      marginsMm: WORKING_MARGINS_MM,
      footer: 'Trang &P/&N',
    },
  };

  // ---- Minh chứng -----------------------------------------------------------
  const e = sheetBuilder();
  e.put(1, 1, { value: 'MINH CHỨNG CÁC ĐƠN VỊ ĐÃ GHI', style: 'title' });
  e.rowHeights.set(1, 22);
  const evidenceWidths = [32, 14, 10, 60, 30];
  ['Đơn vị', 'Mục', 'Điểm tự chấm', 'Minh chứng', 'Ghi chú'].forEach((text, i) =>
    e.put(EVIDENCE_HEADER_ROW, i + 1, { value: text, style: 'header' }),
  );
  e.rowHeights.set(EVIDENCE_HEADER_ROW, 24);
  let er = EVIDENCE_HEADER_ROW;
  for (const u of units) {
    for (const item of u.evidence) {
      er++;
      const score = u.selfScores[item.owner];
      const invalid = u.invalidScores[item.owner];
      e.put(er, 1, { value: u.label, style: 'text' });
      e.put(er, 2, { value: ownerLabel(item.owner), style: 'textCenter' });
      e.put(
        er,
        3,
        invalid !== undefined
          ? { value: invalid, style: 'selfInvalid' }
          : score === null || score === undefined
            ? { style: 'number' }
            : { value: score, style: 'number' },
      );
      e.put(er, 4, { value: item.evidence, style: 'text' });
      e.put(er, 5, { value: item.note, style: 'text' });
      e.rowHeights.set(
        er,
        heightFor([
          [item.evidence, evidenceWidths[3]],
          [item.note, evidenceWidths[4]],
          [u.label, evidenceWidths[0]],
        ]),
      );
    }
  }
  const evidence: MergeSheetPlan = {
    name: sheetNames.evidence,
    columnWidths: evidenceWidths,
    cells: e.cells,
    merges: e.merges,
    rowHeights: e.rowHeights,
    frozen: { rows: EVIDENCE_HEADER_ROW, cols: 0 },
    validations: [],
    conditionalFormats: [],
    autoFilter: { top: EVIDENCE_HEADER_ROW, left: 1, bottom: Math.max(er, EVIDENCE_HEADER_ROW + 1), right: evidenceWidths.length },
    protect: false,
    print: {
      paperSize: 'A4',
      orientation: 'landscape',
      fitToWidth: true,
      titleRows: { from: EVIDENCE_HEADER_ROW, to: EVIDENCE_HEADER_ROW },
      marginsMm: WORKING_MARGINS_MM,
      footer: 'Trang &P/&N',
    },
  };

  return {
    sheets: [summary, ranking, check, evidence],
    layout: {
      rowOf,
      totalRow,
      rankRow,
      unitColumns,
      rankingRowOf,
      rankingColumns: { rank: rc.rank, unit: rc.unit, sections: rc.sections, total: rc.total, selfTotal: rc.selfTotal },
      checkRowOf,
    },
  };
}
