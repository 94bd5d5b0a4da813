import type { PageMargins } from '../layout/model';

/** Page margins as SpreadsheetML (and ExcelJS) keep them: inches, to a thousandth. */
export function marginsInInches(mm: PageMargins): Record<keyof PageMargins, number> {
  const inches = (v: number) => Math.round((v / 25.4) * 1000) / 1000;
  return {
    top: inches(mm.top),
    bottom: inches(mm.bottom),
    left: inches(mm.left),
    right: inches(mm.right),
    header: inches(mm.header),
    footer: inches(mm.footer),
  };
}
