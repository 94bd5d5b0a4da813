/**
 * The file writer: a workbook model (src/layout/model.ts) as .xlsx bytes,
 * its SpreadsheetML written here part by part. Each sheet goes out row by
 * row into the zip as it is produced, so nothing but the model, the shared
 * strings and the compressed bytes is held, and no spreadsheet library is
 * loaded. It runs in Node and in the browser alike.
 */
import { a1, columnLetters, rangeA1, sheetRef } from '../layout/a1';
import type { EntryValue } from '../layout/carry';
import type { SheetModel, WorkbookModel } from '../layout/model';
import type { SheetPlan } from '../layout/plan';
import { standardWorkbook } from '../layout/workbook';
import { mergeWorkbook, type MergePlan } from '../merge/plan';
import { fflateCodec, type DeflateCodec } from '../package/codec';
import { PackageWriter } from '../package/writer';
import { DECLARATION, MAIN_NS, SharedStrings, StyleSheet } from './parts';
import { passwordHasher } from './protection';
import { worksheetXml } from './worksheet';
import { escapeAttribute, escapeXml } from '../package/xml';

const DOC_REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument';

/** Print areas, titles and filter ranges, as Excel names them (scoped to their sheet), then the workbook's own names. */
function definedNames(model: WorkbookModel): string {
  const local: string[] = [];
  model.sheets.forEach((s, i) => {
    if (s.autoFilter) {
      const ref = sheetRef(s.name, rangeA1(s.autoFilter, true));
      local.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(ref)}</definedName>`);
    }
  });
  model.sheets.forEach((s, i) => {
    const area = s.print?.area;
    if (area) local.push(`<definedName name="_xlnm.Print_Area" localSheetId="${i}">${escapeXml(sheetRef(s.name, rangeA1(area, true)))}</definedName>`);
  });
  model.sheets.forEach((s, i) => {
    const rows = s.print?.titleRows;
    const cols = s.print?.titleCols;
    if (!rows && !cols) return;
    const refs = [
      ...(cols ? [sheetRef(s.name, `$${columnLetters(cols.from)}:$${columnLetters(cols.to)}`)] : []),
      ...(rows ? [sheetRef(s.name, `$${rows.from}:$${rows.to}`)] : []),
    ];
    local.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(refs.join(','))}</definedName>`);
  });
  const named = model.names.map((n) => `<definedName name="${escapeAttribute(n.name)}">${escapeXml(sheetRef(n.sheet, a1(n.row, n.col, true)))}</definedName>`);
  const all = [...local, ...named];
  return all.length ? `<definedNames>${all.join('')}</definedNames>` : '';
}

function workbookXml(model: WorkbookModel): string {
  const entries = model.sheets.map(
    (s, i) =>
      `<sheet name="${escapeAttribute(s.name)}" sheetId="${i + 1}"${s.visibility === 'veryHidden' ? ' state="veryHidden"' : ''} r:id="rId${i + 1}"/>`,
  );
  return (
    `${DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${DOC_REL_NS}">` +
    `<sheets>${entries.join('')}</sheets>${definedNames(model)}` +
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

function appPropertiesXml(sheets: readonly SheetModel[]): string {
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

/** A workbook model as .xlsx bytes; every formula is computed when it is opened. */
export function writeXlsx(model: WorkbookModel, now: Date = new Date(), codec: DeflateCodec = fflateCodec): Uint8Array {
  const sheets = model.sheets;
  const zip = new PackageWriter(now, codec);
  zip.add('[Content_Types].xml', contentTypesXml(sheets.length));
  zip.add(
    '_rels/.rels',
    relationships([
      [`${REL_TYPE}/officeDocument`, 'xl/workbook.xml'],
      ['http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'],
      [`${REL_TYPE}/extended-properties`, 'docProps/app.xml'],
    ]),
  );
  zip.add('docProps/app.xml', appPropertiesXml(sheets));
  zip.add('docProps/core.xml', corePropertiesXml(sheets[0]?.name ?? '', now));
  zip.add('xl/workbook.xml', workbookXml(model));
  zip.add(
    'xl/_rels/workbook.xml.rels',
    relationships([
      ...sheets.map((_, i): [string, string] => [`${REL_TYPE}/worksheet`, sheetPart(i)]),
      [`${REL_TYPE}/styles`, 'styles.xml'],
      [`${REL_TYPE}/sharedStrings`, 'sharedStrings.xml'],
    ]),
  );
  const parts = { styles: new StyleSheet(), strings: new SharedStrings(), passwords: passwordHasher() };
  sheets.forEach((sheet, i) => zip.add(`xl/${sheetPart(i)}`, worksheetXml(sheet, i === 0, parts)));
  // Gathered while the sheets were written.
  zip.add('xl/sharedStrings.xml', parts.strings.xml());
  zip.add('xl/styles.xml', parts.styles.xml());
  return zip.finish();
}

/** The standard workbook, with `entries` (by defined name) in their input cells. */
export function writeWorkbook(
  plan: SheetPlan,
  entries?: ReadonlyMap<string, EntryValue>,
  codec: DeflateCodec = fflateCodec,
): Uint8Array {
  return writeXlsx(standardWorkbook(plan, entries), new Date(), codec);
}

/** The consolidated workbook. */
export function writeMergeWorkbook(plan: MergePlan, codec: DeflateCodec = fflateCodec): Uint8Array {
  return writeXlsx(mergeWorkbook(plan), new Date(), codec);
}
