/**
 * The add-in writes the same sheet as the command line: generate through the
 * Office.js adapter on the fake host, save what it holds, and compare with
 * the file writer's workbook for the same unit, cell by cell; then let
 * LibreOffice calculate both.
 */
import ExcelJS from 'exceljs';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSheetPlan, type SheetPlan } from '../../src/layout/plan';
import { builtinRubric } from '../../src/rubric';
import { names } from '../../src/rubric/names';
import { entriesFrom, scoreEntries } from '../../src/scoring/score';
import type { CellInput } from '../../src/scoring/inputs';
import { readWorkbook } from '../support/exceljs-read';
import { writeWorkbook } from '../../src/xlsx/write';
import { exportFakeToXlsx } from '../fakes/excel-host/export-xlsx';
import { describeWithTool } from '../support/external';
import { recalcWithLibreOffice } from '../support/libreoffice';
import { fillByName } from '../support/workbooks';
import { CREATED_AT, GENERATOR, UNIT, fakeExcel, loadXlsx } from './setup';

const loaded = builtinRubric();
const plan: SheetPlan = buildSheetPlan(loaded, { unitName: UNIT, createdAt: CREATED_AT, generatorVersion: GENERATOR });

async function bothWorkbooks() {
  const { host, ops } = fakeExcel();
  const result = await ops.generate({ loaded, unitName: UNIT });
  return {
    host,
    ops,
    result,
    cli: await loadXlsx(Buffer.from(writeWorkbook(plan))),
    addin: await loadXlsx(await exportFakeToXlsx(host)),
  };
}

function sheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** What a cell holds, as a reader of the file sees it; an empty text is a blank cell, as in Excel. */
function content(cell: ExcelJS.Cell): unknown {
  return cell.formula ? { formula: cell.formula } : cell.value === '' ? null : cell.value;
}

function looks(cell: ExcelJS.Cell) {
  const border = cell.border ?? {};
  return {
    font: {
      name: cell.font?.name,
      size: cell.font?.size,
      bold: cell.font?.bold === true,
      italic: cell.font?.italic === true,
      underline: Boolean(cell.font?.underline),
    },
    fill: cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid' ? cell.fill.fgColor?.argb : undefined,
    horizontal: cell.alignment?.horizontal,
    vertical: cell.alignment?.vertical ?? 'bottom',
    wrap: cell.alignment?.wrapText === true,
    border: ['top', 'left', 'bottom', 'right'].filter((side) => border[side as keyof ExcelJS.Borders]),
  };
}

const locked = (cell: ExcelJS.Cell) => cell.protection?.locked !== false;

