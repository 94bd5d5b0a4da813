/**
 * @jest-environment jsdom
 *
 * The merge workbook's package part by part, as Excel's strict loader sees
 * it (nothing here can run Excel): every part well-formed XML, elements in
 * the schema's order (ECMA-376 CT_Worksheet, CT_Stylesheet), counts that
 * match, every reference pointing at something that exists.
 */
import JSZip from 'jszip';
import { columnLetters, rangeA1 } from '../../src/layout/a1';
import type { MergePlan } from '../../src/merge/plan';
import { writeMergeWorkbook } from '../../src/xlsx/write';
import { escapeAttribute, escapeCellText, escapeXml } from '../../src/package/xml';
import { planWithRawText } from './merge-plans';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** CT_Worksheet's children in schema order. */
const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];
const STYLESHEET_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const WORKBOOK_ORDER = [
  'fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups',
  'externalReferences', 'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'webPublishing',
  'fileRecoveryPr', 'webPublishObjects', 'extLst',
];

/** Positions of `names` in `order`; -1 for an element the schema does not allow there. */
const ranks = (names: string[], order: string[]) => names.map((n) => order.indexOf(n));
const ascending = (xs: number[]) => xs.every((x, i) => x >= 0 && (i === 0 || x >= xs[i - 1]));

const children = (el: Element, name?: string) => Array.from(el.children).filter((c) => name === undefined || c.localName === name);
function only(el: Element, name: string): Element {
  const found = children(el, name);
  if (found.length !== 1) throw new Error(`expected one <${name}> in <${el.localName}>, found ${found.length}`);
  return found[0];
}
const count = (el: Element) => Number(el.getAttribute('count'));

