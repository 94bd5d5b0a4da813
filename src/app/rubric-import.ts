/**
 * The rubric jobs, the same for every host: this year's rubric from the
 * office's Word document, read through the document port and imported by the
 * domain; and the check of a rubric file, with its counts and sums.
 */
import { fingerprintOf, loadRubric, rubricSchema, type LoadedRubric, type Rubric } from '../rubric';
import { describeIssues } from '../rubric/describe';
import { importRubric, NotARubricError, type ImportOptions, type RubricImport } from '../rubric/import';
import { summarize, type RubricSummary } from '../rubric/summary';
import { DocumentReadError, type DocumentReader } from './ports';

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
