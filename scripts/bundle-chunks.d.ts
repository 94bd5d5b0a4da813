import type { Compilation } from 'webpack';

export interface BuiltChunk {
  /** Loaded by taskpane.html itself rather than on demand. */
  initial: boolean;
  /** Source files bundled in the chunk, relative to the repository: "src/taskpane/App.tsx". */
  files: string[];
  /** The chunk's JavaScript files in the build directory. */
  outputs: string[];
  /** Their size compressed with gzip -9, as a server sends them. */
  gzipBytes: number;
  /** Source files whose import() loads the chunk; none for initial chunks. */
  loadedBy: string[];
}

export interface AddinBuild {
  dir: string;
  /** The task pane's chunks (not the fake office.js). */
  chunks: BuiltChunk[];
}

export function buildAddin(options: { dir: string; publicUrl?: string; e2e?: boolean }): Promise<AddinBuild>;
export function chunksOf(compilation: Compilation, dir: string): BuiltChunk[];
export function holdings(files: string[]): string[];
export function table(headers: string[], rows: (string | number)[][]): string;
export function chunkTable(chunks: BuiltChunk[]): string;
