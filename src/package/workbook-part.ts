/**
 * The workbook part: its sheets (by relationship id) and defined names, and
 * which of those names point at exactly one cell.
 */
import { columnNumber, MAX_COL, MAX_ROW, parseSheetRef } from '../layout/a1';
import { CELL } from './sheet-cells';
import type { NamedCell } from './workbook-view';
import { attribute, decodeXml, scanXml } from './xml';

export interface WorkbookPart {
  sheets: { name: string; relId: string }[];
  /** In file order; `local` when the name belongs to one sheet (localSheetId). */
  definedNames: { name: string; text: string; local: boolean }[];
}

export function workbookPart(xml: string): WorkbookPart {
  const sheets: WorkbookPart['sheets'] = [];
  const definedNames: WorkbookPart['definedNames'] = [];
  let inName: WorkbookPart['definedNames'][number] | null = null;
  scanXml(xml, {
    open(name, attributes, selfClosing) {
      if (name === 'sheet') {
        const sheetName = attribute(attributes, 'name');
        const relId = attribute(attributes, 'id');
        if (sheetName !== undefined && relId !== undefined) sheets.push({ name: sheetName, relId });
      } else if (name === 'definedName' && !selfClosing) {
        inName = { name: attribute(attributes, 'name') ?? '', text: '', local: attribute(attributes, 'localSheetId') !== undefined };
      }
    },
    close(name) {
      if (name === 'definedName' && inName) {
        definedNames.push(inName);
        inName = null;
      }
    },
    text(raw, cdata) {
      if (inName) inName.text += cdata ? raw : decodeXml(raw);
    },
  });
  return { sheets, definedNames };
}

/** Splits a name's formula at commas outside quoted sheet names. */
function areas(text: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "'") quoted = !quoted;
    else if (text[i] === ',' && !quoted) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.filter((a) => a.trim() !== '');
}

/**
 * Names that point at one cell of an existing sheet: a definition counts
 * when exactly one of its areas is a reference. Our names are workbook-wide,
 * and that is the definition the sheet's own formulas use; a sheet-scoped one
 * of the same name (Excel makes them when a sheet is copied, pointing into
 * the copy) counts only when no workbook-wide one does.
 */
export function namedCells(definedNames: WorkbookPart['definedNames'], sheetNames: Set<string>): Map<string, NamedCell> {
  const out = new Map<string, NamedCell>();
  const ordered = [...definedNames.filter((d) => !d.local), ...definedNames.filter((d) => d.local)];
  for (const { name, text } of ordered) {
    if (!name || name.startsWith('_xlnm.') || out.has(name)) continue;
    const refs = areas(text).map(parseSheetRef).filter((r) => r !== null);
    if (refs.length !== 1) continue;
    const { sheet, ref } = refs[0];
    const m = CELL.exec(ref);
    if (!m || !sheetNames.has(sheet)) continue;
    const row = Number(m[4]);
    const col = columnNumber(m[2]);
    if (row >= 1 && row <= MAX_ROW && col <= MAX_COL) out.set(name, { sheet, row, col });
  }
  return out;
}
