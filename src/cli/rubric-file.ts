import * as fs from 'fs';
import { builtinRubric, loadRubric, parseRubricJson, RubricError } from '../app/rubric';
import type { LoadedRubric } from '../rubric';
import { UsageError } from './args';
import { CLI_TEXT } from '../text/messages';

/** The built-in rubric, or the one in `file`; a usage error in Vietnamese when that file will not do. */
export function loadRubricFile(file: string | undefined): LoadedRubric {
  if (!file) return builtinRubric();
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(CLI_TEXT.rubricUnreadable(file, (e as Error).message));
  }
  try {
    return loadRubric(parseRubricJson(text));
  } catch (e) {
    if (e instanceof RubricError) throw new UsageError(CLI_TEXT.rubricInvalid(e.message, file, e.issues));
    throw e;
  }
}
