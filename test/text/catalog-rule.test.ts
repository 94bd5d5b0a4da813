/**
 * The rule behind src/text: what users read is written once, in the catalog.
 * Every string literal, template text and JSX text in src/ is scanned, and
 * Vietnamese letters outside src/text fail the test, with no exceptions.
 * Rubric text lives in the rubric data (JSON), which is not code and is not
 * scanned; so are the static pages (support.html, the pane's page title),
 * read before or without any script.
 */
import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';

const SRC = path.join(__dirname, '..', '..', 'src');

/** Letters with Vietnamese diacritics, precomposed or as combining marks (grave, acute, tilde, hook, dot below, breve, circumflex, horn). */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ\u0300\u0301\u0303\u0309\u0323\u0306\u0302\u031b]/i;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** Text a user could read that the file itself spells: literals, template text and JSX text, never comments. */
function literalTexts(file: string, source: string): { line: number; text: string }[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      found.push({ line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return found;
}

function vietnameseLiterals(file: string): string[] {
  return literalTexts(file, fs.readFileSync(file, 'utf8'))
    .filter((l) => VIETNAMESE.test(l.text))
    .map((l) => `${path.relative(SRC, file)}:${l.line}: ${l.text.trim().slice(0, 70)}`);
}

const relative = (f: string) => path.relative(SRC, f).split(path.sep).join('/');

describe('one catalog of user-facing Vietnamese', () => {
  const files = sourceFiles(SRC).filter((f) => !relative(f).startsWith('text/'));

  it('finds Vietnamese in literals and JSX, not in comments or identifiers', () => {
    const sample = [
      '// Tiêu chí in a comment',
      '/** Điểm chuẩn */',
      "const a = 'Điểm tự chấm';",
      'const b = `Tiêu chí ${id} chưa chấm`;',
      'const c = `${x} đã xong`;',
      'const d = <p>Đã chấm</p>;',
      "const e = 'plain';",
    ].join('\n');
    const texts = literalTexts('sample.tsx', sample).filter((l) => VIETNAMESE.test(l.text));
    expect([...new Set(texts.map((t) => t.line))]).toEqual([3, 4, 5, 6]);
    expect(VIETNAMESE.test('Tie\u0302u chi\u0301'.normalize('NFD'))).toBe(true);
  });

  it('has no Vietnamese text written outside src/text', () => {
    const offenders = files.flatMap(vietnameseLiterals);
    expect(offenders).toEqual([]);
  });

  it('formats numbers only through src/text/format', () => {
    const ownFormatting = /\.replace\(\s*['"]\.['"]\s*,\s*['"],['"]\s*\)|Intl\.NumberFormat|\.toLocaleString\(/;
    const offenders = files.flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${relative(f)}:${i + 1}` }))
        .filter(({ line }) => ownFormatting.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
