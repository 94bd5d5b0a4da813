import * as fs from 'fs';
import * as path from 'path';
import { parseRubricJson } from '../../src/app/rubric';
import { RubricError } from '../../src/rubric';

const TEXT = fs.readFileSync(path.join(__dirname, '../../src/rubric/data/2024.json'), 'utf8');

/** The refusal of `text`: its message, its one issue, and the engine's own words kept as its cause. */
function refusal(text: string): { message: string; issue: string; cause: string } {
  try {
    parseRubricJson(text);
  } catch (error) {
    expect(error).toBeInstanceOf(RubricError);
    const e = error as RubricError;
    expect(e.issues).toHaveLength(1);
    return { message: e.message, issue: e.issues[0], cause: String((e.cause as Error | undefined)?.message) };
  }
  throw new Error('accepted');
}

/** Line and column (from 1) of an offset, as an editor shows them. */
function lineColumn(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset);
  return [before.split('\n').length, offset - before.lastIndexOf('\n')];
}

describe('a rubric file that is not JSON is refused in Vietnamese, naming where it breaks', () => {
  test('the built-in rubric reads as JSON.parse reads it, with or without a byte-order mark', () => {
    expect(parseRubricJson(TEXT)).toEqual(JSON.parse(TEXT));
    expect(parseRubricJson(`\uFEFF${TEXT}`)).toEqual(JSON.parse(TEXT));
  });

  test('a file cut short names the criterion it stops in, not "Unexpected end of JSON input"', () => {
    const cut = TEXT.slice(0, TEXT.indexOf('"id": "14"') + 40);
    const r = refusal(cut);
    expect(r.message).toBe('Tệp không phải JSON hợp lệ');
    expect(r.issue).toBe(
      'Tệp dừng giữa chừng ở Tiêu chí 14, nội dung: thiếu phần cuối (có thể chép hoặc tải về chưa hết, hoặc bị xoá mất khi sửa). Hãy lấy lại tệp đầy đủ.',
    );
    expect(r.cause).toMatch(/JSON/);
    expect(r.issue).not.toMatch(/[A-Z][a-z]+ [a-z]+ of JSON/);
  });

  test('a comma left out names the line, the column and the criterion', () => {
    const at = TEXT.indexOf('"points": 4,', TEXT.indexOf('"id": "14"'));
    const broken = `${TEXT.slice(0, at)}"points": 4${TEXT.slice(at + '"points": 4,'.length)}`;
    const next = broken.indexOf('"method"', at);
    const [line, column] = lineColumn(broken, next);
    expect(refusal(broken).issue).toBe(
      `Dòng ${line}, cột ${column} (Tiêu chí 14): có ký tự “"” ở chỗ không được có. Thường do thiếu hoặc thừa dấu phẩy, dấu ngoặc hay dấu ngoặc kép khi sửa tay.`,
    );
  });

  test('a stray character in a sub-item names the sub-item and its field', () => {
    const at = TEXT.indexOf('"points"', TEXT.indexOf('"id": "14.2"')) + '"points": '.length;
    const broken = `${TEXT.slice(0, at)}x${TEXT.slice(at + 1)}`;
    const [line, column] = lineColumn(broken, at);
    expect(refusal(broken).issue).toBe(
      `Dòng ${line}, cột ${column} (Tiêu chí 14.2, điểm chuẩn): có ký tự “x” ở chỗ không được có. Thường do thiếu hoặc thừa dấu phẩy, dấu ngoặc hay dấu ngoặc kép khi sửa tay.`,
    );
  });

  test('a line break inside a text, an empty file, text after the end, nesting too deep', () => {
    expect(refusal('{"id": "a\nb"}').issue).toBe(
      'Dòng 1, cột 10 (mã): có chỗ xuống dòng giữa một đoạn chữ ở chỗ không được có. Thường do thiếu hoặc thừa dấu phẩy, dấu ngoặc hay dấu ngoặc kép khi sửa tay.',
    );
    expect(refusal('  \n').issue).toBe('Tệp rỗng, không có nội dung.');
    expect(refusal('{} x').issue).toMatch(/^Dòng 1, cột 4: có ký tự “x”/);
    expect(refusal('['.repeat(200_000)).issue).toMatch(/^(Tệp dừng giữa chừng|Không đọc được nội dung tệp)/);
  });
});
