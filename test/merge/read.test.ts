import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readInputFile } from '../../src/cli/merge';
import { consolidate, unitKey, type FileReading, type MergeResult } from '../../src/merge/consolidate';
import { directoryOf, sniffFile, zipDirectoryProblem, INPUT_LIMITS } from '../../src/package/guard';
import { readZipDirectory, type ZipEntryInfo } from '../../src/package/zip';
import type { UnitReading } from '../../src/merge/unit';
import { builtinRubric } from '../../src/rubric';
import { readForMerge } from '../../src/app/merge-read';
import { packageReader } from '../../src/package/package-reader';
import { buildFixtures, fixtureSet, UNITS, zipOf, type Fixture } from '../support/fixtures';
import { generated } from '../support/workbooks';

const loaded = builtinRubric();

describe('reading returned files for the merge', () => {
  let dir: string;
  let fixtures: (Fixture & { path: string })[];
  let result: MergeResult;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'merge-read-'));
    fixtures = await buildFixtures(dir);
    const readings: FileReading[] = [];
    for (const f of fixtures) readings.push(await readInputFile(f.path, loaded));
    result = consolidate(readings, loaded);
  }, 120_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const outcome = (file: string) => {
    const f = result.files.find((x) => path.basename(x.file) === file);
    if (!f) throw new Error(`no outcome for ${file}`);
    return f;
  };

  test.each(fixtureSet().map((f) => [f.file, f] as const))('%s: status and reason', (file, expected) => {
    const got = outcome(file);
    const codes = got.problems.map((p) => p.code);
    expect({ file, status: got.status }).toEqual({ file, status: expected.status });
    if (expected.status === 'valid') expect(codes).toEqual([]);
    else expect(codes).toEqual(expect.arrayContaining(expected.codes));
    if (expected.unit !== undefined) expect(got.unitName).toBe(expected.unit);
  });

  test('every problem carries a stable code and a Vietnamese sentence in NFC', () => {
    const problems = result.files.flatMap((f) => f.problems);
    expect(problems.length).toBeGreaterThan(20);
    for (const p of problems) {
      expect(p.code).toMatch(/^[A-Z_]+$/);
      expect(p.message.length).toBeGreaterThan(10);
      expect(p.message).toBe(p.message.normalize('NFC'));
      expect(p.severity).toBe(['INVALID_VALUE', 'FORMULA_IN_INPUT', 'MISSING_EVIDENCE', 'UNSCORED', 'UNIT_NAME_EMPTY', 'TEXT_TOO_LONG', 'TEXT_CLIPPED', 'TEXT_CUT'].includes(p.code) ? 'warning' : 'error');
    }
    expect(outcome('co-mat-khau.xlsx').problems[0].message).toMatch(/mật khẩu/);
    expect(outcome('ban-cu.xls').problems[0].message).toMatch(/\.xls/);
    expect(outcome('bom-nen.xlsx').problems[0].message).toMatch(/120 MB/);
    expect(outcome('bom-khai-gian.xlsx').problems[0].message).toMatch(/lớn hơn kích thước ghi trong tệp/);
  });

  test('another rubric version is reported alone, not as a flood of tampering', () => {
    expect(outcome('phien-ban-cu.xlsx').problems.map((p) => p.message)).toEqual([expect.stringMatching(/2023\.1/)]);
    expect(outcome('tieu-chi-bi-sua.xlsx').problems.map((p) => p.message)).toEqual([expect.stringMatching(/Dấu vân tay/)]);
  });

  test('the same unit twice keeps the newer creation even when given first, and names it', () => {
    for (const file of ['hoa-an-cu.xlsx', 'hoa-an-kieu-cu.xlsx']) {
      const old = outcome(file);
      expect(old.problems).toEqual([expect.objectContaining({ code: 'DUPLICATE_UNIT', message: expect.stringContaining('hoa-an-moi.xlsx') })]);
    }
    expect(result.units.filter((u) => unitKey(u.unitName) === unitKey(UNITS.hoaAn)).map((u) => path.basename(u.file))).toEqual([
      'hoa-an-moi.xlsx',
    ]);
  });

  test('merges exactly the valid and warned files, in unit-name order, ranked by total', () => {
    const merged = fixtureSet().filter((f) => f.status !== 'rejected');
    expect(result.units.map((u) => path.basename(u.file)).sort()).toEqual(merged.map((f) => f.file).sort());
    const named = result.units.filter((u) => u.unitName).map((u) => u.unitName);
    expect(named).toEqual([...named].sort(new Intl.Collator('vi', { sensitivity: 'base', numeric: true }).compare));
    expect(result.units[result.units.length - 1].label).toMatch(/chưa nhập tên đơn vị: .*khong-ten\.xlsx/);
    const totals = result.ranking.map((i) => result.units[i].totals.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(result.units[result.ranking[0]].rank).toBe(1);
  });

  test('evidence texts travel as text, a formula as its own text', () => {
    const unit = result.units.find((u) => u.unitName === '=1+1');
    const byOwner = new Map(unit?.evidence.map((e) => [e.owner, e]));
    expect(byOwner.get('1')?.evidence).toBe('=HYPERLINK("http://evil","x")');
    expect(byOwner.get('2')).toEqual({ owner: '2', evidence: '=HYPERLINK("http://evil","x")', note: '=1+1' });
  });

  test('a buffer past 20 MB is refused before anything parses it', async () => {
    let big: Buffer | null = Buffer.alloc(INPUT_LIMITS.maxFileBytes + 1);
    big.write('PK\u0003\u0004', 'latin1');
    const reading = await readForMerge(packageReader, big, 'lon.xlsx', loaded);
    big = null;
    expect(reading.problems.map((p) => p.code)).toEqual(['FILE_TOO_LARGE']);
  });
});

