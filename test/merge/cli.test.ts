import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli as run } from '../support/cli';
import type { MergeSummary } from '../../src/merge/summary';
import { buildFixtures, UNITS, type Fixture } from '../support/fixtures';

const STACK_TRACE = /\n\s+at .+:\d+:\d+/;
const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('chamdiem merge on the command line', () => {
  let dir: string;
  let files: Record<string, string>;
  let outDir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'merge-cli-'));
    const wanted = new Set(['ha-quang.xlsx', 'bao-lac.xlsx', 'rong.xlsx', 'bang-khac.xlsx']);
    const built = await buildFixtures(dir, (f: Fixture) => wanted.has(f.file));
    files = Object.fromEntries(built.map((f) => [f.file, f.path]));
  }, 60_000);

  beforeEach(() => {
    outDir = fs.mkdtempSync(path.join(dir, 'out-'));
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('all files valid: exit 0 and the documented JSON', async () => {
    const out = path.join(outDir, 'tong-hop.xlsx');
    const r = await run('merge', files['ha-quang.xlsx'], files['bao-lac.xlsx'], '--out', out, '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(fs.existsSync(out)).toBe(true);
    const json: MergeSummary = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['output', 'rubric', 'counts', 'files', 'units', 'ranking']);
    expect(json.output).toBe(out);
    expect(json.rubric).toEqual({ id: 'hlhpn-caobang-huyen', version: expect.any(String), fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(json.counts).toEqual({ files: 2, valid: 2, warning: 0, rejected: 0, units: 2 });
    expect(json.files).toEqual([
      { file: files['ha-quang.xlsx'], unit: UNITS.haQuang, status: 'valid', statusLabel: 'Hợp lệ', createdAt: '2026-01-15T08:00:00.000Z', problems: [] },
      { file: files['bao-lac.xlsx'], unit: UNITS.baoLac, status: 'valid', statusLabel: 'Hợp lệ', createdAt: '2026-01-15T08:00:00.000Z', problems: [] },
    ]);
    // Units in column order (by name), totals rounded to cents, ranking best first.
    expect(json.units.map((u) => u.unit)).toEqual([UNITS.baoLac, UNITS.haQuang]);
    for (const u of json.units) {
      expect(Object.keys(u.sections)).toEqual(['I', 'II', 'III', 'IV']);
      const sum = Object.values(u.sections).reduce((a, b) => a + b, 0) + u.bonus - u.deduction;
      expect(u.total).toBeCloseTo(sum, 2);
      expect(Math.round(u.total * 100) / 100).toBe(u.total);
    }
    expect(json.ranking.map((x) => x.rank)).toEqual([1, 2]);
    expect(json.ranking[0].total).toBeGreaterThan(json.ranking[1].total);
  });

  test('some files rejected: exit 1, output written, the reasons printed', async () => {
    const out = path.join(outDir, 'tong-hop.xlsx');
    const missing = path.join(dir, 'khong-co.xlsx');
    const r = await run('merge', files['ha-quang.xlsx'], files['rong.xlsx'], missing, dir, '--out', out);
    expect(r.code).toBe(1);
    expect(fs.existsSync(out)).toBe(true);
    expect(r.out).toContain(`Hợp lệ    ${files['ha-quang.xlsx']} — ${UNITS.haQuang}`);
    expect(r.out).toMatch(/Bị loại .*rong\.xlsx\n\s+\[FILE_EMPTY\] Tệp rỗng/);
    expect(r.out).toMatch(/Bị loại .*khong-co\.xlsx\n\s+\[FILE_NOT_FOUND\] Không tìm thấy tệp\./);
    expect(r.out).toMatch(/\[UNREADABLE\] Đây là thư mục/);
    expect(r.out).toContain(`Đã ghi ${out}: 1 đơn vị, 3 tệp bị loại.`);
    expect(r.out + r.err).not.toMatch(STACK_TRACE);
  });

  test('nothing mergeable: exit 2, no output, the JSON says why', async () => {
    const out = path.join(outDir, 'tong-hop.xlsx');
    const r = await run('merge', files['rong.xlsx'], files['bang-khac.xlsx'], '--out', out, '--json');
    expect(r.code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
    expect(r.err).toMatch(/không có tệp nào tổng hợp được/);
    const json: MergeSummary = JSON.parse(r.out);
    expect(json.output).toBeNull();
    expect(json.files.map((f) => [f.status, f.problems.map((p) => p.code)])).toEqual([
      ['rejected', ['FILE_EMPTY']],
      ['rejected', ['METADATA_MISSING']],
    ]);
  });

  test('refuses to write over an input, however the path is spelled', async () => {
    const input = files['ha-quang.xlsx'];
    const before = { hash: digest(input), mtimeMs: fs.statSync(input).mtimeMs };
    const spelled = path.join(path.dirname(input), '..', path.basename(path.dirname(input)), '.', path.basename(input));
    const link = path.join(outDir, 'lien-ket.xlsx');
    fs.linkSync(input, link);
    for (const out of [input, spelled, link]) {
      const r = await run('merge', input, files['bao-lac.xlsx'], '--out', out, '--force');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/trùng với tệp đầu vào/);
      expect(r.err).not.toMatch(STACK_TRACE);
    }
    expect({ hash: digest(input), mtimeMs: fs.statSync(input).mtimeMs }).toEqual(before);
  });

  test('keeps an existing output unless told --force', async () => {
    const out = path.join(outDir, 'tong-hop.xlsx');
    fs.writeFileSync(out, 'đã thẩm định');
    const refused = await run('merge', files['ha-quang.xlsx'], '--out', out);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/đã có.*--force/);
    expect(fs.readFileSync(out, 'utf8')).toBe('đã thẩm định');
    const forced = await run('merge', files['ha-quang.xlsx'], '--out', out, '--force');
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  test.each([
    [['merge', '--out', 'x.xlsx'], /ít nhất một tệp/],
    [['merge', 'a.xlsx'], /cần --out/],
    [['merge', 'a.xlsx', '--out', 'tong-hop.csv'], /phải có đuôi \.xlsx/],
    [['merge', 'a.xlsx', '--out', 'x.xlsx', '--sort'], /Không có tuỳ chọn --sort/],
  ])('usage error %j: exit 2, a Vietnamese message, no stack trace', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain('chamdiem merge TỆP.xlsx… --out');
    expect(r.err).not.toMatch(STACK_TRACE);
  });
});
