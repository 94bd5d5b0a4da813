/** Wording rules of Nghị định 30/2020/NĐ-CP that the printed sheet follows. */

/**
 * "Cao Bằng, ngày 05 tháng 02 năm 2025": days below 10 and the months
 * January and February take a leading zero; without a date, dotted blanks
 * are left for writing by hand.
 */
export function placeDateLine(place: string, date?: { year: number; month: number; day: number }): string {
  if (!date) return `${place}, ngày ..... tháng ..... năm ..........`;
  const day = String(date.day).padStart(2, '0');
  const month = date.month <= 2 ? String(date.month).padStart(2, '0') : String(date.month);
  return `${place}, ngày ${day} tháng ${month} năm ${date.year}`;
}

/** Parses "YYYY-MM-DD" strictly; null when it is not a real calendar date. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? { year, month, day } : null;
}
