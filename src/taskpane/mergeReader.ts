import type { FileReading } from '../merge/consolidate';
import type { LoadedRubric } from '../rubric';
import { loadOnce } from './loadOnce';

/** Reads one picked file for the merge; a bad file comes back with its problems, never as a throw. */
export type MergeFileReader = (file: File, loaded: LoadedRubric) => Promise<FileReading>;

/**
 * The reader, loaded with its workbook libraries on the first file. A failed
 * load (the network dropped) throws, and is tried again on the next call.
 */
export function lazyMergeReader(): MergeFileReader {
  const load = loadOnce(() => import(/* webpackChunkName: "merge-read" */ './readPickedFile'));
  return async (file, loaded) => (await load()).readPickedFile(file, loaded);
}
