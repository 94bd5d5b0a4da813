/**
 * The consolidated workbook as sheet models (src/layout/model.ts): sheets
 * "Tổng hợp", "Xếp hạng", "Kiểm tra" and "Minh chứng". Either writer applies
 * it: the file writer as a new .xlsx, the Office.js writer into the open
 * workbook. String values are literal text and must be written as text.
 */
import type { LoadedRubric, Rubric } from '../rubric';
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
import type { ConditionalFormat, PlanValidation, PrintSetup, SheetModel, WorkbookModel } from '../layout/model';
import { numberValidation, ruleKey, verticalRuns } from '../layout/rules';
import { SheetBuilder, type CellContent } from '../layout/sheet-builder';
import { BODY_SIZE, type StyleName } from '../layout/styles';
import { DOCUMENT_MARGINS_MM, keepTogether, placeDateLine } from '../layout/document';
import { fittedRowHeight, MAX_ROW_HEIGHT_PT } from '../layout/text-fit';
import type { NumberRule } from '../scoring/inputs';
import { INPUT_LABELS, MERGE_SHEET_TEXT, MERGE_TEXT, ownerLabel, WORKBOOK_TEXT } from '../text/messages';
import { CELL_TEXT_MAX, cellSafeText } from '../layout/cell-text';
import type { MergedUnit, MergeResult } from './consolidate';
import { STATUS_LABEL } from './problems';
import { isLeaf, mergeRows, type MergeRow } from './rows';

export const MERGE_SHEETS = MERGE_SHEET_TEXT.names;

const TEXT = MERGE_SHEET_TEXT;

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
  sheets: SheetModel[];
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

type SheetNames = Record<keyof typeof MERGE_SHEETS, string>;


/** A file's problems, one a line, as many as a cell holds; the rest counted, never dropped silently. */
function problemLines(lines: string[]): string {
  const room = CELL_TEXT_MAX - MERGE_TEXT.moreProblems(lines.length).length - 1;
  let used = 0;
  let shown = 0;
  while (shown < lines.length && used + lines[shown].length + 1 <= room) used += lines[shown++].length + 1;
  const kept = lines.slice(0, shown);
  return shown === lines.length ? kept.join('\n') : [...kept, MERGE_TEXT.moreProblems(lines.length - shown)].join('\n');
}

/** A row tall enough for each (text, column width in characters, columns spanned, bold) box, within Excel's limit. */
function heightFor(texts: [string, number, number?, boolean?][], minimum = 18): number {
  const boxes = texts.map(([text, widthChars, columns = 1, bold = false]) => ({ text, widthChars, columns, sizePt: BODY_SIZE, bold }));
  return Math.min(MAX_ROW_HEIGHT_PT, fittedRowHeight(boxes, minimum));
}

const builder = () => new SheetBuilder(cellSafeText);

const FIRST_UNIT_COL = 4;
/** Column widths of "Tổng hợp": STT, criterion, Điểm chuẩn; each unit's Tự chấm and Thẩm định ("Thẩm định" fits one line). */
const SUMMARY_WIDTHS = [6, 48, 8] as const;
const UNIT_COL_WIDTH = 11;
/** Units per printed page of "Tổng hợp": a unit's two columns never part. */
const UNITS_PER_PAGE = 3;
const SUMMARY_HEADER_ROW = 5;
const SUMMARY_FIRST_ROW = 7;
const RANKING_HEADER_ROW = 9;
/** Working sheets print with narrow margins and a page count in the footer. */
const WORKING_MARGINS_MM = { top: 15, bottom: 15, left: 10, right: 10, header: 8, footer: 8 };
const CHECK_HEADER_ROW = 4;
const EVIDENCE_HEADER_ROW = 3;

