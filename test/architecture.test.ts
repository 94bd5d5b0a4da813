/**
 * The dependency rule (.dependency-cruiser.cjs): domain ← application ←
 * adapters ← hosts, no cycles. Run over src/, and over trees with
 * deliberately wrong imports, where it must fail with exactly those.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const CRUISER = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: { name: string }[];
}

/** The rule's violations in `cwd`'s src/, each as "rule: from → to". */
function cruise(cwd: string): string[] {
  const run = spawnSync(process.execPath, [CRUISER, 'src', '--config', CONFIG, '--output-type', 'json'], { cwd, encoding: 'utf8' });
  if (!run.stdout) throw new Error(`dependency-cruiser did not run: ${run.error ?? run.stderr}`);
  const result = JSON.parse(run.stdout) as { summary: { violations: Violation[]; totalCruised: number } };
  expect(result.summary.totalCruised).toBeGreaterThan(0);
  // A library resolves to wherever node_modules really lives; its name is what matters.
  const shown = (to: string) => to.replace(/^.*node_modules\//, 'node_modules/');
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${shown(v.to)}`).sort();
}

function writeTree(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chamdiem-architecture-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('src/ keeps the direction of dependencies, with no cycle', () => {
  expect(cruise(ROOT)).toEqual([]);
});

test('the rule fails on the import that once made the Office.js adapter depend on the task pane', () => {
  fs.cpSync(path.join(ROOT, 'src'), path.join(dir, 'src'), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  const adapter = path.join(dir, 'src', 'excel', 'operations.ts');
  fs.writeFileSync(adapter, `import type { TaskpaneServices } from '../taskpane/services';\n${fs.readFileSync(adapter, 'utf8')}`);
  expect(cruise(dir)).toEqual(['adapters-do-not-import-hosts: src/excel/operations.ts → src/taskpane/services.tsx']);
});

test('the rule fails on every kind of wrong import, and only on those', () => {
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  writeTree(dir, {
    'src/rubric/index.ts': "import { job } from '../app/job';\nexport const rubric = job;\n",
    'src/layout/plan.ts': "export type Plan = { rows: number };\nexport const SHEET = 'x';\n",
    'src/merge/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
    'src/merge/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
    'src/check/index.ts': "import { gone } from './missing';\nexport const check = gone;\n",
    'src/text/messages.ts': "export const TEXT = 'x';\n",
    'src/app/job.ts':
      "import * as fs from 'fs';\nimport JSZip from 'jszip';\nimport { read } from '../xlsx/reader';\nimport type { Plan } from '../layout/plan';\n" +
      'export const job = (p: Plan) => [fs, JSZip, read, p];\n',
    'src/xlsx/reader.ts': "import { report } from '../cli/report';\nexport const read = report;\n",
    'src/cli/report.ts': "export const report = 'report';\n",
    'src/cli/main.ts':
      "import { read } from '../xlsx/reader';\nimport { SHEET, type Plan } from '../layout/plan';\nimport { TEXT } from '../text/messages';\n" +
      "import { job } from '../app/job';\nimport { pane } from '../taskpane/pane';\nexport const main = (p: Plan) => [read, SHEET, TEXT, job, pane, p];\n",
    'src/cli/compose.ts': "import { read } from '../xlsx/reader';\nimport type { Plan } from '../layout/plan';\nexport const files = (p: Plan) => [read, p];\n",
    'src/taskpane/pane.ts': "import { files } from '../cli/compose';\nexport const pane = files;\n",
  });
  expect(cruise(dir)).toEqual(
    [
      'adapters-do-not-import-hosts: src/xlsx/reader.ts → src/cli/report.ts',
      'app-imports-only-domain: src/app/job.ts → src/xlsx/reader.ts',
      'domain-and-app-need-no-infrastructure: src/app/job.ts → node_modules/jszip/lib/index.js',
      'domain-and-app-need-no-node: src/app/job.ts → fs',
      'domain-imports-only-domain: src/rubric/index.ts → src/app/job.ts',
      'hosts-are-independent: src/cli/main.ts → src/taskpane/pane.ts',
      'hosts-are-independent-pane: src/taskpane/pane.ts → src/cli/compose.ts',
      'hosts-reach-adapters-only-at-composition-roots: src/cli/main.ts → src/xlsx/reader.ts',
      'hosts-take-only-types-from-the-domain: src/cli/main.ts → src/layout/plan.ts',
      'no-cycle: src/merge/a.ts → src/merge/b.ts',
      'no-unresolvable-import: src/check/index.ts → ./missing',
    ].sort(),
  );
});
