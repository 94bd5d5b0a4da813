/**
 * Proxy objects of the fake host. Each class implements the adapter's view
 * of the matching Excel class (src/excel/api.ts), so the compiler checks
 * their shape against @types/office-js. Setters and methods queue steps on
 * the context; loads are snapshots taken when the sync applies them.
 */
import type {
  BorderSide,
  ConditionalEdge,
  ConditionalFormatApi,
  EventHandlerResultApi,
  EventHandlersApi,
  ExcelContext,
  FormatTargetApi,
  HeaderFooterApi,
  NamedItemApi,
  NamedItemCollectionApi,
  PageBreakCollectionApi,
  PageLayoutApi,
  RangeApi,
  RangeFormatApi,
  WorkbookApi,
  WorksheetApi,
  WorksheetCollectionApi,
} from '../../../src/excel/api';
import { shiftFormula } from '../../../src/layout/a1';
import type { FakeExcelHost, RangeTarget } from './host';
import {
  FakeRichApiError,
  MAX_COLUMNS,
  MAX_ROWS,
  parseAddress,
  type BorderEdge,
  type CellFont,
  type CellState,
  type ChangeHandler,
  type ConditionalFormatState,
  type HeaderSections,
  type NameState,
  type PageLayoutState,
  type SheetState,
  type SheetVisibility,
  type ValidationState,
  utf8Length,
} from './model';

interface Step {
  location: string;
  apply: () => void;
  /** Size of the operation in the request: its path and the JSON of what it carries. */
  bytes: number;
}

export class FakeRequestContext implements ExcelContext {
  readonly workbook: FakeWorkbook;
  private queue: Step[] = [];
  /** Inside an Excel.run: a context syncs only there (continue one with Excel.run(context, …)). */
  running = 0;

  constructor(readonly host: FakeExcelHost) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(location: string, apply: () => void, payload?: unknown): void {
    const bytes = utf8Length(location) + (payload === undefined ? 0 : utf8Length(JSON.stringify(payload)));
    this.queue.push({ location, apply, bytes });
  }

  get pending(): number {
    return this.queue.length;
  }

  takeQueue(): Step[] {
    const queue = this.queue;
    this.queue = [];
    return queue;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    if (this.running === 0) {
      throw new Error('fake Excel: context.sync() outside Excel.run; a context is used again through Excel.run(context, batch)');
    }
    await this.host.sync(this);
    return passThroughValue as T;
  }
}

