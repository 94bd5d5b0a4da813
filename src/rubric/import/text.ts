/** Text as the importer compares and keeps it. */

const COMBINING = /[\u0300-\u036f]/g;

/**
 * Lower case without diacritics, one character for one: "Điểm Chuẩn" →
 * "diem chuan". Indexes into the folded text are indexes into the original.
 */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(COMBINING, '');
    const one = base.length === 1 ? base : ch;
    out += /^[đĐ]$/.test(one) ? 'd' : one.toLowerCase().length === 1 ? one.toLowerCase() : one;
  }
  return out;
}

/**
 * A cell's paragraphs as one text: each line trimmed, blank lines dropped,
 * tabs as spaces, NFC. Spaces inside a line stay as typed.
 */
export function cellText(paragraphs: string[]): string {
  return paragraphs
    .flatMap((p) => p.split('\n'))
    .map((line) => line.replace(/\t/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n')
    .normalize('NFC');
}

/** "3", "1,5", "1.5", "05" → the number; anything else → null. */
export function parsePoints(text: string): number | null {
  const t = text.trim();
  if (!/^\d+(?:[.,]\d+)?$/.test(t)) return null;
  return Number(t.replace(',', '.'));
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

export function toRoman(n: number): string {
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

/** "XIV" → 14; null unless written the usual way. */
export function fromRoman(text: string): number | null {
  if (!/^[IVXLCDM]+$/.test(text)) return null;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const v = ROMAN.find(([, l]) => l === text[i])![0];
    const next = i + 1 < text.length ? ROMAN.find(([, l]) => l === text[i + 1])![0] : 0;
    total += v < next ? -v : v;
  }
  return total > 0 && toRoman(total) === text ? total : null;
}

/** Consecutive Roman numerals as ranges: [I, II, III, VI] → "I–III, VI". */
export function romanRanges(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j === i ? toRoman(sorted[i]) : j === i + 1 ? `${toRoman(sorted[i])}, ${toRoman(sorted[j])}` : `${toRoman(sorted[i])}–${toRoman(sorted[j])}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** A rubric id from any name: "Tiêu chí xã 2025.docx" → "tieu-chi-xa-2025". */
export function asciiId(name: string): string {
  return (
    fold(name.normalize('NFC'))
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'bo-tieu-chi'
  );
}
