import type { ImportOutcome } from '../app/rubric-import';
import type { Rubric } from '../rubric';

/** Imports the rubric from a picked Word document; an unreadable file comes back refused, never as a throw. */
export type RubricDocumentReader = (file: File, base: Rubric | undefined) => Promise<ImportOutcome>;

/**
 * The reader, loaded with the document reader and the importer on the first
 * file. A failed load (the network dropped) throws, and is tried again next time.
 */
export function lazyRubricReader(): RubricDocumentReader {
  let loading: Promise<typeof import('./readPickedRubric')> | undefined;
  return async (file, base) => {
    const module = await (loading ??= import(/* webpackChunkName: "rubric-read" */ './readPickedRubric').catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
    return module.readPickedRubric(file, base);
  };
}
