/**
 * Words cut off at the end of a cell ("đăng k", "tuyên truyề"): a last word
 * that is no Vietnamese syllable, completed from the document's own words
 * when the same pair of words occurs elsewhere in it.
 */
import type { ReviewItem, Slip } from './review';
import type { TextSite } from './structure';
import type { Column } from './table';

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

const INITIAL = /^(ngh|ng|gh|gi|kh|ph|th|tr|ch|nh|qu|[bcdđghklmnprstvx])?/;

/** Every rhyme Vietnamese spelling allows, tones aside. */
const RHYMES = new Set(
  (
    'a ai ao au ay ac ach am an ang anh ap at ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây ' +
    'e eo ec em en eng ep et ê êu êch êm ên ênh êp êt i ia iu ich im in inh ip it ' +
    'iêc iêm iên iêng iêp iêt iêu yêm yên yêt yêu y ' +
    'o oa oai oao oay oac oach oam oan oang oanh oap oat oăc oăm oăn oăng oăt oe oeo oen oet oi oc om on ong op ot ooc oong ' +
    'ô ôi ôc ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt ' +
    'u ua uân uâng uât uây uê uêch uênh ui uy uya uych uyn uynh uyt uyu uyên uyêt uơ uôc uôi uôm uôn uông uôt uc um un ung up ut ' +
    'ư ưa ưi ưu ưc ưm ưn ưng ưt ươc ươi ươm ươn ương ươp ươt ươu'
  ).split(' '),
);

/** True for a lower-case word Vietnamese spelling allows ("ký", "truyền"); false for "k", "truyề". */
export function isVietnameseSyllable(word: string): boolean {
  const plain = word.normalize('NFD').replace(TONES, '').normalize('NFC');
  const initial = INITIAL.exec(plain)![0];
  const rhyme = plain.slice(initial.length);
  if (rhyme === '') return initial === 'gi';
  // "gi" is a consonant before a vowel ("giữ": gi + ư) and g + i before a final ("gìn": g + in).
  return RHYMES.has(rhyme) || (initial === 'gi' && RHYMES.has(`i${rhyme}`));
}

const WORD = /[\p{L}\p{M}]+/gu;

const COLUMN_NAME: Record<Column, string> = {
  number: 'số thứ tự',
  text: '',
  points: 'điểm chuẩn',
  method: 'cách tính điểm',
  evidence: 'yêu cầu minh chứng',
};

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
      review.push({ kind: 'correction', where: siteName(site), message: `chữ cuối "${cut}" có vẻ bị cắt cụt nhưng không tìm được chữ đầy đủ trong văn bản: giữ nguyên.` });
      continue;
    }
    const word = candidates[0][0];
    const mended = text.slice(0, text.length - cut.length) + word;
    site.set(mended);
    slips.push({ kind: 'cutWord', where: siteName(site), printed: text, corrected: mended, reason: `Chữ "${word}" bị cắt cụt.` });
  }
}

/** Pictures in a cell are not rubric text: each is dropped, and listed. */
export function dropImages(sites: TextSite[], slips: Slip[]): void {
  for (const site of sites) {
    for (const name of site.images) {
      slips.push({ kind: 'image', where: siteName(site), printed: `[image: ${name}]`, corrected: '(bỏ)', reason: 'Chỗ giữ hình ảnh của bản gốc, không phải nội dung tiêu chí.' });
    }
  }
}
