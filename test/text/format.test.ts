/**
 * @jest-environment ./test/support/vietnam-time-environment.js
 */
import {
  formatDate,
  formatDateTime,
  formatExactNumber,
  formatMegabytes,
  formatNumber,
  formatTimestamp,
} from '../../src/text/format';

describe('Vietnamese numbers', () => {
  it('writes a decimal comma and at most two decimals', () => {
    expect(formatNumber(1.5)).toBe('1,5');
    expect(formatNumber(159.49)).toBe('159,49');
    expect(formatNumber(3.75)).toBe('3,75');
    expect(formatNumber(14)).toBe('14');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(2.5)).toBe('2,5');
  });

  it('rounds as the sheet shows, half away from zero, binary noise ignored', () => {
    expect(formatNumber(159.48999999999998)).toBe('159,49');
    expect(formatNumber(0.1 + 0.2)).toBe('0,3');
    expect(formatNumber(1.005)).toBe('1,01');
    expect(formatNumber(2.675)).toBe('2,68');
    expect(formatNumber(-1.005)).toBe('-1,01');
    expect(formatNumber(-0.001)).toBe('0');
  });

  it('groups thousands with a dot', () => {
    expect(formatNumber(1000)).toBe('1.000');
    expect(formatNumber(1234567.891)).toBe('1.234.567,89');
    expect(formatNumber(-12345.5)).toBe('-12.345,5');
    expect(formatNumber(999.999)).toBe('1.000');
  });

  it('takes another number of decimals', () => {
    expect(formatNumber(1.25, 1)).toBe('1,3');
    expect(formatNumber(1.24, 0)).toBe('1');
    expect(formatNumber(1500, 0)).toBe('1.500');
  });

  it('never throws on values a hostile file may hold', () => {
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(Infinity)).toBe('Infinity');
    expect(formatNumber(1.5e300)).toBe('1,5e+300');
    expect(formatNumber(Number.MAX_VALUE)).toMatch(/^1,79\d+e\+308$/);
    expect(formatExactNumber(-Number.MAX_VALUE)).toMatch(/^-1,79\d+e\+308$/);
  });

  it('shows a held value with every digit', () => {
    expect(formatExactNumber(3.125)).toBe('3,125');
    expect(formatExactNumber(0.1 + 0.2)).toBe('0,30000000000000004');
    expect(formatExactNumber(12345.678)).toBe('12.345,678');
    expect(formatExactNumber(-2)).toBe('-2');
    expect(formatExactNumber(1e-7)).toBe('1e-7');
  });

  it('writes sizes in megabytes', () => {
    expect(formatMegabytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatMegabytes(1.5 * 1024 * 1024)).toBe('1,5 MB');
  });
});

describe('Vietnamese dates and times', () => {
  it('writes dd/mm/yyyy', () => {
    expect(formatDate(new Date(2025, 1, 5))).toBe('05/02/2025');
    expect(formatDate(new Date(2026, 11, 31))).toBe('31/12/2026');
  });

  it('writes the local time, not UTC', () => {
    // 01:10 UTC is 08:10 in Việt Nam (UTC+7).
    expect(formatDateTime(new Date(Date.UTC(2026, 11, 1, 1, 10, 30)))).toBe('08:10 ngày 01/12/2026');
    expect(formatTimestamp('2026-12-01T08:10:30.095Z')).toBe('15:10 ngày 01/12/2026');
    // Past midnight locally the date moves on.
    expect(formatTimestamp('2026-01-15T20:00:00.000Z')).toBe('03:00 ngày 16/01/2026');
  });

  it('shows text that is not a timestamp as it is', () => {
    expect(formatTimestamp('hôm qua')).toBe('hôm qua');
  });
});
