import { createHash } from 'crypto';
import fc from 'fast-check';
import { builtinRubric, canonicalJson } from '../../src/rubric';
import { sha256Hex, utf8Bytes } from '../../src/rubric/sha256';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  test('matches the published test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  test.each([
    ['Vietnamese text', 'Hội Liên hiệp Phụ nữ tỉnh Cao Bằng — chấm điểm thi đua'],
    ['55 bytes (one block with the length)', 'a'.repeat(55)],
    ['56 bytes (length spills into a second block)', 'a'.repeat(56)],
    ['64 bytes', 'b'.repeat(64)],
    ['astral characters', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀'],
    ['a lone surrogate', 'x\ud800y\udc00'],
    ['a long string', 'Tiêu chí '.repeat(5000)],
  ])('agrees with node:crypto on %s', (_, text) => {
    expect(sha256Hex(text)).toBe(nodeSha256(text));
  });

  test('agrees with node:crypto on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => sha256Hex(text) === nodeSha256(text)));
  });

  test('encodes UTF-8 like Buffer does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (text) =>
        Buffer.from(utf8Bytes(text)).equals(Buffer.from(text, 'utf8')),
      ),
    );
  });

  test('gives the built-in rubric the same fingerprint as Node crypto', () => {
    const { rubric, fingerprint } = builtinRubric();
    expect(fingerprint).toBe(nodeSha256(canonicalJson(rubric)));
  });
});
