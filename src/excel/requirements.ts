/**
 * The ExcelApi requirement sets the adapter relies on. manifest.xml asks for
 * the same minimum (test/manifest.test.ts holds them equal), so an Excel the
 * manifest admits never meets the pane's "too old" notice, and the other way round.
 */
export const EXCEL_API = {
  /** Everything but page layout: Excel 2021 and later, Microsoft 365, the web, updated retail 2016 and 2019. */
  minimum: '1.8',
  /** Page layout and RangeAreas. */
  pageLayout: '1.9',
} as const;
