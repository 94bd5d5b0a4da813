import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import webpack, { type Configuration, type Module } from 'webpack';

// webpack.config.js is plain CommonJS for the webpack CLI.
const createConfig: (env: Record<string, unknown>, argv: { mode: string }) => Promise<Configuration | Configuration[]> = require('../../webpack.config.js');

export interface BuiltChunk {
  /** Loaded by taskpane.html itself rather than on demand. */
  initial: boolean;
  /** Source files bundled in the chunk, relative to the repository: "src/taskpane/App.tsx". */
  files: string[];
}

export interface AddinBuild {
  dir: string;
  /** The task pane's chunks (not the fake office.js). */
  chunks: BuiltChunk[];
}

const ROOT = path.resolve(__dirname, '../..');

/** A module's source files, looking inside modules webpack concatenated. */
function sourceFiles(module: Module): string[] {
  const inner = (module as Module & { modules?: Iterable<Module> }).modules;
  if (inner) return [...inner].flatMap(sourceFiles);
  const file = module.nameForCondition();
  return file ? [path.relative(ROOT, file).split(path.sep).join('/')] : [];
}

/**
 * The production build plus the fake office.js (webpack --mode production
 * --env e2e) into a fresh temporary directory, hosted at `publicUrl`.
 */
export async function buildAddin(publicUrl: string): Promise<AddinBuild> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chamdiem-addin-'));
  const saved = process.env.ADDIN_PUBLIC_URL;
  process.env.ADDIN_PUBLIC_URL = publicUrl;
  let configs: Configuration | Configuration[];
  try {
    configs = await createConfig({ e2e: true, outDir: dir }, { mode: 'production' });
  } finally {
    if (saved === undefined) delete process.env.ADDIN_PUBLIC_URL;
    else process.env.ADDIN_PUBLIC_URL = saved;
  }
  const multi = await new Promise<webpack.MultiStats>((resolve, reject) => {
    webpack(configs as Configuration[], (error, result) => {
      if (error || !result) return reject(error ?? new Error('webpack returned no stats'));
      if (result.hasErrors()) return reject(new Error(result.toString('errors-only')));
      resolve(result);
    });
  });
  const taskpane = multi.stats.find((s) => s.compilation.name === 'taskpane')?.compilation;
  if (!taskpane) throw new Error('no task pane compilation');
  const chunks = [...taskpane.chunks].map((chunk) => ({
    initial: chunk.canBeInitial(),
    files: [...taskpane.chunkGraph.getChunkModulesIterable(chunk)].flatMap(sourceFiles),
  }));
  return { dir, chunks };
}
