/**
 * Saves what a fake host holds as .xlsx with ExcelJS, the way Excel would
 * save the workbook: values, formulas, formats, merges, names, validations,
 * conditional formats, protection, page setup and sheet visibility. Node
 * only; kept apart from the host so a browser bundle need not carry ExcelJS.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { columnLetters, rangeA1, sheetRef } from '../../../src/layout/a1';
import type { FakeExcelHost } from './host';
import type { BorderEdge, CellState, ConditionalFormatState, HeaderSections, SheetState } from './model';

const HORIZONTAL: Record<string, ExcelJS.Alignment['horizontal'] | undefined> = {
  General: undefined,
  Left: 'left',
  Center: 'center',
  Right: 'right',
  Justify: 'justify',
  Fill: 'fill',
  Distributed: 'distributed',
  CenterAcrossSelection: 'centerContinuous',
};
const VERTICAL: Record<string, ExcelJS.Alignment['vertical']> = {
  Top: 'top',
  Center: 'middle',
  Bottom: 'bottom',
  Justify: 'justify',
  Distributed: 'distributed',
};
const STATE = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' } as const;
const PAPER: Record<string, ExcelJS.PaperSize | undefined> = { A4: 9, Letter: undefined };
const OPERATORS: Record<string, ExcelJS.DataValidationOperator> = {
  Between: 'between',
  NotBetween: 'notBetween',
  EqualTo: 'equal',
  NotEqualTo: 'notEqual',
  GreaterThan: 'greaterThan',
  LessThan: 'lessThan',
  GreaterThanOrEqualTo: 'greaterThanOrEqual',
  LessThanOrEqualTo: 'lessThanOrEqual',
};

/** Excel stores widths in characters of the default font; the host keeps points. */
function pointsToCharacters(points: number): number {
  return Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
}

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;
const stripEquals = (formula: string) => formula.replace(/^=/, '');

function border(edge: BorderEdge | undefined): Partial<ExcelJS.Border> | undefined {
  if (!edge) return undefined;
  const style = edge.weight === 'Medium' ? 'medium' : edge.weight === 'Thick' ? 'thick' : edge.style === 'Double' ? 'double' : 'thin';
  return { style, color: { argb: argb(edge.color) } };
}

function style(cell: CellState): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {
    numFmt: cell.numberFormat,
    font: {
      name: cell.font.name,
      size: cell.font.size,
      bold: cell.font.bold,
      italic: cell.font.italic,
      underline: cell.font.underline === 'None' ? undefined : true,
      color: { argb: argb(cell.font.color) },
    },
    alignment: { horizontal: HORIZONTAL[cell.horizontal], vertical: VERTICAL[cell.vertical], wrapText: cell.wrap },
    protection: { locked: cell.locked },
  };
  if (cell.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(cell.fill) } };
  const edges = { top: border(cell.borders.top), left: border(cell.borders.left), bottom: border(cell.borders.bottom), right: border(cell.borders.right) };
  if (Object.values(edges).some(Boolean)) out.border = edges;
  return out;
}

const CONDITIONAL_LINE: Record<string, ExcelJS.BorderStyle> = { Continuous: 'thin', Dash: 'dashed', DashDot: 'dashDot', DashDotDot: 'dashDotDot', Dot: 'dotted' };

/** A conditional format's box as a dxf border. */
function conditionalBorder(edges: NonNullable<ConditionalFormatState['borders']>): Partial<ExcelJS.Borders> {
  const side = (edge: string): Partial<ExcelJS.Border> | undefined => {
    const e = edges[edge];
    const style = e?.style ? CONDITIONAL_LINE[e.style] : undefined;
    return style ? { style, color: { argb: argb(e?.color ?? '#000000') } } : undefined;
  };
  return { top: side('EdgeTop'), bottom: side('EdgeBottom'), left: side('EdgeLeft'), right: side('EdgeRight') };
}

/** Office.js header sections back to one OOXML header string. */
function headerCode(sections: HeaderSections): string {
  return (sections.left ? `&L${sections.left}` : '') + (sections.center ? `&C${sections.center}` : '') + (sections.right ? `&R${sections.right}` : '');
}

