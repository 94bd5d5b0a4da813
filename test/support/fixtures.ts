/**
 * Returned workbooks for the merge tests, built in the test run: generated
 * from the plan, filled by defined name as a district user would, then
 * broken in every way the merge must survive. Nothing binary is committed.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { Readable, Writable } from 'stream';
import { pipeline } from 'stream/promises';
import * as zlib from 'zlib';
import rubric2024 from '../../src/rubric/data/2024.json';
import { allCriteria, builtinRubric, loadRubric, type LoadedRubric } from '../../src/rubric';
import { names } from '../../src/rubric/names';
import type { FileStatus, MergeProblemCode } from '../../src/merge/problems';
import { fillByName, generated, removeNames, type FillValue } from './workbooks';

export const UNITS = {
  haQuang: 'Hội LHPN huyện Hà Quảng',
  baoLac: 'Hội LHPN huyện Bảo Lạc',
  trungKhanh: 'Hội LHPN huyện Trùng Khánh',
  hoaAn: 'Hội LHPN huyện Hòa An',
  nguyenBinh: 'Hội LHPN huyện Nguyên Bình',
  thachAn: 'Hội LHPN huyện Thạch An',
  haLang: 'Hội LHPN huyện Hạ Lang',
  quangHoa: 'Hội LHPN huyện Quảng Hòa',
  baoLam: 'Hội LHPN huyện Bảo Lâm',
  thongNong: 'Hội LHPN huyện Thông Nông',
  thanhPho: 'Hội LHPN thành phố Cao Bằng',
} as const;

export const EVIL_HYPERLINK = 'HYPERLINK("http://evil","x")';

/** Small deterministic generator, so every run builds the same files. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Every criterion scored (valid values, two decimals at most), evidence for
 * each, two bonus and one deduction item: a file the check finds clean.
 */
export function completeEntries(unit: string, seed: number, loaded: LoadedRubric = builtinRubric()): Record<string, FillValue> {
  const random = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const points = (max: number) => Math.round(random() * max * 4) / 4;
  const { rubric } = loaded;
  const values: Record<string, FillValue> = { [names.unitName]: unit };
  const evidence = (id: string) => (values[names.evidence(id)] = `Báo cáo số ${int(1, 99)}/BC-HPN, tiêu chí ${id}`);
  for (const c of allCriteria(rubric)) {
    const rule = c.rule;
    switch (rule.kind) {
      case 'manual':
        values[names.score(c.id)] = Math.max(0.25, points(c.points));
        evidence(c.id);
        break;
      case 'target': {
        const target = int(2, 30);
        values[names.target(c.id)] = target;
        values[names.achieved(c.id)] = int(1, target + 5);
        evidence(c.id);
        break;
      }
      case 'tiers':
        for (const input of rule.inputs) values[names.input(c.id, input.key)] = int(0, 3);
        evidence(c.id);
        break;
      case 'sum':
        for (const s of c.subItems ?? []) {
          values[names.score(s.id)] = Math.max(0.5, points(s.points));
          evidence(s.id);
        }
        break;
    }
  }
  values[names.bonus('1')] = int(1, 4);
  values[names.bonusEvidence('1')] = 'Quyết định khen thưởng số 12';
  values[names.bonus('3')] = 2.5;
  values[names.bonusEvidence('3')] = 'Công văn 45/HPN';
  values[names.deduction('1')] = 1;
  values[names.deductionEvidence('1')] = 'Biên bản kiểm tra hội phí';
  values[names.note('1')] = 'Đã gửi kèm bản chụp';
  return values;
}

/** Blank workbooks by creation time: generating is the slow part, filling is per fixture. */
const templates = new Map<string, Promise<Buffer>>();

async function filled(unit: string, seed: number, createdAt: string, extra: Record<string, FillValue> = {}, omit: string[] = []) {
  const values = { ...completeEntries(unit, seed), ...extra };
  for (const name of omit) delete values[name];
  if (!templates.has(createdAt)) templates.set(createdAt, generated({ createdAt }));
  return fillByName(await (templates.get(createdAt) as Promise<Buffer>), values);
}

// ---- zip and OLE bytes by hand ---------------------------------------------

