/**
 * A rubric file's text read as JSON. When it is not JSON, the refusal says
 * in Vietnamese where it breaks, by line and column and by the criterion (or
 * section, field) it breaks in, never the engine's "Unexpected end of JSON
 * input", which stays the error's cause. The engine's message differs between
 * browsers and rarely says where, so the place is found by a scanner of our own.
 */
import { nameAt } from './describe';
import { RubricError } from './index';
import { RUBRIC_TEXT } from '../text/rubric';

type Path = (string | number)[];

/** Where the text stops being JSON: the offset, the containers open there, and what was read up to it. */
interface Break {
  offset: number;
  path: Path;
  read: unknown;
}

class Stop {
  constructor(readonly offset: number) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS: [string, unknown][] = [
  ['true', true],
  ['false', false],
  ['null', null],
];

/** A strict JSON reader (RFC 8259) that keeps what it has read when it stops, so the break can be named. */
class Scanner {
  private i = 0;
  readonly path: Path = [];
  read: unknown;

  constructor(private readonly text: string) {}

  run(): void {
    this.value((v) => (this.read = v));
    this.space();
    if (this.i < this.text.length) this.stop();
  }

  get offset(): number {
    return this.i;
  }

  private stop(): never {
    throw new Stop(this.i);
  }

  private space(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i])) this.i++;
  }

  private expect(char: string): void {
    if (this.text[this.i] !== char) this.stop();
    this.i++;
  }

  private value(put: (v: unknown) => void): void {
    this.space();
    const c = this.text[this.i];
    if (c === '{') return this.object(put);
    if (c === '[') return this.array(put);
    if (c === '"') return put(this.string());
    NUMBER.lastIndex = this.i;
    const number = NUMBER.exec(this.text);
    if (number) {
      this.i += number[0].length;
      return put(Number(number[0]));
    }
    for (const [word, v] of LITERALS) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return put(v);
      }
    }
    this.stop();
  }

  private object(put: (v: unknown) => void): void {
    const o: Record<string, unknown> = {};
    put(o);
    this.i++;
    this.space();
    if (this.text[this.i] === '}') return void this.i++;
    for (;;) {
      this.space();
      if (this.text[this.i] !== '"') this.stop();
      const key = this.string();
      this.space();
      this.expect(':');
      this.path.push(key);
      // A key such as "__proto__" is a plain field here, as JSON.parse makes it.
      this.value((v) => Object.defineProperty(o, key, { value: v, enumerable: true, writable: true, configurable: true }));
      this.path.pop();
      this.space();
      if (this.text[this.i] === ',') this.i++;
      else return this.expect('}');
    }
  }

  private array(put: (v: unknown) => void): void {
    const a: unknown[] = [];
    put(a);
    this.i++;
    this.space();
    if (this.text[this.i] === ']') return void this.i++;
    for (;;) {
      this.path.push(a.length);
      this.value((v) => a.push(v));
      this.path.pop();
      this.space();
      if (this.text[this.i] === ',') this.i++;
      else return this.expect(']');
    }
  }

  private string(): string {
    let out = '';
    this.i++;
    while (this.i < this.text.length) {
      const c = this.text[this.i];
      if (c === '"') {
        this.i++;
        return out;
      }
      if (c < ' ') this.stop();
      if (c === '\\') {
        const e = this.text[this.i + 1];
        const hex = this.text.slice(this.i + 2, this.i + 6);
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(hex)) {
          out += String.fromCharCode(parseInt(hex, 16));
          this.i += 6;
          continue;
        }
        const simple = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }[e ?? ''];
        if (simple === undefined) {
          this.i++;
          this.stop();
        }
        out += simple;
        this.i += 2;
        continue;
      }
      out += c;
      this.i++;
    }
    return this.stop();
  }
}

/** Where `text` stops being JSON; null when the scanner reads it whole (or cannot, for nesting too deep). */
function findBreak(text: string): Break | null {
  const scanner = new Scanner(text);
  try {
    scanner.run();
    return null;
  } catch (stop) {
    if (!(stop instanceof Stop)) return null;
    return { offset: stop.offset, path: scanner.path, read: scanner.read };
  }
}

/** The Vietnamese sentence for a break: cut short, or a character where none may be. */
function describeBreak(text: string, { offset, path, read }: Break): string {
  const where = nameAt(read, path);
  if (text.trim() === '') return RUBRIC_TEXT.jsonEmpty;
  if (offset >= text.length) return RUBRIC_TEXT.jsonCutShort(where);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const char = text[offset];
  const found = char < ' ' ? RUBRIC_TEXT.jsonLineBreak : RUBRIC_TEXT.jsonChar(String.fromCodePoint(text.codePointAt(offset) ?? 0));
  return RUBRIC_TEXT.jsonBadChar(line, column, found, where);
}

/** The data of a rubric file's text (a leading byte-order mark allowed); a RubricError in Vietnamese when it is not JSON. */
export function parseRubricJson(text: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body);
  } catch (error) {
    const found = findBreak(body);
    const issue = found ? describeBreak(body, found) : RUBRIC_TEXT.jsonUnreadable;
    throw new RubricError(RUBRIC_TEXT.notJson, [issue], { cause: error });
  }
}