function pageSetup(sheet: SheetState): Partial<ExcelJS.PageSetup> {
  const p = sheet.pageLayout;
  const inches = (points: number | undefined) => (points === undefined ? undefined : Math.round((points / 72) * 1000) / 1000);
  const setup: Partial<ExcelJS.PageSetup> = {};
  if (p.orientation) setup.orientation = p.orientation === 'Landscape' ? 'landscape' : 'portrait';
  if (p.paperSize) setup.paperSize = PAPER[p.paperSize];
  if (p.zoom?.horizontalFitToPages !== undefined || p.zoom?.verticalFitToPages !== undefined) {
    setup.fitToPage = true;
    setup.fitToWidth = p.zoom.horizontalFitToPages ?? 0;
    setup.fitToHeight = p.zoom.verticalFitToPages ?? 0;
  } else if (p.zoom?.scale !== undefined) {
    setup.scale = p.zoom.scale;
  }
  if (p.printArea) setup.printArea = rangeA1(p.printArea);
  if (p.printTitleRows) setup.printTitlesRow = `${p.printTitleRows.from}:${p.printTitleRows.to}`;
  if (p.printTitleColumns) {
    setup.printTitlesColumn = `${columnLetters(p.printTitleColumns.from)}:${columnLetters(p.printTitleColumns.to)}`;
  }
  if (Object.keys(p.margins).length > 0) {
    const m = p.margins;
    setup.margins = {
      left: inches(m.left) ?? 0.7,
      right: inches(m.right) ?? 0.7,
      top: inches(m.top) ?? 0.75,
      bottom: inches(m.bottom) ?? 0.75,
      header: inches(m.header) ?? 0.3,
      footer: inches(m.footer) ?? 0.3,
    };
  }
  return setup;
}