export interface RawEntry {
  name: string;
  method: 0 | 8;
  data: Buffer;
  uncompressedSize: number;
  /** CRC-32 of the uncompressed data; 0 where a test means it to be wrong. */
  crc?: number;
}

/** A zip archive whose directory says exactly what it is told to. */
export function zipOf(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc ?? 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc ?? 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Raw deflate of `total` zero bytes, streamed: the zeros never sit in memory at once. */
async function deflatedZeros(total: number): Promise<Buffer> {
  const block = Buffer.alloc(1024 * 1024);
  const parts: Buffer[] = [];
  await pipeline(
    Readable.from(
      (function* () {
        for (let done = 0; done < total; done += block.length) yield block;
      })(),
    ),
    zlib.createDeflateRaw({ level: 9 }),
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        parts.push(chunk);
        cb();
      },
    }),
  );
  return Buffer.concat(parts);
}

const BOMB_BYTES = 120 * 1024 * 1024;
let bombData: Promise<Buffer> | undefined;
const bombDeflated = () => (bombData ??= deflatedZeros(BOMB_BYTES));

function oleFile(streamNames: string[]): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const body = Buffer.alloc(4096);
  streamNames.forEach((n, i) => Buffer.from(n, 'utf16le').copy(body, 512 + i * 128));
  return Buffer.concat([header, body]);
}

// ---- the fixture set ---------------------------------------------------------

export interface Fixture {
  file: string;
  /** What the merge must conclude: this status, and at least these codes. */
  status: FileStatus;
  codes: MergeProblemCode[];
  /** The unit a merged fixture contributes. */
  unit?: string;
  /** Built straight to disk (sparse); otherwise returns the bytes. */
  build: (file: string) => Promise<Buffer | void>;
}

const T0 = '2026-01-15T08:00:00.000Z';

/** 40,000 characters of evidence, as a pasted report gives it. */
export const LONG_EVIDENCE = Array.from({ length: 4000 }, (_, i) => `BC số ${String(i).padStart(4, '0')}.`)
  .join('')
  .slice(0, 40_000);

/** Entries that break their rule and would dwarf any honest total: each counts 0. */
export const INVALID_TOPPERS: Record<string, FillValue> = {
  TC_02: new Date(Date.UTC(2024, 5, 2)),
  TC_07: 1e308,
  Thuong_2: 25,
  Tru_2: -3,
};

