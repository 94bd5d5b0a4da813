/**
 * The sheet plan: everything the standard self-assessment sheet holds, as
 * pure data. The ExcelJS writer and the Office.js adapter both apply it, and
 * the check compares returned workbooks against it.
 */
import type { CriterionNode, GroupNode, LoadedRubric, RubricNode, SubItem } from '../rubric';
import { names } from '../rubric/names';
import { inputSpecs, pointsRule, type InputSpec } from '../scoring/inputs';
import { a1, columnLetters, type RangeRef } from './a1';
import { DOCUMENT_MARGINS_MM, keepTogether, placeDateLine } from './document';
import { numberValidation, ruleKey, textLengthValidation, verticalRuns, type PlanValidation } from './rules';
import { fittedRowHeight } from './text-fit';
import {
  cappedSumFormula,
  countedFormula,
  grandTotalFormula,
  invalidEntryFormula,
  missingEvidenceFormula,
  subItemSumFormula,
  sumFormula,
  targetFormula,
  tiersFormula,
} from './formulas';
import { BODY_SIZE, DOCUMENT_SIZE, type FlagStyle, type StyleName } from './styles';

/** Bumped when cells move; names and formulas stay the contract. */
export const LAYOUT_VERSION = '1';

export type { PlanValidation } from './rules';

export const SHEET_NAME = 'Tự chấm điểm';
export const META_SHEET_NAME = 'ChamDiem_Meta';
/** Metadata key of an entry the rubric no longer has a cell for: `orphan:TC_02`. */
export const ORPHAN_PREFIX = 'orphan:';

export const COLUMNS = [
  { key: 'stt', header: 'STT', width: 6 },
  { key: 'text', header: 'Tiêu chí đánh giá', width: 48 },
  { key: 'max', header: 'Điểm chuẩn', width: 8 },
  { key: 'method', header: 'Cách tính điểm đạt tiêu chí', width: 34 },
  { key: 'evidenceReq', header: 'Yêu cầu minh chứng', width: 34 },
  { key: 'target', header: 'Chỉ tiêu đăng ký', width: 10 },
  { key: 'achieved', header: 'Kết quả thực hiện', width: 10 },
  { key: 'score', header: 'Điểm tự chấm', width: 9 },
  { key: 'evidence', header: 'Minh chứng', width: 30 },
  { key: 'note', header: 'Ghi chú', width: 18 },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];
export const COL = Object.fromEntries(COLUMNS.map((c, i) => [c.key, i + 1])) as Record<ColumnKey, number>;
export const LAST_COL = COLUMNS.length;

export interface PlanCell {
  row: number;
  col: number;
  value?: string | number;
  /** Without the leading "=". */
  formula?: string;
  style: StyleName;
  /** Only input cells are unlocked. */
  unlocked?: boolean;
}

export interface PlanConditionalFormat {
  range: RangeRef;
  /** Relative to the range's top-left cell. */
  formula: string;
  flag: FlagStyle;
}

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
}

export interface SheetPlan {
  sheetName: string;
  metaSheetName: string;
  headerRow: number;
  lastRow: number;
  lastCol: number;
  columnWidths: number[];
  cells: PlanCell[];
  merges: RangeRef[];
  rowHeights: Map<number, number>;
  fields: PlanField[];
  validations: PlanValidation[];
  conditionalFormats: PlanConditionalFormat[];
  protection: { password: string };
  print: PrintSetup;
  meta: [string, string][];
}

export interface PrintSetup {
  paperSize: 'A4';
  orientation: 'landscape';
  /** Millimetres, as Nghị định 30 gives them. */
  marginsMm: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  fitToWidth: 1;
  titleRows: { from: number; to: number };
  /** Header codes (&C centre, &P page number): numbered from page 2 on. */
  firstPageHeader: string;
  header: string;
  /** Rows that start a new page, keeping the signature block whole. */
  rowBreaksBefore: number[];
}

const TEXT_LIMITS: Partial<Record<InputSpec['kind'], number>> = {
  unitName: 200,
  dateLine: 200,
  signer: 200,
  evidence: 1000,
  note: 1000,
};
const MIN_ROW_PT = 18;

