/**
 * The one Vietnamese formatter for what users read: numbers with a decimal
 * comma and "." between thousands ("1.234,5"), dates as dd/mm/yyyy and times
 * in local time. Written by hand rather than through Intl so that the CLI,
 * the workbook and the pane agree whatever ICU data the runtime carries.
 */

/** Digits of a non-negative number without exponent, grouped by thousands: "1234.5" → "1.234,5". */
function groupDigits(plain: string): string {
  const [whole, fraction] = plain.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, '.');
  return fraction ? `${grouped},${fraction}` : grouped;
}

function signed(value: number, digits: string): string {
  return value < 0 && /[1-9]/.test(digits) ? `-${digits}` : digits;
}

/** Beyond 1e21 JavaScript writes an exponent; such a value is shown as it is, with a decimal comma. */
const HUGE = 1e21;

/**
 * Points and counts: at most `maxDecimals` decimals (2 by default), rounded
 * half away from zero on the 15-significant-digit value as a spreadsheet
 * shows it, trailing zeros dropped: 1.5 → "1,5", 159.49 → "159,49", 1000 → "1.000".
 */
export function formatNumber(value: number, maxDecimals = 2): string {
  if (!Number.isFinite(value) || Math.abs(value) >= HUGE) return String(value).replace('.', ',');
  const factor = 10 ** maxDecimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  const rounded = Math.round(scaled) / factor;
  const fixed = rounded.toFixed(maxDecimals);
  const plain = maxDecimals > 0 ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return signed(value, groupDigits(plain));
}

/** A value exactly as held, every significant digit kept: 3.125 → "3,125". For describing what a file contains. */
export function formatExactNumber(value: number): string {
  if (!Number.isFinite(value) || Math.abs(value) >= HUGE || Math.abs(value) < 1e-6) {
    return value === 0 ? '0' : String(value).replace('.', ',');
  }
  return signed(value, groupDigits(String(Math.abs(value))));
}

/** Bytes in megabytes, one decimal: "20 MB", "1,5 MB". */
export function formatMegabytes(bytes: number): string {
  return `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
}

/** Millimetres as a page setup states them: "20 mm", "12,5 mm". */
export function formatMillimetres(mm: number): string {
  return `${formatNumber(mm)} mm`;
}

const two = (n: number) => String(n).padStart(2, '0');

/** A day as entered, which may not exist (31/02): "05/02/2025". */
export function formatDayMonthYear(day: number, month: number, year: number): string {
  return `${two(day)}/${two(month)}/${year}`;
}

/** A calendar day in local time: "05/02/2025". */
export function formatDate(date: Date): string {
  return formatDayMonthYear(date.getDate(), date.getMonth() + 1, date.getFullYear());
}

/** A moment in local time, to the minute: "08:10 ngày 01/12/2026". */
export function formatDateTime(date: Date): string {
  return `${two(date.getHours())}:${two(date.getMinutes())} ngày ${formatDate(date)}`;
}

/**
 * A stored timestamp (ISO 8601, as the metadata sheet holds it) in local
 * time; text that is not a timestamp is shown as it is, since it came from a file.
 */
export function formatTimestamp(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : formatDateTime(new Date(t));
}
