/**
 * Printed point sizes read from a PDF, as an archivist would measure them:
 * `pdftotext -bbox` gives every word's box, and a reference printed by the
 * same LibreOffice at a known size and 100 % turns box heights into points.
 */
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import { convertWithLibreOffice } from '../../src/cli/libreoffice';

export interface PrintedWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  height: number;
}

export function printedWords(pdf: string): PrintedWord[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const words: PrintedWord[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) words.push({ page, text: decode(m[4]), xMin: Number(m[1]), yMin: Number(m[2]), height: Number(m[3]) - Number(m[2]) });
  }
  return words;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

const REFERENCE_SIZES = [11, 13] as const;

/**
 * Box height per point of Times New Roman as this LibreOffice prints it: a
 * workbook with one word at each reference size, printed at 100 %.
 */
export async function calibrate(dir: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Mẫu', { pageSetup: { paperSize: 9, orientation: 'landscape', scale: 100 } });
  REFERENCE_SIZES.forEach((size, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = `Mẫu${size}`;
    cell.font = { name: 'Times New Roman', size };
    ws.getRow(i + 1).height = size * 2;
  });
  const file = path.join(dir, 'co-chu-mau.xlsx');
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  const [pdf] = await convertWithLibreOffice([file], path.join(dir, 'co-chu-mau'), 'pdf');
  const words = printedWords(pdf);
  const ratios = REFERENCE_SIZES.map((size) => {
    const word = words.find((w) => w.text === `Mẫu${size}`);
    if (!word) throw new Error(`reference word Mẫu${size} not printed`);
    return word.height / size;
  });
  return ratios.reduce((a, b) => a + b, 0) / ratios.length;
}

/** Printed size in points of each word, by the calibration. */
export function pointSize(word: PrintedWord, perPoint: number): number {
  return word.height / perPoint;
}

/** The words of `phrase` (consecutive, on one line of one page) as printed, or null. */
export function findPhrase(words: PrintedWord[], phrase: string): PrintedWord[] | null {
  const parts = phrase.split(/\s+/);
  for (let i = 0; i + parts.length <= words.length; i++) {
    if (parts.every((p, k) => words[i + k].text === p && words[i + k].page === words[i].page)) return words.slice(i, i + parts.length);
  }
  return null;
}
