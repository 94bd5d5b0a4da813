/** A sheet's cell looks through Office.js: each format property painted as few rectangles as it takes. */
import { rangeA1, type RangeRef } from '../layout/a1';
import { BODY_SIZE, FONT_NAME } from '../layout/styles';
import type { BorderSide, RangeFormatApi, WorksheetApi } from './api';
import type { CellGrid } from './grid';
import { areaOps, groupBy, op, type SheetOp, type MultiArea, type Steps } from './ops';
import { paintSteps, type Need } from './paint';

const BORDER_COLOR = '#808080';
const BORDER_SIDES: BorderSide[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'];
const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VERTICAL = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

type FormatWriter<V> = (format: RangeFormatApi, value: V) => void;

/** One property's strokes (paint.ts), rectangles of one value sharing a call. */
function* paintedOps<V>(
  sheet: WorksheetApi,
  grid: CellGrid,
  multiArea: MultiArea,
  need: Need<V>,
  write: FormatWriter<V>,
  options: { hostDefault?: V; allowBase: boolean },
): Steps<SheetOp[]> {
  const key = (v: V) => String(v);
  const strokes = yield* paintSteps(grid.bounds, need, {
    key,
    hostDefault: options.hostDefault === undefined ? undefined : key(options.hostDefault),
    allowBase: options.allowBase,
  });
  // A base stroke's value never returns later, and strokes of different values
  // meet only on cells that take either: grouping by value keeps the result.
  return groupBy(strokes, (s) => key(s.value)).flatMap((group) =>
    areaOps(sheet, group, multiArea, 1, () => 0, (target, first) => write(target.format, first.value)),
  );
}

function borderOp(sheet: WorksheetApi, range: RangeRef): SheetOp {
  // Inside edges exist only where the range has more than one row or column.
  const sides = BORDER_SIDES.filter(
    (side) => !(side === 'InsideHorizontal' && range.top === range.bottom) && !(side === 'InsideVertical' && range.left === range.right),
  );
  return op(3 * sides.length, () => {
    const format = sheet.getRange(rangeA1(range)).format;
    for (const side of sides) {
      const border = format.borders.getItem(side);
      border.style = 'Continuous';
      border.weight = 'Thin';
      border.color = BORDER_COLOR;
    }
  });
}

type Horizontal = RangeFormatApi['horizontalAlignment'];
type Vertical = RangeFormatApi['verticalAlignment'];

/** The operations of one step, computed when the step is taken, in steps of their own. */
export type OpsStep = () => Steps<SheetOp[]>;

/**
 * Fonts, alignment, fills, borders and locking, as few rectangles as paint()
 * finds: one step per property, each painted only when taken, so a writer
 * can give the host its turn between them on a large sheet.
 */
export function formatSteps(sheet: WorksheetApi, grid: CellGrid, multiArea: MultiArea): OpsStep[] {
  const invisible = grid.invisible.bind(grid);
  const visible = grid.visible.bind(grid);
  // What a blank cell never shows may be laid over the whole sheet first (a base stroke)…
  const text =
    <V>(need: Need<V>, write: FormatWriter<V>, hostDefault?: V): OpsStep =>
    () =>
      paintedOps(sheet, grid, multiArea, need, write, { hostDefault, allowBase: true });
  // …fills and locking not: taking them off again costs more than it saves.
  const shown =
    <V>(need: Need<V>, write: FormatWriter<V>, hostDefault: V): OpsStep =>
    () =>
      paintedOps(sheet, grid, multiArea, need, write, { hostDefault, allowBase: false });
  const borders: OpsStep = function* () {
    const strokes = yield* paintSteps(grid.bounds, visible((c) => c.look.border === true, false), { key: String, hostDefault: 'false', allowBase: false });
    return strokes.map((s) => borderOp(sheet, s.range));
  };
  return [
    text(invisible(() => FONT_NAME), (f, v) => (f.font.name = v)),
    text(invisible((c) => c.look.size ?? BODY_SIZE), (f, v) => (f.font.size = v)),
    text(invisible((c) => c.look.bold === true), (f, v) => (f.font.bold = v), false),
    text(invisible((c) => c.look.italic === true), (f, v) => (f.font.italic = v), false),
    text(invisible((c) => c.look.underline === true), (f, v) => (f.font.underline = v ? 'Single' : 'None'), false),
    text(invisible((c) => c.look.color ?? '000000'), (f, v) => (f.font.color = `#${v}`), '000000'),
    text<Horizontal>(
      invisible((c) => (c.look.horizontal ? HORIZONTAL[c.look.horizontal] : 'General')),
      (f, v) => (f.horizontalAlignment = v),
      'General',
    ),
    text<Vertical>(invisible((c) => VERTICAL[c.look.vertical ?? 'top']), (f, v) => (f.verticalAlignment = v), 'Bottom'),
    text(invisible((c) => c.look.wrap === true), (f, v) => (f.wrapText = v), false),
    shown(visible((c) => c.look.fill ?? '', ''), (f, v) => (f.fill.color = `#${v}`), ''),
    borders,
    shown(visible((c) => c.unlocked !== true, true), (f, v) => (f.protection.locked = v), true),
  ];
}
