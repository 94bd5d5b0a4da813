/**
 * The sheet plan: everything the standard self-assessment sheet holds, as a
 * sheet model (src/layout/model.ts) with the defined names and roles of its
 * cells. Both writers apply it, and the check compares returned workbooks
 * against it.
 */
import type { CriterionNode, GroupNode, LoadedRubric, RubricNode, SubItem } from '../rubric';
import { names } from '../rubric/names';
import { inputSpecs, pointsRule, TEXT_LIMITS, type InputSpec } from '../scoring/inputs';
import { a1, columnLetters, type RangeRef } from './a1';
import { DOCUMENT_MARGINS_MM, keepTogether, placeDateLine } from './document';
import type { ConditionalFormat, NamedCell, PrintSetup, SheetModel } from './model';
import { numberValidation, ruleKey, textLengthValidation, verticalRuns, type PlanValidation } from './rules';
import { SheetBuilder, type CellContent } from './sheet-builder';
import { fittedRowHeight, MAX_ROW_HEIGHT_PT } from './text-fit';
import {
  cappedSumFormula,
  countedFormula,
  grandTotalFormula,
  blankFormula,
  invalidEntryFormula,
  missingEvidenceFormula,
  subItemSumFormula,
  sumFormula,
  targetFormula,
  tiersFormula,
} from './formulas';
import { META_SHEET_NAME, SHEET_NAME } from './sheet-names';
import { BODY_SIZE, DOCUMENT_SIZE, type StyleName } from './styles';
import { FAULT_TEXT, INPUT_LABELS, WORKBOOK_TEXT } from '../text/messages';

/** Bumped when cells move; names and formulas stay the contract. */
/** 3: the Office.js writer boxes flags for black and white too; the In tab refuses older sheets until Cập nhật. */
export const LAYOUT_VERSION = '3';

export type { PlanValidation } from './rules';
export type { PrintSetup } from './model';

export { META_SHEET_NAME, SHEET_NAME };
/** Metadata key of an entry the rubric no longer has a cell for: `orphan:TC_02`. */
export const ORPHAN_PREFIX = 'orphan:';

/**
 * The printed columns first (A–H), the rubric's own guidance after them, on
 * screen only: with it the table is 510 mm wide and prints at half size;
 * without it A–H fit A4 landscape (252 mm between the margins) at 100 %.
 * Widths are in characters of the workbook's default font, Times New Roman
 * 11, which every program measures alike (LibreOffice takes 7.33 px a
 * character, Excel 7): A–H are 117, 0.92 of the page in LibreOffice.
 */
export const COLUMNS = [
  { key: 'stt', header: WORKBOOK_TEXT.columns.stt, width: 5 },
  { key: 'text', header: WORKBOOK_TEXT.columns.criterion, width: 40 },
  { key: 'max', header: WORKBOOK_TEXT.columns.maxPoints, width: 7 },
  { key: 'target', header: INPUT_LABELS.target, width: 8.5 },
  { key: 'achieved', header: INPUT_LABELS.achieved, width: 8.5 },
  { key: 'score', header: INPUT_LABELS.score, width: 7 },
  { key: 'evidence', header: INPUT_LABELS.evidence, width: 24 },
  { key: 'note', header: INPUT_LABELS.note, width: 17 },
  { key: 'method', header: WORKBOOK_TEXT.columns.method, width: 60 },
  { key: 'evidenceReq', header: WORKBOOK_TEXT.columns.evidenceRequired, width: 60 },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];
export const COL = Object.fromEntries(COLUMNS.map((c, i) => [c.key, i + 1])) as Record<ColumnKey, number>;
export const LAST_COL = COLUMNS.length;
/** The last printed column: the print area is A1 to here. */
export const PRINT_LAST_COL = COL.note;

export type FieldRole = 'input' | 'computed' | 'max';

export interface PlanField {
  name: string;
  row: number;
  col: number;
  role: FieldRole;
  spec?: InputSpec;
  formula?: string;
  value?: number;
}

