/**
 * A filled sheet copied into a new workbook with LibreOffice's own Move or
 * Copy Sheet: every name and formula kept, the hidden metadata sheet lost.
 * check says what happened and how to recover (exit 2), the merge keeps the
 * file out with the same words, and generate --out over the file recovers
 * it with every entry.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli as run } from '../support/cli';
import { buildSheetPlan, SHEET_NAME } from '../../src/layout/plan';
import { builtinRubric } from '../../src/rubric';
import { readWorkbook } from '../support/exceljs-read';
import { describeWithTool } from '../support/external';
import { completeEntries, UNITS } from '../support/fixtures';
import { editInLibreOffice } from '../support/lo-edit';
import { fillByName, generated } from '../support/workbooks';
import { syntheticRubric } from '../support/synthetic-rubric';

const inputNames = buildSheetPlan(builtinRubric())
  .fields.filter((f) => f.role === 'input')
  .map((f) => f.name);

describeWithTool('python3-uno', 'a sheet copied into a new workbook in LibreOffice', () => {
  let dir: string;
  let filled: string;
  let copied: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chamdiem-copied-'));
    filled = path.join(dir, 'filled.xlsx');
    fs.writeFileSync(filled, await fillByName(await generated({ unitName: UNITS.haQuang }), { ...completeEntries(UNITS.haQuang, 1), TC_05: 7 }));
    copied = editInLibreOffice(dir, filled, path.join(dir, 'ban sao.xlsx'), SHEET_NAME, [{ op: 'copyToNewDocument' }]);
  }, 240_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('LibreOffice kept the names and lost the metadata sheet', async () => {
    const before = await readWorkbook(fs.readFileSync(filled));
    const after = fs.readFileSync(copied);
    await expect(readWorkbook(after)).rejects.toThrow();
    const names = [...(await readNamesOf(copied))].sort();
    expect(names).toEqual([...before.names.keys()].sort());
  });

  test('check says what happened and how to recover, exit 2', async () => {
    const r = await run('check', copied, '--json');
    expect(r.code).toBe(2);
    const report = JSON.parse(r.out);
    expect(report.status).toBe('unreadable');
    expect(report.error.code).toBe('METADATA_LOST');
    expect(report.error.message).toContain('mất trang thông tin ẩn ChamDiem_Meta');
    expect(report.error.message).toContain('trang được Di chuyển/Sao chép sang một sổ làm việc mới');
    expect(report.error.message).toContain(`chạy lệnh chamdiem generate --out "${copied}"`);
    const plain = await run('check', copied);
    expect(plain.err).toContain('bấm Cập nhật trong tiện ích');
  });

  test('against another rubric it is not taken for that rubric’s sheet', async () => {
    const rubric = path.join(dir, 'khac.json');
    fs.writeFileSync(rubric, JSON.stringify(syntheticRubric(100).rubric));
    const r = await run('check', copied, '--json', '--rubric', rubric);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error).toMatchObject({ code: 'METADATA_MISSING', message: expect.stringContaining('không khớp bộ tiêu chí') });
  });

  test('the merge keeps it out, saying how to recover', async () => {
    const out = path.join(dir, 'tong-hop.xlsx');
    const r = await run('merge', copied, filled, '--out', out, '--json');
    const summary = JSON.parse(r.out);
    expect(summary.files[0]).toMatchObject({ status: 'rejected', problems: [{ code: 'METADATA_LOST', severity: 'error' }] });
    expect(summary.files[0].problems[0].message).toContain('chamdiem generate --out');
    // The original and its copy are one unit; the copy is not merged, so the original is not a duplicate.
    expect(summary.files[1].status).not.toBe('rejected');
  });

  test('generate --out over it recovers the sheet: every entry kept, the metadata back, check as before', async () => {
    const target = path.join(dir, 'khoi-phuc.xlsx');
    fs.copyFileSync(copied, target);
    const r = await run('generate', '--out', target);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Đã khôi phục .*khoi-phuc\.xlsx: .*giữ \d+ ô đã nhập và tạo lại trang thông tin\.$/);
    const original = await readWorkbook(fs.readFileSync(filled));
    const recovered = await readWorkbook(fs.readFileSync(target));
    for (const name of inputNames) expect([name, recovered.cell(name)]).toEqual([name, original.cell(name)]);
    expect(recovered.meta).toMatchObject({ rubricId: 'hlhpn-caobang-huyen', rubricFingerprint: builtinRubric().fingerprint, unitName: UNITS.haQuang });
    const [before, after] = await Promise.all([run('check', filled, '--json'), run('check', target, '--json')]);
    const codes = (out: string) => JSON.parse(out).problems.map((p: { code: string; name?: string }) => `${p.code} ${p.name}`);
    expect(after.code).toBe(before.code);
    expect(codes(after.out)).toEqual(codes(before.out));
    expect(JSON.parse(after.out).score.total).toBe(JSON.parse(before.out).score.total);
  });
});

/** The defined names of a workbook, read as the package says them. */
async function readNamesOf(file: string): Promise<Set<string>> {
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await (zip.file('xl/workbook.xml') as import('jszip').JSZipObject).async('string');
  return new Set([...xml.matchAll(/<definedName [^>]*name="([^"]+)"/g)].map((m) => m[1]).filter((n) => !n.startsWith('_xlnm')));
}
