/**
 * Finds the rubric's table in a document and reads its rows by column role
 * (STT, Tiêu chí đánh giá, Điểm chuẩn, Cách tính điểm, Yêu cầu minh chứng),
 * whatever the columns' order, and across a table the document split in two.
 */
import type { WordCell, WordDocument, WordTable } from './document';
import { IMPORT_TEXT } from '../../text/rubric-import';
import { cellText, fold } from './text';

export class NotARubricError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotARubricError';
  }
}

export type Column = 'number' | 'text' | 'points' | 'method' | 'evidence';

export const COLUMN_LABEL: Record<Column, string> = IMPORT_TEXT.columns;

/** How each role's header reads, folded; the first match wins, so method precedes text ("Cách tính điểm đạt tiêu chí"). */
const HEADER: [Column, RegExp][] = [
  ['evidence', /minh chung/],
  ['method', /cach tinh|cach cham|phuong phap (tinh|cham)/],
  ['number', /^(stt|tt|so tt|so thu tu)\.?$/],
  ['points', /diem chuan|diem toi da|thang diem|^diem$|^so diem$/],
  ['text', /tieu chi|noi dung/],
];

const REQUIRED: Column[] = ['number', 'text', 'points'];

export interface RawRow {
  /** The row's place in the document, for messages: "dòng 12 của bảng". */
  line: number;
  number: string;
  /** The STT cell continues the one above (vertically merged). */
  numberMerged: boolean;
  text: string;
  points: string;
  method: string;
  evidence: string;
  /** The text cell runs over the points column (a heading across the table). */
  textSpansPoints: boolean;
  images: { column: Column; name: string }[];
}

export interface RubricTable {
  rows: RawRow[];
  /** Paragraphs of the body before the table, trimmed, blank ones dropped. */
  before: string[];
  /** Roles the header lacks (method, evidence), read as empty. */
  missing: Column[];
  /** Header cells that are none of the roles, ignored. */
  ignored: string[];
}

type Roles = Map<Column, number>;

function headerRoles(row: WordCell[]): { roles: Roles; others: string[] } {
  const roles: Roles = new Map();
  const others: string[] = [];
  for (const cell of row) {
    const text = cellText(cell.paragraphs);
    const folded = fold(text).replace(/\s+/g, ' ').trim();
    const role = HEADER.find(([r, re]) => !roles.has(r) && re.test(folded));
    if (role) roles.set(role[0], cell.column);
    else if (text !== '') others.push(text);
  }
  return { roles, others };
}

const isHeader = (roles: Roles) => REQUIRED.every((r) => roles.has(r));

/** The header row among a table's first three rows, if any. */
function findHeader(table: WordTable): { at: number; roles: Roles; others: string[] } | null {
  for (let at = 0; at < Math.min(3, table.rows.length); at++) {
    const found = headerRoles(table.rows[at]);
    if (isHeader(found.roles)) return { at, ...found };
  }
  return null;
}

function cellAt(row: WordCell[], column: number): WordCell | undefined {
  return row.find((c) => c.column <= column && column < c.column + c.span);
}

/** "1 | 2 | 3 | 4 | 5" or "(1) | (2) | …" under the header: the columns' numbers, not content. */
function isColumnNumbering(row: WordCell[]): boolean {
  const texts = row.map((c) => cellText(c.paragraphs));
  return texts.length > 1 && texts.every((t, i) => t === String(i + 1) || t === `(${i + 1})`);
}

const ROLE_ORDER: Column[] = ['number', 'text', 'points', 'method', 'evidence'];

