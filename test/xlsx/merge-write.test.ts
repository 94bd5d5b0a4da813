/**
 * The consolidated workbook file as other programs read it: ExcelJS finds
 * everything the plan says, text from returned files stays literal text
 * whatever it holds, LibreOffice opens and computes it, and `chamdiem merge`
 * writes it without loading ExcelJS.
 */
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { a1, columnLetters, rangeA1 } from '../../src/layout/a1';
import type { SheetCell, SheetModel } from '../../src/layout/model';
import { FLAG_STYLES } from '../../src/layout/styles';
import type { MergePlan } from '../../src/merge/plan';
import { marginsInInches } from '../../src/xlsx/margins';
import { writeMergeWorkbook } from '../../src/xlsx/write';
import { excelStyle } from '../support/exceljs-style';
import { describeWithTool, haveCommand } from '../support/external';
import { buildFixtures } from '../support/fixtures';
import { recalcWithLibreOffice } from '../support/libreoffice';
import { HOSTILE_TEXTS, LONGEST, planWithRawText, syntheticPlan, UNWRITABLE } from './merge-plans';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function sheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The plan's cells by address, the later of two for one address winning. */
function plannedCells(sheet: SheetModel): Map<string, SheetCell> {
  return new Map(sheet.cells.map((c) => [a1(c.row, c.col), c]));
}

/** A style as ExcelJS models it, without the keys that say "nothing". */
function look(style: Partial<ExcelJS.Style>): unknown {
  const { font, fill, border, alignment, numFmt } = JSON.parse(JSON.stringify(style)) as Partial<ExcelJS.Style>;
  return JSON.parse(JSON.stringify({
    font,
    fill: fill && 'pattern' in fill && fill.pattern === 'none' ? undefined : fill,
    border: border && Object.keys(border).length > 0 ? border : undefined,
    alignment: alignment && { ...alignment, wrapText: alignment.wrapText || undefined },
    numFmt,
  }));
}

/** Enough units for several column breaks on Tổng hợp and a row break keeping Xếp hạng's signature whole. */
const UNITS = 24;