export interface SheetPlanOptions {
  unitName?: string;
  password?: string;
  /** Signers printed under the signature block; blank lines for hand-writing otherwise. */
  preparer?: string;
  signer?: string;
  /** Date and place of the place–date line; dotted blanks without a date. */
  date?: { year: number; month: number; day: number };
  place?: string;
  /** ISO time written to the metadata; fixed in tests for reproducible files. */
  createdAt?: string;
  generatorVersion?: string;
  /** Entries the rubric has no cell for, kept in the metadata so nothing typed is lost. */
  orphans?: readonly { name: string; value: string | number }[];
  /** What was typed into the table's inputs, by defined name: their rows grow to show it whole. */
  entries?: ReadonlyMap<string, string | number | boolean>;
}

export interface SheetPlan extends SheetModel {
  metaSheetName: string;
  headerRow: number;
  lastRow: number;
  lastCol: number;
  /** Every named cell: its role, and for inputs what they take. */
  fields: PlanField[];
  /** Key/value rows of the metadata sheet. */
  meta: [string, string][];
  protection: NonNullable<SheetModel['protection']>;
  print: PrintSetup & { titleRows: { from: number; to: number } };
}

const MIN_ROW_PT = 18;
const MAX_ROW_PT = MAX_ROW_HEIGHT_PT;
/** The document header's two blocks: issuing body left, national name right. */
const LEFT_BLOCK = [1, 3] as const;
const RIGHT_BLOCK = [COL.achieved, PRINT_LAST_COL] as const;

const mergedWidth = ([from, to]: readonly [number, number]) => COLUMNS.slice(from - 1, to).reduce((w, c) => w + c.width, 0);

/** The standard sheet as it is placed, row by row, with the names of its cells. */
class StandardSheet extends SheetBuilder {
  readonly fields: PlanField[] = [];
  row = 1;
  private readonly specs: Map<string, InputSpec>;

  constructor(readonly loaded: LoadedRubric) {
    super();
    this.specs = new Map(inputSpecs(loaded.rubric).map((s) => [s.name, s]));
  }

  /** Sets the row's height to show every given (text, column) whole. */
  fitRow(row: number, texts: [string, number][], bold = false): void {
    const boxes = texts.map(([text, col]) => ({ text, widthChars: COLUMNS[col - 1].width, sizePt: BODY_SIZE, bold }));
    this.height(row, fittedRowHeight(boxes, MIN_ROW_PT));
  }

  input(row: number, col: number, name: string): void {
    const spec = this.specs.get(name);
    if (!spec) throw new Error(FAULT_TEXT.noInputSpec(name));
    this.put(row, col, { style: spec.rule ? 'input' : 'inputText', unlocked: true });
    this.fields.push({ name, row, col, role: 'input', spec });
  }

  /** A text input spanning `cols`, holding `value` until the user changes it. */
  textInput(row: number, cols: readonly [number, number], name: string, style: StyleName, value: string): void {
    this.span(row, cols, { value, style, unlocked: true });
    this.fields.push({ name, row, col: cols[0], role: 'input', spec: this.specs.get(name) });
  }

  computed(row: number, col: number, name: string, formula: string, style: StyleName = 'computed'): void {
    this.put(row, col, { formula, style });
    this.fields.push({ name, row, col, role: 'computed', formula });
  }

  maxCell(row: number, id: string, points: number): void {
    this.put(row, COL.max, { value: points, style: 'criterionCenter' });
    this.fields.push({ name: names.maxPoints(id), row, col: COL.max, role: 'max', value: points });
  }

  /** Blank bordered cells so the table reads as a grid. */
  fillBlanks(row: number, style: StyleName, skip: number[]): void {
    for (let col = 1; col <= LAST_COL; col++) if (!skip.includes(col)) this.put(row, col, { style });
  }

  /** The next row. */
  next(): number {
    return this.row++;
  }
}