export function fixtureSet(): Fixture[] {
  const otherVersion = () => loadRubric({ ...rubric2024, version: '2023.1' });
  const editedText = () => {
    const copy = JSON.parse(JSON.stringify(rubric2024));
    copy.sections[0].children[0].text += ' (đã sửa)';
    return loadRubric(copy);
  };
  return [
    { file: 'ha-quang.xlsx', status: 'valid', codes: [], unit: UNITS.haQuang, build: () => filled(UNITS.haQuang, 1, T0) },
    { file: 'bao-lac.xlsx', status: 'valid', codes: [], unit: UNITS.baoLac, build: () => filled(UNITS.baoLac, 2, T0) },
    { file: 'trung-khanh.xlsx', status: 'valid', codes: [], unit: UNITS.trungKhanh, build: () => filled(UNITS.trungKhanh, 3, T0) },
    // The newer of two files for one unit comes first: creation time decides, not order.
    {
      file: 'hoa-an-moi.xlsx',
      status: 'valid',
      codes: [],
      unit: UNITS.hoaAn,
      build: () => filled(UNITS.hoaAn, 4, '2026-02-01T09:30:00.000Z'),
    },
    {
      file: 'hoa-an-cu.xlsx',
      status: 'rejected',
      codes: ['DUPLICATE_UNIT'],
      build: () => filled('  hội lhpn   huyện HÒA AN ', 5, '2026-01-10T07:00:00.000Z'),
    },
    // The old tone placement ("Hoà") names the same unit as the new ("Hòa").
    {
      file: 'hoa-an-kieu-cu.xlsx',
      status: 'rejected',
      codes: ['DUPLICATE_UNIT'],
      build: () => filled('Hội LHPN huyện Hoà An', 23, '2026-01-20T07:00:00.000Z'),
    },
    {
      file: 'nguyen-binh-sai-so.xlsx',
      status: 'warning',
      codes: ['INVALID_VALUE'],
      unit: UNITS.nguyenBinh,
      build: () => filled(UNITS.nguyenBinh, 6, T0, { TC_01: 10, TC_02: 'khá tốt' }),
    },
    // A date typed as a score (serial 45445) and 1E+308 would top the ranking if they counted.
    {
      file: 'bao-lam-ngay-thang.xlsx',
      status: 'warning',
      codes: ['INVALID_VALUE'],
      unit: UNITS.baoLam,
      build: () => filled(UNITS.baoLam, 22, T0, INVALID_TOPPERS),
    },
    // Evidence past the 1,000 characters the sheet allows, and past what a cell holds: merged, cut visibly, said.
    {
      file: 'thong-nong-minh-chung-dai.xlsx',
      status: 'warning',
      codes: ['TEXT_TOO_LONG', 'TEXT_CUT'],
      unit: UNITS.thongNong,
      build: () => filled(UNITS.thongNong, 24, T0, { MC_04: LONG_EVIDENCE, GC_04: 'Ghi chú dài. '.repeat(100) }),
    },
    {
      file: 'thach-an-thieu-minh-chung.xlsx',
      status: 'warning',
      codes: ['MISSING_EVIDENCE'],
      unit: UNITS.thachAn,
      build: () => filled(UNITS.thachAn, 7, T0, {}, ['MC_03']),
    },
    {
      file: 'ha-lang-chua-cham.xlsx',
      status: 'warning',
      codes: ['UNSCORED'],
      unit: UNITS.haLang,
      build: () => filled(UNITS.haLang, 8, T0, {}, ['TC_05', 'MC_05']),
    },
    {
      file: 'khong-ten.xlsx',
      status: 'warning',
      codes: ['UNIT_NAME_EMPTY'],
      unit: '',
      build: () => filled('', 9, T0),
    },
    // Formula injection: a real formula in evidence, formula-like text in a name, evidence and note.
    {
      file: 'chen-cong-thuc.xlsx',
      status: 'warning',
      codes: ['FORMULA_IN_INPUT'],
      unit: '=1+1',
      build: () =>
        filled('=1+1', 10, T0, {
          MC_01: { formula: EVIL_HYPERLINK },
          MC_02: `=${EVIL_HYPERLINK}`,
          GC_02: '=1+1',
        }),
    },
    {
      file: 'ten-la-cong-thuc.xlsx',
      status: 'warning',
      codes: ['FORMULA_IN_INPUT'],
      unit: `=${EVIL_HYPERLINK}`,
      build: () => filled(UNITS.quangHoa, 11, T0, { TenDonVi: { formula: EVIL_HYPERLINK } }),
    },
    { file: 'rong.xlsx', status: 'rejected', codes: ['FILE_EMPTY'], build: async () => Buffer.alloc(0) },
    {
      file: 'tai-do.xlsx',
      status: 'rejected',
      codes: ['ZIP_CORRUPT'],
      build: async () => {
        const whole = await filled(UNITS.thanhPho, 12, T0);
        return whole.subarray(0, Math.floor(whole.length * 0.6));
      },
    },
    {
      file: 'hong-du-lieu.xlsx',
      status: 'rejected',
      codes: ['ZIP_CORRUPT'],
      build: async () => {
        // Directory intact, compressed bytes scrambled.
        const bytes = Buffer.from(await filled(UNITS.thanhPho, 13, T0));
        for (let i = 200; i < bytes.length * 0.5; i += 7) bytes[i] ^= 0x5a;
        return bytes;
      },
    },
    {
      file: 'ngau-nhien.xlsx',
      status: 'rejected',
      codes: ['NOT_XLSX'],
      build: async () => {
        const random = prng(99);
        const bytes = Buffer.alloc(5000);
        for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
        bytes[0] = 0x58;
        return bytes;
      },
    },
    { file: 'ban-cu.xls', status: 'rejected', codes: ['LEGACY_XLS'], build: async () => oleFile(['Root Entry', 'Workbook', 'SummaryInformation']) },
    {
      file: 'co-mat-khau.xlsx',
      status: 'rejected',
      codes: ['ENCRYPTED'],
      build: async () => oleFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']),
    },
    {
      file: 'bang-khac.xlsx',
      status: 'rejected',
      codes: ['METADATA_MISSING'],
      build: async () => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('Sheet1');
        ws.getCell('A1').value = 'Danh sách hội viên';
        ws.getCell('B2').value = 42;
        return Buffer.from(await wb.xlsx.writeBuffer());
      },
    },
    {
      file: 'phien-ban-cu.xlsx',
      status: 'rejected',
      codes: ['RUBRIC_MISMATCH'],
      build: async () => fillByName(await generated({ createdAt: T0 }, otherVersion()), completeEntries(UNITS.thanhPho, 14)),
    },
    {
      file: 'tieu-chi-bi-sua.xlsx',
      status: 'rejected',
      codes: ['RUBRIC_MISMATCH'],
      build: async () => fillByName(await generated({ createdAt: T0 }, editedText()), completeEntries(UNITS.thanhPho, 15)),
    },
    {
      file: 'qua-lon.xlsx',
      status: 'rejected',
      codes: ['FILE_TOO_LARGE'],
      build: async (file) => {
        fs.writeFileSync(file, await filled(UNITS.thanhPho, 16, T0));
        // Sparse: 21 MB on paper, nothing in memory.
        fs.truncateSync(file, 21 * 1024 * 1024);
      },
    },
    {
      file: 'bom-nen.xlsx',
      status: 'rejected',
      codes: ['ZIP_BOMB'],
      build: async () =>
        zipOf([{ name: 'xl/worksheets/sheet1.xml', method: 8, data: await bombDeflated(), uncompressedSize: BOMB_BYTES }]),
    },
    {
      file: 'bom-khai-gian.xlsx',
      status: 'rejected',
      codes: ['ZIP_BOMB'],
      build: async () =>
        zipOf([
          { name: '[Content_Types].xml', method: 0, data: Buffer.from('<Types/>'), uncompressedSize: 8, crc: zlib.crc32(Buffer.from('<Types/>')) },
          { name: 'xl/worksheets/sheet1.xml', method: 8, data: await bombDeflated(), uncompressedSize: 4096 },
        ]),
    },
    {
      file: 'thay-cong-thuc-bang-so.xlsx',
      status: 'rejected',
      codes: ['FORMULA_REPLACED'],
      build: () => filled(UNITS.thanhPho, 17, T0, { TC_15: 3 }),
    },
    {
      file: 'thay-cong-thuc-khac.xlsx',
      status: 'rejected',
      codes: ['FORMULA_REPLACED'],
      build: () => filled(UNITS.thanhPho, 18, T0, { TongDiem: { formula: 'Tong_I+100' } }),
    },
    {
      file: 'sua-diem-chuan.xlsx',
      status: 'rejected',
      codes: ['MAX_POINTS_EDITED'],
      build: () => filled(UNITS.thanhPho, 19, T0, { DC_01: 30 }),
    },
    {
      file: 'xoa-dong.xlsx',
      status: 'rejected',
      codes: ['NAME_MISSING'],
      build: async () =>
        removeNames(await filled(UNITS.thanhPho, 20, T0), (n) => ['TC_07', 'MC_07', 'GC_07', 'DC_07'].includes(n)),
    },
    {
      file: 'xoa-cot-minh-chung.xlsx',
      status: 'rejected',
      codes: ['COLUMN_MISSING'],
      build: async () => removeNames(await filled(UNITS.thanhPho, 21, T0), (n) => n.startsWith('MC_')),
    },
  ];
}

/** Writes the fixtures into `dir`; returns each with its path. */
export async function buildFixtures(dir: string, only?: (f: Fixture) => boolean): Promise<(Fixture & { path: string })[]> {
  const out: (Fixture & { path: string })[] = [];
  for (const f of fixtureSet().filter(only ?? (() => true))) {
    const file = path.join(dir, f.file);
    const bytes = await f.build(file);
    if (bytes) fs.writeFileSync(file, bytes);
    out.push({ ...f, path: file });
  }
  return out;
}
