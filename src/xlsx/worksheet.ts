/**
 * One sheet model as a worksheet part, produced row by row. Elements follow
 * the schema's order (ECMA-376 CT_Worksheet): Excel refuses a file that does
 * not.
 */
import { a1, rangeA1 } from '../layout/a1';
import type { PlanValidation, PrintSetup, SheetCell, SheetModel, SheetProtection } from '../layout/model';
import { marginsInInches } from './margins';
import { DECLARATION, MAIN_NS, type SharedStrings, type StyleSheet } from './parts';
import type { PasswordHash } from './protection';
import { escapeAttribute, escapeXml } from '../package/xml';

const DOC_REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const A4 = 9;
const ZOOM_PERCENT = 90;

const byAddress = (a: SheetCell, b: SheetCell) => a.row - b.row || a.col - b.col;

/** The index of the cell at `row`, `col` in cells sorted by address; -1 when there is none. */
function find(sorted: readonly SheetCell[], row: number, col: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const order = sorted[mid].row - row || sorted[mid].col - col;
    if (order === 0) return mid;
    if (order < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The sheet's cells in address order. Of two for one address the later
 * wins, as it would on a sheet; a merged area's unplanned cells take its
 * first cell's style, as merging in Excel gives them.
 */
export function sheetCells(sheet: SheetModel): SheetCell[] {
  const sorted = sheet.cells.slice().sort(byAddress);
  const cells = sorted.filter((c, i) => i + 1 === sorted.length || byAddress(c, sorted[i + 1]) !== 0);
  const filled: SheetCell[] = [];
  for (const m of sheet.merges) {
    const at = find(cells, m.top, m.left);
    if (at < 0) continue;
    const { style, unlocked } = cells[at];
    for (let row = m.top; row <= m.bottom; row++) {
      for (let col = m.left; col <= m.right; col++) {
        if (find(cells, row, col) < 0) filled.push({ row, col, style, ...(unlocked ? { unlocked } : {}) });
      }
    }
  }
  return filled.length === 0 ? cells : cells.concat(filled).sort(byAddress);
}

function dimension(cells: readonly SheetCell[]): string {
  if (cells.length === 0) return 'A1';
  let left = Infinity;
  let right = 0;
  for (const c of cells) {
    if (c.col < left) left = c.col;
    if (c.col > right) right = c.col;
  }
  return rangeA1({ top: cells[0].row, left, bottom: cells[cells.length - 1].row, right });
}

function sheetView(sheet: SheetModel, selected: boolean): string {
  if (sheet.visibility === 'veryHidden') return '<sheetView workbookViewId="0"/>';
  const open = `<sheetView${selected ? ' tabSelected="1"' : ''} zoomScale="${ZOOM_PERCENT}" workbookViewId="0"`;
  const { rows, cols } = sheet.frozen;
  if (rows === 0 && cols === 0) return `${open}/>`;
  const pane = rows > 0 && cols > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  return (
    `${open}><pane${cols > 0 ? ` xSplit="${cols}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''}` +
    ` topLeftCell="${a1(rows + 1, cols + 1)}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView>`
  );
}

/** Every column its width, runs of equal widths sharing one entry. */
function columns(widths: readonly number[]): string {
  let out = '';
  for (let i = 0; i < widths.length; ) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++;
    out += `<col min="${i + 1}" max="${j + 1}" width="${widths[i]}" customWidth="1"/>`;
    i = j + 1;
  }
  return out ? `<cols>${out}</cols>` : '';
}

function cellXml(sheet: SheetModel, c: SheetCell, styles: StyleSheet, strings: SharedStrings): string {
  const xf = styles.xf(c);
  const head = `<c r="${a1(c.row, c.col)}"${xf ? ` s="${xf}"` : ''}`;
  if (c.formula !== undefined) return `${head}><f>${escapeXml(c.formula)}</f></c>`;
  if (typeof c.value === 'string') return `${head} t="s"><v>${strings.id(c.value)}</v></c>`;
  if (typeof c.value === 'number') {
    if (!Number.isFinite(c.value)) throw new RangeError(`${sheet.name}!${a1(c.row, c.col)}: ${c.value} is no spreadsheet number`);
    return `${head}><v>${c.value}</v></c>`;
  }
  return `${head}/>`;
}

/** Rows in order, each with its cells and its height; rows with only a height are written too. */
function* sheetData(sheet: SheetModel, cells: readonly SheetCell[], styles: StyleSheet, strings: SharedStrings): Generator<string> {
  const sized = [...sheet.rowHeights.keys()].sort((a, b) => a - b);
  yield '<sheetData>';
  let next = 0;
  let nextSized = 0;
  while (next < cells.length || nextSized < sized.length) {
    const row = Math.min(next < cells.length ? cells[next].row : Infinity, nextSized < sized.length ? sized[nextSized] : Infinity);
    if (sized[nextSized] === row) nextSized++;
    let end = next;
    while (end < cells.length && cells[end].row === row) end++;
    const height = sheet.rowHeights.get(row);
    let xml =
      `<row r="${row}"` +
      (end > next ? ` spans="${cells[next].col}:${cells[end - 1].col}"` : '') +
      (height !== undefined ? ` ht="${height}"${sheet.growingRows?.has(row) ? '' : ' customHeight="1"'}` : '') +
      '>';
    for (; next < end; next++) xml += cellXml(sheet, cells[next], styles, strings);
    yield `${xml}</row>`;
  }
  yield '</sheetData>';
}

function protectionXml(protection: SheetProtection, hashed: (password: string) => PasswordHash): string {
  const hash = protection.password ? hashed(protection.password) : undefined;
  return (
    '<sheetProtection' +
    (hash
      ? ` algorithmName="${hash.algorithmName}" hashValue="${hash.hashValue}" saltValue="${hash.saltValue}" spinCount="${hash.spinCount}"`
      : '') +
    ' sheet="1"' +
    // "0" lifts the protection of that action.
    (protection.allowFormatting ? ' formatColumns="0" formatRows="0"' : '') +
    '/>'
  );
}

function validationXml(v: PlanValidation): string {
  const messages =
    ` allowBlank="1" showInputMessage="1" showErrorMessage="1" errorStyle="stop"` +
    ` errorTitle="${escapeAttribute(v.title)}" error="${escapeAttribute(v.message)}"` +
    ` promptTitle="${escapeAttribute(v.promptTitle)}" prompt="${escapeAttribute(v.message)}" sqref="${rangeA1(v.range)}"`;
  switch (v.type) {
    case 'custom':
      return `<dataValidation type="custom"${messages}><formula1>${escapeXml(v.formula as string)}</formula1></dataValidation>`;
    case 'list':
      // The choices as one quoted string; the drop-down shows unless showDropDown says otherwise.
      return `<dataValidation type="list"${messages}><formula1>${escapeXml(`"${(v.items ?? []).join(',')}"`)}</formula1></dataValidation>`;
    case 'textLength':
      return `<dataValidation type="textLength" operator="lessThanOrEqual"${messages}><formula1>${v.maxLength as number}</formula1></dataValidation>`;
  }
}

function* rulesXml(sheet: SheetModel, styles: StyleSheet): Generator<string> {
  let priority = 0;
  for (const cf of sheet.conditionalFormats) {
    yield (
      `<conditionalFormatting sqref="${rangeA1(cf.range)}">` +
      `<cfRule type="expression" dxfId="${styles.dxf(cf.flag)}" priority="${++priority}"><formula>${escapeXml(cf.formula)}</formula></cfRule>` +
      '</conditionalFormatting>'
    );
  }
  if (sheet.validations.length > 0) {
    yield `<dataValidations count="${sheet.validations.length}">`;
    for (const v of sheet.validations) yield validationXml(v);
    yield '</dataValidations>';
  }
}

function breaks(tag: 'rowBreaks' | 'colBreaks', ids: readonly number[], max: number): string {
  if (ids.length === 0) return '';
  const brks = ids.map((id) => `<brk id="${id}" max="${max}" man="1"/>`).join('');
  return `<${tag} count="${ids.length}" manualBreakCount="${ids.length}">${brks}</${tag}>`;
}

function* printXml(print: PrintSetup): Generator<string> {
  const m = marginsInInches(print.marginsMm);
  yield `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  yield 'pagesWide' in print.fit
    ? `<pageSetup paperSize="${A4}" fitToWidth="${print.fit.pagesWide}" fitToHeight="0" orientation="${print.orientation}"/>`
    : `<pageSetup paperSize="${A4}" scale="${print.fit.scale}" orientation="${print.orientation}"/>`;
  const headerFooter =
    (print.header !== undefined ? `<oddHeader>${escapeXml(print.header)}</oddHeader>` : '') +
    (print.footer !== undefined ? `<oddFooter>${escapeXml(print.footer)}</oddFooter>` : '') +
    (print.firstPageHeader ? `<firstHeader>${escapeXml(print.firstPageHeader)}</firstHeader>` : '');
  // An empty first-page header still makes page 1 differ: it prints none.
  const differentFirst = print.firstPageHeader !== undefined ? ' differentFirst="1"' : '';
  if (headerFooter || differentFirst) yield `<headerFooter${differentFirst}>${headerFooter}</headerFooter>`;
  // A break's id is the last row (column) before it.
  yield breaks('rowBreaks', print.rowBreaksBefore.map((row) => row - 1), 16383);
  yield breaks('colBreaks', print.columnBreaksAfter, 1048575);
}

/** What every sheet of a workbook adds to and takes from as it is written. */
export interface WorkbookParts {
  styles: StyleSheet;
  strings: SharedStrings;
  passwords: (password: string) => PasswordHash;
}

export function* worksheetXml(sheet: SheetModel, selected: boolean, parts: WorkbookParts): Generator<string> {
  const { styles, strings } = parts;
  const print = sheet.print;
  const cells = sheetCells(sheet);
  yield `${DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${DOC_REL_NS}">`;
  if (print && 'pagesWide' in print.fit) yield '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  yield `<dimension ref="${dimension(cells)}"/>`;
  yield `<sheetViews>${sheetView(sheet, selected)}</sheetViews>`;
  yield '<sheetFormatPr defaultRowHeight="15"/>';
  yield columns(sheet.columnWidths);
  yield* sheetData(sheet, cells, styles, strings);
  if (sheet.protection) yield protectionXml(sheet.protection, parts.passwords);
  if (sheet.autoFilter) yield `<autoFilter ref="${rangeA1(sheet.autoFilter)}"/>`;
  if (sheet.merges.length > 0) {
    yield `<mergeCells count="${sheet.merges.length}">`;
    for (const m of sheet.merges) yield `<mergeCell ref="${rangeA1(m)}"/>`;
    yield '</mergeCells>';
  }
  yield* rulesXml(sheet, styles);
  if (print) yield* printXml(print);
  yield '</worksheet>';
}