export function buildSheetPlan(loaded: LoadedRubric, options: SheetPlanOptions = {}): SheetPlan {
  const sheet = new StandardSheet(loaded);
  placeDocumentHeader(sheet, options);
  const headerRow = placeTableHeader(sheet);
  placeRubric(sheet);
  const totalRow = placeTotal(sheet);
  const signatureStart = totalRow + 2;
  const lastRow = placeSignatures(sheet, signatureStart, options);
  fitEntries(sheet.rowHeights, sheet.fields, { after: headerRow, before: signatureStart }, options.entries);
  const growingRows = entryRows(sheet.fields, sheet.merges, { after: headerRow, before: signatureStart });
  const { rubric, fingerprint } = loaded;
  const columnWidths = COLUMNS.map((c) => c.width);
  return {
    name: SHEET_NAME,
    metaSheetName: META_SHEET_NAME,
    headerRow,
    lastRow,
    lastCol: LAST_COL,
    columnWidths,
    cells: sheet.cells,
    merges: sheet.merges,
    rowHeights: sheet.rowHeights,
    growingRows,
    frozen: { rows: headerRow, cols: 0 },
    fields: sheet.fields,
    validations: buildValidations(sheet.fields),
    conditionalFormats: buildConditionalFormats(sheet.fields),
    protection: { password: options.password ?? '', allowFormatting: true },
    visibility: 'visible',
    print: {
      paperSize: 'A4',
      orientation: 'landscape',
      marginsMm: DOCUMENT_MARGINS_MM,
      fit: { pagesWide: 1 },
      area: { top: 1, left: 1, bottom: lastRow, right: PRINT_LAST_COL },
      titleRows: { from: headerRow, to: headerRow },
      firstPageHeader: '',
      header: '&C&P',
      columnBreaksAfter: [],
      rowBreaksBefore: keepTogether({
        heights: sheet.rowHeights,
        columnWidths: columnWidths.slice(0, PRINT_LAST_COL),
        orientation: 'landscape',
        headerRow,
        start: signatureStart,
        end: lastRow,
      }),
    },
    meta: [
      ['rubricId', rubric.id],
      ['rubricVersion', rubric.version],
      ['rubricFingerprint', fingerprint],
      ['unitName', options.unitName ?? ''],
      ['generatorVersion', options.generatorVersion ?? ''],
      ['layoutVersion', LAYOUT_VERSION],
      ['createdAt', options.createdAt ?? new Date().toISOString()],
      ...(options.orphans ?? []).map(({ name, value }): [string, string] => [`${ORPHAN_PREFIX}${name}`, String(value)]),
    ],
  };
}

/** The document header of Nghị định 30, the place–date line and the titles. */
function placeDocumentHeader(sheet: StandardSheet, options: SheetPlanOptions): void {
  const { rubric } = sheet.loaded;
  const doc = rubric.document;
  let row = sheet.next();
  sheet.span(row, LEFT_BLOCK, { value: doc.superior, style: 'docHeader' });
  sheet.span(row, RIGHT_BLOCK, { value: doc.nationalName, style: 'docHeaderBold' });
  sheet.height(row, 20);
  row = sheet.next();
  sheet.textInput(row, LEFT_BLOCK, names.unitName, 'unitHeader', options.unitName ?? '');
  sheet.span(row, RIGHT_BLOCK, { value: doc.motto, style: 'motto' });
  const unitBox = { text: options.unitName ?? '', widthChars: mergedWidth(LEFT_BLOCK), columns: 3, sizePt: DOCUMENT_SIZE, bold: true };
  sheet.height(row, fittedRowHeight([unitBox], 20));
  sheet.height(sheet.next(), 8);
  row = sheet.next();
  sheet.textInput(row, RIGHT_BLOCK, names.dateLine, 'dateLine', placeDateLine(options.place ?? doc.place, options.date));
  sheet.height(row, 22);
  sheet.height(sheet.next(), 8);
  for (const [text, style, height] of [
    [doc.reportTitle, 'title', 22],
    [rubric.subtitle, 'subtitle', 36],
    [rubric.basis, 'basis', 20],
  ] as const) {
    row = sheet.next();
    sheet.span(row, [1, PRINT_LAST_COL], { value: text, style });
    sheet.height(row, height);
  }
  sheet.next();
}

function placeTableHeader(sheet: StandardSheet): number {
  const row = sheet.next();
  COLUMNS.forEach((c, i) => sheet.put(row, i + 1, { value: c.header, style: 'header' }));
  sheet.fitRow(
    row,
    COLUMNS.map((c, i) => [c.header, i + 1]),
    true,
  );
  return row;
}

/** A child's part of its parent's total: a typed score only where valid; computed scores are valid or blank. */
function scoreRef(n: RubricNode): string | null {
  if (n.type === 'group') return names.groupTotal(n.id);
  if (n.type !== 'criterion') return null;
  return n.rule.kind === 'manual' ? countedFormula(names.score(n.id), pointsRule(n.points)) : names.score(n.id);
}
const childRefs = (children: RubricNode[]) => children.map(scoreRef).filter((x): x is string => x !== null);