/** A working sheet's page: one page wide, its header row repeated, "Trang n/N" below. */
function workingPrint(orientation: PrintSetup['orientation'], headerRow: number): PrintSetup {
  return {
    paperSize: 'A4',
    orientation,
    marginsMm: WORKING_MARGINS_MM,
    fit: { pagesWide: 1 },
    titleRows: { from: headerRow, to: headerRow },
    rowBreaksBefore: [],
    columnBreaksAfter: [],
    footer: '&CTrang &P/&N',
  };
}


/**
 * A plan built in steps: the generator pauses after each rubric row, unit
 * or file, so a host can let its thread breathe between steps while it
 * builds a merge of hundreds of units (app/merge.ts drives it).
 */
export type PlanSteps = Generator<void, MergePlan, void>;

export function* mergePlanSteps(result: MergeResult, loaded: LoadedRubric, options: MergePlanOptions = {}): PlanSteps {
  const { rubric } = loaded;
  const sheetNames: SheetNames = { ...MERGE_SHEETS, ...options.sheetNames };
  const summary = yield* summarySheet(result, rubric, sheetNames, options.mergedAt);
  const ranking = yield* rankingSheet(result, rubric, sheetNames, summary.layout);
  const check = yield* checkSheet(result, sheetNames.check);
  const evidence = yield* evidenceSheet(result, sheetNames.evidence);
  return {
    sheets: [summary.sheet, ranking.sheet, check.sheet, evidence],
    layout: { ...summary.layout, rankingRowOf: ranking.rowOf, rankingColumns: ranking.columns, checkRowOf: check.rowOf },
  };
}

