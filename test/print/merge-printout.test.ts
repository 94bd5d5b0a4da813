/**
 * The merge printouts, Tổng hợp and Xếp hạng, as the province prints them:
 * written by the file writer and by the Office.js writer (the fake host's
 * workbook saved as Excel would), exported to PDF by LibreOffice and
 * measured as the district sheet's printout is.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { allCriteria, builtinRubric } from '../../src/rubric';
import { buildMergePlan } from '../../src/merge/plan';
import { writeMergeWorkbook } from '../../src/xlsx/write';
import { convertWithLibreOffice } from '../../src/cli/libreoffice';
import { MERGE_SHEET_TEXT } from '../../src/text/messages';
import { FONT_NAME } from '../../src/layout/styles';
import { exportFakeToXlsx } from '../fakes/excel-host/export-xlsx';
import { fakeExcel } from '../excel/setup';
import { describeWithTool } from '../support/external';
import { mergedUnits } from '../support/merged-units';
import { calibrate, findPhrase, pointSize, printedWords, type PrintedWord } from '../support/pdf-sizes';

const OUTPUT = path.join(__dirname, '..', '..', 'test-output', 'print');
const loaded = builtinRubric();
const { rubric } = loaded;
/** Cao Bằng's ten districts and its city. */
const UNITS = 11;
const MERGED_AT = '08:30 ngày 02/03/2026';
/** Measurement noise of a word box, in points. */
const NOISE_PT = 0.05;
const A4_LANDSCAPE_WIDTH_PT = 841.89;

const squash = (s: string) => s.replace(/\s+/g, ' ');

interface Printout {
  pdf: string;
  words: PrintedWord[];
  /** Page numbers (from 1) of each sheet, which LibreOffice prints in tab order. */
  summaryPages: number[];
  rankingPages: number[];
  pageText: string[];
}