describe('zip inspection', () => {
  const entry = (over: Partial<ZipEntryInfo>): ZipEntryInfo => ({
    name: 'xl/worksheets/sheet1.xml',
    flags: 0,
    method: 8,
    crc: 0,
    localOffset: 0,
    compressedSize: 100_000,
    uncompressedSize: 1_000_000,
    ...over,
  });

  test('reads what the directory declares', async () => {
    const bytes = zipOf([
      { name: 'a.xml', method: 0, data: Buffer.from('<a/>'), uncompressedSize: 4, crc: 0x1234 },
      { name: 'thư mục/b.xml', method: 0, data: Buffer.from('<bb/>'), uncompressedSize: 5, crc: 0xfedcba98 },
    ]);
    expect(readZipDirectory(bytes)).toEqual({
      entries: [
        { name: 'a.xml', flags: 0x0800, method: 0, crc: 0x1234, compressedSize: 4, uncompressedSize: 4, localOffset: 0 },
        { name: 'thư mục/b.xml', flags: 0x0800, method: 0, crc: 0xfedcba98, compressedSize: 5, uncompressedSize: 5, localOffset: 30 + 5 + 4 },
      ],
    });
    const real = await generated();
    const dir = readZipDirectory(real);
    expect('entries' in dir && dir.entries.map((e) => e.name)).toEqual(expect.arrayContaining(['xl/workbook.xml', '[Content_Types].xml']));
    expect('entries' in dir && zipDirectoryProblem(dir.entries)).toBeNull();
  });

  test('judges ratio only on large entries, and the total always', () => {
    expect(zipDirectoryProblem([entry({ compressedSize: 1000, uncompressedSize: 900_000 })])).toBeNull();
    expect(zipDirectoryProblem([entry({ compressedSize: 10_000, uncompressedSize: 5_000_000 })])?.code).toBe('ZIP_BOMB');
    expect(zipDirectoryProblem([entry({}), entry({ compressedSize: 5_000_000, uncompressedSize: 101 * 1024 * 1024 })])?.code).toBe(
      'ZIP_BOMB',
    );
    expect(zipDirectoryProblem([entry({ flags: 1 })])?.code).toBe('ENCRYPTED');
    expect(zipDirectoryProblem([entry({ method: 12 })])?.code).toBe('ZIP_CORRUPT');
  });

  test('refuses damaged or zip64 directories', () => {
    const good = zipOf([{ name: 'a.xml', method: 0, data: Buffer.from('<a/>'), uncompressedSize: 4 }]);
    const movedDirectory = Buffer.from(good);
    movedDirectory.writeUInt32LE(0x7fffffff, movedDirectory.length - 6);
    expect(directoryOf(movedDirectory)).toMatchObject({ problem: { code: 'ZIP_CORRUPT', message: expect.stringContaining('phần cuối của tệp chỉ ra ngoài tệp') } });
    const zip64 = Buffer.from(good);
    zip64.writeUInt16LE(0xffff, zip64.length - 12);
    expect(directoryOf(zip64)).toMatchObject({ problem: { code: 'ZIP_CORRUPT' } });
    expect(directoryOf(good.subarray(0, good.length - 10))).toMatchObject({ problem: { code: 'ZIP_CORRUPT', message: expect.stringContaining('thiếu phần cuối của tệp') } });
  });

  test('sniffs empty, OLE and foreign files', () => {
    expect(sniffFile(new Uint8Array(0))?.code).toBe('FILE_EMPTY');
    expect(sniffFile(Buffer.from('%PDF-1.7 ...'))?.code).toBe('NOT_XLSX');
    expect(sniffFile(Buffer.from('PK\u0005\u0006', 'latin1'))).toBeNull();
  });
});

