import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import webpack, { type Configuration, type Module } from 'webpack';

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

/** The URL the tests build for: any https address works, the tests check this one appears. */
export const TEST_PUBLIC_URL = 'https://addin.example.vn/chamdiem/';

/** The repository root, found from here whether this runs as TypeScript or compiled elsewhere. */
function repositoryRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'webpack.config.js')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no webpack.config.js above ${__dirname}`);
  }
}

const ROOT = repositoryRoot();
/** node_modules may be a link to a copy shared with other checkouts: its files still count as node_modules/…. */
const MODULES = fs.realpathSync(path.join(ROOT, 'node_modules'));
const relative = (file: string) => {
  const inModules = path.relative(MODULES, file);
  const rel = inModules.startsWith('..') ? path.relative(ROOT, file) : path.join('node_modules', inModules);
  return rel.split(path.sep).join('/');
};

/** A module's source files, looking inside modules webpack concatenated. */
function sourceFiles(module: Module): string[] {
  const inner = (module as Module & { modules?: Iterable<Module> }).modules;
  if (inner) return [...inner].flatMap(sourceFiles);
  const file = module.nameForCondition();
  return file ? [relative(file)] : [];
}

const gzipSize = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

/**
 * The production build plus the fake office.js (webpack --mode production
 * --env e2e) into `dir` (a fresh temporary directory by default), hosted at `publicUrl`.
 */
async function buildAddin(publicUrl: string, dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chamdiem-addin-'))): Promise<AddinBuild> {
  // webpack.config.js is plain CommonJS for the webpack CLI.
  const createConfig: (env: Record<string, unknown>, argv: { mode: string }) => Promise<Configuration | Configuration[]> = require(
    path.join(ROOT, 'webpack.config.js'),
  );
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
  const chunks = [...taskpane.chunks].map((chunk) => {
    const outputs = [...chunk.files].filter((f) => f.endsWith('.js')).sort();
    const loaders = [...chunk.groupsIterable].flatMap((group) => group.origins.map((o) => o.module?.nameForCondition()));
    return {
      initial: chunk.canBeInitial(),
      files: [...taskpane.chunkGraph.getChunkModulesIterable(chunk)].flatMap(sourceFiles),
      outputs,
      gzipBytes: outputs.reduce((n, f) => n + gzipSize(path.join(dir, f)), 0),
      loadedBy: [...new Set(loaders.filter((f): f is string => typeof f === 'string').map(relative))].sort(),
    };
  });
  return { dir, chunks };
}

/** Everything a build of the task pane and the fake office.js is made from. */
function buildInputs(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else files.push(rel);
    }
  };
  for (const dir of ['src', 'assets', 'test/fakes']) walk(dir);
  // build.ts itself: the chunk record it writes depends on it.
  files.push('test/e2e/build.ts', 'test/e2e/fake-office.ts', 'webpack.config.js', 'tsconfig.json', 'tsconfig.addin.json', 'manifest.xml', 'package-lock.json');
  return files.sort();
}

const CACHE = path.join(ROOT, 'node_modules', '.cache', 'chamdiem-addin');
const BUILD_RECORD = 'build.json';
const WAIT_MS = 10 * 60_000;
const KEEP_OLD_BUILDS_MS = 6 * 3600_000;

/**
 * One production build per content of the repository, shared by every test
 * (and the benchmark) that needs one: the first caller builds, concurrent
 * callers in other Jest workers wait for it, later ones reuse it. Built from
 * the same inputs, it is the same build, so the shared copy is never stale.
 */
export async function sharedAddinBuild(publicUrl = TEST_PUBLIC_URL): Promise<AddinBuild> {
  const hash = createHash('sha256').update(publicUrl);
  for (const file of buildInputs()) hash.update(`\0${file}\0`).update(fs.readFileSync(path.join(ROOT, file)));
  const key = hash.digest('hex').slice(0, 20);
  const dir = path.join(CACHE, key);
  const record = path.join(dir, BUILD_RECORD);
  const lock = `${dir}.lock`;
  fs.mkdirSync(CACHE, { recursive: true });

  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    if (fs.existsSync(record)) return { ...(JSON.parse(fs.readFileSync(record, 'utf8')) as AddinBuild), dir };
    try {
      fs.mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // A builder that died leaves its lock behind.
      const held = fs.statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > WAIT_MS) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited too long for the shared task pane build ${dir}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    if (fs.existsSync(record)) return { ...(JSON.parse(fs.readFileSync(record, 'utf8')) as AddinBuild), dir };
    for (const old of fs.readdirSync(CACHE)) {
      const at = path.join(CACHE, old);
      if (old !== key && Date.now() - fs.statSync(at).mtimeMs > KEEP_OLD_BUILDS_MS) fs.rmSync(at, { recursive: true, force: true });
    }
    const staging = `${dir}.tmp-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    const built = await buildAddin(publicUrl, staging);
    fs.writeFileSync(path.join(staging, BUILD_RECORD), JSON.stringify({ chunks: built.chunks }));
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
    return { ...built, dir };
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