export function buildSheetPlan(loaded: LoadedRubric, options: SheetPlanOptions = {}): SheetPlan {
  const { rubric, fingerprint } = loaded;
  const cells: PlanCell[] = [];
  const merges: RangeRef[] = [];
  const rowHeights = new Map<number, number>();
  const fields: PlanField[] = [];
  const specByName = new Map(inputSpecs(rubric).map((s) => [s.name, s]));

  const put = (row: number, col: number, cell: Omit<PlanCell, 'row' | 'col'>) => cells.push({ row, col, ...cell });
  const merge = (row: number, left: number, right: number) => merges.push({ top: row, left, bottom: row, right });
  /** Sets the row's height to show every given (text, column) whole. */
  const fitRow = (row: number, texts: [string, number][], bold = false) => {
    const boxes = texts.map(([text, col]) => ({ text, widthChars: COLUMNS[col - 1].width, sizePt: BODY_SIZE, bold }));
    rowHeights.set(row, fittedRowHeight(boxes, MIN_ROW_PT));
  };
  const input = (row: number, col: number, name: string) => {
    const spec = specByName.get(name);
    if (!spec) throw new Error(`Không có đặc tả ô nhập cho ${name}`);
    put(row, col, { style: spec.rule ? 'input' : 'inputText', unlocked: true });
    fields.push({ name, row, col, role: 'input', spec });
  };
  const computed = (row: number, col: number, name: string, formula: string, style: StyleName = 'computed') => {
    put(row, col, { formula, style });
    fields.push({ name, row, col, role: 'computed', formula });
  };
  const maxCell = (row: number, id: string, points: number) => {
    put(row, COL.max, { value: points, style: 'criterionCenter' });
    fields.push({ name: names.maxPoints(id), row, col: COL.max, role: 'max', value: points });
  };
  /** Blank bordered cells so the table reads as a grid. */
  const fillBlanks = (row: number, style: StyleName, skip: number[]) => {
    for (let col = 1; col <= LAST_COL; col++) if (!skip.includes(col)) put(row, col, { style });
  };

  // The document header of Nghị định 30: issuing body left, national name right.
  const doc = rubric.document;
  const leftCols = [1, 3] as const;
  const rightCols = [COL.evidenceReq, LAST_COL] as const;
  const mergedWidth = ([from, to]: readonly [number, number]) => COLUMNS.slice(from - 1, to).reduce((w, c) => w + c.width, 0);
  const block = (row: number, [from, to]: readonly [number, number], cell: Omit<PlanCell, 'row' | 'col'>) => {
    put(row, from, cell);
    if (to > from) merge(row, from, to);
  };
  const textInput = (row: number, cols: readonly [number, number], name: string, style: StyleName, value: string) => {
    block(row, cols, { value, style, unlocked: true });
    fields.push({ name, row, col: cols[0], role: 'input', spec: specByName.get(name) });
  };
  let row = 1;
  block(row, leftCols, { value: doc.superior, style: 'docHeader' });
  block(row, rightCols, { value: doc.nationalName, style: 'docHeaderBold' });
  rowHeights.set(row++, 20);
  textInput(row, leftCols, names.unitName, 'unitHeader', options.unitName ?? '');
  block(row, rightCols, { value: doc.motto, style: 'motto' });
  rowHeights.set(
    row++,
    fittedRowHeight([{ text: options.unitName ?? '', widthChars: mergedWidth(leftCols), columns: 3, sizePt: DOCUMENT_SIZE, bold: true }], 20),
  );
  rowHeights.set(row++, 8);
  textInput(row, rightCols, names.dateLine, 'dateLine', placeDateLine(options.place ?? doc.place, options.date));
  rowHeights.set(row++, 22);
  rowHeights.set(row++, 8);
  for (const [text, style, height] of [
    [doc.reportTitle, 'title', 22],
    [rubric.subtitle, 'subtitle', 36],
    [rubric.basis, 'basis', 20],
  ] as const) {
    block(row, [1, LAST_COL], { value: text, style });
    rowHeights.set(row++, height);
  }
  row++;

  const headerRow = row;
  COLUMNS.forEach((c, i) => put(headerRow, i + 1, { value: c.header, style: 'header' }));
  rowHeights.set(headerRow, 48);
  row++;

  /** A child's part of its parent's total: a typed score only where valid; computed scores are valid or blank. */
  const scoreRef = (n: RubricNode): string | null => {
    if (n.type === 'group') return names.groupTotal(n.id);
    if (n.type !== 'criterion') return null;
    return n.rule.kind === 'manual' ? countedFormula(names.score(n.id), pointsRule(n.points)) : names.score(n.id);
  };

  const headingRow = (label: string, title: string, points: number, totalName: string, formula: string, style: 'section' | 'group') => {
    const r = row++;
    put(r, COL.stt, { value: label, style: style });
    put(r, COL.text, { value: title, style });
    put(r, COL.max, { value: points, style });
    computed(r, COL.score, totalName, formula, style);
    fillBlanks(r, style, [COL.stt, COL.text, COL.max, COL.score]);
    fitRow(r, [[title, COL.text]], true);
  };

  /** The rubric's own five columns of a criterion or sub-item row. */
  const rubricColumns = (r: number, item: CriterionNode | SubItem, textStyle: StyleName) => {
    put(r, COL.stt, { value: item.id, style: 'criterionCenter' });
    put(r, COL.text, { value: item.text, style: textStyle });
    maxCell(r, item.id, item.points);
    put(r, COL.method, { value: item.method, style: 'criterion' });
    put(r, COL.evidenceReq, { value: item.evidence, style: 'criterion' });
    fitRow(r, [
      [item.text, COL.text],
      [item.method, COL.method],
      [item.evidence, COL.evidenceReq],
    ]);
  };

  const criterionRow = (c: CriterionNode) => {
    const r = row++;
    rubricColumns(r, c, 'criterion');
    const rule = c.rule;
    const hasOwnEvidence = rule.kind !== 'sum';
    if (hasOwnEvidence) {
      input(r, COL.evidence, names.evidence(c.id));
      input(r, COL.note, names.note(c.id));
    } else {
      put(r, COL.evidence, { style: 'criterion' });
      put(r, COL.note, { style: 'criterion' });
    }
    switch (rule.kind) {
      case 'manual':
        put(r, COL.target, { style: 'criterion' });
        put(r, COL.achieved, { style: 'criterion' });
        input(r, COL.score, names.score(c.id));
        break;
      case 'target':
        input(r, COL.target, names.target(c.id));
        input(r, COL.achieved, names.achieved(c.id));
        computed(r, COL.score, names.score(c.id), targetFormula(c.points, names.target(c.id), names.achieved(c.id)));
        break;
      case 'tiers': {
        put(r, COL.target, { style: 'criterion' });
        put(r, COL.achieved, { style: 'criterion' });
        computed(
          r,
          COL.score,
          names.score(c.id),
          tiersFormula(rule.inputs.map((i) => ({ name: names.input(c.id, i.key), tiers: i.tiers }))),
        );
        for (const i of rule.inputs) {
          const sr = row++;
          put(sr, COL.text, { value: i.label, style: 'subItem' });
          input(sr, COL.achieved, names.input(c.id, i.key));
          fillBlanks(sr, 'subItem', [COL.text, COL.achieved]);
          fitRow(sr, [[i.label, COL.text]]);
        }
        break;
      }
      case 'sum': {
        put(r, COL.target, { style: 'criterion' });
        put(r, COL.achieved, { style: 'criterion' });
        const subs = c.subItems ?? [];
        computed(r, COL.score, names.score(c.id), subItemSumFormula(subs.map((s) => ({ name: names.score(s.id), rule: pointsRule(s.points) }))));
        for (const s of subs) {
          const sr = row++;
          rubricColumns(sr, s, 'subItem');
          put(sr, COL.target, { style: 'criterion' });
          put(sr, COL.achieved, { style: 'criterion' });
          input(sr, COL.score, names.score(s.id));
          input(sr, COL.evidence, names.evidence(s.id));
          input(sr, COL.note, names.note(s.id));
        }
        break;
      }
    }
  };

  const infoRow = (text: string) => {
    const r = row++;
    put(r, COL.stt, { style: 'info' });
    put(r, COL.text, { value: text, style: 'info' });
    merge(r, COL.text, LAST_COL);
    const span: [number, number] = [COL.text, LAST_COL];
    rowHeights.set(r, fittedRowHeight([{ text, widthChars: mergedWidth(span), columns: LAST_COL - 1, sizePt: BODY_SIZE }], MIN_ROW_PT));
  };

  const childRefs = (children: RubricNode[]) => children.map(scoreRef).filter((x): x is string => x !== null);

  const writeNodes = (nodes: RubricNode[]) => {
    for (const n of nodes) {
      if (n.type === 'criterion') criterionRow(n);
      else if (n.type === 'info') infoRow(n.text);
      else writeGroup(n);
    }
  };
  const writeGroup = (g: GroupNode) => {
    headingRow(g.label, g.title, g.points, names.groupTotal(g.id), sumFormula(childRefs(g.children)), 'group');
    writeNodes(g.children);
  };

  for (const s of rubric.sections) {
    headingRow(s.label, s.title, s.points, names.sectionTotal(s.id), sumFormula(childRefs(s.children)), 'section');
    writeNodes(s.children);
  }

  const adjustments = [
    [rubric.bonus, names.bonusTotal, names.bonus, names.bonusEvidence],
    [rubric.deduction, names.deductionTotal, names.deduction, names.deductionEvidence],
  ] as const;
  for (const [adj, totalName, itemName, evidenceName] of adjustments) {
    const items = adj.items.map((i) => countedFormula(itemName(i.id), pointsRule(adj.cap)));
    headingRow(adj.id, adj.title, adj.cap, totalName, cappedSumFormula(adj.cap, items), 'section');
    for (const item of adj.items) {
      const r = row++;
      put(r, COL.stt, { value: item.id, style: 'criterionCenter' });
      put(r, COL.text, { value: item.text, style: 'criterion' });
      input(r, COL.score, itemName(item.id));
      input(r, COL.evidence, evidenceName(item.id));
      fillBlanks(r, 'criterion', [COL.stt, COL.text, COL.score, COL.evidence]);
      fitRow(r, [[item.text, COL.text]]);
    }
  }

  const totalRow = row++;
  put(totalRow, COL.stt, { style: 'total' });
  put(totalRow, COL.text, { value: 'TỔNG ĐIỂM', style: 'total' });
  computed(
    totalRow,
    COL.score,
    names.grandTotal,
    grandTotalFormula(rubric.sections.map((s) => names.sectionTotal(s.id)), names.bonusTotal, names.deductionTotal),
    'total',
  );
  fillBlanks(totalRow, 'total', [COL.stt, COL.text, COL.score]);
  rowHeights.set(totalRow, 24);

  // Summary and signatures: kept on one page by a manual break when needed.
  const signatureStart = totalRow + 2;
  row = signatureStart;
  block(row, [1, COL.achieved], { value: doc.summaryLabel, style: 'summary' });
  put(row, COL.score, { formula: names.grandTotal, style: 'summary' });
  put(row, COL.evidence, { value: 'điểm', style: 'docHeader' });
  rowHeights.set(row++, 22);
  rowHeights.set(row++, 10);
  const leftLines = [...doc.preparer.labels.map((t) => [t, 'signLabel'] as const), [doc.preparer.note, 'signNote'] as const];
  const rightLines = [...doc.signer.labels.map((t) => [t, 'signLabel'] as const), [doc.signer.note, 'signNote'] as const];
  for (let i = 0; i < Math.max(leftLines.length, rightLines.length); i++) {
    if (leftLines[i]) block(row, leftCols, { value: leftLines[i][0], style: leftLines[i][1] });
    if (rightLines[i]) block(row, rightCols, { value: rightLines[i][0], style: rightLines[i][1] });
    rowHeights.set(row++, 20);
  }
  rowHeights.set(row++, 70);
  textInput(row, leftCols, names.preparerName, 'signName', options.preparer ?? '');
  textInput(row, rightCols, names.signerName, 'signName', options.signer ?? '');
  rowHeights.set(row, 22);
  const lastRow = row;

  const validations = buildValidations(fields);
  const conditionalFormats = buildConditionalFormats(fields);

  return {
    sheetName: SHEET_NAME,
    metaSheetName: META_SHEET_NAME,
    headerRow,
    lastRow,
    lastCol: LAST_COL,
    columnWidths: COLUMNS.map((c) => c.width),
    cells,
    merges,
    rowHeights,
    fields,
    validations,
    conditionalFormats,
    protection: { password: options.password ?? '' },
    print: {
      paperSize: 'A4',
      orientation: 'landscape',
      marginsMm: DOCUMENT_MARGINS_MM,
      fitToWidth: 1,
      titleRows: { from: headerRow, to: headerRow },
      firstPageHeader: '',
      header: '&C&P',
      rowBreaksBefore: keepTogether({
        heights: rowHeights,
        columnWidths: COLUMNS.map((c) => c.width),
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
      : textLengthValidation(range, spec.label, TEXT_LIMITS[spec.kind] ?? 1000),
  );
}

function buildConditionalFormats(fields: PlanField[]): PlanConditionalFormat[] {
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
  return [
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
