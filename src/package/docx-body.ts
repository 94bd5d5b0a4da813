/**
 * The body of a WordprocessingML main part as Word shows it: paragraphs and
 * tables in order, each cell's grid column, span and vertical merge, line
 * breaks and tabs, automatic numbering, and the pictures in a cell by name.
 * Left out, as Word shows them not as body text: hidden runs, deleted and
 * moved-away text, field codes, text boxes and the old properties of a
 * tracked change. A table inside a cell is read as that cell's paragraphs.
 */
import type { WordBlock, WordCell } from '../rubric/import/document';
import type { Numbering } from './docx-numbering';
import { attribute, decodeXml, scanXml, type XmlVisitor } from './xml';

const SKIP_CONTENT = new Set([
  'drawing', 'pict', 'object', 'Fallback', 'del', 'moveFrom', 'sdtPr', 'instrText', 'delText', 'delInstrText',
  'pPrChange', 'rPrChange', 'tcPrChange', 'trPrChange', 'tblPrChange', 'numberingChange', 'sectPrChange',
]);
const OFF = new Set(['0', 'false', 'off']);

interface TableBuild {
  rows: WordCell[][];
  row: WordCell[] | null;
  cell: (WordCell & { mergesLeft: boolean }) | null;
  column: number;
}

interface ParagraphBuild {
  text: string;
  numId?: string;
  ilvl?: number;
  style?: string;
  inPPr: boolean;
}

class BodyReader implements XmlVisitor {
  readonly blocks: WordBlock[] = [];
  private readonly tables: TableBuild[] = [];
  private paragraph: ParagraphBuild | null = null;
  private run: { hidden: boolean; inRPr: boolean } | null = null;
  private skipping = 0;
  private inText = false;

  constructor(
    private readonly images: Map<string, string>,
    private readonly numbering: Numbering,
  ) {}

  private get table(): TableBuild | undefined {
    return this.tables[this.tables.length - 1];
  }

  private get cell(): TableBuild['cell'] {
    return this.table?.cell ?? null;
  }

  private append(s: string): void {
    if (this.paragraph && this.run && !this.run.hidden && this.skipping === 0) this.paragraph.text += s;
  }

  open(name: string, attrs: string, selfClosing: boolean): void {
    if (SKIP_CONTENT.has(name)) {
      if (!selfClosing) this.skipping++;
      return;
    }
    if (name === 'blip' || name === 'imagedata') {
      const target = this.images.get(attribute(attrs, 'embed') ?? attribute(attrs, 'id') ?? '');
      if (target && this.cell) this.cell.images.push(target);
      return;
    }
    if (this.skipping > 0) return;
    if (!this.openTablePart(name, attrs)) this.openParagraphPart(name, attrs, selfClosing);
  }

  /** Tables, rows, cells and their grid properties; false for anything else. */
  private openTablePart(name: string, attrs: string): boolean {
    const table = this.table;
    const val = () => attribute(attrs, 'val');
    switch (name) {
      case 'tbl':
        this.tables.push({ rows: [], row: null, cell: null, column: 0 });
        return true;
      case 'tr':
        if (table) [table.row, table.column] = [[], 0];
        return true;
      case 'gridBefore':
        if (table) table.column += Number(val() ?? 0);
        return true;
      case 'tc':
        if (table) table.cell = { column: table.column, span: 1, continuesAbove: false, paragraphs: [], images: [], mergesLeft: false };
        return true;
      case 'gridSpan':
        if (table?.cell) table.cell.span = Math.max(1, Number(val() ?? 1));
        return true;
      case 'vMerge':
        if (table?.cell) table.cell.continuesAbove = (val() ?? 'continue') !== 'restart';
        return true;
      case 'hMerge':
        if (table?.cell) table.cell.mergesLeft = (val() ?? 'continue') !== 'restart';
        return true;
      default:
        return false;
    }
  }

  private openParagraphPart(name: string, attrs: string, selfClosing: boolean): void {
    const paragraph = this.paragraph;
    const run = this.run;
    switch (name) {
      case 'p':
        this.paragraph = { text: '', inPPr: false };
        break;
      case 'pPr':
        if (paragraph && !run) paragraph.inPPr = !selfClosing;
        break;
      case 'pStyle':
        if (paragraph?.inPPr) paragraph.style = attribute(attrs, 'val');
        break;
      case 'numId':
        if (paragraph?.inPPr) paragraph.numId = attribute(attrs, 'val');
        break;
      case 'ilvl':
        if (paragraph?.inPPr) paragraph.ilvl = Number(attribute(attrs, 'val') ?? 0);
        break;
      case 'r':
        if (!selfClosing) this.run = { hidden: false, inRPr: false };
        break;
      case 'rPr':
        if (run) run.inRPr = !selfClosing;
        break;
      case 'vanish':
        if (run?.inRPr) run.hidden = !OFF.has((attribute(attrs, 'val') ?? '').toLowerCase());
        break;
      case 't':
        this.inText = !selfClosing;
        break;
      case 'tab':
        // Only a run's tab is text; a paragraph's w:tabs/w:tab is a tab stop.
        if (run && !run.inRPr) this.append('\t');
        break;
      case 'br':
      case 'cr':
        if (run && !run.inRPr) this.append('\n');
        break;
      case 'noBreakHyphen':
        this.append('-');
        break;
    }
  }

  close(name: string): void {
    if (SKIP_CONTENT.has(name)) {
      this.skipping = Math.max(0, this.skipping - 1);
      return;
    }
    if (this.skipping > 0) return;
    switch (name) {
      case 't':
        this.inText = false;
        break;
      case 'rPr':
        if (this.run) this.run.inRPr = false;
        break;
      case 'r':
        this.run = null;
        break;
      case 'pPr':
        if (this.paragraph) this.paragraph.inPPr = false;
        break;
      case 'p':
        this.closeParagraph();
        break;
      case 'tc':
        this.closeCell();
        break;
      case 'tr':
        if (this.table?.row) this.table.rows.push(this.table.row);
        if (this.table) this.table.row = null;
        break;
      case 'tbl':
        this.closeTable();
        break;
    }
  }

  private closeParagraph(): void {
    const p = this.paragraph;
    if (!p) return;
    const text = this.numbering.label(p.numId, p.ilvl, p.style) + p.text;
    if (this.cell) this.cell.paragraphs.push(text);
    else if (this.tables.length === 0) this.blocks.push({ kind: 'paragraph', text });
    this.paragraph = null;
  }

  private closeCell(): void {
    const table = this.table;
    if (!table?.row || !table.cell) return;
    const { mergesLeft, ...done } = table.cell;
    const left = table.row[table.row.length - 1];
    if (mergesLeft && left) left.span += done.span;
    else table.row.push(done);
    table.column += done.span;
    table.cell = null;
  }

  private closeTable(): void {
    const done = this.tables.pop();
    if (!done) return;
    const outer = this.cell;
    if (!outer) return void this.blocks.push({ kind: 'table', table: { rows: done.rows } });
    for (const row of done.rows) {
      for (const c of row) {
        outer.paragraphs.push(...c.paragraphs);
        outer.images.push(...c.images);
      }
    }
  }

  text(raw: string, cdata: boolean): void {
    if (this.inText) this.append(cdata ? raw : decodeXml(raw));
  }
}

/** The body's blocks, from the main part's XML; `images` names each picture relationship. */
export function readBody(xml: string, images: Map<string, string>, numbering: Numbering): WordBlock[] {
  const reader = new BodyReader(images, numbering);
  scanXml(xml, reader);
  return reader.blocks;
}
