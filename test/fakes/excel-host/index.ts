/**
 * The fake Excel host. Usable in Node and in a browser bundle; the .xlsx
 * export lives in ./export-xlsx so a browser stand-in need not bundle ExcelJS.
 */
export { FakeExcelHost, type FakeExcelHostOptions } from './host';
export { FakeRichApiError, type CellState, type SheetState, type NameState } from './model';
export { installFakeOffice } from './globals';
