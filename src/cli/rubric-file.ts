import * as fs from 'fs';
import { builtinRubric, loadRubric, RubricError, type LoadedRubric } from '../rubric';
import { UsageError } from './args';

/** The built-in rubric, or the one in `file`; a usage error in Vietnamese when that file will not do. */
export function loadRubricFile(file: string | undefined): LoadedRubric {
  if (!file) return builtinRubric();
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`Không đọc được bộ tiêu chí ${file}: ${(e as Error).message}`);
  }
  try {
    return loadRubric(data);
  } catch (e) {
    if (e instanceof RubricError) throw new UsageError(`${e.message} trong ${file}:\n  ${e.issues.join('\n  ')}`);
    throw e;
  }
}
