/**
 * The fake Excel host. Usable in Node and in a browser bundle; the .xlsx
 * export lives in ./export-xlsx so a browser stand-in need not bundle ExcelJS.
 *
 * As a stand-in for office.js in a page:
 *   const host = installFakeOffice(window, new FakeExcelHost({ apiVersion: '1.9' }));
 *   host.typeIntoName('TC_01', 9); // what a user types; change handlers fire
 */
export { FakeExcelHost, type FakeExcelHostOptions } from './host';
export { FakeRichApiError, type CellState, type SheetState, type NameState } from './model';
export { installFakeOffice } from './globals';
