/**
 * The consolidated workbook as an .xlsx file, its SpreadsheetML written by
 * hand: each sheet goes out row by row into the zip as it is produced, so
 * nothing but the plan, the shared strings and the compressed bytes is held,
 * and no spreadsheet library is loaded. Elements follow the schema's order
 * (ECMA-376 CT_Worksheet, CT_Stylesheet): Excel refuses a file that does not.
 */
import { a1, columnLetters, rangeA1, sheetRef } from '../layout/a1';
import type { PlanValidation } from '../layout/rules';
import { BODY_SIZE, FONT_NAME, type CellStyle } from '../layout/styles';
import type { MergeCell, MergePlan, MergeSheetPlan } from '../merge/plan';
import { MERGE_FLAGS, MERGE_STYLES, type MergeFlag, type MergeStyleName } from '../merge/styles';
import { marginsInInches } from './margins';
import { PackageWriter } from './package';
import { escapeAttribute, escapeCellText, escapeXml } from '../package/xml';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const DOC_REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument';

/** Borders are thin grey, as the generated sheets draw them. */
const BORDER_RGB = '808080';
/** Formats Excel knows by number; any other gets its own entry from 164 up. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };
const A4 = 9;

/** Values in first-seen order, each once; a value's index is its id in the part. */
class Table {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(initial: string[] = []) {
    for (const item of initial) this.id(item);
  }

  id(item: string): number {
    let id = this.index.get(item);
    if (id === undefined) {
      id = this.items.length;
      this.items.push(item);
      this.index.set(item, id);
    }
    return id;
  }

  xml(tag: string): string {
    return `<${tag} count="${this.items.length}">${this.items.join('')}</${tag}>`;
  }
}

const argb = (rgb: string) => `FF${rgb}`;

/** The cell formats and conditional-format looks the sheets use, gathered as they are written. */
class StyleSheet {
  private readonly formats = new Table();
  // Excel's default font, and the two fills every workbook starts with.
  private readonly fonts = new Table(['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>']);
  private readonly fills = new Table(['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']);
  private readonly borders = new Table(['<border><left/><right/><top/><bottom/><diagonal/></border>']);
  private readonly xfs = new Table(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  private readonly dxfs = new Table();
  private readonly xfOf = new Map<string, number>();
  private readonly dxfOf = new Map<MergeFlag, number>();

  /** The cell format of a named style; unlocked cells take typing on a protected sheet. */
  xf(name: MergeStyleName, unlocked: boolean): number {
    const key = unlocked ? `${name} unlocked` : name;
    let id = this.xfOf.get(key);
    if (id === undefined) this.xfOf.set(key, (id = this.xfs.id(this.xfXml(MERGE_STYLES[name], unlocked))));
    return id;
  }

  dxf(flag: MergeFlag): number {
    let id = this.dxfOf.get(flag);
    if (id === undefined) {
      const look = MERGE_FLAGS[flag];
      const xml =
        `<dxf><font><b/><color rgb="${argb(look.color)}"/></font>` +
        `<fill><patternFill patternType="solid"><bgColor rgb="${argb(look.fill)}"/></patternFill></fill></dxf>`;
      this.dxfOf.set(flag, (id = this.dxfs.id(xml)));
    }
    return id;
  }

  private numFmtId(format: string | undefined): number {
    if (format === undefined) return 0;
    return BUILTIN_FORMATS[format] ?? 164 + this.formats.id(format);
  }

  /** The look write.ts gives ExcelJS (excelStyle), as SpreadsheetML. */
  private xfXml(style: CellStyle, unlocked: boolean): string {
    const font = this.fonts.id(
      '<font>' +
        (style.bold ? '<b/>' : '') +
        (style.italic ? '<i/>' : '') +
        (style.underline ? '<u/>' : '') +
        `<sz val="${style.size ?? BODY_SIZE}"/>` +
        (style.color ? `<color rgb="${argb(style.color)}"/>` : '') +
        `<name val="${escapeAttribute(FONT_NAME)}"/></font>`,
    );
    const fill = style.fill ? this.fills.id(`<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/></patternFill></fill>`) : 0;
    const side = (edge: string) => `<${edge} style="thin"><color rgb="${argb(BORDER_RGB)}"/></${edge}>`;
    const border = style.border ? this.borders.id(`<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`) : 0;
    const numFmt = this.numFmtId(style.numberFormat);
    const vertical = style.vertical === 'middle' ? 'center' : (style.vertical ?? 'top');
    const alignment =
      '<alignment' +
      (style.horizontal ? ` horizontal="${style.horizontal}"` : '') +
      ` vertical="${vertical}"` +
      (style.wrap ? ' wrapText="1"' : '') +
      '/>';
    return (
      `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"` +
      (numFmt ? ' applyNumberFormat="1"' : '') +
      ' applyFont="1"' +
      (fill ? ' applyFill="1"' : '') +
      (border ? ' applyBorder="1"' : '') +
      ' applyAlignment="1"' +
      (unlocked ? ' applyProtection="1"' : '') +
      `>${alignment}${unlocked ? '<protection locked="0"/>' : ''}</xf>`
    );
  }

  xml(): string {
    const formats = this.formats.items.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeAttribute(f)}"/>`);
    return (
      `${DECLARATION}<styleSheet xmlns="${MAIN_NS}">` +
      (formats.length ? `<numFmts count="${formats.length}">${formats.join('')}</numFmts>` : '') +
      this.fonts.xml('fonts') +
      this.fills.xml('fills') +
      this.borders.xml('borders') +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      this.xfs.xml('cellXfs') +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      this.dxfs.xml('dxfs') +
      '</styleSheet>'
    );
  }
}

