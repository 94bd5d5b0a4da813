import type { ImportOutcome } from '../app/rubric-import';
import type { Rubric } from '../rubric';
import { loadOnce } from './loadOnce';

/** Imports the rubric from a picked Word document; an unreadable file comes back refused, never as a throw. */
export type RubricDocumentReader = (file: File, base: Rubric | undefined) => Promise<ImportOutcome>;

/**
 * The reader, loaded with the document reader and the importer on the first
 * file. A failed load (the network dropped) throws, and is tried again next time.
 */
export function lazyRubricReader(): RubricDocumentReader {
  const load = loadOnce(() => import(/* webpackChunkName: "rubric-read" */ './readPickedRubric'));
  return async (file, base) => (await load()).readPickedRubric(file, base);
}