describe('consolidating readings', () => {
  const unit = (unitName: string, createdAt: string | null, total = 50): UnitReading => ({
    unitName,
    createdAt,
    selfScores: {},
    invalidScores: {},
    totals: { sections: { I: total }, bonus: 0, deduction: 0, total },
    evidence: [],
    problems: [],
  });
  const reading = (file: string, u: UnitReading, savedAt: string | null = null): FileReading => ({ file, savedAt, unit: u, problems: [] });
  const kept = (readings: FileReading[]) => consolidate(readings, loaded).units.map((u) => u.file);

  test('unit names match across Unicode form, case and spacing', () => {
    expect(unitKey('  Hội LHPN  huyện HÒA An ')).toBe(unitKey('hội lhpn huyện hòa an'));
    expect(unitKey('Hội LHPN huyện Hòa An'.normalize('NFD'))).toBe(unitKey('Hội LHPN huyện Hòa An'));
    expect(unitKey('Hội LHPN huyện Hòa An')).not.toBe(unitKey('Hội LHPN huyện Hà Quảng'));
  });

  test.each([
    ['Hội LHPN huyện Hòa An', 'Hội LHPN huyện Hoà An'],
    ['Hội LHPN huyện Quảng Hòa', 'HỘI LHPN HUYỆN QUẢNG HOÀ'],
    ['Hội LHPN xã Thủy Hùng', 'Hội LHPN xã Thuỷ Hùng'],
    ['Hội LHPN phường Khỏe Mạnh', 'hội lhpn phường khoẻ mạnh'],
    ['Hội LHPN xã Hóa Thám', 'Hội LHPN xã Hoá Thám'.normalize('NFD')],
    ['Hội LHPN huyện Hòa An', 'Hội\u00a0LHPN huyện\u200b Hòa An'],
  ])('%s and %s are one unit: tone placement old and new, case, form, spacing', (a, b) => {
    expect(unitKey(a)).toBe(unitKey(b));
  });

  test.each([
    ['Hội LHPN huyện Hà Quảng', 'Hội LHPN huyện Hạ Quảng'],
    ['Hội LHPN xã Hồi Xuân', 'Hội LHPN xã Hội Xuân'],
    ['Hội LHPN xã Nguyên Bình', 'Hội LHPN xã Nguyễn Bình'],
  ])('%s and %s stay two units: another tone is another name', (a, b) => {
    expect(unitKey(a)).not.toBe(unitKey(b));
  });

  test('the kept unit is named as its newest file writes it, either tone placement', () => {
    const pair = (newStyleAt: string, oldStyleAt: string) =>
      consolidate([reading('a', unit('Hội LHPN huyện Hòa An', newStyleAt)), reading('b', unit('Hội LHPN huyện Hoà An', oldStyleAt))], loaded);
    const oldStyleNewer = pair('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z');
    expect(oldStyleNewer.units.map((u) => [u.file, u.label])).toEqual([['b', 'Hội LHPN huyện Hoà An']]);
    expect(oldStyleNewer.files[0].problems.map((p) => p.code)).toEqual(['DUPLICATE_UNIT']);
    const newStyleNewer = pair('2026-03-01T00:00:00Z', '2026-02-01T00:00:00Z');
    expect(newStyleNewer.units.map((u) => [u.file, u.label])).toEqual([['a', 'Hội LHPN huyện Hòa An']]);
  });

  test('creation time first, then the last save, then the file given later', () => {
    expect(kept([reading('b', unit('A', '2026-02-01T00:00:00Z')), reading('a', unit('a', '2026-01-01T00:00:00Z'))])).toEqual(['b']);
    expect(
      kept([
        reading('a', unit('A', '2026-01-01T00:00:00Z'), '2026-03-02T00:00:00Z'),
        reading('b', unit('A', '2026-01-01T00:00:00Z'), '2026-03-01T00:00:00Z'),
      ]),
    ).toEqual(['a']);
    expect(kept([reading('a', unit('A', null)), reading('b', unit('A', null))])).toEqual(['b']);
    expect(kept([reading('a', unit('A', 'không phải ngày')), reading('b', unit('A', '2020-01-01T00:00:00Z'))])).toEqual(['b']);
  });

  test('units without a name are never taken for duplicates', () => {
    expect(kept([reading('a', unit('', null)), reading('b', unit('', null))])).toEqual(['a', 'b']);
  });

  test('ties share a rank, as RANK shows them', () => {
    const r = consolidate([reading('a', unit('A', null, 80)), reading('b', unit('B', null, 90)), reading('c', unit('C', null, 80))], loaded);
    expect(r.units.map((u) => [u.unitName, u.rank])).toEqual([
      ['A', 2],
      ['B', 1],
      ['C', 2],
    ]);
    expect(r.ranking.map((i) => r.units[i].unitName)).toEqual(['B', 'A', 'C']);
  });
});
