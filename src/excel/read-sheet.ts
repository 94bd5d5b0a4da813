/**
 * Builds the host-neutral view of our sheet (defined names → cells) from what
 * one Office.js load returned: the workbook's names, the sheet's used range
 * (values, formulas, value types) and the metadata sheet's rows.
 */
import { a1, parseA1, parseSheetRef, type CellRef } from '../layout/a1';
import type { NamedSheet } from '../app/repair';
import type { CellLocation, WorkbookView } from '../check';
import type { CellInput } from '../scoring/inputs';

export interface LoadedName {
  name: string;
  /** "='Tự chấm điểm'!$C$4" for a range name. */
  formula: unknown;
}

export interface LoadedCells {
  /** Sheet-qualified address of the used range, e.g. "'Tự chấm điểm'!A1:J99". */
  address: string;
  values: unknown[][];
  formulas: unknown[][];
  valueTypes: string[][];
}

export interface SheetView extends WorkbookView, NamedSheet {
  /** Names that point at one cell of the sheet. */
  names: Map<string, CellRef>;
  /** A1 address (on the sheet) of a named cell. */
  addressOf(name: string): string | undefined;
}

/** The sheet and range a name points at, or null for constants, broken and external names. */
export function nameTarget(formula: unknown): { sheet: string; ref: string } | null {
  return typeof formula === 'string' ? parseSheetRef(formula.replace(/^=/, '')) : null;
}

/** One cell as Office.js reports it → the CellInput the scoring reads. */
export function cellInput(value: unknown, formula: unknown, type: string): CellInput {
  // A formula cell reports "=…" in `formulas` and its result in `values`; a
  // text cell that merely starts with "=" reports the same text in both.
  if (typeof formula === 'string' && formula.startsWith('=') && formula !== value) {
    const result = type === 'Error' || type === 'Empty' ? null : value;
    return {
      kind: 'formula',
      formula: formula.slice(1),
      result: typeof result === 'number' || typeof result === 'string' || typeof result === 'boolean' ? result : null,
    };
  }
  switch (type) {
    case 'Empty':
      return { kind: 'empty' };
    case 'Error':
      return { kind: 'error', value: String(value) };
    case 'Boolean':
      return { kind: 'boolean', value: value === true };
    case 'Double':
    case 'Integer':
      return typeof value === 'number' ? { kind: 'number', value } : { kind: 'text', value: String(value) };
    default:
      return value === '' || value === null || value === undefined ? { kind: 'empty' } : { kind: 'text', value: String(value) };
  }
}


export function sheetView(
  sheetName: string,
  loadedNames: LoadedName[],
  used: LoadedCells | null,
  meta: Record<string, string>,
): SheetView {
  const cells = new Map<string, CellRef>();
  const located = new Map<string, CellLocation>();
  for (const n of loadedNames) {
    const target = nameTarget(n.formula);
    if (!target || target.ref.includes(':')) continue;
    const at = parseA1(target.ref);
    located.set(n.name, { sheet: target.sheet, ...at });
    if (target.sheet === sheetName) cells.set(n.name, at);
  }
  const origin = used ? parseA1((nameTarget(used.address)?.ref ?? used.address).split(':')[0]) : { row: 1, col: 1 };
  const cellAt = ({ row, col }: CellRef): CellInput => {
    const r = row - origin.row;
    const c = col - origin.col;
    if (!used || r < 0 || c < 0 || r >= used.values.length || c >= (used.values[r]?.length ?? 0)) return { kind: 'empty' };
    return cellInput(used.values[r][c], used.formulas[r][c], used.valueTypes[r][c]);
  };
  return {
    meta,
    names: cells,
    hasName: (name) => located.has(name),
    locate: (name) => located.get(name),
    addressOf(name) {
      const at = cells.get(name);
      return at ? a1(at.row, at.col) : undefined;
    },
    cell(name) {
      const at = cells.get(name);
      return at ? cellAt(at) : { kind: 'empty' };
    },
    // The used range holds the whole sheet: any cell of it is at hand, off the other sheets none is.
    cellsAt: (locations) => locations.map((l) => (l.sheet === sheetName ? cellAt(l) : { kind: 'empty' })),
  };
}
