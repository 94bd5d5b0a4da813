/**
 * Queued Office.js operations with their estimated size in the request, and
 * the one way many ranges share a call. The standard sheet runs them all
 * before one sync; the merge packs them into requests that stay under
 * Excel's payload limit. Nothing here syncs.
 */
import { formulaShape, rangeA1, type RangeRef } from '../layout/a1';
import type { FormatTargetApi, WorksheetApi } from './api';

/**
 * Request bytes of one operation without its data: the action and the
 * object path it runs on (getRange("…").format.font…), as Office.js
 * serialises them. Generous, so estimates err towards smaller requests.
 */
export const OPERATION_BYTES = 400;

/** One or a few queued operations and what they add to the request. */
export interface SheetOp {
  bytes: number;
  queue(): void;
}

export const op = (operations: number, queue: () => void): SheetOp => ({ bytes: operations * OPERATION_BYTES, queue });

/** The separator between areas Worksheet.getRanges takes on this host. */
export type ListSeparator = ',' | ';';

/**
 * Whether ranges share a call: false for one call per range (ExcelApi 1.8,
 * or a host that takes no separator), else the separator to join them with.
 */
export type MultiArea = false | ListSeparator;

/** Office.js documents 8,192 characters as the longest address it takes. */
export const MAX_ADDRESS_LENGTH = 8192;

/**
 * Applies `write` to each item's range: one call per range, or, when the
 * host has RangeAreas (ExcelApi 1.9), one call per as many ranges as an
 * address joined by the host's list separator holds, so the count grows with distinct looks and rules rather
 * than with rows. `write` gets the first item of its call. With `anchored`
 * (relative formulas), items come sorted by top then left, and a call
 * stays where its first area's corner is the top-left corner of them all:
 * whether Excel reads the formula against the first area or against the
 * whole, it is the same cell, and the formula holds, moved, for the rest.
 */
export function areaOps<T extends { range: RangeRef }>(
  sheet: WorksheetApi,
  items: readonly T[],
  multiArea: MultiArea,
  operations: number,
  dataBytes: (first: T) => number,
  write: (target: FormatTargetApi, first: T) => void,
  anchored = false,
): SheetOp[] {
  const single = (item: T, address: string): SheetOp => ({
    bytes: operations * OPERATION_BYTES + dataBytes(item) + address.length,
    queue: () => write(sheet.getRange(address), item),
  });
  if (!multiArea) return items.map((item) => single(item, rangeA1(item.range)));
  const out: SheetOp[] = [];
  let batch: T[] = [];
  let address = '';
  const flush = () => {
    if (batch.length === 1) out.push(single(batch[0], address));
    else if (batch.length > 1) {
      const first = batch[0];
      const areas = address;
      out.push({ bytes: operations * OPERATION_BYTES + dataBytes(first) + areas.length, queue: () => write(sheet.getRanges(areas), first) });
    }
    batch = [];
    address = '';
  };
  for (const item of items) {
    const next = rangeA1(item.range);
    const tooLong = address.length + 1 + next.length > MAX_ADDRESS_LENGTH;
    const leftOfAnchor = anchored && batch.length > 0 && item.range.left < batch[0].range.left;
    if (batch.length > 0 && (tooLong || leftOfAnchor)) flush();
    address = batch.length === 0 ? next : `${address}${multiArea}${next}`;
    batch.push(item);
  }
  flush();
  return out;
}

/** Work in steps: a generator that pauses (yields) where its caller may give the host its turn. */
export type Steps<T> = Generator<void, T, void>;

/** Steps run through at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Items grouped by key, groups in order of first appearance. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  return runSteps(groupBySteps(items, key));
}

/** The same, pausing every `every` items: keys that parse formulas (rule shapes) add up over thousands. */
export function* groupBySteps<T>(items: readonly T[], key: (item: T) => string, every = 250): Steps<T[][]> {
  const groups = new Map<string, T[]>();
  for (const [i, item] of items.entries()) {
    if (i > 0 && i % every === 0) yield;
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

/** A rule's formula relative to its range's corner: rules of one shape can share a call. */
export function ruleShape(range: RangeRef, formula: string | undefined): string {
  return formula === undefined ? '' : formulaShape(formula, { row: range.top, col: range.left });
}

export const topThenLeft = <T extends { range: RangeRef }>(items: T[]): T[] =>
  [...items].sort((a, b) => a.range.top - b.range.top || a.range.left - b.range.left);

/** UTF-8 bytes of a value's JSON, as it travels in the request. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value);
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdfff ? 2 : 3;
  }
  return bytes;
}

/** Consecutive indexes with the same value, as [first, last, value]. */
export function runs(entries: Iterable<[number, number]>): [number, number, number][] {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const out: [number, number, number][] = [];
  for (const [index, value] of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === index - 1 && last[2] === value) last[1] = index;
    else out.push([index, index, value]);
  }
  return out;
}

export function runOps(ops: readonly SheetOp[]): void {
  for (const o of ops) o.queue();
}
