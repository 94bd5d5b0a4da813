/**
 * Word documents built at test time from rubric data, as the office types
 * them: a title, then the five-column table. `print` lets a test put back
 * the slips of a printed document (a number typed wrong, a cut word) before
 * the rows are written.
 */
import {
  AlignmentType,
  Document,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { Adjustment, Rubric, RubricNode } from '../../src/rubric';

export interface FixtureCell {
  lines: string[];
  span?: number;
  merge?: 'restart' | 'continue';
  image?: boolean;
  /** Word's automatic numbering ("I.") instead of typed text. */
  autoNumber?: 'section';
}

/** A table row, with what it came from: "criterion:21", "section:IV", "bonus", "bonusItem:1", "info:CT1", "group:1.1", "sub:14.1". */
export interface FixtureRow {
  ref: string;
  cells: FixtureCell[];
}

export interface FixtureOptions {
  /** Section and bonus/deduction headings across the columns after STT, points in the title. */
  spanning?: boolean;
  /** Several lines of a cell as one paragraph with line breaks (otherwise a paragraph each, with blank ones between). */
  lineBreaks?: boolean;
  /** Criteria numbered "1." rather than "1". */
  criterionDot?: boolean;
  /** Sub-items numbered "14.1" in the STT column. */
  numberSubItems?: boolean;
  /** Bonus and deduction items numbered 1, 2 … */
  numberItems?: boolean;
  /** Sections numbered by Word's automatic list numbering. */
  autoNumberSections?: boolean;
  header?: string[];
}

const pts = (n: number) => String(n).replace('.', ',');
const cell = (text: string, extra: Partial<FixtureCell> = {}): FixtureCell => ({ lines: text === '' ? [] : text.split('\n'), ...extra });

/** The rubric's rows, in document order. */
export function rubricRows(rubric: Rubric, options: FixtureOptions = {}): FixtureRow[] {
  const rows: FixtureRow[] = [];
  const heading = (ref: string, label: string, title: string, points: number, pointsWord: string): FixtureRow => {
    const stt = options.autoNumberSections ? cell('', { autoNumber: 'section' }) : cell(label);
    return options.spanning
      ? { ref, cells: [stt, cell(`${title} (${pointsWord}${pts(points)} điểm)`, { span: 4 })] }
      : { ref, cells: [stt, cell(title), cell(pts(points)), cell(''), cell('')] };
  };
  const walk = (nodes: RubricNode[]) => {
    for (const node of nodes) {
      if (node.type === 'info') {
        rows.push({ ref: `info:${node.id}`, cells: options.spanning ? [cell(''), cell(node.text, { span: 4 })] : [cell(''), cell(node.text), cell(''), cell(''), cell('')] });
      } else if (node.type === 'group') {
        rows.push({ ref: `group:${node.id}`, cells: [cell(node.label), cell(node.title), cell(pts(node.points)), cell(''), cell('')] });
        walk(node.children);
      } else {
        rows.push({ ref: `criterion:${node.id}`, cells: [cell(options.criterionDot ? `${node.id}.` : node.id), cell(node.text), cell(pts(node.points)), cell(node.method), cell(node.evidence)] });
        for (const sub of node.subItems ?? []) {
          rows.push({ ref: `sub:${sub.id}`, cells: [cell(options.numberSubItems ? sub.id : ''), cell(sub.text), cell(pts(sub.points)), cell(sub.method), cell(sub.evidence)] });
        }
      }
    }
  };
  for (const section of rubric.sections) {
    rows.push(heading(`section:${section.id}`, section.label, section.title, section.points, ''));
    walk(section.children);
  }
  const adjustment = (ref: 'bonus' | 'deduction', adj: Adjustment) => {
    rows.push(heading(ref, adj.id, adj.title, adj.cap, 'tối đa '));
    for (const item of adj.items) rows.push({ ref: `${ref}Item:${item.id}`, cells: [cell(options.numberItems ? item.id : ''), cell(item.text), cell(''), cell(''), cell('')] });
  };
  adjustment('bonus', rubric.bonus);
  adjustment('deduction', rubric.deduction);
  return rows;
}

export function rowOf(rows: FixtureRow[], ref: string): FixtureRow {
  const row = rows.find((r) => r.ref === ref);
  if (!row) throw new Error(`no row ${ref}`);
  return row;
}

/** A 1×1 PNG, the picture in the cell of criterion 17. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082', 'hex');

function paragraphs(c: FixtureCell, options: FixtureOptions): Paragraph[] {
  if (c.autoNumber) return [new Paragraph({ numbering: { reference: 'sections', level: 0 }, children: [] })];
  const out: Paragraph[] = [];
  if (options.lineBreaks) {
    out.push(new Paragraph({ children: c.lines.map((line, i) => new TextRun({ text: line, break: i === 0 ? undefined : 1 })) }));
  } else {
    c.lines.forEach((line, i) => {
      if (i > 0) out.push(new Paragraph({ children: [] }));
      out.push(new Paragraph({ children: [new TextRun(line)] }));
    });
  }
  if (c.image) out.push(new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 40, height: 40 } })] }));
  return out.length > 0 ? out : [new Paragraph({ children: [] })];
}

const HEADER = ['STT', 'Tiêu chí đánh giá', 'Điểm chuẩn', 'Cách tính điểm đạt tiêu chí', 'Yêu cầu minh chứng'];
const WIDTHS = [700, 4200, 900, 4000, 3800];

/** The .docx of a title and a table of these rows. */
export async function docxOf(headingLines: string[], rows: FixtureRow[], options: FixtureOptions = {}): Promise<Buffer> {
  const header = options.header ?? HEADER;
  const tableRows = [
    new TableRow({ tableHeader: true, children: header.map((h) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: h, bold: true })] })] })) }),
    ...rows.map(
      (row) =>
        new TableRow({
          children: row.cells.map(
            (c) =>
              new TableCell({
                columnSpan: c.span,
                verticalMerge: c.merge === 'restart' ? VerticalMergeType.RESTART : c.merge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
                children: c.merge === 'continue' ? [new Paragraph({ children: [] })] : paragraphs(c, options),
              }),
          ),
        }),
    ),
  ];
  const doc = new Document({
    numbering: {
      config: [{ reference: 'sections', levels: [{ level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.CENTER }] }],
    },
    sections: [
      {
        children: [
          ...headingLines.map((t) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: t, bold: true })] })),
          new Paragraph({ children: [] }),
          new Table({ columnWidths: WIDTHS.slice(0, header.length), width: { size: 13600, type: WidthType.DXA }, rows: tableRows }),
          new Paragraph({ children: [] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The title lines of a rubric's document. */
export const headingOf = (rubric: Pick<Rubric, 'title' | 'subtitle' | 'basis'>) => [rubric.title, rubric.subtitle, rubric.basis].filter((t) => t !== '');

/**
 * The 2024 document's slips, put back into rows built from the mended data:
 * criterion 21 numbered "11", 47 and 48 unnumbered (in the spanning layout
 * their STT cells merged into the cells above, as the original prints them
 * next to 46 and to section IV), IV. and V. with a dot, the deduction
 * section numbered V again, two cut words and a picture in criterion 17.
 */
export function print2024(rows: FixtureRow[], options: FixtureOptions = {}): FixtureRow[] {
  rowOf(rows, 'criterion:21').cells[0] = cell('11');
  for (const [ref, above] of [
    ['criterion:47', 'criterion:46'],
    ['criterion:48', 'section:IV'],
  ]) {
    if (options.spanning) {
      rowOf(rows, above).cells[0].merge = 'restart';
      rowOf(rows, ref).cells[0] = cell('', { merge: 'continue' });
    } else {
      rowOf(rows, ref).cells[0] = cell('');
    }
  }
  rowOf(rows, 'section:IV').cells[0].lines = ['IV.'];
  rowOf(rows, 'bonus').cells[0].lines = ['V.'];
  rowOf(rows, 'deduction').cells[0].lines = [' V'];
  rowOf(rows, 'criterion:29').cells[3] = cell('Chấm điểm theo chỉ tiêu đăng k');
  rowOf(rows, 'criterion:47').cells[3] = cell('100% cán bộ, hội viên được thông tin tuyên truyề');
  rowOf(rows, 'criterion:17').cells[1].image = true;
  const c20 = rowOf(rows, 'criterion:20').cells[1];
  c20.lines = c20.lines.map((line) => line.replace('trợ giúp', 'trợ2giúp'));
  return rows;
}
