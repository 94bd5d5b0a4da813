/** The application layer's WorkbookWriter, filled by the file writer with the codec given. */
import type { WorkbookWriter } from '../app/ports';
import { fflateCodec, type DeflateCodec } from '../package/codec';
import { writeMergeWorkbook, writeWorkbook, writeXlsx } from './write';

export function workbookWriterWith(codec: DeflateCodec): WorkbookWriter {
  return {
    writeSheet: async (plan, entries) => writeWorkbook(plan, entries, codec),
    writeMerge: async (plan) => writeMergeWorkbook(plan, codec),
    writeModel: async (model) => writeXlsx(model, new Date(), codec),
  };
}

export const workbookWriter = workbookWriterWith(fflateCodec);
