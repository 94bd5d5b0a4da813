const points = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** 12.5 → "12,5" as Vietnamese readers write it. */
export function formatPoints(value: number): string {
  return points.format(value);
}
