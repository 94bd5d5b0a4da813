/**
 * The package reader against the ExcelJS reader: on every workbook chamdiem
 * writes, a user fills or LibreOffice saves again, both give the same
 * metadata, the same names and the same CellInput for every named cell; on
 * broken files, the same outcome. Then what only the package reader meets:
 * package variants other writers produce, and hostile XML.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { a1, sheetRef } from '../../src/layout/a1';
import { META_SHEET_NAME, SHEET_NAME } from '../../src/layout/plan';
import { builtinRubric } from '../../src/rubric';
import { names } from '../../src/rubric/names';
import { openPackage } from '../../src/package/open';
import { readReturnedWorkbook, readWorkbookParts } from '../../src/package/reader';
import { readWorkbook, WorkbookReadError, type ReadWorkbook } from '../support/exceljs-read';
import { describeWithTool } from '../support/external';
import { completeEntries, EVIL_HYPERLINK, fixtureSet } from '../support/fixtures';
import { recalcWithLibreOffice } from '../support/libreoffice';
import { editWorkbook, fillByName, generated, namedCell } from '../support/workbooks';

const loaded = builtinRubric();
const UNIT = 'Hội LHPN huyện Hà Quảng';

/** Everything a reader tells about a workbook, in a form toEqual compares. */
function seen(view: ReadWorkbook) {
  const cells: Record<string, unknown> = {};
  const named: Record<string, unknown> = {};
  for (const [name, at] of view.names) {
    if (name.startsWith('_xlnm.')) continue;
    named[name] = at;
    cells[name] = view.cell(name);
  }
  return { meta: view.meta, names: named, cells };
}

async function outcome(bytes: Uint8Array, read: (b: Uint8Array) => Promise<ReadWorkbook>) {
  try {
    return { read: seen(await read(bytes)) };
  } catch (e) {
    if (e instanceof WorkbookReadError) return { refused: e.code };
    throw e;
  }
}

/** Both readers on the same bytes; the ExcelJS one behind the package guard, as the merge reads. */
async function bothReaders(bytes: Uint8Array) {
  const guarded = openPackage(bytes);
  const exceljs = 'problem' in guarded ? { refused: 'UNREADABLE' } : await outcome(bytes, readWorkbook);
  return { exceljs, ours: await outcome(bytes, readReturnedWorkbook) };
}

/** A filled sheet with every kind of cell content a reader must tell apart. */
async function everyKindOfCell(): Promise<Buffer> {
  const filled = await fillByName(await generated({ createdAt: '2026-01-15T08:00:00.000Z' }), completeEntries(UNIT, 3));
  return editWorkbook(filled, (wb) => {
    const cell = (name: string) => namedCell(wb, name);
    cell(names.score('1')).value = 2.75;
    cell(names.score('2')).value = true;
    cell(names.score('3')).value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
    cell(names.score('4')).value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue;
    cell(names.score('5')).value = { formula: 'IF(TRUE,"a","b")', result: 'a' } as ExcelJS.CellFormulaValue;
    cell(names.score('6')).value = { formula: 'TC_01>1', result: false } as ExcelJS.CellFormulaValue;
    cell(names.evidence('1')).value = { richText: [{ text: 'Báo cáo ' }, { font: { bold: true }, text: 'số 12' }] };
    cell(names.evidence('2')).value = ' khoảng trắng đầu và cuối ';
    cell(names.evidence('3')).value = 'dòng một\ndòng hai & <ký tự> "đặc biệt" \'nháy\'';
    cell(names.evidence('4')).value = { formula: EVIL_HYPERLINK } as ExcelJS.CellFormulaValue;
    cell(names.evidence('5')).value = '=1+1';
    cell(names.evidence('6')).value = 42;
    cell(names.note('1')).value = 'x'.repeat(32_000);
    cell(names.note('2')).value = '';
    cell(names.target('15')).value = 1e-7;
    cell(names.achieved('15')).value = -3;
  });
}

