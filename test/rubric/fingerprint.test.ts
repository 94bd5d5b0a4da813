import { createHash } from 'crypto';
import { builtinRubric, canonicalJson, fingerprintOf, type Rubric } from '../../src/rubric';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('the rubric fingerprint', () => {
  test('of the 2024 rubric is the one every workbook handed out carries', () => {
    expect(builtinRubric().fingerprint).toBe('f8c28fcd56ed0c023bbea741e2fe7d77682b8d25a3e2aef13f981133ed1a051d');
  });

  test('is the SHA-256 of the canonical JSON in UTF-8, as Node computes it', () => {
    const { rubric, fingerprint } = builtinRubric();
    expect(fingerprint).toBe(nodeSha256(canonicalJson(rubric)));
    const edited = { ...rubric, title: `${rubric.title} — Hội Liên hiệp Phụ nữ 𝔘 😀` } as Rubric;
    expect(fingerprintOf(edited)).toBe(nodeSha256(canonicalJson(edited)));
    expect(fingerprintOf(edited)).not.toBe(fingerprint);
  });
});