/** A section, group or adjustment heading with its subtotal. */
function headingRow(sheet: StandardSheet, heading: { label: string; title: string; points: number }, total: [string, string], style: 'section' | 'group'): void {
  const r = sheet.next();
  sheet.put(r, COL.stt, { value: heading.label, style });
  sheet.put(r, COL.text, { value: heading.title, style });
  sheet.put(r, COL.max, { value: heading.points, style });
  sheet.computed(r, COL.score, total[0], total[1], style);
  sheet.fillBlanks(r, style, [COL.stt, COL.text, COL.max, COL.score]);
  sheet.fitRow(r, [[heading.title, COL.text]], true);
}

/** Sections I–IV with their groups, criteria and informational rows, then bonus and deduction. */
function placeRubric(sheet: StandardSheet): void {
  const { rubric } = sheet.loaded;
  const writeNodes = (nodes: RubricNode[]) => {
    for (const n of nodes) {
      if (n.type === 'criterion') placeCriterion(sheet, n);
      else if (n.type === 'info') placeInfo(sheet, n.text);
      else writeGroup(n);
    }
  };
  const writeGroup = (g: GroupNode) => {
    headingRow(sheet, g, [names.groupTotal(g.id), sumFormula(childRefs(g.children))], 'group');
    writeNodes(g.children);
  };
  for (const s of rubric.sections) {
    headingRow(sheet, s, [names.sectionTotal(s.id), sumFormula(childRefs(s.children))], 'section');
    writeNodes(s.children);
  }

  const adjustments = [
    [rubric.bonus, names.bonusTotal, names.bonus, names.bonusEvidence],
    [rubric.deduction, names.deductionTotal, names.deduction, names.deductionEvidence],
  ] as const;
  for (const [adj, totalName, itemName, evidenceName] of adjustments) {
    const heading = { label: adj.id, title: adj.title, points: adj.cap };
    const items = adj.items.map((i) => countedFormula(itemName(i.id), pointsRule(adj.cap)));
    headingRow(sheet, heading, [totalName, cappedSumFormula(adj.cap, items)], 'section');
    for (const item of adj.items) {
      const r = sheet.next();
      sheet.put(r, COL.stt, { value: item.id, style: 'criterionCenter' });
      sheet.put(r, COL.text, { value: item.text, style: 'criterion' });
      sheet.input(r, COL.score, itemName(item.id));
      sheet.input(r, COL.evidence, evidenceName(item.id));
      sheet.fillBlanks(r, 'criterion', [COL.stt, COL.text, COL.score, COL.evidence]);
      sheet.fitRow(r, [[item.text, COL.text]]);
    }
  }
}

function placeInfo(sheet: StandardSheet, text: string): void {
  const r = sheet.next();
  sheet.put(r, COL.stt, { style: 'info' });
  sheet.span(r, [COL.text, PRINT_LAST_COL], { value: text, style: 'info' });
  for (let col = PRINT_LAST_COL + 1; col <= LAST_COL; col++) sheet.put(r, col, { style: 'info' });
  const box = { text, widthChars: mergedWidth([COL.text, PRINT_LAST_COL]), columns: PRINT_LAST_COL - 1, sizePt: BODY_SIZE };
  sheet.height(r, fittedRowHeight([box], MIN_ROW_PT));
}

/** The rubric's own five columns of a criterion or sub-item row. */
function rubricColumns(sheet: StandardSheet, r: number, item: CriterionNode | SubItem, textStyle: StyleName): void {
  sheet.put(r, COL.stt, { value: item.id, style: 'criterionCenter' });
  sheet.put(r, COL.text, { value: item.text, style: textStyle });
  sheet.maxCell(r, item.id, item.points);
  sheet.put(r, COL.method, { value: item.method, style: 'criterion' });
  sheet.put(r, COL.evidenceReq, { value: item.evidence, style: 'criterion' });
  // Rows fit what prints; the guidance columns, wide on screen, show the rest in the cell.
  sheet.fitRow(r, [[item.text, COL.text]]);
}

const BLANK: CellContent = { style: 'criterion' };

