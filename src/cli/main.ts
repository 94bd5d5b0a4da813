import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../check';
import { readReturnedWorkbook } from '../xlsx/fast-read';
import { WorkbookReadError } from '../xlsx/workbook-view';
import { parse, UsageError } from './args';
import { loadRubricFile } from './rubric-file';
import { mergeCommand } from './merge';
import { formatCheckReport } from './report';
import { exportPdf } from './pdf';
import { parseIsoDate } from '../layout/document';

export const EXIT = { ok: 0, problems: 1, unreadable: 2 } as const;

const HELP = `chamdiem — bảng tự chấm điểm thi đua Hội LHPN

Cách dùng:
  chamdiem generate [--unit TÊN] [--out TỆP.xlsx] [--rubric TỆP.json] [--password MK]
                   [--preparer HỌ-TÊN] [--signer HỌ-TÊN] [--date YYYY-MM-DD] [--place ĐỊA-DANH]
  chamdiem generate --units-file DANH-SÁCH.txt --out-dir THƯ-MỤC [--rubric …] [--password …]
  chamdiem check TỆP.xlsx [--json] [--rubric TỆP.json]
  chamdiem pdf TỆP.xlsx [--out TỆP.pdf]
  chamdiem merge TỆP.xlsx… --out TONG-HOP.xlsx [--json] [--rubric TỆP.json] [--force]

generate  tạo bảng tự chấm điểm (mặc định theo bộ tiêu chí 2024 có sẵn).
          Nếu tệp đích đã là bảng chấm điểm, các ô đã nhập được giữ lại.
          --preparer/--signer in họ tên người lập biểu / người ký; --date và
          --place điền dòng "Cao Bằng, ngày … tháng … năm …" (để trống thì in
          dòng chấm để viết tay).
check     kiểm tra một bảng đã điền: giá trị sai, thiếu minh chứng, công thức
          bị thay, tên ô hoặc cột bị xoá, sai bộ tiêu chí; in điểm tính được.
          Mã thoát: 0 không có vấn đề, 1 có vấn đề, 2 không đọc được tệp.
pdf       in bảng ra PDF (khổ A4 ngang, tính lại mọi công thức) bằng LibreOffice.
merge     tổng hợp các bảng đơn vị gửi về thành một tệp: trang Tổng hợp (điểm tự
          chấm, cột Thẩm định để nhập, tổng và hạng bằng công thức), Xếp hạng,
          Kiểm tra (mỗi tệp: Hợp lệ / Cảnh báo / Bị loại và mọi vấn đề) và
          Minh chứng. Tệp hỏng, sai bộ tiêu chí, bị sửa công thức hay trùng đơn vị
          bị loại, các tệp còn lại vẫn được tổng hợp. Không bao giờ ghi vào tệp
          nhận về; --force cho phép ghi đè tệp kết quả đã có.
          --json in kết quả dạng JSON: output, counts, files (status, problems
          với code/message), units (điểm từng mục, total, rank), ranking.
          Mã thoát: 0 mọi tệp hợp lệ, 1 có cảnh báo hoặc tệp bị loại (vẫn ghi
          kết quả), 2 không tệp nào tổng hợp được hoặc sai cách dùng.`;

export function generatorVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    return `chamdiem ${pkg.version}`;
  } catch {
    return 'chamdiem';
  }
}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

