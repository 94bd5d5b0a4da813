/** Building blocks shared by every sheet plan: rule runs and validation messages. */
import type { NumberRule } from '../scoring/inputs';
import { ruleMessage } from '../scoring/inputs';
import { a1, type RangeRef } from './a1';
import { validityFormula } from './formulas';
import { FAULT_TEXT, WORKBOOK_TEXT } from '../text/messages';

/** Excel's limits for a validation's title and message. */
const TITLE_MAX = 32;
const MESSAGE_MAX = 255;

export interface PlanValidation {
  range: RangeRef;
  /** 'custom' holds a formula relative to the range's top-left cell; 'list' a drop-down of `items`. */
  type: 'custom' | 'textLength' | 'list';
  formula?: string;
  maxLength?: number;
  items?: readonly string[];
  title: string;
  /** Shown when the cell is selected. */
  promptTitle: string;
  message: string;
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function ruleKey(rule: NumberRule): string {
  return `${rule.whole}:${rule.min}:${rule.max ?? ''}`;
}

/**
 * Groups same-keyed cells of one column into vertical runs, so rules grow
 * with sections rather than with cells.
 */
export function verticalRuns<T>(items: { row: number; col: number; key: string; value: T }[]): { range: RangeRef; value: T }[] {
  const sorted = [...items].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: { range: RangeRef; key: string; value: T }[] = [];
  for (const it of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.key === it.key && last.range.left === it.col && last.range.bottom === it.row - 1) {
      last.range.bottom = it.row;
    } else {
      runs.push({ range: { top: it.row, left: it.col, bottom: it.row, right: it.col }, key: it.key, value: it.value });
    }
  }
  return runs;
}

/** Stop-style validation of a numeric input, with the Vietnamese sentence of its rule. */
export function numberValidation(range: RangeRef, label: string, rule: NumberRule): PlanValidation {
  return {
    range,
    type: 'custom',
    formula: validityFormula(a1(range.top, range.left), rule),
    title: clip(WORKBOOK_TEXT.invalidValueTitle, TITLE_MAX),
    promptTitle: clip(label, TITLE_MAX),
    message: clip(ruleMessage(label, rule), MESSAGE_MAX),
  };
}

/** Excel keeps a list validation's items in one formula of at most 255 characters, commas between them. */
const LIST_MAX = 255;

/** A drop-down of fixed choices; anything else typed is refused. */
export function listValidation(range: RangeRef, label: string, items: readonly string[]): PlanValidation {
  if (items.join(',').length > LIST_MAX || items.some((i) => i.includes(',') || i.includes('"'))) throw new Error(FAULT_TEXT.badList(items.join(',')));
  return {
    range,
    type: 'list',
    items,
    title: clip(WORKBOOK_TEXT.invalidValueTitle, TITLE_MAX),
    promptTitle: clip(label, TITLE_MAX),
    message: clip(WORKBOOK_TEXT.chooseFromList(label, items), MESSAGE_MAX),
  };
}

export function textLengthValidation(range: RangeRef, label: string, maxLength: number): PlanValidation {
  return {
    range,
    type: 'textLength',
    maxLength,
    title: clip(WORKBOOK_TEXT.tooLongTitle, TITLE_MAX),
    promptTitle: clip(label, TITLE_MAX),
    message: clip(WORKBOOK_TEXT.tooLong(label, maxLength), MESSAGE_MAX),
  };
}