function readRow(row: WordCell[], roles: Roles, line: number): RawRow | null {
  // Each cell is read once, under the first role whose column it covers: a heading
  // spanning the text, points and later columns is the text alone.
  const claimed = new Set<WordCell>();
  const cells = new Map<Column, WordCell>();
  for (const role of ROLE_ORDER) {
    const column = roles.get(role);
    const cell = column === undefined ? undefined : cellAt(row, column);
    if (cell && !claimed.has(cell)) {
      claimed.add(cell);
      cells.set(role, cell);
    }
  }
  const text = (role: Column) => {
    const cell = cells.get(role);
    return cell ? cellText(cell.paragraphs) : '';
  };
  const numberCell = cells.get('number');
  let number = text('number');
  let body = text('text');
  if (numberCell && !cells.has('text') && roles.has('text') && cellAt(row, roles.get('text')!) === numberCell) {
    // "I. TRIỂN KHAI …" in one cell across STT and the text.
    const whole = number;
    const m = /^([IVXLCDM]+|\d+(?:\.\d+)*)[.)]?\s+([\s\S]*)$/.exec(whole);
    number = m ? m[1] : '';
    body = m ? m[2] : whole;
  }
  const textCell = roles.has('text') ? cellAt(row, roles.get('text')!) : undefined;
  const raw: RawRow = {
    line,
    number,
    numberMerged: numberCell?.continuesAbove ?? false,
    text: body,
    points: text('points'),
    method: text('method'),
    evidence: text('evidence'),
    textSpansPoints: textCell !== undefined && roles.has('points') && cellAt(row, roles.get('points')!) === textCell,
    images: [...cells].flatMap(([role, cell]) => cell.images.map((name) => ({ column: role, name }))),
  };
  const empty = !raw.number && !raw.text && !raw.points && !raw.method && !raw.evidence && raw.images.length === 0;
  return empty ? null : raw;
}

function describeColumns(table: WordTable): string {
  const first = table.rows[0] ?? [];
  const texts = first.map((c) => cellText(c.paragraphs).replace(/\n/g, ' ')).filter((t) => t !== '');
  const { roles } = headerRoles(first);
  const lacking = REQUIRED.filter((r) => !roles.has(r)).map((r) => COLUMN_LABEL[r]);
  return IMPORT_TEXT.firstRow(texts, lacking);
}

/** The rubric's rows, from the first table with the rubric's header and the tables that continue it. */
export function findRubricTable(doc: WordDocument): RubricTable {
  const tables = doc.blocks.flatMap((b, i) => (b.kind === 'table' ? [{ i, table: b.table }] : []));
  const wanted = IMPORT_TEXT.wanted(Object.values(COLUMN_LABEL));
  if (tables.length === 0) throw new NotARubricError(IMPORT_TEXT.noTable(wanted));
  const start = tables.findIndex((t) => findHeader(t.table) !== null);
  if (start < 0) {
    const biggest = tables.reduce((a, b) => (b.table.rows.length > a.table.rows.length ? b : a));
    throw new NotARubricError(IMPORT_TEXT.noRubricTable(wanted, describeColumns(biggest.table)));
  }
  const header = findHeader(tables[start].table)!;
  const width = (t: WordTable) => Math.max(0, ...t.rows.flatMap((r) => r.map((c) => c.column + c.span)));
  const rows: RawRow[] = [];
  let line = 0;
  const take = (table: WordTable, from: number) => {
    table.rows.forEach((row, k) => {
      line++;
      if (k < from || isColumnNumbering(row) || isHeader(headerRoles(row).roles)) return;
      const raw = readRow(row, header.roles, line);
      if (raw) rows.push(raw);
    });
  };
  take(tables[start].table, header.at + 1);
  const firstWidth = width(tables[start].table);
  for (const next of tables.slice(start + 1)) {
    const repeated = findHeader(next.table);
    if (!repeated && width(next.table) !== firstWidth) break;
    take(next.table, repeated ? repeated.at + 1 : 0);
  }
  const before = doc.blocks
    .slice(0, tables[start].i)
    .flatMap((b) => (b.kind === 'paragraph' ? [cellText([b.text])] : []))
    .filter((t) => t !== '');
  const missing = (['method', 'evidence'] as Column[]).filter((r) => !header.roles.has(r));
  return { rows, before, missing, ignored: header.others };
}
