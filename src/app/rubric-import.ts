/**
 * The rubric jobs, the same for every host: this year's rubric from the
 * office's Word document, read through the document port and imported by the
 * domain; and the check of a rubric file, with its counts and sums.
 */
import { fingerprintOf, loadRubric, rubricSchema, type LoadedRubric, type Rubric } from '../rubric';
import { describeIssues } from '../rubric/describe';
import { importRubric, NotARubricError, type ImportOptions, type RubricImport } from '../rubric/import';
import { summarize, type RubricSummary } from '../rubric/summary';
import { readRubricWorkbook, rubricWorkbook, type SheetError } from '../layout/rubric-sheet';
import { DocumentReadError, WorkbookReadError, type DocumentReader, type PackageReader, type WorkbookWriter } from './ports';

export type { ReviewItem, ReviewKind, RubricImport } from '../rubric/import';
export { asciiId } from '../rubric/import/text';

export type ImportOutcome =
  | { imported: RubricImport & { fingerprint: string; summary: RubricSummary } }
  /** The file is unreadable, or holds no rubric; the message says why. */
  | { refused: { code: string; message: string } };

export function importRubricDocument(reader: DocumentReader, bytes: Uint8Array, options: ImportOptions): ImportOutcome {
  try {
    const imported = importRubric(reader.read(bytes), options);
    return { imported: { ...imported, fingerprint: fingerprintOf(imported.rubric), summary: summarize(imported.rubric) } };
  } catch (e) {
    if (e instanceof DocumentReadError) return { refused: { code: e.code, message: e.message } };
    if (e instanceof NotARubricError) return { refused: { code: 'NOT_A_RUBRIC', message: e.message } };
    throw e;
  }
}

export type RubricCheck = { valid: LoadedRubric & { summary: RubricSummary } } | { invalid: string[] };

/** Validates rubric data; every refusal names what it is about. */
export function checkRubric(data: unknown): RubricCheck {
  const parsed = rubricSchema.safeParse(data);
  if (!parsed.success) return { invalid: describeIssues(data, parsed.error.issues) };
  const loaded = loadRubric(parsed.data);
  return { valid: { ...loaded, summary: summarize(loaded.rubric) } };
}

/** The rubric as the JSON file given to others. */
export const rubricJson = (rubric: Rubric) => `${JSON.stringify(rubric, null, 2)}\n`;

/** The rubric as its editable workbook, written through the file port. */
export const rubricWorkbookFile = (writer: WorkbookWriter, rubric: Rubric): Promise<Uint8Array> => writer.writeModel(rubricWorkbook(rubric));

export type SheetReadOutcome =
  | {
      /** Null when the rows do not make a rubric; `errors` then says why, cell by cell. */
      read: { rubric: Rubric | null; fingerprint: string | null; errors: SheetError[] };
    }
  | { refused: { code: string; message: string } };

/** A rubric workbook file read back into the rubric, every problem named by its cell. */
export async function readRubricWorkbookFile(reader: PackageReader, bytes: Uint8Array): Promise<SheetReadOutcome> {
  let cells;
  try {
    cells = await reader.readCells(bytes);
  } catch (e) {
    if (e instanceof WorkbookReadError) return { refused: { code: e.code, message: e.message } };
    throw e;
  }
  const reading = readRubricWorkbook(cells);
  if (!reading.isRubricWorkbook) return { refused: { code: 'NOT_A_RUBRIC_WORKBOOK', message: reading.errors[0].message } };
  return { read: { rubric: reading.rubric, fingerprint: reading.rubric ? fingerprintOf(reading.rubric) : null, errors: reading.errors } };
}

export { readRubricWorkbook, rubricWorkbook, sheetErrorText, type SheetError, type WorkbookCells } from '../layout/rubric-sheet';