/** The whole plan at once, for the command line and the file writer. */
export function buildMergePlan(result: MergeResult, loaded: LoadedRubric, options: MergePlanOptions = {}): MergePlan {
  const steps = mergePlanSteps(result, loaded, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export function mergeWorkbook(plan: MergePlan): WorkbookModel {
  return { sheets: plan.sheets, names: [] };
}

type SummaryLayout = Pick<MergeLayout, 'rowOf' | 'totalRow' | 'rankRow' | 'unitColumns'>;

/** Where the ranking rows are: the rank formulas on "Tổng hợp" point at its totals. */
function rankingRows(result: MergeResult): { rowOf: number[]; first: number; last: number } {
  const first = RANKING_HEADER_ROW + 1;
  const rowOf: number[] = new Array(result.units.length);
  result.ranking.forEach((unitIndex, position) => (rowOf[unitIndex] = first + position));
  return { rowOf, first, last: first + Math.max(1, result.units.length) - 1 };
}

function rankingColumns(rubric: Rubric) {
  const sectionKeys = rubric.sections.map((x) => x.id);
  return {
    rank: 1,
    unit: 2,
    sections: Object.fromEntries(sectionKeys.map((id, i) => [id, 3 + i])) as Record<string, number>,
    bonus: 3 + sectionKeys.length,
    deduction: 4 + sectionKeys.length,
    total: 5 + sectionKeys.length,
    selfTotal: 6 + sectionKeys.length,
  };
}

/** "Tổng hợp": the rubric's rows, per unit its self-scores and an appraisal column, totals and ranks. */
function* summarySheet(result: MergeResult, rubric: Rubric, sheetNames: SheetNames, mergedAt: string | undefined) {
  const s = builder();
  const rows = mergeRows(rubric);
  const units = result.units;
  const unitColumns = units.map((_, i) => ({ self: FIRST_UNIT_COL + 2 * i, appraisal: FIRST_UNIT_COL + 2 * i + 1 }));
  const rowOf: Record<string, number> = {};
  rows.forEach((r, i) => (rowOf[r.key] = SUMMARY_FIRST_ROW + i));
  const totalRow = SUMMARY_FIRST_ROW + rows.length;
  const layout: SummaryLayout = { rowOf, totalRow, rankRow: totalRow + 1, unitColumns };

  summaryHeading(s, result, rubric, sheetNames, mergedAt);
  summaryColumnHeaders(s, result, unitColumns);
  yield;
  const appraisals = yield* summaryRows(s, result, rows, layout);
  summaryTotals(s, result, rubric, layout, sheetNames);
  yield;

  const hr = SUMMARY_HEADER_ROW;
  const appraisalRuns = verticalRuns(appraisals.map(({ row, col, rule }) => ({ row, col, key: ruleKey(rule), value: rule })));
  // Each run of alike appraisal cells takes its validation and its flag rule: thousands for a hundred units.
  const validations: PlanValidation[] = [];
  const invalidFlags: ConditionalFormat[] = [];
  for (const [i, { range, value }] of appraisalRuns.entries()) {
    if (i % 250 === 0) yield;
    validations.push(numberValidation(range, TEXT.appraisalLabel, value));
    invalidFlags.push({ range, formula: invalidEntryFormula(a1(range.top, range.left), value), flag: 'invalid' });
  }
  const sheet: SheetModel = {
    name: sheetNames.summary,
    columnWidths: [...SUMMARY_WIDTHS, ...units.flatMap(() => [UNIT_COL_WIDTH, UNIT_COL_WIDTH])],
    cells: s.cells,
    merges: s.merges,
    rowHeights: s.rowHeights,
    frozen: { rows: hr + 1, cols: 3 },
    validations,
    // An invalid appraisal turns red before the blue of a changed one.
    conditionalFormats: [
      ...invalidFlags,
      ...unitColumns.map((cols) => ({
        range: { top: SUMMARY_FIRST_ROW, left: cols.appraisal, bottom: totalRow, right: cols.appraisal },
        formula: appraisalDiffersFormula(a1(SUMMARY_FIRST_ROW, cols.self), a1(SUMMARY_FIRST_ROW, cols.appraisal)),
        flag: 'appraisalDiffers' as const,
      })),
    ],
    protection: { password: '', allowFormatting: true },
    visibility: 'visible',
    print: {
      paperSize: 'A4',
      orientation: 'landscape',
      marginsMm: WORKING_MARGINS_MM,
      // Three units beside the criteria fit the page at 100 %: the table prints at 12 pt, as the district sheet.
      fit: { scale: 100 },
      titleRows: { from: hr, to: hr + 1 },
      titleCols: { from: 1, to: 3 },
      rowBreaksBefore: [],
      columnBreaksAfter: unitColumns.filter((_, i) => i > 0 && i % UNITS_PER_PAGE === 0).map((c) => c.self - 1),
      footer: '&CTrang &P/&N',
    },
  };
  return { sheet, layout };
}

function summaryHeading(s: SheetBuilder, result: MergeResult, rubric: Rubric, sheetNames: SheetNames, mergedAt: string | undefined): void {
  const rejected = result.files.filter((f) => f.status === 'rejected').length;
  s.put(1, 1, { value: TEXT.summaryTitle(rubric.year), style: 'sheetTitle' });
  s.put(2, 1, { value: rubric.subtitle, style: 'sheetSubtitle' });
  // The note wraps within the first page's columns, so the printout never cuts it at the page's edge.
  const note = TEXT.summaryNote(result.units.length, result.files.length, rejected, sheetNames.check, mergedAt);
  const noteRight = SUMMARY_WIDTHS.length + 2 * Math.max(1, Math.min(UNITS_PER_PAGE, result.units.length));
  s.span(3, [1, noteRight], { value: note, style: 'noteWrapped' });
  const noteWidth = SUMMARY_WIDTHS.reduce((a, b) => a + b, 0) + (noteRight - SUMMARY_WIDTHS.length) * UNIT_COL_WIDTH;
  s.height(1, 22);
  s.height(2, 20);
  s.height(3, heightFor([[note, noteWidth, noteRight]]));
}

function summaryColumnHeaders(s: SheetBuilder, result: MergeResult, unitColumns: SummaryLayout['unitColumns']): void {
  const hr = SUMMARY_HEADER_ROW;
  [WORKBOOK_TEXT.columns.stt, WORKBOOK_TEXT.columns.criterion, WORKBOOK_TEXT.columns.maxPoints].forEach((text, i) => {
    s.put(hr, i + 1, { value: text, style: 'header' });
    s.put(hr + 1, i + 1, { style: 'header' });
    s.merge(hr, i + 1, hr + 1, i + 1);
  });
  result.units.forEach((u, i) => {
    const { self, appraisal } = unitColumns[i];
    s.put(hr, self, { value: u.label, style: 'header' });
    s.put(hr, appraisal, { style: 'header' });
    s.merge(hr, self, hr, appraisal);
    s.put(hr + 1, self, { value: TEXT.selfScore, style: 'header' });
    s.put(hr + 1, appraisal, { value: TEXT.appraisal, style: 'header' });
  });
  s.height(hr, heightFor(result.units.map((u) => [u.label, 2 * UNIT_COL_WIDTH, 2, true] as const), 36));
  s.height(hr + 1, heightFor([[TEXT.selfScore, UNIT_COL_WIDTH, 1, true], [TEXT.appraisal, UNIT_COL_WIDTH, 1, true]], 20));
}

const isHeading = (r: MergeRow) => r.kind === 'section' || r.kind === 'adjustment';

/** Styles of a row's STT, text and Điểm chuẩn cells. */
function labelStyles(r: MergeRow): [StyleName, StyleName, StyleName] {
  if (isHeading(r)) return ['section', 'section', 'sectionScore'];
  if (r.kind === 'group') return ['group', 'group', 'groupScore'];
  if (r.kind === 'subItem') return ['criterionCenter', 'subItem', 'number'];
  return ['criterionCenter', 'criterion', 'number'];
}

const sumStyle = (r: MergeRow): StyleName => (isHeading(r) ? 'sectionScore' : r.kind === 'group' ? 'groupScore' : 'computed');

/**
 * A unit's self-score as read. An invalid entry is shown as text, in red:
 * SUM and the appraisal formulas count it 0.
 */
function selfScoreCell(u: MergedUnit, key: string): CellContent {
  const invalid = u.invalidScores[key];
  if (invalid !== undefined) return { value: invalid, style: 'selfInvalid' };
  const score = u.selfScores[key];
  return score === null || score === undefined ? { style: 'number' } : { value: score, style: 'number' };
}

type Appraisal = { row: number; col: number; rule: NumberRule };

/** Every rubric row with each unit's two cells; returns the appraisal inputs and their rules. */
function* summaryRows(s: SheetBuilder, result: MergeResult, rows: MergeRow[], layout: SummaryLayout): Generator<void, Appraisal[], void> {
  const { rowOf, unitColumns } = layout;
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const appraisals: Appraisal[] = [];
  for (const r of rows) {
    yield;
    const row = rowOf[r.key];
    const [labelSt, textSt, maxSt] = labelStyles(r);
    s.put(row, 1, { value: r.label, style: labelSt });
    s.put(row, 2, { value: r.text, style: textSt });
    s.put(row, 3, r.max !== undefined && r.kind !== 'adjustmentItem' ? { value: r.max, style: maxSt } : { style: maxSt });
    // Headings are bold capitals: fewer characters fit a line.
    s.height(row, heightFor([[r.text, isHeading(r) || r.kind === 'group' ? 36 : 48]]));
    result.units.forEach((u, i) => {
      const cols = unitColumns[i];
      const selfRef = (key: string) => a1(rowOf[key], cols.self);
      const appraisalRef = (key: string) => a1(rowOf[key], cols.appraisal);
      // A child's appraised points: leaves fall back to the self-score, sums already did.
      const appraisedTerm = (key: string) => {
        const child = byKey.get(key) as MergeRow;
        return isLeaf(child) ? appraisedScoreFormula(selfRef(key), appraisalRef(key), child.rule as NumberRule) : appraisalRef(key);
      };
      if (isLeaf(r)) {
        s.put(row, cols.self, selfScoreCell(u, r.key));
        s.put(row, cols.appraisal, { style: 'appraisal', unlocked: true });
        appraisals.push({ row, col: cols.appraisal, rule: r.rule as NumberRule });
      } else if (r.kind === 'sumCriterion') {
        s.put(row, cols.self, selfScoreCell(u, r.key));
        s.put(row, cols.appraisal, { formula: sumFormula(r.children.map(appraisedTerm)), style: 'computed' });
      } else {
        const sum = (refs: string[]) => (r.cap !== undefined ? cappedSumFormula(r.cap, refs) : sumFormula(refs));
        s.put(row, cols.self, { formula: sum(r.children.map(selfRef)), style: sumStyle(r) });
        s.put(row, cols.appraisal, { formula: sum(r.children.map(appraisedTerm)), style: sumStyle(r) });
      }
    });
  }
  return appraisals;
}

/** The total and rank rows; ranks compare the appraised totals on "Xếp hạng". */
function summaryTotals(s: SheetBuilder, result: MergeResult, rubric: Rubric, layout: SummaryLayout, sheetNames: SheetNames): void {
  const { rowOf, totalRow, rankRow, unitColumns } = layout;
  const labelRow = (row: number, text: string, style: StyleName) => {
    s.put(row, 1, { style });
    s.put(row, 2, { value: text, style });
    s.put(row, 3, { style });
    s.height(row, 24);
  };
  labelRow(totalRow, WORKBOOK_TEXT.grandTotal, 'total');
  labelRow(rankRow, TEXT.rankRow, 'rank');
  const rc = rankingColumns(rubric);
  const ranked = rankingRows(result);
  const totalsRange = sheetRef(sheetNames.ranking, rangeA1({ top: ranked.first, left: rc.total, bottom: ranked.last, right: rc.total }, true));
  const sectionKeys = rubric.sections.map((x) => x.id);
  for (const cols of unitColumns) {
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
  }
}

/** "Xếp hạng": the document the province signs, units best first with their totals by formula. */
function* rankingSheet(result: MergeResult, rubric: Rubric, sheetNames: SheetNames, summary: SummaryLayout) {
  const k = builder();
  const rc = rankingColumns(rubric);
  const ranked = rankingRows(result);
  const widths = RANKING_WIDTHS(rubric);
  const right = [rc.unit + 1, rc.selfTotal] as const;
  rankingHeading(k, rubric, sheetNames, rc);
  const totals = rangeA1({ top: ranked.first, left: rc.total, bottom: ranked.last, right: rc.total }, true);
  for (const [i, u] of result.units.entries()) {
    yield;
    const row = ranked.rowOf[i];
    const cols = summary.unitColumns[i];
    const summaryCell = (r: number, col: number) => sheetRef(sheetNames.summary, a1(r, col));
    k.put(row, rc.rank, { formula: rankFormula(a1(row, rc.total), totals), style: 'rank' });
    k.put(row, rc.unit, { value: u.label, style: 'text' });
    for (const x of rubric.sections) k.put(row, rc.sections[x.id], { formula: summaryCell(summary.rowOf[x.id], cols.appraisal), style: 'number' });
    k.put(row, rc.bonus, { formula: summaryCell(summary.rowOf[rubric.bonus.id], cols.appraisal), style: 'number' });
    k.put(row, rc.deduction, { formula: summaryCell(summary.rowOf[rubric.deduction.id], cols.appraisal), style: 'number' });
    k.put(row, rc.total, { formula: summaryCell(summary.totalRow, cols.appraisal), style: 'total' });
    k.put(row, rc.selfTotal, { formula: summaryCell(summary.totalRow, cols.self), style: 'number' });
    k.height(row, heightFor([[u.label, widths[rc.unit - 1]]], 20));
  }
  // The provincial office signs under the table; the block never parts across pages.
  const signer = rubric.document.rankingSigner;
  const signatureStart = ranked.last + 2;
  let sr = signatureStart;
  for (const label of signer.labels) {
    k.span(sr, right, { value: label, style: 'signLabel' });
    k.height(sr++, 20);
  }
  k.span(sr, right, { value: signer.note, style: 'signNote' });
  k.height(sr++, 20);
  k.height(sr, 70);
  const sheet: SheetModel = {
    name: sheetNames.ranking,
    columnWidths: widths,
    cells: k.cells,
    merges: k.merges,
    rowHeights: k.rowHeights,
    frozen: { rows: RANKING_HEADER_ROW, cols: 2 },
    validations: [],
    conditionalFormats: [],
    protection: { password: '', allowFormatting: true },
    visibility: 'visible',
    print: {
      paperSize: 'A4',
      // Landscape holds the ten columns at 100 % (portrait printed them at 8 pt).
      orientation: 'landscape',
      marginsMm: DOCUMENT_MARGINS_MM,
      fit: { pagesWide: 1 },
      titleRows: { from: RANKING_HEADER_ROW, to: RANKING_HEADER_ROW },
      firstPageHeader: '',
      header: '&C&P',
      columnBreaksAfter: [],
      rowBreaksBefore: keepTogether({
        heights: k.rowHeights,
        columnWidths: widths,
        orientation: 'landscape',
        headerRow: RANKING_HEADER_ROW,
        start: signatureStart,
        end: sr,
      }),
    },
  };
  const { rank, unit, sections, total, selfTotal } = rc;
  return { sheet, rowOf: ranked.rowOf, columns: { rank, unit, sections, total, selfTotal } };
}

/** Rank, unit, each section, bonus, deduction, total, self-score total: 100 % on A4 landscape between the document's margins. */
const RANKING_WIDTHS = (rubric: Rubric) => [7, 34, ...rubric.sections.map(() => 9), 10, 10, 10, 10];

/** The document header of Nghị định 30, the provincial office issuing, and the column headers. */
function rankingHeading(k: SheetBuilder, rubric: Rubric, sheetNames: SheetNames, rc: ReturnType<typeof rankingColumns>): void {
  const doc = rubric.document;
  const left = [1, rc.unit] as const;
  const right = [rc.unit + 1, rc.selfTotal] as const;
  const whole = [1, rc.selfTotal] as const;
  k.span(1, left, { value: doc.superior, style: 'docHeaderBold' });
  k.span(1, right, { value: doc.nationalName, style: 'docHeaderBold' });
  k.span(2, right, { value: doc.motto, style: 'motto' });
  k.span(4, right, { value: placeDateLine(doc.place), style: 'dateLine' });
  k.span(6, whole, { value: TEXT.rankingTitle(rubric.year), style: 'sheetTitle' });
  k.span(7, whole, { value: rubric.subtitle, style: 'sheetSubtitle' });
  k.span(8, whole, {
    value: TEXT.rankingNote(sheetNames.summary),
    style: 'note',
  });
  [20, 20, 8, 22, 8, 22, 36, 20].forEach((height, i) => k.height(i + 1, height));
  const headers: [number, string][] = [
    [rc.rank, TEXT.rank],
    [rc.unit, TEXT.unit],
    ...rubric.sections.map((x) => [rc.sections[x.id], TEXT.sectionHeader(x.label, x.points)] as [number, string]),
    [rc.bonus, TEXT.bonusHeader(rubric.bonus.cap)],
    [rc.deduction, TEXT.deductionHeader(rubric.deduction.cap)],
    [rc.total, TEXT.total],
    [rc.selfTotal, TEXT.selfTotal],
  ];
  for (const [col, text] of headers) k.put(RANKING_HEADER_ROW, col, { value: text, style: 'header' });
  const widths = RANKING_WIDTHS(rubric);
  k.height(RANKING_HEADER_ROW, heightFor(headers.map(([col, text]) => [text, widths[col - 1], 1, true] as const), 48));
}

/** "Kiểm tra": one row per input file, with its status and every problem. */
function* checkSheet(result: MergeResult, name: string) {
  const c = builder();
  const tally = (status: keyof typeof STATUS_LABEL) => result.files.filter((f) => f.status === status).length;
  c.put(1, 1, { value: TEXT.checkTitle, style: 'sheetTitle' });
  c.put(2, 1, {
    value: TEXT.checkTally(result.files.length, tally('valid'), tally('warning'), tally('rejected')),
    style: 'note',
  });
  c.height(1, 22);
  const widths = [6, 30, 32, 12, 9, 90];
  [WORKBOOK_TEXT.columns.stt, TEXT.file, TEXT.unit, TEXT.status, TEXT.problemCount, TEXT.problems].forEach((text, i) => c.put(CHECK_HEADER_ROW, i + 1, { value: text, style: 'header' }));
  c.height(CHECK_HEADER_ROW, 24);
  const rowOf = result.files.map((_, i) => CHECK_HEADER_ROW + 1 + i);
  for (const [i, f] of result.files.entries()) {
    yield;
    const row = rowOf[i];
    const problems = problemLines(f.problems.map((p) => `• [${p.code}] ${p.message}`));
    c.put(row, 1, { value: i + 1, style: 'number' });
    c.put(row, 2, { value: f.file, style: 'text' });
    c.put(row, 3, { value: f.unitName, style: 'text' });
    c.put(row, 4, { value: STATUS_LABEL[f.status], style: f.status });
    c.put(row, 5, { value: f.problems.length, style: 'number' });
    c.put(row, 6, { value: problems, style: 'text' });
    c.height(row, heightFor([[problems, widths[5]], [f.file, widths[1]], [f.unitName, widths[2]]]));
  }
  const lastRow = CHECK_HEADER_ROW + Math.max(1, result.files.length);
  return { sheet: workingSheet(name, widths, c, CHECK_HEADER_ROW, lastRow), rowOf };
}

/** "Minh chứng": every evidence and note, per unit and criterion. */
function* evidenceSheet(result: MergeResult, name: string): Generator<void, SheetModel, void> {
  const e = builder();
  e.put(1, 1, { value: TEXT.evidenceTitle, style: 'sheetTitle' });
  e.height(1, 22);
  const widths = [32, 14, 10, 60, 30];
  [TEXT.unit, TEXT.item, INPUT_LABELS.score, INPUT_LABELS.evidence, INPUT_LABELS.note].forEach((text, i) => e.put(EVIDENCE_HEADER_ROW, i + 1, { value: text, style: 'header' }));
  e.height(EVIDENCE_HEADER_ROW, 24);
  let row = EVIDENCE_HEADER_ROW;
  for (const u of result.units) {
    yield;
    for (const item of u.evidence) {
      row++;
      e.put(row, 1, { value: u.label, style: 'text' });
      e.put(row, 2, { value: ownerLabel(item.owner), style: 'textCenter' });
      e.put(row, 3, selfScoreCell(u, item.owner));
      e.put(row, 4, { value: item.evidence, style: 'text' });
      e.put(row, 5, { value: item.note, style: 'text' });
      e.height(row, heightFor([[item.evidence, widths[3]], [item.note, widths[4]], [u.label, widths[0]]]));
    }
  }
  return workingSheet(name, widths, e, EVIDENCE_HEADER_ROW, Math.max(row, EVIDENCE_HEADER_ROW + 1));
}

/** A list with filter buttons on its header row, frozen under it, unprotected. */
function workingSheet(name: string, widths: number[], b: SheetBuilder, headerRow: number, lastRow: number): SheetModel {
  const filter: RangeRef = { top: headerRow, left: 1, bottom: lastRow, right: widths.length };
  return {
    name,
    columnWidths: widths,
    cells: b.cells,
    merges: b.merges,
    rowHeights: b.rowHeights,
    frozen: { rows: headerRow, cols: 0 },
    validations: [],
    conditionalFormats: [],
    autoFilter: filter,
    visibility: 'visible',
    print: workingPrint('landscape', headerRow),
  };
}