describe('generate through the Office.js adapter', () => {
  let both: Awaited<ReturnType<typeof bothWorkbooks>>;
  let cliSheet: ExcelJS.Worksheet;
  let addinSheet: ExcelJS.Worksheet;

  beforeAll(async () => {
    both = await bothWorkbooks();
    cliSheet = sheetOf(both.cli, plan.name);
    addinSheet = sheetOf(both.addin, plan.name);
  });

  test('takes two syncs and reports a new sheet', () => {
    expect(both.result).toEqual({ mode: 'created', keptEntries: 0, orphans: [], repairs: [], notices: [], syncs: 2 });
    expect(both.host.syncCount).toBe(2);
  });

  test('queues operations by structure, not by cell', () => {
    const [reads, writes] = both.host.syncLog.map((s) => s.operations);
    // The snapshot, and the first time a session writes, the two-cell probe of getRanges' list separator.
    expect(reads).toBeLessThanOrEqual(6);
    // One name per named cell, and a few operations per validation and flag rule, are the plan's own lists…
    const planLists = plan.fields.length + 3 * plan.validations.length + 5 * plan.conditionalFormats.length;
    // …everything else (contents, formats, merges, sizes, page setup) takes fewer operations than there are cells.
    expect(writes - planLists).toBeLessThan(plan.cells.length);
  });

  test('holds the same values and formulas in every cell', () => {
    const differences: string[] = [];
    for (let r = 1; r <= plan.lastRow + 5; r++) {
      for (let c = 1; c <= plan.lastCol + 2; c++) {
        const expected = content(cliSheet.getCell(r, c));
        const actual = content(addinSheet.getCell(r, c));
        if (JSON.stringify(expected) !== JSON.stringify(actual)) {
          differences.push(`${cliSheet.getCell(r, c).address}: ${JSON.stringify(expected)} ≠ ${JSON.stringify(actual)}`);
        }
      }
    }
    expect(differences).toEqual([]);
    // Rubric lines start with "-" or "+": they must have arrived as text, not as formulas.
    const dashed = plan.cells.filter((c) => typeof c.value === 'string' && /^[-+]/.test(c.value));
    expect(dashed.length).toBeGreaterThan(10);
    for (const c of dashed) expect(addinSheet.getCell(c.row, c.col).value).toBe(c.value);
  });

  test('locks and unlocks the same cells, and protects the sheet the same way', () => {
    for (const c of plan.cells) {
      expect([cliSheet.getCell(c.row, c.col).address, locked(addinSheet.getCell(c.row, c.col))]).toEqual([
        cliSheet.getCell(c.row, c.col).address,
        locked(cliSheet.getCell(c.row, c.col)),
      ]);
    }
    expect(plan.cells.filter((c) => c.unlocked).length).toBeGreaterThan(100);
    const protection = (ws: ExcelJS.Worksheet) => {
      const p = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
      return { sheet: p.sheet, formatRows: p.formatRows, formatColumns: p.formatColumns };
    };
    expect(protection(addinSheet)).toEqual({ sheet: true, formatRows: true, formatColumns: true });
    expect(protection(addinSheet)).toEqual(protection(cliSheet));
  });

  test('formats every planned cell the same way', () => {
    const differences: string[] = [];
    for (const c of plan.cells) {
      const expected = looks(cliSheet.getCell(c.row, c.col));
      const actual = looks(addinSheet.getCell(c.row, c.col));
      if (JSON.stringify(expected) !== JSON.stringify(actual)) {
        differences.push(`${cliSheet.getCell(c.row, c.col).address} (${c.style}): ${JSON.stringify(expected)} ≠ ${JSON.stringify(actual)}`);
      }
      // Cells the file writer keeps as text are text-formatted in Excel too.
      if (cliSheet.getCell(c.row, c.col).numFmt === '@') expect(addinSheet.getCell(c.row, c.col).numFmt).toBe('@');
    }
    expect(differences).toEqual([]);
  });

  test('has the same merges, row heights, column widths and frozen header', () => {
    const merges = (ws: ExcelJS.Worksheet) => [...(ws.model.merges ?? [])].sort();
    expect(merges(addinSheet)).toEqual(merges(cliSheet));
    for (const [row, height] of plan.rowHeights) expect(addinSheet.getRow(row).height).toBe(height);
    plan.columnWidths.forEach((width, i) => {
      expect(cliSheet.getColumn(i + 1).width).toBe(width);
      // The fake host's export goes through ExcelJS, which leaves out a width equal to its default (9).
      expect(addinSheet.getColumn(i + 1).width ?? 9).toBeCloseTo(width, 2);
    });
    expect(addinSheet.views[0]).toMatchObject({ state: 'frozen', ySplit: plan.headerRow });
  });

  test('defines the same workbook-scope names', () => {
    const model = (wb: ExcelJS.Workbook) =>
      (wb.definedNames.model as { name: string; ranges: string[] }[]).map((n) => `${n.name}=${n.ranges.join(';')}`).sort();
    expect(model(both.addin)).toEqual(model(both.cli));
    expect(model(both.addin)).toHaveLength(plan.fields.length);
  });

  test('validates the same cells with the same rules and Vietnamese messages', () => {
    const validations = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
    expect(validations(addinSheet)).toEqual(validations(cliSheet));
    expect(Object.keys(validations(addinSheet)).length).toBeGreaterThan(150);
  });

  test('flags invalid entries and missing evidence with the same conditional formats', () => {
    type Rule = { formulae: string[]; style: { fill: { bgColor: { argb: string } }; font: { color: { argb: string }; bold: boolean } } };
    const rules = (ws: ExcelJS.Worksheet) =>
      (ws as unknown as { conditionalFormattings: { ref: string; rules: Rule[] }[] }).conditionalFormattings
        .map((cf) => ({
          ref: cf.ref,
          formulae: cf.rules[0].formulae,
          fill: cf.rules[0].style.fill.bgColor.argb,
          font: cf.rules[0].style.font,
        }))
        .sort((a, b) => a.ref.localeCompare(b.ref));
    expect(rules(addinSheet)).toEqual(rules(cliSheet));
    expect(rules(addinSheet)).toHaveLength(plan.conditionalFormats.length);
  });

  test('sets up printing the same way (ExcelApi 1.9)', () => {
    const setup = (ws: ExcelJS.Worksheet) => {
      const p = ws.pageSetup;
      return {
        orientation: p.orientation,
        paperSize: p.paperSize,
        fitToPage: p.fitToPage,
        fitToWidth: p.fitToWidth,
        fitToHeight: p.fitToHeight,
        printTitlesRow: p.printTitlesRow,
        margins: p.margins,
      };
    };
    expect(setup(addinSheet)).toEqual(setup(cliSheet));
    const headers = (ws: ExcelJS.Worksheet) => ({
      differentFirst: ws.headerFooter.differentFirst,
      firstHeader: ws.headerFooter.firstHeader ?? '',
      oddHeader: ws.headerFooter.oddHeader ?? '',
    });
    expect(headers(addinSheet)).toEqual(headers(cliSheet));
    expect(headers(addinSheet).oddHeader).not.toBe('');
    const breaks = (ws: ExcelJS.Worksheet) => (ws as unknown as { rowBreaks: { id: number }[] }).rowBreaks.map((b) => b.id);
    expect(breaks(addinSheet)).toEqual(breaks(cliSheet));
  });

  test('writes the same very hidden, protected metadata sheet', () => {
    const rows = (ws: ExcelJS.Worksheet) => {
      const out: unknown[][] = [];
      ws.eachRow((row) => out.push([row.getCell(1).value, row.getCell(2).value]));
      return out;
    };
    const cliMeta = sheetOf(both.cli, plan.metaSheetName);
    const addinMeta = sheetOf(both.addin, plan.metaSheetName);
    expect(rows(addinMeta)).toEqual(rows(cliMeta));
    expect(rows(addinMeta)).toContainEqual(['createdAt', CREATED_AT]);
    expect(addinMeta.state).toBe('veryHidden');
    expect((addinMeta as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
  });
});

describe('requirement sets', () => {
  test('below ExcelApi 1.9 the sheet is made without print setup, and a notice says so', async () => {
    const { host, ops } = fakeExcelWith('1.8');
    const result = await ops.generate({ loaded, unitName: UNIT });
    expect(result.mode).toBe('created');
    expect(result.syncs).toBe(2);
    expect(result.notices).toEqual([expect.stringContaining('ExcelApi 1.9')]);
    expect(result.notices[0]).toMatch(/khổ in/);
    expect(host.sheet(plan.name).pageLayout.orientation).toBeUndefined();
    expect(host.nameAddress(names.grandTotal)).toBeDefined();
  });

  test('below ExcelApi 1.8 nothing is touched and the message says what is needed', async () => {
    const { host, ops } = fakeExcelWith('1.7');
    await expect(ops.generate({ loaded, unitName: UNIT })).rejects.toThrow(/cần Excel hỗ trợ ExcelApi 1\.8\./);
    // Which Excel does run it, and what works without it.
    await expect(ops.check(loaded)).rejects.toThrow(/Excel 2021 và 2024.*mở bảng tự chấm điểm \(tệp \.xlsx Hội LHPN tỉnh gửi\)/);
    expect(host.syncCount).toBe(0);
    expect(host.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  function fakeExcelWith(apiVersion: string) {
    return fakeExcel({ apiVersion });
  }
});

/** A few entries of every kind, typed identically into both workbooks. */
const ENTRIES: Record<string, string | number> = {
  [names.score('1')]: 3,
  [names.evidence('1')]: 'Kế hoạch số 12/KH-HLHPN',
  [names.score('2')]: 4.5,
  [names.target('15')]: 10,
  [names.achieved('15')]: 8,
  [names.score('14.1')]: 2,
  [names.score('14.2')]: 1.25,
  [names.input('48', 'Cham')]: 2,
  [names.input('48', 'Thieu')]: 0,
  [names.input('49', 'HoSo')]: 12,
  [names.bonus('1')]: 5,
  [names.deduction('1')]: 2,
};

describeWithTool('soffice', 'the add-in sheet and the file calculate the same totals in LibreOffice', () => {
  let tmp: string;

  beforeAll(async () => {
    tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'excel-adapter-'));
  });
  afterAll(async () => {
    if (tmp) await fsp.rm(tmp, { recursive: true, force: true });
  });

  test('TongDiem and every section total agree, and match the scoring rules', async () => {
    const { host, ops } = fakeExcel();
    await ops.generate({ loaded, unitName: UNIT });
    for (const [name, value] of Object.entries(ENTRIES)) host.typeIntoName(name, value);
    const cliFile = path.join(tmp, 'cli.xlsx');
    const addinFile = path.join(tmp, 'addin.xlsx');
    await fsp.writeFile(cliFile, await fillByName(Buffer.from(writeWorkbook(plan)), ENTRIES));
    await fsp.writeFile(addinFile, await exportFakeToXlsx(host));

    const [cliOut, addinOut] = await recalcWithLibreOffice([cliFile, addinFile], path.join(tmp, 'out'));
    const cli = await readWorkbook(await fsp.readFile(cliOut));
    const addin = await readWorkbook(await fsp.readFile(addinOut));

    const inputs = new Map<string, CellInput>(
      Object.entries(ENTRIES).map(([k, v]) => [k, typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'text', value: v }]),
    );
    const expected = scoreEntries(loaded.rubric, entriesFrom(inputs));
    const totals = [
      [names.grandTotal, expected.total],
      [names.bonusTotal, expected.bonus],
      [names.deductionTotal, expected.deduction],
      ...loaded.rubric.sections.map((s) => [names.sectionTotal(s.id), expected.sections[s.id]] as const),
    ] as const;
    expect(expected.total).toBeGreaterThan(20);
    for (const [name, value] of totals) {
      const fromCli = cli.cell(name);
      const fromAddin = addin.cell(name);
      expect([name, fromAddin]).toEqual([name, fromCli]);
      expect([name, fromAddin.kind === 'formula' ? fromAddin.result : fromAddin]).toEqual([name, value]);
    }
  }, 200_000);
});