describe('the package reader sees what the ExcelJS reader sees', () => {
  test('in a blank generated workbook', async () => {
    const { exceljs, ours } = await bothReaders(await generated({ unitName: UNIT }));
    expect(ours).toEqual(exceljs);
    expect(Object.keys((ours as { read: { names: object } }).read.names).length).toBeGreaterThan(250);
  });

  test('in a completely filled workbook', async () => {
    const bytes = await fillByName(await generated({}), completeEntries(UNIT, 1));
    const { exceljs, ours } = await bothReaders(bytes);
    expect(ours).toEqual(exceljs);
    const view = await readReturnedWorkbook(bytes);
    expect(view.cell(names.unitName)).toEqual({ kind: 'text', value: UNIT });
    expect(view.meta.rubricId).toBe(loaded.rubric.id);
  });

  test('with a copy of the sheet: the workbook-wide names count, the copy’s sheet-scoped ones only where none does', async () => {
    const filled = await fillByName(await generated({}), { [names.score('1')]: 2 });
    const withCopy = await editWorkbook(filled, (wb) => {
      const copy = wb.addWorksheet('Bản sao');
      copy.getCell('H12').value = 9;
      copy.getCell('H13').value = 'chỉ ở bản sao';
    });
    const zip = await JSZip.loadAsync(withCopy);
    const workbookXml = await (zip.file('xl/workbook.xml') as JSZip.JSZipObject).async('string');
    const copyIndex = [...workbookXml.matchAll(/<sheet /g)].length - 1;
    // Excel copies a sheet's names as names scoped to the copy, listed after the workbook-wide ones.
    const scoped = [
      `<definedName name="${names.score('1')}" localSheetId="${copyIndex}">'Bản sao'!$H$12</definedName>`,
      `<definedName name="ChiOBanSao" localSheetId="${copyIndex}">'Bản sao'!$H$13</definedName>`,
    ].join('');
    zip.file('xl/workbook.xml', workbookXml.replace('</definedNames>', `${scoped}</definedNames>`));
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });

    const { exceljs, ours } = await bothReaders(bytes);
    expect(ours).toEqual(exceljs);
    const view = await readReturnedWorkbook(bytes);
    expect(view.cell(names.score('1'))).toEqual({ kind: 'number', value: 2 });
    expect(view.cell('ChiOBanSao')).toEqual({ kind: 'text', value: 'chỉ ở bản sao' });
  });

  test('in every kind of cell content: numbers, booleans, errors, formulas with results, rich text, long and odd text', async () => {
    const bytes = await everyKindOfCell();
    const { exceljs, ours } = await bothReaders(bytes);
    expect(ours).toEqual(exceljs);
    const view = await readReturnedWorkbook(bytes);
    expect(view.cell(names.score('2'))).toEqual({ kind: 'boolean', value: true });
    expect(view.cell(names.score('3'))).toEqual({ kind: 'error', value: '#DIV/0!' });
    expect(view.cell(names.score('5'))).toEqual({ kind: 'formula', formula: 'IF(TRUE,"a","b")', result: 'a' });
    expect(view.cell(names.evidence('1'))).toEqual({ kind: 'text', value: 'Báo cáo số 12' });
    expect(view.cell(names.evidence('4'))).toEqual({ kind: 'formula', formula: EVIL_HYPERLINK, result: null });
    expect(view.cell(names.note('1'))).toEqual({ kind: 'text', value: 'x'.repeat(32_000) });
  });

  test.each(fixtureSet().map((f) => [f.file, f] as const))('in the returned-file fixture %s, with the same outcome', async (file, fixture) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'package-read-'));
    try {
      const target = path.join(dir, file);
      const bytes = (await fixture.build(target)) ?? fs.readFileSync(target);
      const { exceljs, ours } = await bothReaders(bytes);
      expect(ours).toEqual(exceljs);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeWithTool('soffice', 'the package reader on workbooks LibreOffice saved again', () => {
  let dir: string;
  let resaved: string[];
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'package-read-lo-'));
    const sources = [
      ['blank.xlsx', await generated({ unitName: UNIT })],
      ['filled.xlsx', await fillByName(await generated({}), completeEntries(UNIT, 2))],
      ['every-kind.xlsx', await everyKindOfCell()],
    ] as const;
    const files = sources.map(([name, bytes]) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      return file;
    });
    resaved = await recalcWithLibreOffice(files, path.join(dir, 'out'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('metadata, names and every named cell agree, cached results included', async () => {
    for (const file of resaved) {
      const bytes = fs.readFileSync(file);
      const { exceljs, ours } = await bothReaders(bytes);
      expect({ file: path.basename(file), ...ours }).toEqual({ file: path.basename(file), ...exceljs });
    }
    const filled = await readReturnedWorkbook(fs.readFileSync(resaved[1]));
    const total = filled.cell(names.grandTotal);
    expect(total).toMatchObject({ kind: 'formula' });
    expect(typeof (total as { result: unknown }).result).toBe('number');
  });
});

// ---- package variants and hostile XML -----------------------------------------------------

function partsOf(bytes: Uint8Array): Map<string, string> {
  const opened = openPackage(bytes);
  if ('problem' in opened) throw new Error(opened.problem.message);
  return opened.parts;
}

const text = (parts: Map<string, string>, name: string) => parts.get(name) as string;
const put = (parts: Map<string, string>, name: string, xml: string) => parts.set(name, xml);

