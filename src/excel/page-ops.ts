/** How a sheet scrolls and prints, through Office.js: frozen panes and the page layout (ExcelApi 1.9). */
import { a1, rangeA1 } from '../layout/a1';
import type { PrintSetup } from '../layout/model';
import type { HeaderFooterApi, WorksheetApi } from './api';
import { op, type SheetOp } from './ops';

const POINTS_PER_MM = 72 / 25.4;

/** Rows and columns that stay in view while scrolling. */
export function freezeOp(sheet: WorksheetApi, rows: number, cols: number): SheetOp[] {
  if (rows === 0 && cols === 0) return [];
  return [
    op(1, () => {
      if (cols === 0) sheet.freezePanes.freezeRows(rows);
      else if (rows === 0) sheet.freezePanes.freezeColumns(cols);
      else sheet.freezePanes.freezeAt(sheet.getRange(rangeA1({ top: 1, left: 1, bottom: rows, right: cols })));
    }),
  ];
}

/**
 * Splits an OOXML header ("&LLeft&CCentre&RRight") into the three sections
 * Office.js sets one by one; "&&" is a literal ampersand and text before any
 * section code is centred, as Excel reads it.
 */
function headerSections(code: string): { left: string; center: string; right: string } {
  const out = { left: '', center: '', right: '' };
  const sections = { L: 'left', C: 'center', R: 'right' } as const;
  let section: keyof typeof out = 'center';
  for (let i = 0; i < code.length; i++) {
    const next = code[i + 1];
    if (code[i] === '&' && next !== undefined) {
      if (next === 'L' || next === 'C' || next === 'R') section = sections[next];
      else out[section] += `&${next}`;
      i++;
    } else {
      out[section] += code[i];
    }
  }
  return out;
}

function setHeader(target: HeaderFooterApi, code: string): void {
  const { left, center, right } = headerSections(code);
  target.leftHeader = left;
  target.centerHeader = center;
  target.rightHeader = right;
}

function setFooter(target: HeaderFooterApi, code: string): void {
  const { left, center, right } = headerSections(code);
  target.leftFooter = left;
  target.centerFooter = center;
  target.rightFooter = right;
}

/** ExcelApi 1.9: paper, margins, scaling, title rows and columns, headers, footers and page breaks. */
export function pageSetupOps(sheet: WorksheetApi, print: PrintSetup): SheetOp[] {
  const breaks = print.rowBreaksBefore.length + print.columnBreaksAfter.length;
  return [
    op(20 + breaks, () => {
      const layout = sheet.pageLayout;
      layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      layout.paperSize = 'A4';
      // 0 pages tall means "as many as needed", as fitToHeight="0" does in the file.
      layout.zoom = 'pagesWide' in print.fit ? { horizontalFitToPages: print.fit.pagesWide, verticalFitToPages: 0 } : { scale: print.fit.scale };
      const mm = print.marginsMm;
      const points = (v: number) => Math.round(v * POINTS_PER_MM * 100) / 100;
      layout.topMargin = points(mm.top);
      layout.bottomMargin = points(mm.bottom);
      layout.leftMargin = points(mm.left);
      layout.rightMargin = points(mm.right);
      layout.headerMargin = points(mm.header);
      layout.footerMargin = points(mm.footer);
      const headers = layout.headersFooters;
      if (print.firstPageHeader !== undefined) {
        headers.state = 'FirstAndDefault';
        setHeader(headers.firstPage, print.firstPageHeader);
      }
      if (print.header !== undefined) setHeader(headers.defaultForAllPages, print.header);
      if (print.footer !== undefined) setFooter(headers.defaultForAllPages, print.footer);
      // What prints, as the file's Print_Area: the standard sheet's guidance columns stay on screen.
      if (print.area) layout.setPrintArea(rangeA1(print.area));
      const { titleRows, titleCols } = print;
      if (titleRows) {
        layout.setPrintTitleRows(sheet.getRange(rangeA1({ top: titleRows.from, bottom: titleRows.to, left: 1, right: 1 })).getEntireRow());
      }
      if (titleCols) {
        layout.setPrintTitleColumns(sheet.getRange(rangeA1({ top: 1, bottom: 1, left: titleCols.from, right: titleCols.to })).getEntireColumn());
      }
      for (const row of print.rowBreaksBefore) sheet.horizontalPageBreaks.add(sheet.getRange(a1(row, 1)));
      // A break "after column c" sits before column c + 1.
      for (const col of print.columnBreaksAfter) sheet.verticalPageBreaks.add(sheet.getRange(a1(1, col + 1)));
    }),
  ];
}

