/**
 * What a reader of a returned workbook gives (reader.ts, and the ExcelJS
 * reader the tests hold it against). Free of ExcelJS, so the task pane's
 * reading chunk does not carry it.
 */
import { WorkbookReadError, type ReturnedWorkbook } from '../app/ports';
import type { CellLocation } from '../check';
import { FILE_TEXT, PACKAGE_TEXT } from '../text/messages';

export type NamedCell = CellLocation;

/** A returned workbook, seen only through its defined names and metadata. */
export interface ReadWorkbook extends ReturnedWorkbook {
  /** Names that point at one cell of an existing sheet; broken names are absent. */
  names: Map<string, NamedCell>;
}

export const METADATA_MISSING_MESSAGE = FILE_TEXT.notOurs;

/** The package holds a workbook, but a damaged one: `why` says where. */
export const unreadable = (why: string) => new WorkbookReadError(PACKAGE_TEXT.unreadable(why), 'UNREADABLE');