/** Every text cell's string, once; cells point at it by index. Text is never a formula here. */
class SharedStrings {
  private readonly table = new Table();
  private references = 0;

  id(text: string): number {
    this.references++;
    return this.table.id(text);
  }

  *xml(): Generator<string> {
    yield `${DECLARATION}<sst xmlns="${MAIN_NS}" count="${this.references}" uniqueCount="${this.table.items.length}">`;
    for (const text of this.table.items) {
      // Excel trims unmarked leading and trailing spaces.
      const space = /^\s|\s$|[\t\n\r]/.test(text) ? ' xml:space="preserve"' : '';
      yield `<si><t${space}>${escapeCellText(text)}</t></si>`;
    }
    yield '</sst>';
  }
}

const byAddress = (a: MergeCell, b: MergeCell) => a.row - b.row || a.col - b.col;

/** The index of the cell at `row`, `col` in cells sorted by address; -1 when there is none. */
function find(sorted: readonly MergeCell[], row: number, col: number): number {
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
function sheetCells(sheet: MergeSheetPlan): MergeCell[] {
  const sorted = sheet.cells.slice().sort(byAddress);
  const cells = sorted.filter((c, i) => i + 1 === sorted.length || byAddress(c, sorted[i + 1]) !== 0);
  const filled: MergeCell[] = [];
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

function dimension(cells: readonly MergeCell[]): string {
  if (cells.length === 0) return 'A1';
  let left = Infinity;
  let right = 0;
  for (const c of cells) {
    if (c.col < left) left = c.col;
    if (c.col > right) right = c.col;
  }
  return rangeA1({ top: cells[0].row, left, bottom: cells[cells.length - 1].row, right });
}

function sheetView(frozen: MergeSheetPlan['frozen'], selected: boolean): string {
  const open = `<sheetView${selected ? ' tabSelected="1"' : ''} zoomScale="90" workbookViewId="0"`;
  const { rows, cols } = frozen;
  if (rows === 0 && cols === 0) return `${open}/>`;
  const pane = rows > 0 && cols > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  return (
    `${open}><pane${cols > 0 ? ` xSplit="${cols}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''}` +
    ` topLeftCell="${a1(rows + 1, cols + 1)}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView>`
  );
}

/** Runs of equal widths share one entry. */
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

function validationXml(v: PlanValidation): string {
  const messages =
    ` allowBlank="1" showInputMessage="1" showErrorMessage="1" errorStyle="stop"` +
    ` errorTitle="${escapeAttribute(v.title)}" error="${escapeAttribute(v.message)}"` +
    ` promptTitle="${escapeAttribute(v.promptTitle)}" prompt="${escapeAttribute(v.message)}" sqref="${rangeA1(v.range)}"`;
  return v.type === 'custom'
    ? `<dataValidation type="custom"${messages}><formula1>${escapeXml(v.formula as string)}</formula1></dataValidation>`
    : `<dataValidation type="textLength" operator="lessThanOrEqual"${messages}><formula1>${v.maxLength as number}</formula1></dataValidation>`;
}

function breaks(tag: 'rowBreaks' | 'colBreaks', ids: readonly number[], max: number): string {
  if (ids.length === 0) return '';
  const brks = ids.map((id) => `<brk id="${id}" max="${max}" man="1"/>`).join('');
  return `<${tag} count="${ids.length}" manualBreakCount="${ids.length}">${brks}</${tag}>`;
}

function* worksheetXml(sheet: MergeSheetPlan, first: boolean, styles: StyleSheet, strings: SharedStrings): Generator<string> {
  const print = sheet.print;
  const cells = sheetCells(sheet);
  yield `${DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${DOC_REL_NS}">`;
  if (print.fitToWidth) yield '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  yield `<dimension ref="${dimension(cells)}"/>`;
  yield `<sheetViews>${sheetView(sheet.frozen, first)}</sheetViews>`;
  yield '<sheetFormatPr defaultRowHeight="15"/>';
  yield columns(sheet.columnWidths);

  yield '<sheetData>';
  const sized = [...sheet.rowHeights.keys()].sort((a, b) => a - b);
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
      (height !== undefined ? ` ht="${height}" customHeight="1"` : '') +
      '>';
    for (; next < end; next++) {
      const c = cells[next];
      const head = `<c r="${a1(c.row, c.col)}" s="${styles.xf(c.style, c.unlocked === true)}"`;
      if (c.formula !== undefined) xml += `${head}><f>${escapeXml(c.formula)}</f></c>`;
      else if (typeof c.value === 'string') xml += `${head} t="s"><v>${strings.id(c.value)}</v></c>`;
      else if (typeof c.value === 'number') {
        if (!Number.isFinite(c.value)) throw new RangeError(`${sheet.name}!${a1(c.row, c.col)}: ${c.value} is no spreadsheet number`);
        xml += `${head}><v>${c.value}</v></c>`;
      } else xml += `${head}/>`;
    }
    yield `${xml}</row>`;
  }
  yield '</sheetData>';

  // Formatting rows and columns stays allowed, so the province can widen what it reads.
  if (sheet.protect) yield '<sheetProtection sheet="1" formatColumns="0" formatRows="0"/>';
  if (sheet.autoFilter) yield `<autoFilter ref="${rangeA1(sheet.autoFilter)}"/>`;
  if (sheet.merges.length > 0) {
    yield `<mergeCells count="${sheet.merges.length}">`;
    for (const m of sheet.merges) yield `<mergeCell ref="${rangeA1(m)}"/>`;
    yield '</mergeCells>';
  }
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
  const m = marginsInInches(print.marginsMm);
  yield `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  yield print.fitToWidth
    ? `<pageSetup paperSize="${A4}" fitToWidth="1" fitToHeight="0" orientation="${print.orientation}"/>`
    : `<pageSetup paperSize="${A4}" scale="${print.scale ?? 100}" orientation="${print.orientation}"/>`;
  const headerFooter =
    (print.header !== undefined ? `<oddHeader>${escapeXml(print.header)}</oddHeader>` : '') +
    (print.footer !== undefined ? `<oddFooter>${escapeXml(`&C${print.footer}`)}</oddFooter>` : '') +
    (print.firstPageHeader ? `<firstHeader>${escapeXml(print.firstPageHeader)}</firstHeader>` : '');
  // An empty first-page header still makes page 1 differ: it prints none.
  const differentFirst = print.firstPageHeader !== undefined ? ' differentFirst="1"' : '';
  if (headerFooter || differentFirst) yield `<headerFooter${differentFirst}>${headerFooter}</headerFooter>`;
  // A break's id is the last row (column) before it.
  yield breaks('rowBreaks', (print.rowBreaksBefore ?? []).map((row) => row - 1), 16383);
  yield breaks('colBreaks', print.columnBreaksAfter ?? [], 1048575);
  yield '</worksheet>';
}

/** Print titles and filter ranges, as Excel names them: one of each per sheet, scoped to it. */
function definedNames(sheets: readonly MergeSheetPlan[]): string {
  const filters = sheets.map((s, i) =>
    s.autoFilter
      ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(sheetRef(s.name, rangeA1(s.autoFilter, true)))}</definedName>`
      : '',
  );
  const titles = sheets.map((s, i) => {
    const { titleRows: rows, titleCols: cols } = s.print;
    const refs = [
      ...(cols ? [sheetRef(s.name, `$${columnLetters(cols.from)}:$${columnLetters(cols.to)}`)] : []),
      sheetRef(s.name, `$${rows.from}:$${rows.to}`),
    ];
    return `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(refs.join(','))}</definedName>`;
  });
  return `<definedNames>${filters.join('')}${titles.join('')}</definedNames>`;
}