describe('the merge workbook package', () => {
  let plan: MergePlan;
  let zip: JSZip;
  const parts = new Map<string, Document>();
  const part = (name: string) => {
    const doc = parts.get(name);
    if (!doc) throw new Error(`no part ${name}`);
    return doc.documentElement;
  };

  beforeAll(async () => {
    // Enough units for several column breaks on Tổng hợp and a row break keeping Xếp hạng's signature whole.
    ({ plan } = planWithRawText(24));
    zip = await JSZip.loadAsync(await writeMergeWorkbook(plan), { checkCRC32: true });
    for (const name of Object.keys(zip.files)) {
      parts.set(name, new DOMParser().parseFromString(await (zip.file(name) as JSZip.JSZipObject).async('string'), 'application/xml'));
    }
  });

  test('every part is well-formed XML', () => {
    expect(parts.size).toBe(12);
    for (const [name, doc] of parts) {
      expect({ name, errors: Array.from(doc.getElementsByTagName('parsererror')).map((e) => e.textContent) }).toEqual({ name, errors: [] });
    }
  });

  test('content types and relationships name every part, and every target exists', () => {
    const types = part('[Content_Types].xml');
    const overrides = children(types, 'Override').map((o) => (o.getAttribute('PartName') as string).slice(1));
    const xmlParts = [...parts.keys()].filter((n) => !n.endsWith('.rels') && n !== '[Content_Types].xml');
    expect(overrides.sort()).toEqual(xmlParts.sort());
    const targets = (rels: string, base: string) => children(part(rels), 'Relationship').map((r) => `${base}${r.getAttribute('Target')}`);
    expect(targets('_rels/.rels', '').sort()).toEqual(['docProps/app.xml', 'docProps/core.xml', 'xl/workbook.xml']);
    const workbookTargets = targets('xl/_rels/workbook.xml.rels', 'xl/');
    for (const t of workbookTargets) expect(parts.has(t)).toBe(true);
    const ids = new Set(children(part('xl/_rels/workbook.xml.rels'), 'Relationship').map((r) => r.getAttribute('Id')));
    for (const sheet of children(only(part('xl/workbook.xml'), 'sheets'), 'sheet')) {
      expect(ids.has(sheet.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id'))).toBe(true);
    }
  });

  test('workbook: sheets in order, print titles and filter ranges as Excel names them, computed on open', () => {
    const workbook = part('xl/workbook.xml');
    expect(workbook.namespaceURI).toBe(MAIN);
    expect(ascending(ranks(children(workbook).map((c) => c.localName), WORKBOOK_ORDER))).toBe(true);
    expect(children(only(workbook, 'sheets'), 'sheet').map((s) => s.getAttribute('name'))).toEqual(plan.sheets.map((s) => s.name));
    const names = children(only(workbook, 'definedNames'), 'definedName').map((d) => ({
      name: d.getAttribute('name'),
      sheet: Number(d.getAttribute('localSheetId')),
      hidden: d.getAttribute('hidden'),
      ref: d.textContent,
    }));
    const quoted = (name: string) => `'${name}'`;
    expect(names).toEqual([
      ...plan.sheets.flatMap((s, i) =>
        s.autoFilter ? [{ name: '_xlnm._FilterDatabase', sheet: i, hidden: '1', ref: `${quoted(s.name)}!${rangeA1(s.autoFilter, true)}` }] : [],
      ),
      ...plan.sheets.map((s, i) => {
        const { titleRows: rows, titleCols: cols } = s.print!;
        const colRef = cols ? `${quoted(s.name)}!$${columnLetters(cols.from)}:$${columnLetters(cols.to)},` : '';
        return { name: '_xlnm.Print_Titles', sheet: i, hidden: null, ref: `${colRef}${quoted(s.name)}!$${rows!.from}:$${rows!.to}` };
      }),
    ]);
    expect(names[names.length - 4].ref).toBe("'Tổng hợp'!$A:$C,'Tổng hợp'!$5:$6");
    expect(only(workbook, 'calcPr').getAttribute('fullCalcOnLoad')).toBe('1');
  });

  test('every worksheet’s elements in schema order; rows ascending, cells in column order, each address once', () => {
    plan.sheets.forEach((sheet, i) => {
      const ws = part(`xl/worksheets/sheet${i + 1}.xml`);
      const names = children(ws).map((c) => c.localName);
      expect({ sheet: sheet.name, names, ordered: ascending(ranks(names, WORKSHEET_ORDER)) }).toEqual({ sheet: sheet.name, names, ordered: true });
      let lastRow = 0;
      for (const row of children(only(ws, 'sheetData'), 'row')) {
        const r = Number(row.getAttribute('r'));
        expect(r).toBeGreaterThan(lastRow);
        lastRow = r;
        let lastCol = 0;
        for (const c of children(row, 'c')) {
          const m = /^([A-Z]+)(\d+)$/.exec(c.getAttribute('r') as string) as RegExpExecArray;
          expect(Number(m[2])).toBe(r);
          const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
          expect(col).toBeGreaterThan(lastCol);
          lastCol = col;
        }
      }
    });
  });

  test('counts match their lists, and every style, string and look a cell or rule names exists', () => {
    const styles = part('xl/styles.xml');
    const names = children(styles).map((c) => c.localName);
    expect(ascending(ranks(names, STYLESHEET_ORDER))).toBe(true);
    for (const list of ['fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs']) {
      const el = only(styles, list);
      expect({ list, count: count(el) }).toEqual({ list, count: el.children.length });
    }
    // The two fills every workbook starts with.
    expect(children(only(styles, 'fills')).slice(0, 2).map((f) => only(f, 'patternFill').getAttribute('patternType'))).toEqual(['none', 'gray125']);
    for (const xf of children(only(styles, 'cellXfs'))) {
      expect(Number(xf.getAttribute('fontId'))).toBeLessThan(count(only(styles, 'fonts')));
      expect(Number(xf.getAttribute('fillId'))).toBeLessThan(count(only(styles, 'fills')));
      expect(Number(xf.getAttribute('borderId'))).toBeLessThan(count(only(styles, 'borders')));
      const childOrder = children(xf).map((c) => c.localName);
      expect(['alignment,protection', 'alignment', '']).toContain(childOrder.join(','));
    }
    const xfs = count(only(styles, 'cellXfs'));
    const dxfs = count(only(styles, 'dxfs'));
    const sst = part('xl/sharedStrings.xml');
    expect(Number(sst.getAttribute('uniqueCount'))).toBe(children(sst, 'si').length);
    let stringCells = 0;
    plan.sheets.forEach((sheet, i) => {
      const ws = part(`xl/worksheets/sheet${i + 1}.xml`);
      for (const c of Array.from(ws.getElementsByTagNameNS(MAIN, 'c'))) {
        expect(Number(c.getAttribute('s'))).toBeLessThan(xfs);
        if (c.getAttribute('t') === 's') {
          stringCells++;
          expect(Number(c.textContent)).toBeLessThan(children(sst, 'si').length);
        }
      }
      for (const rule of Array.from(ws.getElementsByTagNameNS(MAIN, 'cfRule'))) expect(Number(rule.getAttribute('dxfId'))).toBeLessThan(dxfs);
      for (const list of ['mergeCells', 'dataValidations']) {
        for (const el of children(ws, list)) expect({ sheet: sheet.name, list, count: count(el) }).toEqual({ sheet: sheet.name, list, count: el.children.length });
      }
    });
    expect(Number(sst.getAttribute('count'))).toBe(stringCells);
  });

  test('protection as Excel accepts it, without a password; page breaks where the plan puts them', () => {
    plan.sheets.forEach((sheet, i) => {
      const ws = part(`xl/worksheets/sheet${i + 1}.xml`);
      const protection = children(ws, 'sheetProtection')[0];
      const attributes = protection ? Object.fromEntries(Array.from(protection.attributes).map((a) => [a.name, a.value])) : null;
      expect({ sheet: sheet.name, attributes }).toEqual({
        sheet: sheet.name,
        attributes: sheet.protection ? { sheet: '1', formatColumns: '0', formatRows: '0' } : null,
      });
      const breaks = (name: string) =>
        children(ws, name).flatMap((b) => {
          expect(count(b)).toBe(b.children.length);
          expect(b.getAttribute('manualBreakCount')).toBe(String(b.children.length));
          return children(b, 'brk').map((brk) => ({ id: Number(brk.getAttribute('id')), max: brk.getAttribute('max'), man: brk.getAttribute('man') }));
        });
      expect(breaks('rowBreaks')).toEqual(sheet.print!.rowBreaksBefore.map((row) => ({ id: row - 1, max: '16383', man: '1' })));
      expect(breaks('colBreaks')).toEqual(sheet.print!.columnBreaksAfter.map((col) => ({ id: col, max: '1048575', man: '1' })));
    });
    expect(plan.sheets[0].print?.columnBreaksAfter.length).toBeGreaterThan(3);
    expect(plan.sheets[1].print?.rowBreaksBefore.length).toBeGreaterThan(0);
  });
});

describe('escaping', () => {
  test('markup is escaped and what XML cannot carry is dropped, in content and in attributes', () => {
    expect(escapeXml('<b>&amp;</b> "x" \u0001\ud800ok\r')).toBe('&lt;b&gt;&amp;amp;&lt;/b&gt; &quot;x&quot; ok&#13;');
    expect(escapeAttribute('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
    expect(escapeXml('Hội 🌸 \ud83c\udf38')).toBe('Hội 🌸 \ud83c\udf38');
  });

  test('cell text: a literal _xHHHH_ keeps its underscore, a carriage return goes as Excel writes it', () => {
    expect(escapeCellText('_x0041_ a_b _x12_ \r\n')).toBe('_x005F_x0041_ a_b _x12_ _x000D_\n');
    const doc = new DOMParser().parseFromString(`<t>${escapeCellText('_x005F_ & <\r>')}</t>`, 'application/xml');
    expect(doc.documentElement.textContent).toBe('_x005F_x005F_ & <_x000D_>');
  });
});
