/**
 * The rubric as an editable workbook, the form in which the office reviews
 * and corrects it: "Bộ tiêu chí" has one row per item (rubric/rows.ts) with
 * drop-downs for the kind and the rule, validated points, and each
 * container's live sum of its children against its points; "Thông tin bộ
 * tiêu chí" holds the rubric's own fields and the printed document's wording;
 * "Sửa lỗi văn bản" the document's slips. Read back by header, so moved
 * columns and added rows are fine, and every problem names its cell.
 */
import type { Rubric } from '../rubric';
import { INFO_KEYS, ROW_FIELDS, rubricCorrections, rubricInfo, rubricToRows, type FormError, type FormRow, type FormValue, type InfoKey, type RowField, type RowKind } from '../rubric/rows';
import { readForm } from '../rubric/rows-read';
import type { CellInput } from '../scoring/inputs';
import { RUBRIC_SHEET_TEXT as T } from '../text/rubric-sheet';
import { a1, columnLetters, type RangeRef } from './a1';
import { childrenSumFormula, kindTotalFormula, sumOffFormula, sumStatusFormula } from './formulas';
import type { SheetModel, WorkbookModel } from './model';
import { listValidation, numberValidation } from './rules';
import { SheetBuilder } from './sheet-builder';
import type { StyleName } from './styles';
import { fittedRowHeight } from './text-fit';
import { BODY_SIZE } from './styles';

/** The row sheet's columns in order: the form's fields, then the two computed ones. */
const COLUMNS: { key: RowField | 'sum' | 'status'; width: number }[] = [
  { key: 'kind', width: 15 },
  { key: 'parent', width: 8 },
  { key: 'id', width: 9 },
  { key: 'label', width: 7 },
  { key: 'text', width: 60 },
  { key: 'points', width: 9 },
  { key: 'method', width: 45 },
  { key: 'evidence', width: 40 },
  { key: 'rule', width: 16 },
  { key: 'tiers', width: 24 },
  { key: 'note', width: 30 },
  { key: 'sum', width: 10 },
  { key: 'status', width: 10 },
];
const COL = Object.fromEntries(COLUMNS.map((c, i) => [c.key, i + 1])) as Record<(typeof COLUMNS)[number]['key'], number>;
const HEADER_ROW = 3;
const FIRST_ROW = HEADER_ROW + 1;
/** Blank rows below the last item that already hold the drop-downs, the validation and the live sums. */
export const SPARE_ROWS = 40;
const MIN_ROW_PT = 16;

const ROW_STYLE: Record<RowKind, { text: StyleName; short: StyleName }> = {
  section: { text: 'section', short: 'section' },
  bonus: { text: 'section', short: 'section' },
  deduction: { text: 'section', short: 'section' },
  group: { text: 'group', short: 'group' },
  info: { text: 'info', short: 'info' },
  criterion: { text: 'criterion', short: 'criterionCenter' },
  subItem: { text: 'subItem', short: 'criterionCenter' },
  input: { text: 'subItem', short: 'criterionCenter' },
  bonusItem: { text: 'criterion', short: 'criterionCenter' },
  deductionItem: { text: 'criterion', short: 'criterionCenter' },
};
const SHORT = new Set<string>(['kind', 'parent', 'id', 'label', 'points', 'rule', 'sum', 'status']);

const shown = (field: RowField, value: FormValue): FormValue => {
  if (field === 'kind') return T.kinds[value as RowKind];
  if (field === 'rule') return value === null ? null : T.rules[value as keyof typeof T.rules];
  return value === '' ? null : value;
};

/** The names of the rubric workbook's three sheets; a suffix " (2)" when the workbook already has them. */
export interface RubricSheetNames {
  rows: string;
  info: string;
  corrections: string;
}

export const RUBRIC_SHEETS: RubricSheetNames = { rows: T.rowsSheet, info: T.infoSheet, corrections: T.correctionsSheet };

