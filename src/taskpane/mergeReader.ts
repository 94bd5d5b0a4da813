import type { FileReading } from '../merge/consolidate';
import type { LoadedRubric } from '../rubric';

/** Reads one picked file for the merge; a bad file comes back with its problems, never as a throw. */
export type MergeFileReader = (file: File, loaded: LoadedRubric) => Promise<FileReading>;

/**
 * The reader, loaded with its workbook libraries on the first file. A failed
 * load (the network dropped) throws, and is tried again on the next call.
 */
export function lazyMergeReader(): MergeFileReader {
  let loading: Promise<typeof import('./readPickedFile')> | undefined;
  return async (file, loaded) => {
    const module = await (loading ??= import(/* webpackChunkName: "merge-read" */ './readPickedFile').catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
    return module.readPickedFile(file, loaded);
  };
}