function pageTexts(pdf: string): string[] {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  return Array.from({ length: count }, (_, i) =>
    squash(execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-'], { encoding: 'utf8' })),
  );
}

function readPrintout(pdf: string): Printout {
  const pageText = pageTexts(pdf);
  const first = (needle: string) => pageText.findIndex((t) => t.includes(needle)) + 1;
  const rankingStart = first(MERGE_SHEET_TEXT.rankingTitle(rubric.year));
  const checkStart = first(MERGE_SHEET_TEXT.checkTitle);
  if (rankingStart < 2 || checkStart <= rankingStart) throw new Error(`sheets not found in ${pdf}: ${rankingStart}, ${checkStart}`);
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
  return { pdf, words: printedWords(pdf), summaryPages: range(1, rankingStart), rankingPages: range(rankingStart, checkStart), pageText };
}

describeWithTool('soffice', 'the merge printouts', () => {
  describeWithTool('pdftotext', 'Tổng hợp and Xếp hạng exported to PDF', () => {
    let dir: string;
    let perPoint: number;
    const printouts: Record<'file' | 'addin', Printout> = {} as never;
    const result = mergedUnits(loaded, UNITS);
    const plan = buildMergePlan(result, loaded, { mergedAt: MERGED_AT });

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chamdiem-merge-print-'));
      fs.mkdirSync(OUTPUT, { recursive: true });
      for (const old of fs.readdirSync(OUTPUT).filter((f) => f.startsWith('tong-hop'))) fs.rmSync(path.join(OUTPUT, old));
      const fileXlsx = path.join(dir, 'tong-hop.xlsx');
      fs.writeFileSync(fileXlsx, writeMergeWorkbook(plan));
      const { host, ops } = fakeExcel();
      await ops.writeMerge({ loaded, result, mergedAt: MERGED_AT });
      const addinXlsx = path.join(dir, 'tong-hop-excel.xlsx');
      fs.writeFileSync(addinXlsx, await exportFakeToXlsx(host, { defaultFont: FONT_NAME }));
      const [filePdf, addinPdf] = await convertWithLibreOffice([fileXlsx, addinXlsx], path.join(dir, 'pdf'), 'pdf');
      printouts.file = readPrintout(filePdf);
      printouts.addin = readPrintout(addinPdf);
      perPoint = await calibrate(dir);
      for (const [name, p] of [['tong-hop', printouts.file], ['tong-hop-excel', printouts.addin]] as const) {
        execFileSync('pdftoppm', ['-r', '60', '-png', '-l', String(p.rankingPages[p.rankingPages.length - 1]), p.pdf, path.join(OUTPUT, name)]);
      }
    }, 300_000);
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** The smallest printed size of `phrase` on `pages`, or null when it is not printed there. */
    const sizeOn = (p: Printout, pages: number[], phrase: string): number | null => {
      const words = p.words.filter((w) => pages.includes(w.page));
      const found = findPhrase(words, phrase);
      return found ? Math.min(...found.map((w) => pointSize(w, perPoint))) : null;
    };
    /** The smallest printed size of every occurrence of `word` on `pages`. */
    const smallestOf = (p: Printout, pages: number[], word: string): number | null => {
      const sizes = p.words.filter((w) => pages.includes(w.page) && w.text === word).map((w) => pointSize(w, perPoint));
      return sizes.length > 0 ? Math.min(...sizes) : null;
    };
    const measured = (p: Printout, pages: number[], phrases: string[]) => phrases.map((phrase) => [phrase, sizeOn(p, pages, phrase)] as const);
    const smallest = (sizes: (readonly [string, number | null])[]) => Math.min(...sizes.map(([, size]) => size ?? 0)).toFixed(2);
    const below = (sizes: (readonly [string, number | null])[], target: number) =>
      sizes.filter(([, size]) => size === null || size < target - NOISE_PT).map(([phrase, size]) => [phrase, size?.toFixed(2) ?? 'not printed']);

    /** How many times `phrase` is printed on `page`. */
    const count = (p: Printout, page: number, phrase: string): number => {
      const words = p.words.filter((w) => w.page === page);
      const parts = phrase.split(/\s+/);
      return words.filter((_, i) => parts.every((part, k) => words[i + k]?.text === part)).length;
    };
    const firstWords = (text: string, n = 2) => text.split(/\s+/).slice(0, n).join(' ');
    const unitLabels = () => result.units.map((u) => u.label);

    describe.each(['file', 'addin'] as const)('written by the %s writer', (writer) => {
      test('Tổng hợp: the title at 13 pt or more, the table at 11 pt or more, in every column', () => {
        const p = printouts[writer];
        const pages = p.summaryPages;
        const heading = measured(p, pages, [MERGE_SHEET_TEXT.summaryTitle(rubric.year), rubric.subtitle]);
        expect(below(heading, 13)).toEqual([]);
        const table = [
          MERGE_SHEET_TEXT.selfScore,
          MERGE_SHEET_TEXT.appraisal,
          ...allCriteria(rubric).map((c) => firstWords(c.text)),
        ];
        // A unit's name wraps in its header: every printed word of the names is measured.
        const unitWords = [...new Set(unitLabels().flatMap((l) => l.split(' ')))].map((w) => [w, smallestOf(p, pages, w)] as const);
        const body = [...measured(p, pages, table), ...unitWords];
        expect(below(body, 11)).toEqual([]);
        console.log(`${writer}: Tổng hợp heading ${smallest(heading)} pt, table ${smallest(body)} pt, ${pages.length} pages`);
      });

      test('Xếp hạng: the document text at 13 pt or more, the table at 11 pt or more', () => {
        const p = printouts[writer];
        const pages = p.rankingPages;
        const doc = rubric.document;
        const documentText = [doc.superior, doc.nationalName, doc.motto, MERGE_SHEET_TEXT.rankingTitle(rubric.year), ...doc.rankingSigner.labels];
        const documentSizes = measured(p, pages, documentText);
        expect(below(documentSizes, 13)).toEqual([]);
        const table = measured(p, pages, [MERGE_SHEET_TEXT.rank, MERGE_SHEET_TEXT.unit, firstWords(MERGE_SHEET_TEXT.selfTotal, 3), ...unitLabels()]);
        expect(below(table, 11)).toEqual([]);
        console.log(`${writer}: Xếp hạng document ${smallest(documentSizes)} pt, table ${smallest(table)} pt, ${pages.length} pages`);
      });

      test('no column cut: every page inside its margins, the criteria and whole unit column pairs on every page of Tổng hợp', () => {
        const p = printouts[writer];
        for (const page of [...p.summaryPages, ...p.rankingPages]) {
          const words = p.words.filter((w) => w.page === page);
          expect([page, Math.max(...words.map((w) => w.xMin + 1)) < A4_LANDSCAPE_WIDTH_PT]).toEqual([page, true]);
        }
        let units = 0;
        for (const page of p.summaryPages) {
          const self = count(p, page, MERGE_SHEET_TEXT.selfScore);
          expect([page, self >= 1, count(p, page, MERGE_SHEET_TEXT.appraisal) >= self, count(p, page, 'Tiêu chí đánh giá')]).toEqual([page, true, true, 1]);
          units += self;
        }
        // Each unit once in every band of rows: the pages hold every unit's pair as many times as there are bands.
        expect(units % UNITS).toBe(0);
      });

      test('prints in Times New Roman (LibreOffice substitutes the metric-compatible Liberation Serif)', () => {
        const p = printouts[writer];
        const last = p.rankingPages[p.rankingPages.length - 1];
        const listing = execFileSync('pdffonts', ['-f', '1', '-l', String(last), p.pdf], { encoding: 'utf8' });
        const fonts = listing.split('\n').slice(2).filter(Boolean).map((line) => line.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
        expect(fonts.length).toBeGreaterThan(0);
        expect(fonts.filter((f) => !/^(LiberationSerif|TimesNewRoman)/.test(f))).toEqual([]);
      });

      test('repeats the header of Xếp hạng on every page and keeps the signature whole on the last', () => {
        const p = printouts[writer];
        for (const page of p.rankingPages) expect([page, count(p, page, MERGE_SHEET_TEXT.unit), count(p, page, MERGE_SHEET_TEXT.rank)]).toEqual([page, 1, 1]);
        const last = p.pageText[p.rankingPages[p.rankingPages.length - 1] - 1];
        for (const label of rubric.document.rankingSigner.labels) expect(last).toContain(label);
        for (const label of unitLabels()) expect([label, sizeOn(p, p.rankingPages, label) !== null]).toEqual([label, true]);
      });
    });

    test('the file prints Tổng hợp three units a page, each unit’s two columns together', () => {
      const p = printouts.file;
      const perPage = p.summaryPages.map((page) => count(p, page, MERGE_SHEET_TEXT.selfScore));
      expect(Math.max(...perPage)).toBe(3);
      console.log(`Printed: Tổng hợp ${p.summaryPages.length} pages, Xếp hạng ${p.rankingPages.length} (${UNITS} units)`);
    });
  });
});