async function addSheet(workbook: ExcelJS.Workbook, sheet: SheetState): Promise<void> {
  const ws = workbook.addWorksheet(sheet.name, {
    state: STATE[sheet.visibility],
    views:
      sheet.frozenRows > 0 || sheet.frozenColumns > 0
        ? [{ state: 'frozen', ySplit: sheet.frozenRows, xSplit: sheet.frozenColumns }]
        : undefined,
    pageSetup: pageSetup(sheet),
  });
  const header = sheet.pageLayout;
  const footer = headerCode(header.defaultFooter);
  if (header.headerState === 'FirstAndDefault') {
    ws.headerFooter = {
      differentFirst: true,
      firstHeader: headerCode(header.firstPage),
      oddHeader: headerCode(header.defaultForAllPages),
      ...(headerCode(header.firstPageFooter) ? { firstFooter: headerCode(header.firstPageFooter) } : {}),
      ...(footer ? { oddFooter: footer } : {}),
    };
  } else if (headerCode(header.defaultForAllPages) || footer) {
    ws.headerFooter = {
      ...(headerCode(header.defaultForAllPages) ? { oddHeader: headerCode(header.defaultForAllPages) } : {}),
      ...(footer ? { oddFooter: footer } : {}),
    };
  }
  if (sheet.autoFilter) ws.autoFilter = rangeA1(sheet.autoFilter);
  for (const [col, points] of sheet.columnWidths) ws.getColumn(col).width = pointsToCharacters(points);
  for (const [row, points] of sheet.rowHeights) ws.getRow(row).height = points;

  for (const [key, state] of sheet.cells) {
    const [row, col] = key.split(',').map(Number);
    const cell = ws.getCell(row, col);
    if (state.formula !== undefined) cell.value = { formula: state.formula } as ExcelJS.CellFormulaValue;
    else if (state.value !== null) cell.value = state.value;
    cell.style = style(state);
  }
  for (const m of sheet.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  for (const row of sheet.rowBreaks) ws.getRow(row - 1).addPageBreak();

  // Range validations exist at runtime but not in ExcelJS's typings.
  const validations = (ws as unknown as { dataValidations: { add(ref: string, dv: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of sheet.validations) {
    const rule = v.rule ?? {};
    const common = {
      allowBlank: v.ignoreBlanks,
      showErrorMessage: v.errorAlert?.showAlert ?? true,
      errorStyle: (v.errorAlert?.style ?? 'Stop').toLowerCase() as ExcelJS.DataValidation['errorStyle'],
      errorTitle: v.errorAlert?.title,
      error: v.errorAlert?.message,
      showInputMessage: v.prompt?.showPrompt ?? false,
      promptTitle: v.prompt?.title,
      prompt: v.prompt?.message,
    };
    if (rule.custom) {
      validations.add(rangeA1(v.range), { type: 'custom', formulae: [stripEquals(rule.custom.formula)], ...common });
    } else if (rule.textLength) {
      const f = rule.textLength.formula1;
      validations.add(rangeA1(v.range), {
        type: 'textLength',
        operator: OPERATORS[String(rule.textLength.operator)],
        formulae: [typeof f === 'number' ? f : stripEquals(String(f))],
        ...common,
      });
    } else if (rule.list && typeof rule.list.source === 'string') {
      validations.add(rangeA1(v.range), { type: 'list', formulae: [`"${rule.list.source}"`], ...common });
    } else {
      throw new Error(`export: validation ${JSON.stringify(rule)} is not implemented`);
    }
  }
  sheet.conditionalFormats.forEach((cf, i) => {
    ws.addConditionalFormatting({
      ref: rangeA1(cf.range),
      rules: [
        {
          type: 'expression',
          priority: i + 1,
          formulae: [stripEquals(cf.formula ?? '')],
          style: {
            ...(cf.fill ? { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.fill) } } } : {}),
            font: { ...(cf.fontColor ? { color: { argb: argb(cf.fontColor) } } : {}), bold: cf.bold },
            ...(cf.borders ? { border: conditionalBorder(cf.borders) } : {}),
          },
        },
      ],
    });
  });
  if (sheet.protection.protected) {
    const options = sheet.protection.options ?? {};
    await ws.protect(sheet.protection.password ?? '', {
      selectLockedCells: options.selectionMode === undefined || options.selectionMode === 'Normal',
      selectUnlockedCells: options.selectionMode !== 'None',
      formatCells: options.allowFormatCells,
      formatColumns: options.allowFormatColumns,
      formatRows: options.allowFormatRows,
    });
  }
}

export interface ExportOptions {
  /**
   * The saved workbook's default font. Excel prints the column widths the
   * adapter set in points; a copy read by another program converts them
   * through this font's digit width, and this machine has no Calibri (ExcelJS's
   * default), for which LibreOffice measures in DejaVu Sans, 25 % wider.
   */
  defaultFont?: string;
}

/** Column page breaks, which ExcelJS does not write: after each `brk id`, in the schema's place after the row breaks. */
function withColumnBreaks(xml: string, breaks: number[]): string {
  if (breaks.length === 0) return xml;
  const brks = breaks.map((col) => `<brk id="${col - 1}" max="1048575" man="1"/>`).join('');
  const element = `<colBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${brks}</colBreaks>`;
  for (const after of ['</rowBreaks>', '</headerFooter>']) {
    const at = xml.indexOf(after);
    if (at >= 0) return xml.slice(0, at + after.length) + element + xml.slice(at + after.length);
  }
  const setup = /<pageSetup[^>]*\/>/.exec(xml);
  if (!setup) throw new Error('export: no place for column breaks');
  return xml.slice(0, setup.index + setup[0].length) + element + xml.slice(setup.index + setup[0].length);
}

async function patched(bytes: Buffer, host: FakeExcelHost, options: ExportOptions): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const [i, sheet] of host.sheets.entries()) {
    if (sheet.columnBreaks.length === 0) continue;
    const part = `xl/worksheets/sheet${i + 1}.xml`;
    const xml = await zip.file(part)!.async('string');
    zip.file(part, withColumnBreaks(xml, sheet.columnBreaks));
    changed = true;
  }
  if (options.defaultFont) {
    const styles = await zip.file('xl/styles.xml')!.async('string');
    // The first font of the style sheet is the workbook's default.
    zip.file('xl/styles.xml', styles.replace(/(<fonts[^>]*>\s*<font>[\s\S]*?<name val=")[^"]*(")/, `$1${options.defaultFont}$2`));
    changed = true;
  }
  return changed ? zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }) : bytes;
}

export async function exportFakeToXlsx(host: FakeExcelHost, options: ExportOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of host.sheets) await addSheet(workbook, sheet);
  for (const n of host.names.values()) {
    const sheet = n.target && host.sheets.find((s) => s.id === n.target?.sheetId);
    if (sheet && n.target) workbook.definedNames.add(sheetRef(sheet.name, rangeA1(n.target.range, true)), n.name);
  }
  // Formulas are stored without results; ask the reader to calculate.
  workbook.calcProperties.fullCalcOnLoad = true;
  return patched(Buffer.from(await workbook.xlsx.writeBuffer()), host, options);
}