describe('package variants other writers produce', () => {
  let base: Map<string, string>;
  let reference: ReturnType<typeof seen>;
  beforeAll(async () => {
    const bytes = await fillByName(await generated({}), completeEntries(UNIT, 4));
    base = partsOf(bytes);
    reference = seen(readWorkbookParts(base));
  });

  const variant = (edit: (parts: Map<string, string>) => void) => {
    const parts = new Map(base);
    edit(parts);
    return seen(readWorkbookParts(parts));
  };

  test('namespace prefixes on every element read the same', () => {
    const prefixed = (xml: string) =>
      xml.replace(/<(\/?)(?![?!])([A-Za-z][\w]*)(?=[\s>/])/g, '<$1x:$2').replace(/xmlns="/, 'xmlns:x="');
    const got = variant((parts) => {
      for (const name of parts.keys()) put(parts, name, prefixed(text(parts, name)));
      expect(text(parts, 'xl/worksheets/sheet1.xml')).toContain('<x:c r="A2"');
    });
    expect(got).toEqual(reference);
  });

  /** Every shared-string cell of the sheet written inline instead, its text marked up by `markup`. */
  const inlined = (markup: (item: string) => string) =>
    variant((parts) => {
      const items = [...text(parts, 'xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]);
      const sheet = 'xl/worksheets/sheet1.xml';
      const xml = text(parts, sheet).replace(
        /<c r="([A-Z]+\d+)"([^>]*?) t="s"><v>(\d+)<\/v><\/c>/g,
        (_all, ref: string, rest: string, index: string) => `<c r="${ref}"${rest} t="inlineStr"><!-- inline --><is>${markup(items[Number(index)])}</is></c>`,
      );
      expect(xml.match(/t="inlineStr"/g)?.length).toBeGreaterThan(200);
      put(parts, sheet, xml);
    });

  test('inline strings in CDATA read the same', () => {
    const unescape = (body: string) => body.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    const cdata = (item: string) => item.replace(/<t([^>]*)>([^<]*)<\/t>/g, (_t, attrs: string, body: string) => `<t${attrs}><![CDATA[${unescape(body)}]]></t>`);
    expect(cdata('<t>a &amp; b</t>')).toBe('<t><![CDATA[a & b]]></t>');
    expect(inlined(cdata)).toEqual(reference);
  });

  test('inline strings with character references and _xHHHH_ escapes read the same', () => {
    const escaped = (item: string) => item.replace(/ề/g, '&#x1EC1;').replace(/Đ/g, '&#272;').replace(/\n/g, '_x000A_');
    expect(escaped('<t>Đề\n</t>')).toBe('<t>&#272;&#x1EC1;_x000A_</t>');
    expect(inlined(escaped)).toEqual(reference);
  });

  test('a cell sharing a formula it does not start reads as that formula, moved to the cell', () => {
    const sheet = 'xl/worksheets/sheet1.xml';
    const rows =
      '<row r="200"><c r="A200"><f t="shared" ref="A200:A202" si="7">B200*2</f><v>4</v></c></row>' +
      '<row r="201"><c r="A201"><f t="shared" si="7"/><v>6</v></c></row>';
    const parts = new Map(base);
    put(parts, sheet, text(base, sheet).replace('</sheetData>', `${rows}</sheetData>`));
    put(parts, 'xl/workbook.xml', text(base, 'xl/workbook.xml').replace('</definedNames>', `<definedName name="Chia_Se">${sheetRef(SHEET_NAME, '$A$201')}</definedName></definedNames>`));
    expect(readWorkbookParts(parts).cell('Chia_Se')).toEqual({ kind: 'formula', formula: 'B201*2', result: 6 });
  });

  test('a workbook without the metadata sheet, its workbook part or sheets is refused with the ExcelJS reader’s codes', () => {
    const noMeta = new Map(base);
    const workbook = text(base, 'xl/workbook.xml').replace(new RegExp(`<sheet [^>]*name="${META_SHEET_NAME}"[^>]*/>`), '');
    put(noMeta, 'xl/workbook.xml', workbook);
    expect(() => readWorkbookParts(noMeta)).toThrow(expect.objectContaining({ code: 'METADATA_MISSING' }));
    const noWorkbook = new Map(base);
    noWorkbook.delete('xl/workbook.xml');
    expect(() => readWorkbookParts(noWorkbook)).toThrow(
      expect.objectContaining({ code: 'UNREADABLE', message: 'Tệp .xlsx bị hỏng, không đọc được (thiếu phần xl/workbook.xml).' }),
    );
    const noSheets = new Map(base);
    put(noSheets, 'xl/workbook.xml', text(base, 'xl/workbook.xml').replace(/<sheets>.*<\/sheets>/, '<sheets/>'));
    expect(() => readWorkbookParts(noSheets)).toThrow(expect.objectContaining({ code: 'UNREADABLE', message: 'Tệp không có trang tính nào.' }));
    const noStrings = new Map(base);
    noStrings.delete('xl/sharedStrings.xml');
    expect(() => readWorkbookParts(noStrings)).toThrow(expect.objectContaining({ code: 'METADATA_MISSING' }));
  });

  test('two sheets of one name (Excel ignores case) are a damaged file', () => {
    const twins = new Map(base);
    put(twins, 'xl/workbook.xml', text(base, 'xl/workbook.xml').replace(`name="${META_SHEET_NAME}"`, `name="${SHEET_NAME.toUpperCase()}"`));
    expect(() => readWorkbookParts(twins)).toThrow(/Tệp \.xlsx bị hỏng, không đọc được \(hai trang tính cùng tên/);
  });
});

describe('hostile XML never crashes or hangs the package reader', () => {
  let base: Map<string, string>;
  beforeAll(async () => {
    base = partsOf(await fillByName(await generated({}), completeEntries(UNIT, 5)));
  });

  const attempt = (edit: (parts: Map<string, string>) => void) => {
    const parts = new Map(base);
    edit(parts);
    try {
      return { read: readWorkbookParts(parts) };
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookReadError);
      return { refused: (e as WorkbookReadError).code };
    }
  };

  test.each([
    ['a tag that never closes', '<row r="9999" ' + 'a'.repeat(300_000)],
    ['an attribute quote that never closes', '<c r="A1" t="' + 'x'.repeat(300_000)],
    ['a run of angle brackets', '<'.repeat(300_000)],
    ['a comment that never ends', '<!--' + '-'.repeat(300_000)],
    ['attributes without values', '<c ' + 'r '.repeat(150_000) + '/>'],
    ['a DTD with entities', '<!DOCTYPE x [<!ENTITY a "' + 'b'.repeat(1000) + '">]><x>&a;&a;&a;</x>'],
  ])('%s in each part', (_label, junk) => {
    for (const part of ['xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/_rels/workbook.xml.rels']) {
      const result = attempt((parts) => put(parts, part, text(parts, part).replace('<', `${junk}<`)));
      expect(result).toBeDefined();
      const truncated = attempt((parts) => put(parts, part, `${text(parts, part).slice(0, 5000)}${junk}`));
      expect(truncated).toBeDefined();
    }
  });

  test('a shared string index past the list is a damaged file, said in Vietnamese', () => {
    const sheet = 'xl/worksheets/sheet1.xml';
    const result = attempt((parts) => put(parts, sheet, text(parts, sheet).replace(/(<c r="A2"[^>]*t="s"><v>)\d+/, '$1999999')));
    expect(result).toEqual({ refused: 'UNREADABLE' });
    expect(() =>
      readWorkbookParts(new Map(base).set(sheet, text(base, sheet).replace(/(<c r="A2"[^>]*t="s"><v>)\d+/, '$1999999'))),
    ).toThrow(/Tệp \.xlsx bị hỏng, không đọc được \(ô A2 trỏ tới chuỗi không có\)/);
  });

  test('numbers no spreadsheet holds read as #NUM!, names past the grid or over ranges are no cells', () => {
    const sheet = 'xl/worksheets/sheet1.xml';
    const score = (view: ReadWorkbook) => view.cell(names.score('1'));
    const at = readWorkbookParts(base).names.get(names.score('1'));
    if (!at) throw new Error('no TC_01');
    const ref = a1(at.row, at.col);
    for (const bad of ['NaN', '1e400', 'abc']) {
      const view = readWorkbookParts(
        new Map(base).set(sheet, text(base, sheet).replace(new RegExp(`<c r="${ref}"[^>]*?(/>|>[\\s\\S]*?</c>)`), `<c r="${ref}"><v>${bad}</v></c>`)),
      );
      expect(score(view)).toEqual({ kind: 'error', value: '#NUM!' });
    }
    const workbook = text(base, 'xl/workbook.xml')
      .replace(/(<definedName name="TC_02">)[^<]*/, "$1'Tự chấm điểm'!$H$1048577")
      .replace(/(<definedName name="TC_03">)[^<]*/, "$1'Tự chấm điểm'!$H$1:$H$1048576")
      .replace(/(<definedName name="TC_04">)[^<]*/, "$1'Không có'!$H$4");
    const view = readWorkbookParts(new Map(base).set('xl/workbook.xml', workbook));
    expect([view.hasName('TC_02'), view.hasName('TC_03'), view.hasName('TC_04'), view.hasName('TC_05')]).toEqual([false, false, false, true]);
  });
});
