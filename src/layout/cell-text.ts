/** Text as a cell of the consolidated workbook can hold it. */

/** Excel keeps at most this many characters in a cell. */
export const CELL_TEXT_MAX = 32767;
/** The characters of a cut text a cell keeps, before its "…". */
export const KEPT_WHEN_CUT = CELL_TEXT_MAX - 1;

/** Characters XML 1.0 cannot carry. */
const UNWRITABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const writable = (text: string) => text.replace(UNWRITABLE, '');

/** True when the text is longer than a cell holds: `cellSafeText` cuts it, and whoever reads the merge must be told. */
export function isCut(text: string): boolean {
  return text.length > CELL_TEXT_MAX && writable(text).length > CELL_TEXT_MAX;
}

/** The writable text, cut with a visible "…" where it is longer than a cell holds. */
export function cellSafeText(text: string): string {
  const clean = writable(text);
  return clean.length <= CELL_TEXT_MAX ? clean : `${clean.slice(0, KEPT_WHEN_CUT)}…`;
}