const KEYS = Object.keys(RUBRIC_SHEETS) as (keyof RubricSheetNames)[];
const withSuffix = (suffix: string): RubricSheetNames => ({ rows: `${RUBRIC_SHEETS.rows}${suffix}`, info: `${RUBRIC_SHEETS.info}${suffix}`, corrections: `${RUBRIC_SHEETS.corrections}${suffix}` });

/** New sheets never go over existing ones: all three take the first " (n)" free for each (Excel compares names without case). */
export function chooseRubricSheetNames(existing: readonly string[]): RubricSheetNames {
  const taken = new Set(existing.map((n) => n.toLocaleUpperCase('vi')));
  let n = 1;
  const suffix = () => (n === 1 ? '' : ` (${n})`);
  while (KEYS.some((k) => taken.has(`${RUBRIC_SHEETS[k]}${suffix()}`.toLocaleUpperCase('vi')))) n++;
  return withSuffix(suffix());
}

/** The rubric sheet sets of a workbook, the one written last first. */
export function rubricSheetSets(existing: readonly string[]): RubricSheetNames[] {
  const found: { n: number; names: RubricSheetNames }[] = [];
  for (const name of existing) {
    const m = /^(.*?)(?: \((\d+)\))?$/.exec(name)!;
    if (m[1] !== RUBRIC_SHEETS.rows) continue;
    const suffix = m[2] ? ` (${m[2]})` : '';
    found.push({ n: m[2] ? Number(m[2]) : 1, names: withSuffix(suffix) });
  }
  return found.sort((a, b) => b.n - a.n).map((f) => f.names);
}

function rowsSheet(rubric: Rubric, name: string): SheetModel {
  const rows = rubricToRows(rubric);
  const b = new SheetBuilder();
  const last = COLUMNS.length;
  b.span(1, [1, last], { value: `${rubric.title} ${rubric.subtitle}`.trim(), style: 'sheetTitle' });
  b.span(2, [1, COL.points - 1], { value: T.grandTotal, style: 'summary' });
  b.put(2, COL.points, { formula: kindTotalFormula(colRange(COL.kind), colRange(COL.points), T.kinds.section), style: 'total' });
  b.span(2, [COL.method, last], { value: T.hint, style: 'note' });
  b.height(2, fittedRowHeight([{ text: T.hint, widthChars: COLUMNS.slice(COL.method - 1).reduce((w, c) => w + c.width, 0), columns: last - COL.method + 1, sizePt: BODY_SIZE }], MIN_ROW_PT));
  COLUMNS.forEach((c, i) => b.put(HEADER_ROW, i + 1, { value: T.columns[c.key], style: 'header' }));
  const end = FIRST_ROW + rows.length + SPARE_ROWS - 1;
  for (let r = FIRST_ROW; r <= end; r++) {
    const item = rows[r - FIRST_ROW];
    const style = item ? ROW_STYLE[item.kind as RowKind] : { text: 'text' as StyleName, short: 'textCenter' as StyleName };
    ROW_FIELDS.forEach((field) => {
      const value = item ? shown(field, item[field]) : null;
      b.put(r, COL[field], { ...(value === null ? {} : { value }), style: SHORT.has(field) ? style.short : style.text });
    });
    const ref = (key: keyof typeof COL) => `$${columnLetters(COL[key])}${r}`;
    b.put(r, COL.sum, { formula: childrenSumFormula({ kind: ref('kind'), rule: ref('rule'), id: ref('id') }, { parent: colRange(COL.parent), points: colRange(COL.points) }, { kinds: [T.kinds.section, T.kinds.group], rule: T.rules.sum }), style: 'computed' });
    b.put(r, COL.status, { formula: sumStatusFormula(a1(r, COL.sum), a1(r, COL.points), { ok: T.sumOk, off: T.sumOff }), style: 'computed' });
    if (item) b.height(r, fittedRowHeight(ROW_FIELDS.filter((f) => typeof item[f] === 'string').map((f) => ({ text: String(item[f]), widthChars: COLUMNS[COL[f] - 1].width, sizePt: BODY_SIZE, bold: style.text === 'section' || style.text === 'group' })), MIN_ROW_PT));
  }
  const column = (key: keyof typeof COL): RangeRef => ({ top: FIRST_ROW, bottom: end, left: COL[key], right: COL[key] });
  return {
    name,
    columnWidths: COLUMNS.map((c) => c.width),
    cells: b.cells,
    merges: b.merges,
    rowHeights: b.rowHeights,
    frozen: { rows: HEADER_ROW, cols: COL.id },
    validations: [
      listValidation(column('kind'), T.columns.kind, Object.values(T.kinds)),
      listValidation(column('rule'), T.columns.rule, Object.values(T.rules)),
      numberValidation(column('points'), T.pointsLabel, { whole: false, min: 0 }),
    ],
    conditionalFormats: [
      { range: { top: FIRST_ROW, bottom: end, left: COL.sum, right: COL.status }, formula: sumOffFormula(`$${columnLetters(COL.sum)}${FIRST_ROW}`, `$${columnLetters(COL.points)}${FIRST_ROW}`), flag: 'invalid' },
    ],
    autoFilter: { top: HEADER_ROW, bottom: end, left: 1, right: last },
    visibility: 'visible',
  };
}

