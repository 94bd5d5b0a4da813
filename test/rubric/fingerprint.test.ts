import { createHash } from 'crypto';
import { builtinRubric, canonicalJson, fingerprintOf, type Rubric } from '../../src/rubric';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('the rubric fingerprint', () => {
  test('of the 2024 rubric is the one every workbook handed out carries', () => {
    // Changed with the mended slip of criterion 20 ("trợ2giúp"): workbooks made before carry f8c28fcd….
    expect(builtinRubric().fingerprint).toBe('931426fa17880d75247b7754d4e641bfea719175d908077f07ee652b3a52638e');
  });

  test('is the SHA-256 of the canonical JSON in UTF-8, as Node computes it', () => {
    const { rubric, fingerprint } = builtinRubric();
    expect(fingerprint).toBe(nodeSha256(canonicalJson(rubric)));
    const edited = { ...rubric, title: `${rubric.title} — Hội Liên hiệp Phụ nữ 𝔘 😀` } as Rubric;
    expect(fingerprintOf(edited)).toBe(nodeSha256(canonicalJson(edited)));
    expect(fingerprintOf(edited)).not.toBe(fingerprint);
  });
});
