/**
 * The application layer's WorkbookWriter, filled by this package layer. Each
 * writer loads on first use: ExcelJS behind the sheet writer would cost every
 * other command its start-up.
 */
import type { WorkbookWriter } from '../app/ports';

export const workbookWriter: WorkbookWriter = {
  writeSheet: async (plan, entries) => (await import('./write')).writeWorkbook(plan, entries),
  writeMerge: async (plan) => (await import('./merge-write')).writeMergeWorkbook(plan),
};