const colRange = (col: number) => `$${columnLetters(col)}:$${columnLetters(col)}`;

function listSheet(name: string, header: readonly string[], widths: number[], rows: FormValue[][], spare: number, labelled: boolean): SheetModel {
  const b = new SheetBuilder();
  header.forEach((h, i) => b.put(1, i + 1, { value: h, style: 'header' }));
  for (let r = 0; r < rows.length + spare; r++) {
    header.forEach((_, i) => {
      const value = rows[r]?.[i] ?? null;
      b.put(r + 2, i + 1, { ...(value === null || value === '' ? {} : { value }), style: i === 0 && labelled ? 'group' : 'text' });
    });
    if (rows[r]) b.height(r + 2, fittedRowHeight(rows[r].map((v, i) => ({ text: v === null ? '' : String(v), widthChars: widths[i], sizePt: BODY_SIZE })), MIN_ROW_PT));
  }
  return { name, columnWidths: widths, cells: b.cells, merges: [], rowHeights: b.rowHeights, frozen: { rows: 1, cols: 1 }, validations: [], conditionalFormats: [], visibility: 'visible' };
}

/** The three sheets of the rubric workbook. */
export function rubricWorkbook(rubric: Rubric, names: RubricSheetNames = RUBRIC_SHEETS): WorkbookModel {
  const info = rubricInfo(rubric);
  const infoSheet = listSheet(names.info, T.infoHeader, [34, 100], INFO_KEYS.map((k) => [T.info[k], info[k]]), 0, true);
  const year = INFO_KEYS.indexOf('year') + 2;
  infoSheet.validations.push(numberValidation({ top: year, bottom: year, left: 2, right: 2 }, T.info.year, { whole: true, min: 2000, max: 2100 }));
  const corrections = listSheet(names.corrections, T.correctionsHeader, [30, 45, 45, 60], rubricCorrections(rubric), 20, false);
  return { sheets: [rowsSheet(rubric, names.rows), infoSheet, corrections], names: [] };
}

/** A sheet's cells as a host read them: by row and column, from 1. */
export type SheetCells = (row: number, col: number) => CellInput;

/** A workbook's cells as a host read them, sheet by sheet. */
export interface WorkbookCells {
  /** The sheet of that name with its last used row; undefined when the workbook has none. */
  sheet(name: string): { cell: SheetCells; rows: number } | undefined;
}

/** A problem of the workbook, at its cell when it has one. */
export interface SheetError {
  sheet: string;
  /** "F12"; absent for what concerns the sheet as a whole. */
  address?: string;
  message: string;
}

/** "Bộ tiêu chí!F12: …", as the command line and the pane say it. */
export const sheetErrorText = (e: SheetError) => `${e.address ? T.cell(e.sheet, e.address) : e.sheet}: ${e.message}`;

