import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { AddinBuild, BuiltChunk } from '../../scripts/bundle-chunks';

export type { AddinBuild, BuiltChunk };

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
// Plain CommonJS, shared with `npm run size`; required by path so the benchmark's compiled copy finds it too.
const bundle: typeof import('../../scripts/bundle-chunks') = require(path.join(ROOT, 'scripts', 'bundle-chunks.js'));
export const { chunkTable, holdings, table } = bundle;

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
  files.push('test/e2e/build.ts', 'scripts/bundle-chunks.js', 'test/e2e/fake-office.ts', 'webpack.config.js', 'tsconfig.json', 'tsconfig.addin.json', 'manifest.xml', 'package-lock.json');
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
    const built = await bundle.buildAddin({ dir: staging, publicUrl, e2e: true });
    fs.writeFileSync(path.join(staging, BUILD_RECORD), JSON.stringify({ chunks: built.chunks }));
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
    return { ...built, dir };
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