function placeCriterion(sheet: StandardSheet, c: CriterionNode): void {
  const r = sheet.next();
  rubricColumns(sheet, r, c, 'criterion');
  const rule = c.rule;
  if (rule.kind === 'sum') {
    sheet.put(r, COL.evidence, BLANK);
    sheet.put(r, COL.note, BLANK);
  } else {
    sheet.input(r, COL.evidence, names.evidence(c.id));
    sheet.input(r, COL.note, names.note(c.id));
  }
  if (rule.kind === 'target') {
    sheet.input(r, COL.target, names.target(c.id));
    sheet.input(r, COL.achieved, names.achieved(c.id));
    sheet.computed(r, COL.score, names.score(c.id), targetFormula(c.points, names.target(c.id), names.achieved(c.id)));
    return;
  }
  sheet.put(r, COL.target, BLANK);
  sheet.put(r, COL.achieved, BLANK);
  switch (rule.kind) {
    case 'manual':
      sheet.input(r, COL.score, names.score(c.id));
      break;
    case 'tiers':
      sheet.computed(r, COL.score, names.score(c.id), tiersFormula(rule.inputs.map((i) => ({ name: names.input(c.id, i.key), tiers: i.tiers }))));
      for (const i of rule.inputs) {
        const sr = sheet.next();
        sheet.put(sr, COL.text, { value: i.label, style: 'subItem' });
        sheet.input(sr, COL.achieved, names.input(c.id, i.key));
        sheet.fillBlanks(sr, 'subItem', [COL.text, COL.achieved]);
        sheet.fitRow(sr, [[i.label, COL.text]]);
      }
      break;
    case 'sum': {
      const subs = c.subItems ?? [];
      const counted = subs.map((s) => ({ name: names.score(s.id), rule: pointsRule(s.points) }));
      sheet.computed(r, COL.score, names.score(c.id), subItemSumFormula(counted));
      for (const s of subs) {
        const sr = sheet.next();
        rubricColumns(sheet, sr, s, 'subItem');
        sheet.put(sr, COL.target, BLANK);
        sheet.put(sr, COL.achieved, BLANK);
        sheet.input(sr, COL.score, names.score(s.id));
        sheet.input(sr, COL.evidence, names.evidence(s.id));
        sheet.input(sr, COL.note, names.note(s.id));
      }
      break;
    }
  }
}

function placeTotal(sheet: StandardSheet): number {
  const { rubric } = sheet.loaded;
  const r = sheet.next();
  sheet.put(r, COL.stt, { style: 'total' });
  sheet.put(r, COL.text, { value: WORKBOOK_TEXT.grandTotal, style: 'total' });
  const formula = grandTotalFormula(rubric.sections.map((s) => names.sectionTotal(s.id)), names.bonusTotal, names.deductionTotal);
  sheet.computed(r, COL.score, names.grandTotal, formula, 'total');
  sheet.fillBlanks(r, 'total', [COL.stt, COL.text, COL.score]);
  sheet.height(r, 24);
  return r;
}

/** The total in figures and the signature block from `start`; returns the last row. */
function placeSignatures(sheet: StandardSheet, start: number, options: SheetPlanOptions): number {
  const doc = sheet.loaded.rubric.document;
  sheet.row = start;
  let row = sheet.next();
  sheet.span(row, [1, COL.achieved], { value: doc.summaryLabel, style: 'summary' });
  sheet.put(row, COL.score, { formula: names.grandTotal, style: 'summary' });
  sheet.put(row, COL.evidence, { value: WORKBOOK_TEXT.pointsUnit, style: 'docHeader' });
  sheet.height(row, 22);
  sheet.height(sheet.next(), 10);
  const lines = (who: { labels: string[]; note: string }) => [
    ...who.labels.map((t) => [t, 'signLabel'] as const),
    [who.note, 'signNote'] as const,
  ];
  const left = lines(doc.preparer);
  const right = lines(doc.signer);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    row = sheet.next();
    if (left[i]) sheet.span(row, LEFT_BLOCK, { value: left[i][0], style: left[i][1] });
    if (right[i]) sheet.span(row, RIGHT_BLOCK, { value: right[i][0], style: right[i][1] });
    sheet.height(row, 20);
  }
  sheet.height(sheet.next(), 70);
  row = sheet.next();
  sheet.textInput(row, LEFT_BLOCK, names.preparerName, 'signName', options.preparer ?? '');
  sheet.textInput(row, RIGHT_BLOCK, names.signerName, 'signName', options.signer ?? '');
  sheet.height(row, 22);
  return row;
}