const formValue = (c: CellInput): FormValue => {
  switch (c.kind) {
    case 'empty':
      return null;
    case 'number':
      return c.value;
    case 'text':
    case 'error':
      return c.value;
    case 'boolean':
      return String(c.value);
    case 'formula':
      return c.result === null ? null : typeof c.result === 'boolean' ? String(c.result) : c.result;
  }
};

/** Where each column is, found by its header in the first rows; null when the sheet has not the rubric's header. */
function findHeader(cells: SheetCells, rows: number): { row: number; cols: Map<string, number> } | null {
  for (let r = 1; r <= Math.min(rows, 10); r++) {
    const cols = new Map<string, number>();
    for (let c = 1; c <= 40; c++) {
      const text = formValue(cells(r, c));
      const key = COLUMNS.find((col) => T.columns[col.key] === (typeof text === 'string' ? text.trim() : text));
      if (key && !cols.has(key.key)) cols.set(key.key, c);
    }
    if (ROW_FIELDS.every((f) => cols.has(f))) return { row: r, cols };
  }
  return null;
}

export interface RubricWorkbookReading {
  /** Null when the workbook is not a rubric workbook or its rows do not make a rubric. */
  rubric: Rubric | null;
  errors: SheetError[];
  /** False when the file is not a rubric workbook at all. */
  isRubricWorkbook: boolean;
}

/** The rubric a rubric workbook holds, or every problem by its cell. */
export function readRubricWorkbook(book: WorkbookCells, names: RubricSheetNames = RUBRIC_SHEETS): RubricWorkbookReading {
  const rowsSheet = book.sheet(names.rows);
  const header = rowsSheet ? findHeader(rowsSheet.cell, rowsSheet.rows) : null;
  if (!rowsSheet || !header) return { rubric: null, errors: [{ sheet: names.rows, message: T.notRubricWorkbook(names.rows) }], isRubricWorkbook: false };
  const rows: FormRow[] = [];
  for (let r = header.row + 1; r <= rowsSheet.rows; r++) {
    rows.push(Object.fromEntries(ROW_FIELDS.map((f) => [f, formValue(rowsSheet.cell(r, header.cols.get(f)!))])) as FormRow);
  }
  while (rows.length > 0 && Object.values(rows[rows.length - 1]).every((v) => v === null || v === '')) rows.pop();

  const infoSheet = book.sheet(names.info);
  const info: Partial<Record<InfoKey, FormValue>> = {};
  const infoRow = new Map<InfoKey, number>();
  for (let r = 2; infoSheet && r <= infoSheet.rows; r++) {
    const label = formValue(infoSheet.cell(r, 1));
    const key = INFO_KEYS.find((k) => T.info[k] === (typeof label === 'string' ? label.trim() : label));
    if (key && !infoRow.has(key)) {
      infoRow.set(key, r);
      info[key] = formValue(infoSheet.cell(r, 2));
    }
  }
  const fixes = book.sheet(names.corrections);
  const corrections: FormValue[][] = [];
  for (let r = 2; fixes && r <= fixes.rows; r++) corrections.push([1, 2, 3, 4].map((c) => formValue(fixes.cell(r, c))));

  const read = readForm({ rows, info, corrections }, header.row + 1);
  const address = (e: FormError): SheetError => {
    if (e.place === 'rows') {
      if (e.index < 0) return { sheet: names.rows, message: e.message };
      const col = e.field ? header.cols.get(e.field) : header.cols.get('kind');
      return { sheet: names.rows, address: a1(header.row + 1 + e.index, col ?? 1), message: e.message };
    }
    if (e.place === 'info') {
      const r = infoRow.get(INFO_KEYS[e.index]);
      return r === undefined ? { sheet: names.info, message: e.message } : { sheet: names.info, address: a1(r, 2), message: e.message };
    }
    const col = ['where', 'printed', 'corrected', 'reason'].indexOf(String(e.field)) + 1;
    return { sheet: names.corrections, address: a1(2 + e.index, col > 0 ? col : 1), message: e.message };
  };
  return { rubric: read.rubric, errors: read.errors.map(address), isRubricWorkbook: true };
}
