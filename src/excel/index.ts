/** The Office.js adapter: the only code that touches `Excel` and `Office`. */
export { createExcelOperations, type ExcelOperationsOptions } from './operations';
export { ExcelOperationError } from './errors';
export type { ExcelRun } from './api';
