import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { columnLetters, rangeA1 } from '../layout/a1';
import type { MergePlan, MergeSheetPlan } from '../merge/plan';
import { MERGE_FLAGS, MERGE_STYLES, type MergeStyleName } from '../merge/styles';
import { addRules, excelStyle, marginsInInches } from './write';


async function addSheet(
  workbook: ExcelJS.Workbook,
  plan: MergeSheetPlan,
  styles: Map<MergeStyleName, Partial<ExcelJS.Style>>,
): Promise<ExcelJS.Worksheet> {
  const ws = workbook.addWorksheet(plan.name, {
    views: [{ state: 'frozen', xSplit: plan.frozen.cols, ySplit: plan.frozen.rows, zoomScale: 90 }],
    pageSetup: {
      paperSize: 9,
      orientation: plan.print.orientation,
      ...(plan.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false, scale: plan.print.scale ?? 100 }),
      printTitlesRow: `${plan.print.titleRows.from}:${plan.print.titleRows.to}`,
      ...(plan.print.titleCols
        ? { printTitlesColumn: `${columnLetters(plan.print.titleCols.from)}:${columnLetters(plan.print.titleCols.to)}` }
        : {}),
      margins: marginsInInches(plan.print.marginsMm),
    },
    headerFooter: {
      ...(plan.print.firstPageHeader !== undefined ? { differentFirst: true, firstHeader: plan.print.firstPageHeader } : {}),
      ...(plan.print.header !== undefined ? { oddHeader: plan.print.header } : {}),
      ...(plan.print.footer !== undefined ? { oddFooter: `&C${plan.print.footer}` } : {}),
    },
  });
  for (const row of plan.print.rowBreaksBefore ?? []) ws.getRow(row - 1).addPageBreak();
  plan.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));

  const styleOf = (name: MergeStyleName) => {
    let style = styles.get(name);
    if (!style) styles.set(name, (style = excelStyle(MERGE_STYLES[name])));
    return style;
  };
  const unlocked = new Map<MergeStyleName, Partial<ExcelJS.Style>>();
  const unlockedStyleOf = (name: MergeStyleName) => {
    let style = unlocked.get(name);
    if (!style) unlocked.set(name, (style = { ...styleOf(name), protection: { locked: false } }));
    return style;
  };
  for (const c of plan.cells) {
    const cell = ws.getCell(c.row, c.col);
    if (c.formula !== undefined) cell.value = { formula: c.formula } as ExcelJS.CellFormulaValue;
    // Strings go in as shared strings: ExcelJS never reads them as formulas.
    else if (c.value !== undefined) cell.value = c.value;
    // One style object per look: ExcelJS recognises an object it has seen and skips re-encoding it.
    cell.style = c.unlocked ? unlockedStyleOf(c.style) : styleOf(c.style);
  }
  for (const m of plan.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  for (const [row, height] of plan.rowHeights) ws.getRow(row).height = height;

  addRules(ws, plan.validations, plan.conditionalFormats, MERGE_FLAGS);
  if (plan.autoFilter) ws.autoFilter = rangeA1(plan.autoFilter);
  if (plan.protect) {
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatRows: true, formatColumns: true });
  }
  return ws;
}

/**
 * ExcelJS writes row breaks only; column breaks go in by hand, right after
 * headerFooter where the schema puts them. ExcelJS stores the parts
 * uncompressed, so each is compressed once, here, after the edit.
 */
async function finishPackage(stored: Buffer, breaks: Map<number, number[]>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(stored);
  for (const [sheetId, cols] of breaks) {
    const name = `xl/worksheets/sheet${sheetId}.xml`;
    const xml = await (zip.file(name) as JSZip.JSZipObject).async('string');
    const brks = cols.map((c) => `<brk id="${c}" max="1048575" man="1"/>`).join('');
    const element = `<colBreaks count="${cols.length}" manualBreakCount="${cols.length}">${brks}</colBreaks>`;
    if (!xml.includes('</headerFooter>')) throw new Error(`${name}: no headerFooter to place column breaks after`);
    zip.file(name, xml.replace('</headerFooter>', `</headerFooter>${element}`));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The consolidated workbook as .xlsx bytes; every formula is computed when it is opened. */
export async function writeMergeWorkbook(plan: MergePlan): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'chamdiem';
  workbook.title = plan.sheets[0]?.name ?? '';
  workbook.calcProperties.fullCalcOnLoad = true;
  const styles = new Map<MergeStyleName, Partial<ExcelJS.Style>>();
  const breaks = new Map<number, number[]>();
  for (const sheet of plan.sheets) {
    const ws = await addSheet(workbook, sheet, styles);
    if (sheet.print.columnBreaksAfter?.length) breaks.set(ws.id, sheet.print.columnBreaksAfter);
  }
  return finishPackage(Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } })), breaks);
}
