/**
 * Reads the Word document the user picked in the Bộ tiêu chí tab, in the
 * browser: the same job, document reader and importer as `chamdiem rubric
 * import`, composed here. Loaded on demand as its own chunk.
 */
import { asciiId, importRubricDocument, type ImportOutcome } from '../app/rubric-import';
import type { Rubric } from '../rubric';
import { docxReader } from '../package/docx';
import { bytesOf } from './fileBytes';

export async function readPickedRubric(file: File, base: Rubric | undefined): Promise<ImportOutcome> {
  const bytes = await bytesOf(file);
  return importRubricDocument(docxReader, bytes, {
    base,
    fallbackId: asciiId(file.name.replace(/\.[^.]+$/, '')),
    fallbackYear: new Date().getFullYear(),
  });
}
