/**
 * A word-processing document as the rubric importer sees it: the body's
 * paragraphs and tables in order, each table cell with its paragraphs. The
 * package layer fills it from a .docx; tests and the task pane may fill it
 * from anything else.
 */

export interface WordCell {
  /** The first grid column the cell covers (0-based), after any skipped grid columns. */
  column: number;
  /** How many grid columns it covers (gridSpan). */
  span: number;
  /** A vertically merged cell continuing the one above: Word shows the one above's content across both. */
  continuesAbove: boolean;
  /** Its paragraphs as shown; a manual line break inside a paragraph is "\n", a tab "\t". */
  paragraphs: string[];
  /** Names of the pictures in the cell ("image1" for word/media/image1.png). */
  images: string[];
}

export interface WordTable {
  rows: WordCell[][];
}

export type WordBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; table: WordTable };

export interface WordDocument {
  blocks: WordBlock[];
}