function notLoaded(location: string, property: string): FakeRichApiError {
  return new FakeRichApiError(
    'PropertyNotLoaded',
    `The property '${property}' is not available (${location}). Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** "a, b" | ["a"] | {select: "a"} | {a: true} → ["a", "b"]. */
function loadPaths(option: unknown): string[] {
  if (option === undefined) return [];
  if (typeof option === 'string') return option.split(',').map((p) => p.trim()).filter(Boolean);
  if (Array.isArray(option)) return option.flatMap((p) => loadPaths(p));
  if (typeof option === 'object' && option !== null) {
    const o = option as Record<string, unknown>;
    if ('select' in o) return loadPaths(o.select);
    return Object.entries(o)
      .filter(([k, v]) => !k.startsWith('$') && v)
      .map(([k]) => k);
  }
  throw new Error(`fake Excel: cannot load ${String(option)}`);
}

/** An Office.js client object: resolved against the host at sync time, then kept. */
abstract class FakeClientObject<T> {
  private resolution?: { target: T | null };
  private readonly loaded = new Map<string, unknown>();
  private loadedNull?: boolean;

  constructor(
    readonly context: FakeRequestContext,
    readonly location: string,
    private readonly resolver: () => T | null,
  ) {}

  /** Properties `load` accepts. */
  protected abstract readonly loadable: readonly string[];

  protected get host(): FakeExcelHost {
    return this.context.host;
  }

  resolve(): T | null {
    if (!this.resolution) this.resolution = { target: this.resolver() };
    return this.resolution.target;
  }

  bindTo(target: T): void {
    this.resolution = { target };
  }

  get isNullObject(): boolean {
    if (this.loadedNull === undefined) throw notLoaded(this.location, 'isNullObject');
    return this.loadedNull;
  }

  protected read<V>(property: string): V {
    if (this.loadedNull) throw new FakeRichApiError('InvalidOperation', `${this.location} is a null object; check isNullObject first.`);
    if (!this.loaded.has(property)) throw notLoaded(this.location, property);
    return this.loaded.get(property) as V;
  }

  /** Queues an action; on a null object it does nothing, as Office.js does. `payload` is what the request carries. */
  act(what: string, apply: (target: T) => void, payload?: unknown): void {
    this.context.enqueue(
      `${this.location}.${what}`,
      () => {
        const target = this.resolve();
        if (target !== null) apply(target);
      },
      payload,
    );
  }

  load(propertyNames?: string | string[]): this {
    const paths = loadPaths(propertyNames);
    const list = paths.length > 0 ? paths : [...this.loadable];
    for (const p of list) {
      if (p !== 'isNullObject' && !this.loadable.includes(p.split('/')[0])) {
        throw new Error(`fake Excel: ${this.location} cannot load "${p}"`);
      }
    }
    this.context.enqueue(`${this.location}.load(${list.join(',')})`, () => this.applyLoad(list));
    return this;
  }

  applyLoad(paths: string[]): void {
    const target = this.resolve();
    this.loadedNull = target === null;
    if (target === null) return;
    for (const p of paths) if (p !== 'isNullObject') this.store(p, target);
  }

  protected store(path: string, target: T): void {
    this.loaded.set(path, this.snapshot(target, path));
  }

  protected abstract snapshot(target: T, property: string): unknown;
}

function argumentTarget(context: FakeRequestContext, argument: unknown, what: string): RangeTarget {
  if (typeof argument === 'string') return context.host.referenceTarget(argument);
  if (!(argument instanceof FakeRange) || argument.context !== context) {
    throw new FakeRichApiError('InvalidArgument', `The argument is invalid or missing: ${what} needs a Range of this context.`);
  }
  const target = argument.resolve();
  if (!target) throw new FakeRichApiError('InvalidArgument', `The argument is invalid or missing: ${what} got a null range.`);
  return target;
}

// ---- workbook -----------------------------------------------------------------

export class FakeWorkbook implements WorkbookApi {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;

  constructor(context: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.names = new FakeNamedItemCollection(context, 'workbook.names', () => context.host.names);
  }
}

export class FakeWorksheetCollection extends FakeClientObject<SheetState[]> implements WorksheetCollectionApi {
  protected readonly loadable = ['items'] as const;

  constructor(context: FakeRequestContext) {
    super(context, 'worksheets', () => context.host.sheets);
  }

  get items(): FakeWorksheet[] {
    return this.read('items');
  }

  /** Loads "items" or "items/name,items/position": one proxy per sheet, each with the asked properties. */
  override applyLoad(paths: string[]): void {
    const itemProps = paths.filter((p) => p.startsWith('items/')).map((p) => p.slice('items/'.length));
    super.applyLoad(['items']);
    for (const item of this.items) item.applyLoad(itemProps.length > 0 ? itemProps : ['id', 'name', 'position', 'visibility']);
  }

  protected snapshot(sheets: SheetState[]): unknown {
    return sheets.map((sheet) => new FakeWorksheet(this.context, `worksheets.items["${sheet.name}"]`, () => sheet));
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets.getItem("${key}")`, () => {
      const sheet = this.context.host.sheetByKey(key);
      if (!sheet) throw new FakeRichApiError('ItemNotFound', 'The requested resource does not exist.');
      return sheet;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets.getItemOrNullObject("${key}")`, () => this.context.host.sheetByKey(key) ?? null);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, 'worksheets.getActiveWorksheet()', () => {
      const sheet = this.context.host.sheets.find((s) => s.id === this.context.host.activeSheetId) ?? this.context.host.sheets[0];
      if (!sheet) throw new FakeRichApiError('ItemNotFound', 'The requested resource does not exist.');
      return sheet;
    });
  }

  add(name?: string): FakeWorksheet {
    const location = `worksheets.add(${name === undefined ? '' : `"${name}"`})`;
    const sheet = new FakeWorksheet(this.context, location, () => {
      throw new Error(`fake Excel: ${location} used before it was applied`);
    });
    this.context.enqueue(location, () => sheet.bindTo(this.context.host.addSheet(name)));
    return sheet;
  }
}

export class FakeWorksheet extends FakeClientObject<SheetState> implements WorksheetApi {
  protected readonly loadable = ['id', 'name', 'position', 'visibility'] as const;
  readonly protection: Pick<Excel.WorksheetProtection, 'protect'>;
  readonly pageLayout: FakePageLayout;
  readonly freezePanes: WorksheetApi['freezePanes'];
  readonly horizontalPageBreaks: PageBreakCollectionApi;
  readonly verticalPageBreaks: PageBreakCollectionApi;
  readonly autoFilter: WorksheetApi['autoFilter'];
  readonly onChanged: FakeEventHandlers;

  constructor(context: FakeRequestContext, location: string, resolver: () => SheetState | null) {
    super(context, location, resolver);
    this.protection = {
      protect: (options, password) => this.act('protection.protect()', (s) => this.host.protect(s, options, password)),
    };
    this.pageLayout = new FakePageLayout(this);
    // Each freeze replaces the one before, as in Excel.
    const freeze = (what: string, rows: (s: SheetState) => number, columns: (s: SheetState) => number) =>
      this.act(`freezePanes.${what}`, (s) => {
        this.host.requireApi('1.7', 'freezePanes');
        [s.frozenRows, s.frozenColumns] = [rows(s), columns(s)];
      });
    this.freezePanes = {
      freezeRows: (count = 1) => freeze('freezeRows()', () => count, () => 0),
      freezeColumns: (count = 1) => freeze('freezeColumns()', () => 0, () => count),
      // The range is what stays in the top-left pane.
      freezeAt: (frozenRange) => {
        const at = () => argumentTarget(this.context, frozenRange, 'freezeAt').range;
        freeze('freezeAt()', () => at().bottom, () => at().right);
      },
    };
    const pageBreaks = (kind: 'horizontal' | 'vertical', list: (s: SheetState) => number[]): PageBreakCollectionApi => ({
      add: (pageBreakRange) =>
        this.act(`${kind}PageBreaks.add()`, (s) => {
          this.host.requireApi('1.9', `${kind}PageBreaks`);
          const { range } = argumentTarget(this.context, pageBreakRange, `${kind}PageBreaks.add`);
          const at = kind === 'horizontal' ? range.top : range.left;
          if (!list(s).includes(at)) list(s).push(at);
        }),
      removePageBreaks: () =>
        this.act(`${kind}PageBreaks.removePageBreaks()`, (s) => {
          this.host.requireApi('1.9', `${kind}PageBreaks`);
          list(s).length = 0;
        }),
    });
    this.horizontalPageBreaks = pageBreaks('horizontal', (s) => s.rowBreaks);
    this.verticalPageBreaks = pageBreaks('vertical', (s) => s.columnBreaks);
    this.autoFilter = {
      apply: (range) =>
        this.act('autoFilter.apply()', (s) => {
          this.host.requireApi('1.9', 'autoFilter');
          s.autoFilter = argumentTarget(this.context, range, 'autoFilter.apply').range;
        }),
    };
    this.onChanged = new FakeEventHandlers(this);
  }

  protected snapshot(sheet: SheetState, property: string): unknown {
    switch (property) {
      case 'id':
        return sheet.id;
      case 'name':
        return sheet.name;
      case 'position':
        return this.host.sheets.indexOf(sheet);
      default:
        return sheet.visibility;
    }
  }

  get name(): string {
    return this.read('name');
  }
  set name(value: string) {
    this.act('name', (s) => this.host.renameSheet(s, value));
  }

  get position(): number {
    return this.read('position');
  }
  set position(value: number) {
    this.act('position', (s) => this.host.moveSheet(s, value));
  }

  get visibility(): SheetVisibility {
    return this.read('visibility');
  }
  set visibility(value: Excel.SheetVisibility | SheetVisibility) {
    this.act('visibility', (s) => this.host.setVisibility(s, String(value) as SheetVisibility));
  }

  getRange(address?: string): FakeRange {
    if (address === undefined) throw new Error('fake Excel: getRange() without an address is not implemented');
    return new FakeRange(this.context, `${this.location}.getRange("${address}")`, () => {
      const sheet = this.resolve();
      return sheet && { sheet, range: parseAddress(address) };
    });
  }

  /** Areas separated by the host's list separator only: some builds take ";" alone (office-js #1167, #1985). */
  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.context, `${this.location}.getRanges("${address}")`, () => {
      this.host.requireApi('1.9', 'getRanges');
      const separator = this.host.listSeparator;
      const refused = separator === 'none' ? /[,;]/ : separator === ',' ? /;/ : /,/;
      if (refused.test(address)) throw new FakeRichApiError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      const sheet = this.resolve();
      const parts = separator === 'none' ? [address] : address.split(separator);
      return sheet && parts.map((part) => ({ sheet, range: parseAddress(part.trim()) }));
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, `${this.location}.getUsedRangeOrNullObject()`, () => {
      const sheet = this.resolve();
      const range = sheet && this.host.usedRange(sheet, valuesOnly);
      return sheet && range ? { sheet, range } : null;
    });
  }

  delete(): void {
    this.act('delete()', (s) => this.host.deleteSheet(s));
  }

  activate(): void {
    this.act('activate()', (s) => this.host.activate(s));
  }
}

class FakeEventHandlers implements EventHandlersApi<Parameters<ChangeHandler>[0]> {
  constructor(private readonly sheet: FakeWorksheet) {}

  add(handler: ChangeHandler): EventHandlerResultApi {
    this.sheet.act('onChanged.add()', (s) => {
      this.sheet.context.host.requireApi('1.7', 'onChanged');
      s.changeHandlers.add(handler);
    });
    return {
      context: this.sheet.context as unknown as OfficeExtension.ClientRequestContext,
      // Only the context the handler was added in removes it, inside Excel.run(thatContext, …).
      remove: () => {
        if (this.sheet.context.running === 0) {
          throw new FakeRichApiError('InvalidRequestContext', 'Cannot use the object across different request contexts.');
        }
        this.sheet.act('onChanged.remove()', (s) => s.changeHandlers.delete(handler));
      },
    };
  }
}

/** Page-setup objects all queue onto their worksheet and need ExcelApi 1.9. */
type LayoutSetter = (what: string, apply: (layout: PageLayoutState) => void) => void;

class FakeHeaderFooter implements HeaderFooterApi {
  constructor(
    private readonly which: 'firstPage' | 'defaultForAllPages',
    private readonly set: LayoutSetter,
  ) {}

  private section(key: keyof HeaderSections, value: string): void {
    this.set(`headersFooters.${this.which}.${key}Header`, (p) => (p[this.which][key] = value));
  }

  private footerSection(key: keyof HeaderSections, value: string): void {
    const footer = this.which === 'firstPage' ? 'firstPageFooter' : 'defaultFooter';
    this.set(`headersFooters.${this.which}.${key}Footer`, (p) => (p[footer][key] = value));
  }

  get leftHeader(): string {
    throw notLoaded(`pageLayout.headersFooters.${this.which}`, 'leftHeader');
  }
  set leftHeader(value: string) {
    this.section('left', value);
  }
  get centerHeader(): string {
    throw notLoaded(`pageLayout.headersFooters.${this.which}`, 'centerHeader');
  }
  set centerHeader(value: string) {
    this.section('center', value);
  }
  get rightHeader(): string {
    throw notLoaded(`pageLayout.headersFooters.${this.which}`, 'rightHeader');
  }
  set rightHeader(value: string) {
    this.section('right', value);
  }
  get leftFooter(): string {
    throw notLoaded(`pageLayout.headersFooters.${this.which}`, 'leftFooter');
  }
  set leftFooter(value: string) {
    this.footerSection('left', value);
  }
  get centerFooter(): string {
    throw notLoaded(`pageLayout.headersFooters.${this.which}`, 'centerFooter');
  }
  set centerFooter(value: string) {
    this.footerSection('center', value);
  }
  get rightFooter(): string {
    throw notLoaded(`pageLayout.headersFooters.${this.which}`, 'rightFooter');
  }
  set rightFooter(value: string) {
    this.footerSection('right', value);
  }
}

class FakeHeaderFooterGroup implements Pick<Excel.HeaderFooterGroup, 'state'> {
  readonly defaultForAllPages: FakeHeaderFooter;
  readonly firstPage: FakeHeaderFooter;

  constructor(private readonly set: LayoutSetter) {
    this.defaultForAllPages = new FakeHeaderFooter('defaultForAllPages', set);
    this.firstPage = new FakeHeaderFooter('firstPage', set);
  }

  get state(): Excel.HeaderFooterGroup['state'] {
    throw notLoaded('pageLayout.headersFooters', 'state');
  }
  set state(value: Excel.HeaderFooterGroup['state']) {
    this.set('headersFooters.state', (p) => (p.headerState = String(value)));
  }
}

class FakePageLayout implements PageLayoutApi {
  readonly headersFooters: FakeHeaderFooterGroup;

  constructor(private readonly sheet: FakeWorksheet) {
    this.headersFooters = new FakeHeaderFooterGroup((what, apply) => this.set(what, apply));
  }

  private set(what: string, apply: (layout: PageLayoutState) => void): void {
    this.sheet.act(`pageLayout.${what}`, (s) => {
      this.sheet.context.host.requireApi('1.9', 'pageLayout');
      apply(s.pageLayout);
    });
  }

  private unreadable(property: string): never {
    throw notLoaded('pageLayout', property);
  }

  get orientation(): PageLayoutApi['orientation'] {
    return this.unreadable('orientation');
  }
  set orientation(value: PageLayoutApi['orientation']) {
    this.set('orientation', (p) => (p.orientation = value));
  }
  get paperSize(): PageLayoutApi['paperSize'] {
    return this.unreadable('paperSize');
  }
  set paperSize(value: PageLayoutApi['paperSize']) {
    this.set('paperSize', (p) => (p.paperSize = value));
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this.unreadable('zoom');
  }
  set zoom(value: Excel.PageLayoutZoomOptions) {
    this.set('zoom', (p) => (p.zoom = { ...value }));
  }
  get leftMargin(): number {
    return this.unreadable('leftMargin');
  }
  set leftMargin(value: number) {
    this.set('leftMargin', (p) => (p.margins.left = value));
  }
  get rightMargin(): number {
    return this.unreadable('rightMargin');
  }
  set rightMargin(value: number) {
    this.set('rightMargin', (p) => (p.margins.right = value));
  }
  get topMargin(): number {
    return this.unreadable('topMargin');
  }
  set topMargin(value: number) {
    this.set('topMargin', (p) => (p.margins.top = value));
  }
  get bottomMargin(): number {
    return this.unreadable('bottomMargin');
  }
  set bottomMargin(value: number) {
    this.set('bottomMargin', (p) => (p.margins.bottom = value));
  }
  get headerMargin(): number {
    return this.unreadable('headerMargin');
  }
  set headerMargin(value: number) {
    this.set('headerMargin', (p) => (p.margins.header = value));
  }
  get footerMargin(): number {
    return this.unreadable('footerMargin');
  }
  set footerMargin(value: number) {
    this.set('footerMargin', (p) => (p.margins.footer = value));
  }

  setPrintTitleRows(printTitleRows: RangeApi | string): void {
    this.sheet.act('pageLayout.setPrintTitleRows()', (s) => {
      this.sheet.context.host.requireApi('1.9', 'pageLayout');
      const { range } = argumentTarget(this.sheet.context, printTitleRows, 'setPrintTitleRows');
      s.pageLayout.printTitleRows = { from: range.top, to: range.bottom };
    });
  }

  setPrintArea(printArea: string): void {
    this.sheet.act('pageLayout.setPrintArea()', (s) => {
      this.sheet.context.host.requireApi('1.9', 'pageLayout');
      s.pageLayout.printArea = parseAddress(printArea);
    });
  }

  setPrintTitleColumns(printTitleColumns: RangeApi | string): void {
    this.sheet.act('pageLayout.setPrintTitleColumns()', (s) => {
      this.sheet.context.host.requireApi('1.9', 'pageLayout');
      const { range } = argumentTarget(this.sheet.context, printTitleColumns, 'setPrintTitleColumns');
      s.pageLayout.printTitleColumns = { from: range.left, to: range.right };
    });
  }
}

// ---- ranges -------------------------------------------------------------------

/** Where a cell is, relative to the first cell of the call that reached it. */
interface Shift {
  rows: number;
  cols: number;
}

/** What formats, validations and conditional formats act on: one range, or every area of a RangeAreas. */
interface FormatActor {
  readonly context: FakeRequestContext;
  readonly location: string;
  each(what: string, apply: (target: RangeTarget, shift: Shift) => void, payload?: unknown): void;
}

const NO_SHIFT: Shift = { rows: 0, cols: 0 };

export class FakeRange extends FakeClientObject<RangeTarget> implements RangeApi {
  protected readonly loadable = [
    'address',
    'values',
    'formulas',
    'numberFormat',
    'valueTypes',
    'rowIndex',
    'columnIndex',
    'rowCount',
    'columnCount',
  ] as const;
  readonly format: FakeRangeFormat = new FakeRangeFormat(this);
  readonly dataValidation: FakeDataValidation = new FakeDataValidation(this);
  readonly conditionalFormats = { add: (type: 'Custom') => new FakeConditionalFormat(this, type) };

  protected snapshot(target: RangeTarget, property: string): unknown {
    return this.host.readGrid(target, property);
  }

  each(what: string, apply: (target: RangeTarget, shift: Shift) => void, payload?: unknown): void {
    this.act(what, (t) => apply(t, NO_SHIFT), payload);
  }

  get address(): string {
    return this.read('address');
  }
  get values(): unknown[][] {
    return this.read('values');
  }
  set values(value: unknown[][]) {
    this.act('values', (t) => this.host.writeEntries(t, value, 'values'), value);
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  set formulas(value: unknown[][]) {
    this.act('formulas', (t) => this.host.writeEntries(t, value, 'formulas'), value);
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }
  set numberFormat(value: unknown[][]) {
    this.act('numberFormat', (t) => this.host.writeNumberFormat(t, value), value);
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this.read('valueTypes');
  }

  merge(across = false): void {
    this.act('merge()', (t) => this.host.merge(t, across));
  }

  select(): void {
    this.act('select()', (t) => this.host.select(t));
  }

  /** ExcelApi 1.11: cut and paste onto `destination` (an address on this sheet, or a range). */
  moveTo(destination: FakeRange | string): void {
    this.act('moveTo()', (t) => {
      this.host.requireApi('1.11', 'Range.moveTo');
      const target =
        typeof destination === 'string' && !destination.includes('!')
          ? { sheet: t.sheet, range: parseAddress(destination) }
          : argumentTarget(this.context, destination, 'moveTo');
      this.host.moveCells(t, target, 'ThisLocalAddin');
    });
  }

  getEntireRow(): FakeRange {
    return new FakeRange(this.context, `${this.location}.getEntireRow()`, () => {
      const t = this.resolve();
      return t && { sheet: t.sheet, range: { ...t.range, left: 1, right: MAX_COLUMNS }, entireRow: true };
    });
  }

  getEntireColumn(): FakeRange {
    return new FakeRange(this.context, `${this.location}.getEntireColumn()`, () => {
      const t = this.resolve();
      return t && { sheet: t.sheet, range: { ...t.range, top: 1, bottom: MAX_ROWS }, entireColumn: true };
    });
  }
}

/**
 * ExcelApi 1.9's RangeAreas: one call over several rectangles. A relative
 * formula is written for the first area's corner; each area keeps it moved
 * to its own corner, which is what Excel evaluates in each cell.
 */
export class FakeRangeAreas extends FakeClientObject<RangeTarget[]> implements FormatTargetApi, FormatActor {
  protected readonly loadable = ['areaCount'] as const;
  readonly format: FakeRangeFormat = new FakeRangeFormat(this);
  readonly dataValidation: FakeDataValidation = new FakeDataValidation(this);
  readonly conditionalFormats = { add: (type: 'Custom') => new FakeConditionalFormat(this, type) };

  protected snapshot(areas: RangeTarget[], property: string): unknown {
    if (property === 'areaCount') return areas.length;
    throw new Error(`fake Excel: RangeAreas loads no ${property} here`);
  }

  get areaCount(): number {
    return this.read('areaCount');
  }

  each(what: string, apply: (target: RangeTarget, shift: Shift) => void, payload?: unknown): void {
    this.act(
      what,
      (areas) => {
        const [first] = areas;
        for (const area of areas) {
          apply(area, { rows: area.range.top - first.range.top, cols: area.range.left - first.range.left });
        }
      },
      payload,
    );
  }
}

class FakeRangeFormat implements RangeFormatApi {
  readonly font: FakeRangeFont;
  readonly fill: Pick<Excel.RangeFill, 'color'>;
  readonly borders: RangeFormatApi['borders'];
  readonly protection: Pick<Excel.FormatProtection, 'locked'>;

  constructor(private readonly range: FormatActor) {
    this.font = new FakeRangeFont(range);
    // The accessor objects below have their own `this`.
    const cells = (what: string, apply: (cell: CellState) => void) => this.cells(what, apply);
    this.fill = {
      get color(): string {
        throw notLoaded('format.fill', 'color');
      },
      set color(value: string) {
        cells('fill.color', (c) => (c.fill = value.toUpperCase()));
      },
    };
    this.borders = {
      getItem: (side: BorderSide) => {
        const edit = (what: string, change: Partial<BorderEdge>) =>
          range.each(`format.borders.getItem("${side}").${what}`, (t) => range.context.host.setBorder(t, side, change));
        return {
          get style(): Excel.RangeBorder['style'] {
            throw notLoaded('format.borders', 'style');
          },
          set style(value: Excel.RangeBorder['style']) {
            edit('style', { style: value });
          },
          get color(): string {
            throw notLoaded('format.borders', 'color');
          },
          set color(value: string) {
            edit('color', { color: value.toUpperCase() });
          },
          get weight(): Excel.RangeBorder['weight'] {
            throw notLoaded('format.borders', 'weight');
          },
          set weight(value: Excel.RangeBorder['weight']) {
            edit('weight', { weight: value });
          },
        };
      },
    };
    this.protection = {
      get locked(): boolean {
        throw notLoaded('format.protection', 'locked');
      },
      set locked(value: boolean) {
        range.each('format.protection.locked', (t) => range.context.host.setLocked(t, value));
      },
    };
  }

  private cells(what: string, apply: (cell: CellState) => void): void {
    this.range.each(`format.${what}`, (t) => this.range.context.host.formatCells(t, apply));
  }

  get columnWidth(): number {
    throw notLoaded('format', 'columnWidth');
  }
  set columnWidth(value: number) {
    this.range.each('format.columnWidth', (t) => this.range.context.host.setColumnWidth(t, value));
  }
  get rowHeight(): number {
    throw notLoaded('format', 'rowHeight');
  }
  set rowHeight(value: number) {
    this.range.each('format.rowHeight', (t) => this.range.context.host.setRowHeight(t, value));
  }
  autofitRows(): void {
    this.range.each('format.autofitRows()', (t) => this.range.context.host.autofitRows(t));
  }
  get wrapText(): boolean {
    throw notLoaded('format', 'wrapText');
  }
  set wrapText(value: boolean) {
    this.cells('wrapText', (c) => (c.wrap = value));
  }
  get horizontalAlignment(): RangeFormatApi['horizontalAlignment'] {
    throw notLoaded('format', 'horizontalAlignment');
  }
  set horizontalAlignment(value: RangeFormatApi['horizontalAlignment']) {
    this.cells('horizontalAlignment', (c) => (c.horizontal = value));
  }
  get verticalAlignment(): RangeFormatApi['verticalAlignment'] {
    throw notLoaded('format', 'verticalAlignment');
  }
  set verticalAlignment(value: RangeFormatApi['verticalAlignment']) {
    this.cells('verticalAlignment', (c) => (c.vertical = value));
  }
}

class FakeRangeFont implements Pick<Excel.RangeFont, 'name' | 'size' | 'bold' | 'italic' | 'underline' | 'color'> {
  constructor(private readonly range: FormatActor) {}

  private cells(what: string, apply: (font: CellFont) => void): void {
    this.range.each(`format.font.${what}`, (t) => this.range.context.host.formatCells(t, (c) => apply(c.font)));
  }

  get name(): string {
    throw notLoaded('format.font', 'name');
  }
  set name(value: string) {
    this.cells('name', (f) => (f.name = value));
  }
  get size(): number {
    throw notLoaded('format.font', 'size');
  }
  set size(value: number) {
    this.cells('size', (f) => (f.size = value));
  }
  get bold(): boolean {
    throw notLoaded('format.font', 'bold');
  }
  set bold(value: boolean) {
    this.cells('bold', (f) => (f.bold = value));
  }
  get italic(): boolean {
    throw notLoaded('format.font', 'italic');
  }
  set italic(value: boolean) {
    this.cells('italic', (f) => (f.italic = value));
  }
  get underline(): Excel.RangeFont['underline'] {
    throw notLoaded('format.font', 'underline');
  }
  set underline(value: Excel.RangeFont['underline']) {
    this.cells('underline', (f) => (f.underline = value));
  }
  get color(): string {
    throw notLoaded('format.font', 'color');
  }
  set color(value: string) {
    this.cells('color', (f) => (f.color = value.toUpperCase()));
  }
}

class FakeDataValidation implements Pick<Excel.DataValidation, 'rule' | 'errorAlert' | 'prompt'> {
  constructor(private readonly range: FormatActor) {}

  private set(what: string, apply: (v: ValidationState, shift: Shift) => void): void {
    this.range.each(`dataValidation.${what}`, (t, shift) => {
      this.range.context.host.requireApi('1.8', 'dataValidation');
      apply(this.range.context.host.validationAt(t), shift);
    });
  }

  get rule(): Excel.DataValidationRule {
    throw notLoaded('dataValidation', 'rule');
  }
  set rule(value: Excel.DataValidationRule) {
    this.set('rule', (v, shift) => {
      const rule = structuredClone(value);
      if (rule.custom) rule.custom.formula = shiftFormula(String(rule.custom.formula), shift.rows, shift.cols);
      v.rule = rule;
    });
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    throw notLoaded('dataValidation', 'errorAlert');
  }
  set errorAlert(value: Excel.DataValidationErrorAlert) {
    this.set('errorAlert', (v) => (v.errorAlert = { ...value }));
  }
  get prompt(): Excel.DataValidationPrompt {
    throw notLoaded('dataValidation', 'prompt');
  }
  set prompt(value: Excel.DataValidationPrompt) {
    this.set('prompt', (v) => (v.prompt = { ...value }));
  }
}

class FakeConditionalFormat implements ConditionalFormatApi {
  readonly custom: ConditionalFormatApi['custom'];
  private readonly states: { state: ConditionalFormatState; shift: Shift }[] = [];

  constructor(range: FormatActor, type: string) {
    range.each(`conditionalFormats.add("${type}")`, (t, shift) => {
      range.context.host.requireApi('1.6', 'conditionalFormats');
      this.states.push({ state: range.context.host.addConditionalFormat(t, type), shift });
    });
    const set = (what: string, apply: (cf: ConditionalFormatState, shift: Shift) => void) =>
      range.context.enqueue(`${range.location}.conditionalFormats[…].custom.${what}`, () => {
        for (const { state, shift } of this.states) apply(state, shift);
      });
    const unreadable = (property: string): never => {
      throw notLoaded('conditionalFormat.custom', property);
    };
    this.custom = {
      rule: {
        get formula(): string {
          return unreadable('rule.formula');
        },
        set formula(value: string) {
          set('rule.formula', (cf, shift) => (cf.formula = shiftFormula(value, shift.rows, shift.cols)));
        },
      },
      format: {
        borders: {
          getItem: (side: ConditionalEdge) => ({
            get style(): Excel.ConditionalRangeBorder['style'] {
              return unreadable(`format.borders.${side}.style`);
            },
            set style(value: Excel.ConditionalRangeBorder['style']) {
              // Excel's conditional formats draw thin lines only: no double, no thick (Excel.ConditionalRangeBorderLineStyle).
              if (!['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot'].includes(value)) {
                throw new FakeRichApiError('InvalidArgument', `conditional border style ${value}`);
              }
              set(`format.borders.${side}.style`, (cf) => (cf.borders = { ...cf.borders, [side]: { ...cf.borders?.[side], style: value } }));
            },
            get color(): string {
              return unreadable(`format.borders.${side}.color`);
            },
            set color(value: string) {
              set(`format.borders.${side}.color`, (cf) => (cf.borders = { ...cf.borders, [side]: { ...cf.borders?.[side], color: value.toUpperCase() } }));
            },
          }),
        },
        fill: {
          get color(): string {
            return unreadable('format.fill.color');
          },
          set color(value: string) {
            set('format.fill.color', (cf) => (cf.fill = value.toUpperCase()));
          },
        },
        font: {
          get color(): string {
            return unreadable('format.font.color');
          },
          set color(value: string) {
            set('format.font.color', (cf) => (cf.fontColor = value.toUpperCase()));
          },
          get bold(): boolean {
            return unreadable('format.font.bold');
          },
          set bold(value: boolean) {
            set('format.font.bold', (cf) => (cf.bold = value));
          },
        },
      },
    };
  }
}

// ---- names --------------------------------------------------------------------

export class FakeNamedItemCollection extends FakeClientObject<Map<string, NameState>> implements NamedItemCollectionApi {
  protected readonly loadable = ['items'] as const;

  get items(): FakeNamedItem[] {
    return this.read('items');
  }

  /** Loads "items" or "items/name,items/formula": one proxy per name, each with the asked properties. */
  override applyLoad(paths: string[]): void {
    const itemProps = paths.filter((p) => p.startsWith('items/')).map((p) => p.slice('items/'.length));
    super.applyLoad(['items']);
    const items = this.items;
    for (const item of items) item.applyLoad(itemProps.length > 0 ? itemProps : [...FakeNamedItem.properties]);
  }

  protected snapshot(names: Map<string, NameState>): unknown {
    return [...names.values()].map((state) => new FakeNamedItem(this.context, `names.items["${state.name}"]`, () => state));
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, `names.getItemOrNullObject("${name}")`, () => this.host.names.get(name.toUpperCase()) ?? null);
  }

  add(name: string, reference: RangeApi | string, comment = ''): FakeNamedItem {
    const location = `names.add("${name}")`;
    const item = new FakeNamedItem(this.context, location, () => {
      throw new Error(`fake Excel: ${location} used before it was applied`);
    });
    this.context.enqueue(location, () => {
      this.host.requireApi('1.4', 'names.add');
      item.bindTo(this.host.addName(name, argumentTarget(this.context, reference, 'names.add'), comment));
    });
    return item;
  }
}

export class FakeNamedItem extends FakeClientObject<NameState> implements NamedItemApi {
  static readonly properties = ['name', 'type', 'formula', 'value', 'visible', 'comment'] as const;
  protected readonly loadable = FakeNamedItem.properties;

  protected snapshot(state: NameState, property: string): unknown {
    switch (property) {
      case 'name':
        return state.name;
      case 'type':
        return state.target ? 'Range' : 'Error';
      case 'formula':
        this.host.requireApi('1.7', 'NamedItem.formula');
        return this.host.nameFormula(state);
      case 'value':
        return this.host.nameFormula(state).slice(1);
      case 'visible':
        return state.visible;
      default:
        return state.comment;
    }
  }

  get name(): string {
    return this.read('name');
  }
  get type(): Excel.NamedItem['type'] {
    return this.read('type');
  }
  get formula(): string {
    return this.read('formula');
  }

  delete(): void {
    this.act('delete()', (state) => this.host.deleteName(state));
  }

  getRangeOrNullObject(): FakeRange {
    return new FakeRange(this.context, `${this.location}.getRangeOrNullObject()`, () => {
      this.host.requireApi('1.4', 'NamedItem.getRangeOrNullObject');
      const state = this.resolve();
      const sheet = state?.target && this.host.sheets.find((s) => s.id === state.target?.sheetId);
      return sheet && state?.target ? { sheet, range: state.target.range } : null;
    });
  }
}