describe('the merge workbook, read back by ExcelJS', () => {
  let plan: MergePlan;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    plan = syntheticPlan(UNITS);
    wb = await load(await writeMergeWorkbook(plan));
  });

  test('the plan has what this suite must see: column breaks, a row break, validations, flags, filters', () => {
    const [summary, ranking, check] = plan.sheets;
    expect(summary.print?.columnBreaksAfter.length).toBeGreaterThan(3);
    expect(ranking.print?.rowBreaksBefore.length).toBeGreaterThan(0);
    expect(summary.validations.length).toBeGreaterThan(30);
    // Per unit: a red flag per validation run, then the blue mark over its appraisal column.
    expect(summary.conditionalFormats).toHaveLength(summary.validations.length + UNITS);
    expect(check.autoFilter).toBeDefined();
  });

  test('the four sheets in order, each cell holding its number, its text, or its formula with no cached result', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(plan.sheets.map((s) => s.name));
    for (const sheet of plan.sheets) {
      const ws = sheetOf(wb, sheet.name);
      const planned = plannedCells(sheet);
      for (const [address, c] of planned) {
        const cell = ws.getCell(address);
        // Inside a merged area ExcelJS shows the first cell's value; the plan puts none there.
        const merged = cell.type === ExcelJS.ValueType.Merge;
        const got = merged
          ? { value: null, type: ExcelJS.ValueType.Null }
          : cell.formula !== undefined
            ? { formula: cell.formula, result: cell.result }
            : { value: cell.value, type: cell.type };
        const want =
          c.formula !== undefined
            ? { formula: c.formula, result: undefined }
            : c.value === undefined
              ? { value: null, type: ExcelJS.ValueType.Null }
              : { value: c.value, type: typeof c.value === 'number' ? ExcelJS.ValueType.Number : ExcelJS.ValueType.String };
        expect({ at: `${sheet.name}!${address}`, ...got }).toEqual({ at: `${sheet.name}!${address}`, ...want });
      }
      // Nothing the plan did not put.
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value !== null && cell.type !== ExcelJS.ValueType.Merge) expect({ at: `${sheet.name}!${cell.address}`, planned: planned.has(cell.address) }).toEqual({ at: `${sheet.name}!${cell.address}`, planned: true });
        }),
      );
    }
  });

  test('every cell has its style’s look, as the generated sheets draw it; only input cells are unlocked', () => {
    for (const sheet of plan.sheets) {
      const ws = sheetOf(wb, sheet.name);
      for (const [address, c] of plannedCells(sheet)) {
        const cell = ws.getCell(address);
        expect({ at: `${sheet.name}!${address}`, look: look(cell.style) }).toEqual({
          at: `${sheet.name}!${address}`,
          look: look(excelStyle(c)),
        });
        expect({ at: `${sheet.name}!${address}`, locked: cell.protection?.locked !== false }).toEqual({ at: `${sheet.name}!${address}`, locked: !c.unlocked });
      }
    }
    const unlocked = plan.sheets[0].cells.filter((c) => c.unlocked);
    expect(unlocked.length).toBeGreaterThan(UNITS * 40);
  });

  test('merged areas, their cells in the first cell’s look; row heights, column widths, frozen panes at 90 %', () => {
    for (const sheet of plan.sheets) {
      const ws = sheetOf(wb, sheet.name);
      const planned = plannedCells(sheet);
      expect([...(ws.model.merges as string[])].sort()).toEqual(sheet.merges.map((m) => rangeA1(m)).sort());
      for (const m of sheet.merges) {
        const first = planned.get(a1(m.top, m.left)) as SheetCell;
        for (let row = m.top; row <= m.bottom; row++) {
          for (let col = m.left; col <= m.right; col++) {
            expect(look(ws.getCell(row, col).style)).toEqual(look(excelStyle(planned.get(a1(row, col)) ?? { style: first.style, unlocked: first.unlocked })));
          }
        }
      }
      for (const [row, height] of sheet.rowHeights) expect({ row, height: ws.getRow(row).height }).toEqual({ row, height });
      sheet.columnWidths.forEach((width, i) => expect({ col: i + 1, width: ws.getColumn(i + 1).width }).toEqual({ col: i + 1, width }));
      const view = ws.views[0] as ExcelJS.WorksheetViewFrozen & { zoomScale?: number };
      expect({ state: view.state, xSplit: view.xSplit ?? 0, ySplit: view.ySplit ?? 0, zoom: view.zoomScale }).toEqual({
        state: 'frozen',
        xSplit: sheet.frozen.cols,
        ySplit: sheet.frozen.rows,
        zoom: 90,
      });
    }
  });

  test('appraisal validations with their messages, and the blue mark where an appraisal differs', () => {
    const sheet = plan.sheets[0];
    const ws = sheetOf(wb, sheet.name);
    for (const v of sheet.validations) {
      for (const [row, col] of [
        [v.range.top, v.range.left],
        [v.range.bottom, v.range.right],
      ]) {
        expect({ at: a1(row, col), dv: ws.getCell(row, col).dataValidation }).toEqual({
          at: a1(row, col),
          dv: {
            type: 'custom',
            formulae: [v.formula],
            allowBlank: true,
            showErrorMessage: true,
            errorStyle: 'stop',
            errorTitle: v.title,
            error: v.message,
            showInputMessage: true,
            promptTitle: v.promptTitle,
            prompt: v.message,
          },
        });
      }
    }
    // A self-score cell takes anything: it is locked instead.
    expect(ws.getCell(sheet.validations[0].range.top, sheet.validations[0].range.left - 1).dataValidation).toBeUndefined();
    const rules = (ws as unknown as { conditionalFormattings: { ref: string; rules: Record<string, unknown>[] }[] }).conditionalFormattings;
    expect(sheet.conditionalFormats.map((cf) => cf.flag)).toEqual([
      ...sheet.validations.map(() => 'invalid'),
      ...sheet.conditionalFormats.filter((cf) => cf.flag === 'appraisalDiffers').map(() => 'appraisalDiffers'),
    ]);
    expect(sheet.conditionalFormats.filter((cf) => cf.flag === 'invalid').map((cf) => cf.range)).toEqual(sheet.validations.map((v) => v.range));
    expect(rules).toEqual(
      sheet.conditionalFormats.map((cf, i) => ({
        ref: rangeA1(cf.range),
        rules: [
          expect.objectContaining({
            type: 'expression',
            priority: i + 1,
            formulae: [cf.formula],
            style: expect.objectContaining({
              fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${FLAG_STYLES[cf.flag].fill}` } },
              font: { bold: true, color: { argb: `FF${FLAG_STYLES[cf.flag].color}` } },
            }),
          }),
        ],
      })),
    );
  });

  test('Tổng hợp and Xếp hạng protected without a password, rows and columns still resizable; the lists filterable', () => {
    for (const sheet of plan.sheets) {
      const ws = sheetOf(wb, sheet.name);
      const protection = (ws as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection;
      if (sheet.protection) {
        expect({ sheet: sheet.name, protection }).toEqual({
          sheet: sheet.name,
          protection: expect.objectContaining({ sheet: true, formatColumns: true, formatRows: true }),
        });
        // No password: selecting locked and unlocked cells stays allowed too (ExcelJS reads "allowed" as absent).
        const set = Object.entries(protection ?? {}).filter(([, v]) => v !== undefined).map(([k]) => k);
        expect(set.sort()).toEqual(['formatColumns', 'formatRows', 'sheet']);
      } else {
        expect(protection ?? null).toBeNull();
      }
      expect(ws.autoFilter ?? null).toEqual(sheet.autoFilter ? rangeA1(sheet.autoFilter) : null);
    }
  });

  test('A4 in the planned orientation, fit or scale, margins, repeated titles, header and footer', () => {
    for (const sheet of plan.sheets) {
      const ws = sheetOf(wb, sheet.name);
      const p = sheet.print!;
      expect(ws.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: p.orientation,
        margins: marginsInInches(p.marginsMm),
        printTitlesRow: `${p.titleRows!.from}:${p.titleRows!.to}`,
        ...('pagesWide' in p.fit ? { fitToPage: true, fitToWidth: p.fit.pagesWide, fitToHeight: 0 } : { fitToPage: false, scale: p.fit.scale }),
      });
      expect(ws.pageSetup.printTitlesColumn).toBe(p.titleCols ? `${columnLetters(p.titleCols.from)}:${columnLetters(p.titleCols.to)}` : undefined);
      expect(ws.headerFooter).toEqual({
        ...(p.firstPageHeader !== undefined ? { differentFirst: true } : {}),
        ...(p.firstPageHeader ? { firstHeader: p.firstPageHeader } : {}),
        ...(p.header !== undefined ? { oddHeader: p.header } : {}),
        ...(p.footer !== undefined ? { oddFooter: p.footer } : {}),
      });
    }
  });
});

describe('text from the returned files', () => {
  let plan: MergePlan;
  let raw: SheetCell[];
  let bytes: Uint8Array;
  let wb: ExcelJS.Workbook;

  /** Every string cell's text, by sheet and address. */
  function texts(book: ExcelJS.Workbook): Map<string, string> {
    const out = new Map<string, string>();
    for (const ws of book.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string') out.set(`${ws.name}!${cell.address}`, cell.value);
        }),
      );
    }
    return out;
  }

  beforeAll(async () => {
    ({ plan, raw } = planWithRawText(14));
    bytes = await writeMergeWorkbook(plan);
    wb = await load(bytes);
  });

  test('arrives as the same text, never a formula: markup, line breaks, tabs, edge spaces, _xHHHH_, 32,767 characters', () => {
    const got = texts(wb);
    const formulas = wb.worksheets.flatMap((ws) => {
      const found: string[] = [];
      ws.eachRow((row) => row.eachCell((cell) => void (cell.formula !== undefined && found.push(cell.formula))));
      return found;
    });
    for (const text of HOSTILE_TEXTS) {
      const holding = [...got].filter(([, v]) => v === text).map(([at]) => at.split('!')[0]);
      // The unit's column on Tổng hợp and its row on Xếp hạng, Kiểm tra and Minh chứng.
      expect({ text, sheets: [...new Set(holding)].sort() }).toEqual({ text, sheets: plan.sheets.map((s) => s.name).sort() });
    }
    expect(formulas.filter((f) => /HYPERLINK|^1\+1$/.test(f))).toEqual([]);
    expect([...got.values()].filter((v) => v === LONGEST).length).toBe(2);
  });

  test('characters XML cannot carry are dropped, the rest of the text kept', () => {
    const ws = sheetOf(wb, plan.sheets[3].name);
    expect(ws.getCell(raw[0].row, raw[0].col).value).toBe(UNWRITABLE.kept);
    expect(ws.getCell(raw[1].row, raw[1].col).value).toBe(LONGEST);
  });

  test('the package is a sound zip: JSZip checks every CRC', async () => {
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    const names = Object.keys(zip.files);
    expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet4.xml', 'xl/sharedStrings.xml']));
    for (const name of names) await expect((zip.file(name) as JSZip.JSZipObject).async('uint8array')).resolves.toBeInstanceOf(Uint8Array);
  });

  (haveCommand('unzip') ? test : test.skip)('unzip -t finds no error in it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'merge-zip-'));
    try {
      const file = path.join(dir, 'tong-hop.xlsx');
      fs.writeFileSync(file, bytes);
      const r = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
      expect(r.stdout).toContain('No errors detected');
      expect(r.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describeWithTool('soffice', 'opened in LibreOffice', () => {
    let recalculated: ExcelJS.Workbook;

    beforeAll(async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'merge-lo-'));
      try {
        const file = path.join(dir, 'tong-hop.xlsx');
        fs.writeFileSync(file, bytes);
        const [out] = await recalcWithLibreOffice([file], path.join(dir, 'lo'));
        recalculated = await load(fs.readFileSync(out));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }, 300_000);

    test('keeps every text as text and computes the totals and ranks', () => {
      const before = texts(wb);
      const after = texts(recalculated);
      expect(before.size).toBeGreaterThan(500);
      // LibreOffice keeps line breaks as LF, and an empty text as an empty cell.
      for (const [at, text] of before) {
        if (text !== '') expect({ at, text: after.get(at)?.replace(/\r\n?/g, '\n') }).toEqual({ at, text: text.replace(/\r\n?/g, '\n') });
      }
      const summary = sheetOf(recalculated, plan.sheets[0].name);
      const totalRow = summary.getRow(plan.sheets[0].cells.find((c) => c.value === 'TỔNG ĐIỂM')?.row as number);
      const totals = [4, 5].map((col) => totalRow.getCell(col).result);
      for (const t of totals) expect(typeof t).toBe('number');
    });
  });
});

describe('chamdiem merge', () => {
  let dir: string;
  let inputs: string[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'merge-no-exceljs-'));
    const built = await buildFixtures(dir, (f) => f.file === 'ha-quang.xlsx' || f.file === 'bao-lac.xlsx');
    inputs = built.map((f) => f.path);
  }, 60_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('writes the workbook without ever loading ExcelJS', () => {
    const out = path.join(dir, 'tong-hop.xlsx');
    // A fresh Node process running src/ as TypeScript: require.cache is the truth about what was loaded.
    const script = `
      const ts = require(${JSON.stringify(require.resolve('typescript'))});
      const fs = require('fs');
      require.extensions['.ts'] = (module, filename) => {
        const js = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
          fileName: filename,
          compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, resolveJsonModule: true },
        }).outputText;
        module._compile(js, filename);
      };
      const { main } = require(${JSON.stringify(path.resolve(__dirname, '../../src/cli/main.ts'))});
      const argv = JSON.parse(process.argv[1]);
      main(argv, { out: () => {}, err: (t) => console.error(t) }).then((code) => {
        const loaded = Object.keys(require.cache).filter((f) => /[\\\\/]node_modules[\\\\/]exceljs[\\\\/]/.test(f));
        console.log(JSON.stringify({ code, loaded }));
      });
    `;
    const r = spawnSync(process.execPath, ['-e', script, JSON.stringify(['merge', ...inputs, '--out', out])], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout.trim().split('\n').pop() as string);
    expect(report).toMatchObject({ code: 0, loaded: [] });
    expect(fs.readFileSync(out).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  });
});
