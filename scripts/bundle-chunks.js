// The task pane's production build and what each of its chunks is: its
// files, what loads it, its gzipped size. One module for `npm run size`,
// the tests' shared build (test/e2e/build.ts) and the benchmark's table.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const ROOT = path.resolve(__dirname, '..');
/** node_modules may be a link to a copy shared with other checkouts: its files still count as node_modules/…. */
const MODULES = fs.realpathSync(path.join(ROOT, 'node_modules'));

function relative(file) {
  const inModules = path.relative(MODULES, file);
  const rel = inModules.startsWith('..') ? path.relative(ROOT, file) : path.join('node_modules', inModules);
  return rel.split(path.sep).join('/');
}

/** A module's source files, looking inside modules webpack concatenated. */
function sourceFiles(module) {
  if (module.modules) return [...module.modules].flatMap(sourceFiles);
  const file = module.nameForCondition();
  return file ? [relative(file)] : [];
}

const gzipSize = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

/** The task pane compilation's chunks, as written to `dir`. */
function chunksOf(compilation, dir) {
  return [...compilation.chunks].map((chunk) => {
    const outputs = [...chunk.files].filter((f) => f.endsWith('.js')).sort();
    const loaders = [...chunk.groupsIterable].flatMap((group) => group.origins.map((o) => o.module && o.module.nameForCondition()));
    return {
      initial: chunk.canBeInitial(),
      files: [...compilation.chunkGraph.getChunkModulesIterable(chunk)].flatMap(sourceFiles),
      outputs,
      gzipBytes: outputs.reduce((n, f) => n + gzipSize(path.join(dir, f)), 0),
      loadedBy: [...new Set(loaders.filter((f) => typeof f === 'string').map(relative))].sort(),
    };
  });
}

/**
 * The production build (webpack --mode production; with `e2e`, the fake
 * office.js too) into `dir`, hosted at `publicUrl`.
 */
async function buildAddin({ dir, publicUrl, e2e = false }) {
  const webpack = require('webpack');
  const createConfig = require(path.join(ROOT, 'webpack.config.js'));
  const saved = process.env.ADDIN_PUBLIC_URL;
  if (publicUrl !== undefined) process.env.ADDIN_PUBLIC_URL = publicUrl;
  let configs;
  try {
    configs = await createConfig({ e2e, outDir: dir }, { mode: 'production' });
  } finally {
    if (saved === undefined) delete process.env.ADDIN_PUBLIC_URL;
    else process.env.ADDIN_PUBLIC_URL = saved;
  }
  const stats = await new Promise((resolve, reject) => {
    webpack([configs].flat(), (error, result) => {
      if (error || !result) return reject(error || new Error('webpack returned no stats'));
      if (result.hasErrors()) return reject(new Error(result.toString('errors-only')));
      resolve(result);
    });
  });
  const taskpane = stats.stats.find((s) => s.compilation.name === 'taskpane');
  if (!taskpane) throw new Error('no task pane compilation');
  return { dir, chunks: chunksOf(taskpane.compilation, dir) };
}

/** What a chunk mostly holds: its largest packages ("react-dom") or source folders ("src/excel"). */
function holdings(files) {
  const counts = new Map();
  for (const f of files) {
    const parts = f.split('/');
    const key = parts[0] === 'node_modules' ? parts.slice(1, parts[1].startsWith('@') ? 3 : 2).join('/') : parts.slice(0, 2).join('/');
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k]) => k);
}

function table(headers, rows) {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

/** Every chunk, initial ones first then by size: what it mostly holds and which files' import() load it. */
function chunkTable(chunks) {
  const sorted = [...chunks].sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzipBytes - a.gzipBytes);
  const kb = (bytes) => (bytes / 1000).toFixed(1);
  const rows = sorted.map((c) => [
    c.outputs.join(', ').replace(/\.[0-9a-f]{8}\.js/g, '.js'),
    c.initial ? 'initial' : 'on demand',
    kb(c.gzipBytes),
    holdings(c.files).join(', '),
    c.loadedBy.map((f) => path.basename(f)).join(', '),
  ]);
  const initial = chunks.filter((c) => c.initial).reduce((n, c) => n + c.gzipBytes, 0);
  rows.push(['initial total', '', kb(initial), '', 'first tab budget 100']);
  return table(['chunk', 'loaded', 'gzip kB', 'mostly', 'loaded by'], rows);
}

module.exports = { buildAddin, chunksOf, chunkTable, holdings, table };
