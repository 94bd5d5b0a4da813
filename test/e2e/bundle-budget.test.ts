/**
 * What the task pane costs to load, from the production build: on a slow
 * provincial connection the JavaScript fetched before the first tab works is
 * what every user waits for. Counted in Chromium, every chunk the page had
 * started to fetch by the time the first tab's button was enabled, initial
 * or loaded on demand; heavy libraries load after that, or with the tab that
 * needs them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { chunkTable, sharedAddinBuild, type AddinBuild, type BuiltChunk } from './build';
import { describeWithTool } from '../support/external';
import { openPane, paneEnvironment, scriptsBeforeFirstTab } from './pane';

/** gzip -9 bytes of JavaScript before the first tab's button can be pressed. */
const FIRST_TAB_BUDGET_BYTES = 100_000;
const OUTPUT = path.resolve(__dirname, '../../test-output');

let build: AddinBuild;
beforeAll(async () => {
  build = await sharedAddinBuild();
}, 600_000);

const containing = (pattern: RegExp) => build.chunks.filter((c) => c.files.some((f) => pattern.test(f)));
const chunkOf = (output: string): BuiltChunk => {
  const chunk = build.chunks.find((c) => c.outputs.includes(output));
  if (!chunk) throw new Error(`${output} is not a chunk of the build`);
  return chunk;
};

/** What must not be on the first tab's path: libraries and layers only later actions need. */
const LATER = [
  /^node_modules\/zod\//,
  /^node_modules\/@microsoft\/office-js-helpers\//,
  /^src\/rubric\/(index|schema)\.ts$/,
  /^src\/rubric\/data\//,
  /^src\/layout\/(plan|formulas|styles)\.ts$/,
  /^src\/excel\/operations\.ts$/,
];

test('neither ExcelJS nor HyperFormula is in any chunk: workbooks are written by the file writer (src/xlsx)', () => {
  expect(containing(/(^|\/)node_modules\/exceljs\//)).toEqual([]);
  expect(containing(/(^|\/)node_modules\/hyperformula\//)).toEqual([]);
});

test('npm run size lists every chunk, initial or on demand, with the files whose import() load it', () => {
  const lines = chunkTable(build.chunks).split('\n');
  for (const chunk of build.chunks) {
    const name = chunk.outputs.join(', ').replace(/\.[0-9a-f]{8}\.js/g, '.js');
    const line = lines.find((l) => l.startsWith(`| ${name} `));
    expect(line).toBeDefined();
    expect(line).toContain(chunk.initial ? ' initial ' : ' on demand ');
    expect(line).toContain(` ${(chunk.gzipBytes / 1000).toFixed(1)} `);
  }
  // The merge reader comes with the first picked file.
  expect(lines.find((l) => l.startsWith('| merge-read.js '))).toMatch(/mergeReader\.ts \|$/);
  const initial = build.chunks.filter((c) => c.initial).reduce((n, c) => n + c.gzipBytes, 0);
  expect(lines[lines.length - 1]).toContain(` ${(initial / 1000).toFixed(1)} `);
});

describeWithTool('chromium', 'JavaScript before the first tab works, counted in Chromium', () => {
  const env = paneEnvironment(() => build);

  test.each([
    ['a new workbook', 'new', ''],
    ['Excel with ExcelApi 1.8', 'excelapi-1.8', '?excelApi=1.8'],
  ])('%s: at most 100 kB gzipped, none of zod, the rubric, the layout, the adapter or office-js-helpers; those come after', async (_, name, query) => {
    const { page, errors } = await openPane(env(), query);
    const scripts = await scriptsBeforeFirstTab(page);
    const chunks = [...new Set(scripts.map(chunkOf))];
    const bytes = chunks.reduce((n, c) => n + c.gzipBytes, 0);
    // What was counted, for README's table.
    fs.mkdirSync(OUTPUT, { recursive: true });
    const counted = chunks.map((c) => ({ outputs: c.outputs, initial: c.initial, gzipBytes: c.gzipBytes }));
    fs.writeFileSync(path.join(OUTPUT, `first-tab-javascript-${name}.json`), JSON.stringify({ bytes, chunks: counted }, null, 2));
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(FIRST_TAB_BUDGET_BYTES);
    const early = chunks.flatMap((c) => c.files);
    expect(early.filter((f) => LATER.some((p) => p.test(f)))).toEqual([]);

    // The settings (office-js-helpers), the rubric and the adapter follow once the tab works.
    const later = (pattern: RegExp) => containing(pattern).flatMap((c) => c.outputs);
    for (const pattern of [/^node_modules\/@microsoft\/office-js-helpers\//, /^src\/rubric\/schema\.ts$/, /^src\/excel\/operations\.ts$/]) {
      const outputs = later(pattern);
      expect(outputs.length).toBeGreaterThan(0);
      await page.waitForFunction(
        (names) => performance.getEntriesByType('resource').some((e) => names.some((n) => e.name.endsWith(`/${n}`))),
        outputs,
      );
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