function workbookXml(sheets: readonly MergeSheetPlan[]): string {
  const entries = sheets.map((s, i) => `<sheet name="${escapeAttribute(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  return (
    `${DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${DOC_REL_NS}">` +
    `<sheets>${entries.join('')}</sheets>${definedNames(sheets)}` +
    // Files carry no cached results; Excel computes everything on open.
    '<calcPr calcId="171027" fullCalcOnLoad="1"/></workbook>'
  );
}

function relationships(targets: [type: string, target: string][]): string {
  const rels = targets.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`);
  return `${DECLARATION}<Relationships xmlns="${PKG_REL_NS}">${rels.join('')}</Relationships>`;
}

const sheetPart = (i: number) => `worksheets/sheet${i + 1}.xml`;

function contentTypesXml(sheetCount: number): string {
  const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
  const ml = `${CONTENT_TYPE}.spreadsheetml`;
  return (
    `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    override('xl/workbook.xml', `${ml}.sheet.main+xml`) +
    Array.from({ length: sheetCount }, (_, i) => override(`xl/${sheetPart(i)}`, `${ml}.worksheet+xml`)).join('') +
    override('xl/styles.xml', `${ml}.styles+xml`) +
    override('xl/sharedStrings.xml', `${ml}.sharedStrings+xml`) +
    override('docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('docProps/app.xml', `${CONTENT_TYPE}.extended-properties+xml`) +
    '</Types>'
  );
}

function corePropertiesXml(title: string, at: Date): string {
  const when = `${at.toISOString().slice(0, 19)}Z`;
  return (
    `${DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>chamdiem</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

function appPropertiesXml(sheets: readonly MergeSheetPlan[]): string {
  const names = sheets.map((s) => `<vt:lpstr>${escapeXml(s.name)}</vt:lpstr>`).join('');
  return (
    `${DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"` +
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
    '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>' +
    `<vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${names}</vt:vector></TitlesOfParts>` +
    '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>' +
    '<AppVersion>16.0300</AppVersion></Properties>'
  );
}

/** The consolidated workbook as .xlsx bytes; every formula is computed when it is opened. */
export async function writeMergeWorkbook(plan: MergePlan): Promise<Buffer> {
  const now = new Date();
  const sheets = plan.sheets;
  const zip = new PackageWriter(now);
  await zip.add('[Content_Types].xml', contentTypesXml(sheets.length));
  await zip.add(
    '_rels/.rels',
    relationships([
      [`${REL_TYPE}/officeDocument`, 'xl/workbook.xml'],
      ['http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'],
      [`${REL_TYPE}/extended-properties`, 'docProps/app.xml'],
    ]),
  );
  await zip.add('docProps/app.xml', appPropertiesXml(sheets));
  await zip.add('docProps/core.xml', corePropertiesXml(sheets[0]?.name ?? '', now));
  await zip.add('xl/workbook.xml', workbookXml(sheets));
  await zip.add(
    'xl/_rels/workbook.xml.rels',
    relationships([
      ...sheets.map((_, i): [string, string] => [`${REL_TYPE}/worksheet`, sheetPart(i)]),
      [`${REL_TYPE}/styles`, 'styles.xml'],
      [`${REL_TYPE}/sharedStrings`, 'sharedStrings.xml'],
    ]),
  );
  const styles = new StyleSheet();
  const strings = new SharedStrings();
  for (let i = 0; i < sheets.length; i++) await zip.add(`xl/${sheetPart(i)}`, worksheetXml(sheets[i], i === 0, styles, strings));
  // Gathered while the sheets were written.
  await zip.add('xl/sharedStrings.xml', strings.xml());
  await zip.add('xl/styles.xml', styles.xml());
  return zip.finish();
}
