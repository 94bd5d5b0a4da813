/**
 * What a sheet model lays over its contents through Office.js: column
 * widths, cell looks, merged areas, row heights, validations and flag rules,
 * as queued operations (ops.ts). Nothing here syncs.
 */
import { rangeA1, type RangeRef } from '../layout/a1';
import type { PlanValidation, SheetModel } from '../layout/model';
import { FLAG_STYLES } from '../layout/styles';
import type { ConditionalEdge, RangeApi, WorksheetApi } from './api';
import { formatSteps, type OpsStep } from './format-ops';
import type { CellGrid } from './grid';
import { areaOps, groupBy, groupBySteps, jsonBytes, op, ruleShape, runSteps, runs, topThenLeft, type SheetOp, type MultiArea, type Steps } from './ops';

/** Excel column widths are set in points; plans give characters of the default font. */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

export function columnWidthOps(sheet: WorksheetApi, widths: readonly number[]): SheetOp[] {
  return runs(widths.map((w, i): [number, number] => [i + 1, w])).map(([first, last, width]) =>
    op(1, () => {
      sheet.getRange(rangeA1({ top: 1, bottom: 1, left: first, right: last })).format.columnWidth = columnWidthPoints(width);
    }),
  );
}

function rowHeightOps(sheet: WorksheetApi, heights: Iterable<[number, number]>, multiArea: MultiArea): SheetOp[] {
  const bands = runs(heights).map(([first, last, height]) => ({ range: { top: first, bottom: last, left: 1, right: 1 }, height }));
  return groupBy(bands, (b) => String(b.height)).flatMap((group) =>
    areaOps(sheet, group, multiArea, 1, () => 0, (target, first) => (target.format.rowHeight = first.height)),
  );
}

function mergeOps(sheet: WorksheetApi, merges: readonly RangeRef[]): SheetOp[] {
  return merges.map((m) => op(1, () => sheet.getRange(rangeA1(m)).merge(false)));
}

/** Excel validates blanks by default (ignoreBlanks = true), as the file writer's allowBlank does. */
export function validationOps(sheet: WorksheetApi, validations: readonly PlanValidation[], multiArea: MultiArea): SheetOp[] {
  return runSteps(validationSteps(sheet, validations, multiArea));
}

function* validationSteps(sheet: WorksheetApi, validations: readonly PlanValidation[], multiArea: MultiArea): Steps<SheetOp[]> {
  const key = (v: PlanValidation) => JSON.stringify([v.type, v.maxLength, v.items, v.title, v.promptTitle, v.message, ruleShape(v.range, v.formula)]);
  return (yield* groupBySteps(validations, key)).flatMap((group) =>
    areaOps(
      sheet,
      topThenLeft(group),
      multiArea,
      3,
      (v) => jsonBytes([v.formula, v.title, v.promptTitle, v.message, v.message]),
      (target, v) => {
        const validation: RangeApi['dataValidation'] = target.dataValidation;
        validation.rule =
          v.type === 'custom'
            ? { custom: { formula: `=${v.formula}` } }
            : v.type === 'list'
              ? { list: { inCellDropDown: true, source: (v.items ?? []).join(',') } }
              : { textLength: { formula1: v.maxLength as number, operator: 'LessThanOrEqualTo' } };
        validation.errorAlert = { showAlert: true, style: 'Stop', title: v.title, message: v.message };
        validation.prompt = { showPrompt: true, title: v.promptTitle, message: v.message };
      },
      true,
    ),
  );
}

interface PlannedConditionalFormat {
  range: RangeRef;
  /** Relative to the range's top-left cell, without "=". */
  formula: string;
  look: { fill: string; color: string; edge?: 'double' | 'dashed' };
}

/**
 * A flag's box in Excel's conditional formats, which take no double line:
 * an invalid entry dash-dot-dot, the warnings dashed, both apart from the
 * thin grid on a black-and-white printout.
 */
const EDGE_STYLE = { double: 'DashDotDot', dashed: 'Dash' } as const;
const EDGES: readonly ConditionalEdge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];

function* conditionalFormatSteps(sheet: WorksheetApi, formats: readonly PlannedConditionalFormat[], multiArea: MultiArea): Steps<SheetOp[]> {
  const key = (cf: PlannedConditionalFormat) => JSON.stringify([cf.look.fill, cf.look.color, cf.look.edge, ruleShape(cf.range, cf.formula)]);
  return (yield* groupBySteps(formats, key)).flatMap((group) =>
    areaOps(
      sheet,
      topThenLeft(group),
      multiArea,
      // The rule and its three looks; each edge of a box counted twice, its path carrying the ranges' address.
      5 + (group[0].look.edge ? 2 * EDGES.length : 0),
      (cf) => jsonBytes(cf.formula),
      (target, cf) => {
        const custom = target.conditionalFormats.add('Custom').custom;
        custom.rule.formula = `=${cf.formula}`;
        custom.format.fill.color = `#${cf.look.fill}`;
        custom.format.font.color = `#${cf.look.color}`;
        custom.format.font.bold = true;
        const { edge } = cf.look;
        // Lines in the automatic colour, black on paper.
        if (edge) for (const side of EDGES) custom.format.borders.getItem(side).style = EDGE_STYLE[edge];
      },
      true,
    ),
  );
}

/** What a sheet model lays over its contents, in steps: formats (one per property), merges, row heights, validations and flag rules. */
export function looksSteps(sheet: WorksheetApi, grid: CellGrid, model: SheetModel, multiArea: MultiArea): OpsStep[] {
  return [
    ...formatSteps(sheet, grid, multiArea),
    function* () {
      return mergeOps(sheet, model.merges);
    },
    function* () {
      return rowHeightOps(sheet, model.rowHeights, multiArea);
    },
    () => validationSteps(sheet, model.validations, multiArea),
    () =>
      conditionalFormatSteps(
        sheet,
        model.conditionalFormats.map((cf) => ({ range: cf.range, formula: cf.formula, look: FLAG_STYLES[cf.flag] })),
        multiArea,
      ),
  ];
}
