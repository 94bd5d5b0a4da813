/** Gnumeric as a second spreadsheet engine: `ssconvert --recalc`, every sheet as CSV. */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';

const run = promisify(execFile);

/** RFC 4180 fields: quoted ones may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Each sheet of `file` (in tab order) after Gnumeric recalculates it, as rows of cell texts. */
export async function recalcWithGnumeric(file: string): Promise<string[][][]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gnumeric-'));
  try {
    const out = path.join(dir, 'sheet.csv');
    await run('ssconvert', ['--recalc', '-S', file, out], { timeout: 120_000 });
    const sheets: string[][][] = [];
    for (let i = 0; fs.existsSync(`${out}.${i}`); i++) sheets.push(parseCsv(fs.readFileSync(`${out}.${i}`, 'utf8')));
    return sheets;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The cell at `row`, `col` (from 1) as a number; NaN when it holds none (an error such as #NUM!, or text). */
export function numberAt(sheet: string[][], row: number, col: number): number {
  const text = sheet[row - 1]?.[col - 1] ?? '';
  return text.trim() === '' ? NaN : Number(text);
}

/** Column widths in points, by column index from 0, as Gnumeric reads the file. */
export async function gnumericColumnWidths(file: string): Promise<Map<number, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gnumeric-'));
  try {
    const out = path.join(dir, 'book.xml');
    await run('ssconvert', ['-T', 'Gnumeric_XmlIO:sax:0', file, out], { timeout: 120_000 });
    const xml = fs.readFileSync(out, 'utf8');
    const firstSheet = xml.slice(0, xml.indexOf('</gnm:Sheet>'));
    const widths = new Map<number, number>();
    for (const m of firstSheet.matchAll(/<gnm:ColInfo No="(\d+)" Unit="([\d.]+)"(?: [^>]*Count="(\d+)")?/g)) {
      for (let k = 0; k < Number(m[3] ?? 1); k++) widths.set(Number(m[1]) + k, Number(m[2]));
    }
    return widths;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
