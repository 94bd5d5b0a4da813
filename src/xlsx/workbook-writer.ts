/** The application layer's WorkbookWriter, filled by the file writer. */
import type { WorkbookWriter } from '../app/ports';
import { writeMergeWorkbook, writeWorkbook, writeXlsx } from './write';

export const workbookWriter: WorkbookWriter = {
  writeSheet: async (plan, entries) => writeWorkbook(plan, entries),
  writeMerge: async (plan) => writeMergeWorkbook(plan),
  writeModel: async (model) => writeXlsx(model),
};
