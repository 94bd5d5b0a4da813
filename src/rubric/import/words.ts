/**
 * Words cut off at the end of a cell ("đăng k", "tuyên truyề"): a last word
 * that is no Vietnamese syllable, completed from the document's own words
 * when the same pair of words occurs elsewhere in it.
 */
import type { ReviewItem, Slip } from './review';
import type { TextSite } from './structure';
import { IMPORT_TEXT } from '../../text/rubric-import';
import type { Column } from './table';

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

const INITIAL = /^(ngh|ng|gh|gi|kh|ph|th|tr|ch|nh|qu|[bcdđghklmnprstvx])?/;

/** Every rhyme Vietnamese spelling allows, tones aside; a pattern of letters, not text anyone reads. */
const RHYME =
  /^(?:iêng|oach|oang|oanh|oong|oăng|uych|uynh|uyên|uyêt|uâng|uêch|uênh|uông|ương|ach|ang|anh|eng|ich|inh|iêc|iêm|iên|iêp|iêt|iêu|oac|oai|oam|oan|oao|oap|oat|oay|oen|oeo|oet|ong|ooc|oăc|oăm|oăn|oăt|ung|uya|uyn|uyt|uyu|uân|uât|uây|uôc|uôi|uôm|uôn|uôt|yêm|yên|yêt|yêu|âng|êch|ênh|ông|ăng|ưng|ươc|ươi|ươm|ươn|ươp|ươt|ươu|ac|ai|am|an|ao|ap|at|au|ay|ec|em|en|eo|ep|et|ia|im|in|ip|it|iu|oa|oc|oe|oi|om|on|op|ot|ua|uc|ui|um|un|up|ut|uy|uê|uơ|âc|âm|ân|âp|ât|âu|ây|êm|ên|êp|êt|êu|ôc|ôi|ôm|ôn|ôp|ôt|ăc|ăm|ăn|ăp|ăt|ơi|ơm|ơn|ơp|ơt|ưa|ưc|ưi|ưm|ưn|ưt|ưu|a|e|i|o|u|y|ê|ô|ơ|ư)$/;

/** True for a lower-case word Vietnamese spelling allows ("ký", "truyền"); false for "k", "truyề". */
export function isVietnameseSyllable(word: string): boolean {
  const plain = word.normalize('NFD').replace(TONES, '').normalize('NFC');
  const initial = INITIAL.exec(plain)![0];
  const rhyme = plain.slice(initial.length);
  if (rhyme === '') return initial === 'gi';
  // "gi" is a consonant before a vowel ("giữ": gi + ư) and g + i before a final ("gìn": g + in).
  return RHYME.test(rhyme) || (initial === 'gi' && RHYME.test(`i${rhyme}`));
}

const WORD = /[\p{L}\p{M}]+/gu;

const COLUMN_NAME: Record<Column, string> = IMPORT_TEXT.siteColumn;

export function siteName(site: Pick<TextSite, 'where' | 'column'>): string {
  return COLUMN_NAME[site.column] ? `${site.where()}, ${COLUMN_NAME[site.column]}` : site.where();
}

/** Mends each cell whose last word was cut off; lists the ones it cannot complete. */
export function mendCutWords(sites: TextSite[], slips: Slip[], review: ReviewItem[]): void {
  // How often each word follows each other word, anywhere in the document.
  const pairs = new Map<string, Map<string, number>>();
  for (const site of sites) {
    const words = site.get().match(WORD) ?? [];
    for (let i = 1; i < words.length; i++) {
      const key = words[i - 1].toLowerCase();
      const next = pairs.get(key) ?? new Map<string, number>();
      next.set(words[i], (next.get(words[i]) ?? 0) + 1);
      pairs.set(key, next);
    }
  }
  for (const site of sites) {
    const text = site.get();
    const m = /([\p{L}\p{M}]+)\s+([\p{Ll}\p{M}]+)$/u.exec(text);
    if (!m || isVietnameseSyllable(m[2])) continue;
    const [, before, cut] = m;
    const candidates = [...(pairs.get(before.toLowerCase()) ?? new Map<string, number>())].filter(
      ([w]) => w.length > cut.length && w.startsWith(cut) && isVietnameseSyllable(w.toLowerCase()),
    );
    candidates.sort((a, b) => b[1] - a[1]);
    if (candidates.length === 0 || (candidates.length > 1 && candidates[0][1] === candidates[1][1])) {
      review.push({ kind: 'correction', where: siteName(site), message: IMPORT_TEXT.cutWordUnsure(cut) });
      continue;
    }
    const word = candidates[0][0];
    const mended = text.slice(0, text.length - cut.length) + word;
    site.set(mended);
    slips.push({ kind: 'cutWord', where: siteName(site), printed: text, corrected: mended, reason: IMPORT_TEXT.cutWord(word) });
  }
}

/**
 * A digit between two syllables ("trợ2giúp"): a VNI tone key typed where a
 * space belongs, since no Vietnamese word holds a digit. Each is mended to a
 * space and listed.
 */
export function mendStrayDigits(sites: TextSite[], slips: Slip[]): void {
  const glued = /([\p{Ll}\p{M}]+)([1-9])([\p{Ll}\p{M}]+)/gu;
  for (const site of sites) {
    const text = site.get();
    const found: [string, string, string][] = [];
    const mended = text.replace(glued, (whole: string, left: string, digit: string, right: string) => {
      if (!isVietnameseSyllable(left.normalize('NFC')) || !isVietnameseSyllable(right.normalize('NFC'))) return whole;
      found.push([whole, `${left} ${right}`, digit]);
      return `${left} ${right}`;
    });
    if (found.length === 0) continue;
    site.set(mended);
    for (const [printed, corrected, digit] of found) {
      slips.push({ kind: 'strayDigit', where: siteName(site), printed, corrected, reason: IMPORT_TEXT.strayDigit(digit) });
    }
  }
}

/** Pictures in a cell are not rubric text: each is dropped, and listed. */
export function dropImages(sites: TextSite[], slips: Slip[]): void {
  for (const site of sites) {
    for (const name of site.images) {
      slips.push({ kind: 'image', where: siteName(site), printed: IMPORT_TEXT.picturePrinted(name), corrected: IMPORT_TEXT.pictureCorrected, reason: IMPORT_TEXT.picture });
    }
  }
}