async function generate(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    unit: { type: 'string' },
    out: { type: 'string', short: 'o' },
    rubric: { type: 'string' },
    password: { type: 'string' },
    'units-file': { type: 'string' },
    'out-dir': { type: 'string' },
    preparer: { type: 'string' },
    signer: { type: 'string' },
    date: { type: 'string' },
    place: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`Thừa tham số: ${positionals.join(' ')}`);
  // Loaded here only: ExcelJS behind it costs every other command its start-up.
  const { generateOne, readUnitsFile, unitFileNames } = await import('./generate');
  const loaded = loadRubricFile(values.rubric);
  const date = values.date === undefined ? undefined : parseIsoDate(values.date);
  if (date === null) throw new UsageError(`Ngày "${values.date}" không hợp lệ: viết theo dạng YYYY-MM-DD, ví dụ 2025-01-15.`);
  const nfc = (v: string | undefined) => v?.normalize('NFC');
  const opts = {
    password: values.password,
    generatorVersion: generatorVersion(),
    log: io.out,
    document: { preparer: nfc(values.preparer), signer: nfc(values.signer), place: nfc(values.place), date },
  };
  if (values['units-file'] !== undefined) {
    if (values.unit !== undefined || values.out !== undefined) {
      throw new UsageError('--units-file dùng cùng --out-dir, không dùng cùng --unit hay --out.');
    }
    const dir = values['out-dir'];
    if (!dir) throw new UsageError('--units-file cần --out-dir THƯ-MỤC.');
    const units = readUnitsFile(values['units-file']);
    const files = unitFileNames(units, loaded.rubric.year);
    for (let i = 0; i < units.length; i++) {
      await generateOne(path.join(dir, files[i]), loaded, { ...opts, unit: units[i] });
    }
    io.out(`Xong: ${units.length} bảng trong ${dir}.`);
    return EXIT.ok;
  }
  if (values['out-dir'] !== undefined) throw new UsageError('--out-dir chỉ dùng cùng --units-file.');
  const out = values.out ?? `bang-tu-cham-diem-${loaded.rubric.year}.xlsx`;
  await generateOne(out, loaded, { ...opts, unit: values.unit?.normalize('NFC') });
  return EXIT.ok;
}

async function check(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' }, rubric: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('check cần đúng một tệp .xlsx.');
  const file = positionals[0];
  const loaded = loadRubricFile(values.rubric);
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return unreadable(file, code === 'ENOENT' ? 'Không tìm thấy tệp.' : `Không mở được tệp (${code}).`, 'UNREADABLE');
  }
  let report;
  try {
    const view = await readReturnedWorkbook(buffer);
    report = checkWorkbook(view, loaded);
  } catch (e) {
    if (e instanceof WorkbookReadError) return unreadable(file, e.message, e.code);
    throw e;
  }
  const status = report.problems.length === 0 ? 'clean' : 'problems';
  if (values.json) io.out(JSON.stringify({ file, status, ...report }, null, 2));
  else io.out(formatCheckReport(file, report));
  return status === 'clean' ? EXIT.ok : EXIT.problems;

  function unreadable(f: string, message: string, code: string): number {
    if (values.json) io.out(JSON.stringify({ file: f, status: 'unreadable', error: { code, message } }, null, 2));
    else io.err(`${f}: ${message}`);
    return EXIT.unreadable;
  }
}

async function pdf(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { out: { type: 'string', short: 'o' } });
  if (positionals.length !== 1) throw new UsageError('pdf cần đúng một tệp .xlsx.');
  const written = await exportPdf(positionals[0], values.out);
  io.out(`Đã xuất ${written}.`);
  return EXIT.ok;
}

/** Runs the command line; resolves to the exit code. Never lets a stack trace reach the user. */
export async function main(argv: string[], io: Io = { out: (t) => console.log(t), err: (t) => console.error(t) }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'generate':
        return await generate(rest, io);
      case 'check':
        return await check(rest, io);
      case 'pdf':
        return await pdf(rest, io);
      case 'merge':
        return await mergeCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(HELP);
        return command === undefined ? EXIT.unreadable : EXIT.ok;
      default:
        throw new UsageError(`Không có lệnh "${command}".`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`Lỗi: ${e.message}\n\n${HELP}`);
      return EXIT.unreadable;
    }
    io.err(`Lỗi không mong đợi: ${(e as Error).message}`);
    return EXIT.unreadable;
  }
}