/**
 * The table's rows with a typed text (evidence, note), which LibreOffice and
 * Excel fit again when someone types a longer one; rows with merged cells
 * stay fixed, as both programs leave merged cells out of the fit.
 */
function entryRows(fields: readonly PlanField[], merges: readonly RangeRef[], table: { after: number; before: number }): Set<number> {
  const merged = (row: number) => merges.some((m) => row >= m.top && row <= m.bottom);
  const texts = fields.filter((f) => f.spec && (f.spec.kind === 'evidence' || f.spec.kind === 'note'));
  return new Set(texts.map((f) => f.row).filter((row) => row > table.after && row < table.before && !merged(row)));
}

/** Grows each table row to the typed text of its inputs, measured as the plan measures its own. */
function fitEntries(
  heights: Map<number, number>,
  fields: readonly PlanField[],
  table: { after: number; before: number },
  entries: SheetPlanOptions['entries'],
): void {
  if (!entries) return;
  for (const f of fields) {
    const value = entries.get(f.name);
    if (f.role !== 'input' || f.row <= table.after || f.row >= table.before || value === undefined) continue;
    const box = { text: String(value), widthChars: COLUMNS[f.col - 1].width, sizePt: BODY_SIZE };
    heights.set(f.row, Math.min(MAX_ROW_PT, Math.max(heights.get(f.row) ?? 0, fittedRowHeight([box], MIN_ROW_PT))));
  }
}

function buildValidations(fields: PlanField[]): PlanValidation[] {
  const inputs = fields.filter((f) => f.role === 'input' && f.spec);
  const items = inputs.map((f) => {
    const spec = f.spec as InputSpec;
    const key = spec.rule ? `n:${spec.label}:${ruleKey(spec.rule)}` : `t:${spec.kind}`;
    return { row: f.row, col: f.col, key, value: spec };
  });
  return verticalRuns(items).map(({ range, value: spec }) =>
    spec.rule
      ? numberValidation(range, spec.label, spec.rule)
      : textLengthValidation(range, spec.label, spec.maxLength ?? TEXT_LIMITS.evidence),
  );
}

const UNSCORED_KINDS: ReadonlySet<InputSpec['kind']> = new Set(['score', 'target', 'achieved', 'count']);

function buildConditionalFormats(fields: PlanField[]): ConditionalFormat[] {
  const byRow = new Map<number, PlanField[]>();
  for (const f of fields) byRow.set(f.row, [...(byRow.get(f.row) ?? []), f]);
  const invalid = fields
    .filter((f) => f.role === 'input' && f.spec?.rule)
    .map((f) => ({ row: f.row, col: f.col, key: ruleKey(f.spec!.rule!), value: f.spec!.rule! }));
  // Evidence cells that sit on the same row as a score (input or computed) in the score column.
  const evidence = fields
    .filter((f) => f.spec?.kind === 'evidence')
    .filter((f) => (byRow.get(f.row) ?? []).some((g) => g.col === COL.score && g.role !== 'max'))
    .map((f) => ({ row: f.row, col: f.col, key: 'evidence', value: null }));
  // A criterion's own inputs left blank: the criterion is not scored yet.
  const unscored = fields
    .filter((f) => f.role === 'input' && f.spec && UNSCORED_KINDS.has(f.spec.kind))
    .map((f) => ({ row: f.row, col: f.col, key: 'unscored', value: null }));
  return [
    ...verticalRuns(unscored).map(({ range }) => ({
      range,
      formula: blankFormula(a1(range.top, range.left)),
      flag: 'unscored' as const,
    })),
    ...verticalRuns(invalid).map(({ range, value }) => ({
      range,
      formula: invalidEntryFormula(a1(range.top, range.left), value),
      flag: 'invalid' as const,
    })),
    ...verticalRuns(evidence).map(({ range }) => ({
      range,
      formula: missingEvidenceFormula(`$${columnLetters(COL.score)}${range.top}`, a1(range.top, range.left)),
      flag: 'missingEvidence' as const,
    })),
  ];
}

/** The plan's named cells, as workbook-scope names. */
export function planNames(plan: SheetPlan): NamedCell[] {
  return plan.fields.map((f) => ({ name: f.name, sheet: plan.name, row: f.row, col: f.col }));
}
