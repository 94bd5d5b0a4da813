/**
 * What the task pane costs to load, from the production build: on a slow
 * provincial connection the initial JavaScript is what users wait for before
 * the pane shows. Heavy libraries load with the tab that needs them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { sharedAddinBuild, type AddinBuild } from './build';

/** gzip -9 bytes of JavaScript taskpane.html loads before the pane shows. */
const INITIAL_BUDGET_BYTES = 200_000;

let build: AddinBuild;
beforeAll(async () => {
  build = await sharedAddinBuild();
}, 600_000);

const containing = (pattern: RegExp) => build.chunks.filter((c) => c.files.some((f) => pattern.test(f)));

test('the initial JavaScript is at most 200 kB gzipped', () => {
  const html = fs.readFileSync(path.join(build.dir, 'taskpane.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
  const initial = build.chunks.filter((c) => c.initial);
  // The chunks webpack calls initial are exactly the scripts the page loads.
  expect(initial.flatMap((c) => c.outputs).sort()).toEqual([...scripts].sort());
  const bytes = initial.reduce((n, c) => n + c.gzipBytes, 0);
  expect(bytes).toBeGreaterThan(0);
  expect(bytes).toBeLessThanOrEqual(INITIAL_BUDGET_BYTES);
});

test('neither ExcelJS nor HyperFormula is in any chunk: workbooks are written by the file writer (src/xlsx)', () => {
  expect(containing(/(^|\/)node_modules\/exceljs\//)).toEqual([]);
  expect(containing(/(^|\/)node_modules\/hyperformula\//)).toEqual([]);
});
