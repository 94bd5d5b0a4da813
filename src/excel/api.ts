/**
 * The part of the Excel JavaScript API the adapter uses, cut from
 * @types/office-js with Pick and indexed types. The adapter sees only these
 * members, and `asExcelContext` (an assignment, not a cast) makes the
 * compiler prove that the real Excel.RequestContext provides every one of
 * them with the same signature. The test host implements the same
 * interfaces, so the compiler checks its shape too.
 */

/** `load` as the adapter calls it: property names, comma-separated or as a list. */
export interface Loadable {
  load(propertyNames?: string | string[]): unknown;
}

export type BorderSide = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';

export interface RangeFormatApi
  extends Pick<Excel.RangeFormat, 'columnWidth' | 'rowHeight' | 'wrapText' | 'horizontalAlignment' | 'verticalAlignment' | 'autofitRows'> {
  readonly font: Pick<Excel.RangeFont, 'name' | 'size' | 'bold' | 'italic' | 'underline' | 'color'>;
  readonly fill: Pick<Excel.RangeFill, 'color'>;
  readonly borders: { getItem(index: BorderSide): Pick<Excel.RangeBorder, 'style' | 'color' | 'weight'> };
  readonly protection: Pick<Excel.FormatProtection, 'locked'>;
}

export type ConditionalEdge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight';

export interface ConditionalFormatApi {
  readonly custom: {
    readonly rule: Pick<Excel.ConditionalFormatRule, 'formula'>;
    readonly format: {
      readonly fill: Pick<Excel.ConditionalRangeFill, 'color'>;
      readonly font: Pick<Excel.ConditionalRangeFont, 'color' | 'bold'>;
      readonly borders: { getItem(index: ConditionalEdge): Pick<Excel.ConditionalRangeBorder, 'style' | 'color'> };
    };
  };
}

/** What a Range and a RangeAreas (ExcelApi 1.9, several rectangles at once) both take. */
export interface FormatTargetApi {
  readonly format: RangeFormatApi;
  readonly dataValidation: Pick<Excel.DataValidation, 'rule' | 'errorAlert' | 'prompt'>;
  readonly conditionalFormats: { add(type: 'Custom'): ConditionalFormatApi };
}

export interface RangeApi
  extends FormatTargetApi,
    Pick<Excel.Range, 'isNullObject' | 'address' | 'values' | 'formulas' | 'numberFormat' | 'valueTypes' | 'merge' | 'select'>,
    Loadable {
  getEntireRow(): RangeApi;
  getEntireColumn(): RangeApi;
}

export type HeaderFooterApi = Pick<
  Excel.HeaderFooter,
  'leftHeader' | 'centerHeader' | 'rightHeader' | 'leftFooter' | 'centerFooter' | 'rightFooter'
>;

export interface PageLayoutApi
  extends Pick<
    Excel.PageLayout,
    'orientation' | 'paperSize' | 'zoom' | 'leftMargin' | 'rightMargin' | 'topMargin' | 'bottomMargin' | 'headerMargin' | 'footerMargin'
  > {
  readonly headersFooters: Pick<Excel.HeaderFooterGroup, 'state'> & {
    readonly defaultForAllPages: HeaderFooterApi;
    readonly firstPage: HeaderFooterApi;
  };
  setPrintTitleRows(printTitleRows: RangeApi | string): void;
  setPrintTitleColumns(printTitleColumns: RangeApi | string): void;
  setPrintArea(printArea: string): void;
}

/** A worksheet's manual page breaks (ExcelApi 1.9). */
export interface PageBreakCollectionApi {
  /** Adds a break before the range's top-left cell. */
  add(pageBreakRange: RangeApi | string): unknown;
  removePageBreaks(): void;
}

/** What `add` returns: the handle that later removes the handler. */
export interface EventHandlerResultApi {
  /** The context the handler was added in: it must be the one that removes it. */
  readonly context: OfficeExtension.ClientRequestContext;
  remove(): void;
}

/** The event fields the adapter may rely on. */
export type WorksheetChangedArgs = Pick<
  Excel.WorksheetChangedEventArgs,
  'address' | 'changeType' | 'source' | 'type' | 'worksheetId' | 'triggerSource'
>;

export interface EventHandlersApi<T> {
  add(handler: (args: T) => Promise<unknown>): EventHandlerResultApi;
}

export interface WorksheetApi extends Pick<Excel.Worksheet, 'isNullObject' | 'name' | 'position' | 'visibility'>, Loadable {
  getRange(address?: string): RangeApi;
  /**
   * ExcelApi 1.9: rectangles separated by the list separator, "A1:B2,D4"; some
   * builds take only the locale's (";"): session.ts finds which.
   */
  getRanges(address: string): FormatTargetApi & Loadable & { readonly areaCount: number };
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeApi;
  delete(): void;
  activate(): void;
  readonly protection: Pick<Excel.WorksheetProtection, 'protect'>;
  readonly pageLayout: PageLayoutApi;
  readonly horizontalPageBreaks: PageBreakCollectionApi;
  readonly verticalPageBreaks: PageBreakCollectionApi;
  readonly freezePanes: Pick<Excel.WorksheetFreezePanes, 'freezeRows' | 'freezeColumns'> & { freezeAt(frozenRange: RangeApi | string): void };
  /** ExcelApi 1.9. */
  readonly autoFilter: { apply(range: RangeApi | string): void };
  readonly onChanged: EventHandlersApi<WorksheetChangedArgs>;
}

export interface WorksheetCollectionApi extends Loadable {
  readonly items: WorksheetApi[];
  getActiveWorksheet(): WorksheetApi;
  getItem(key: string): WorksheetApi;
  getItemOrNullObject(key: string): WorksheetApi;
  add(name?: string): WorksheetApi;
}

export interface NamedItemApi extends Pick<Excel.NamedItem, 'name' | 'type' | 'formula' | 'delete'> {
  /** The cell or range the name refers to; a null object when it refers to none. */
  getRangeOrNullObject(): RangeApi;
}

export interface NamedItemCollectionApi extends Loadable {
  readonly items: NamedItemApi[];
  getItemOrNullObject(name: string): NamedItemApi;
  add(name: string, reference: RangeApi | string, comment?: string): NamedItemApi;
}

export interface WorkbookApi {
  readonly worksheets: WorksheetCollectionApi;
  readonly names: NamedItemCollectionApi;
}

export interface ExcelContext {
  readonly workbook: WorkbookApi;
  sync: Excel.RequestContext['sync'];
}

/** Narrows the real context to the subset; compiles only while Office.js provides all of it. */
export function asExcelContext(context: Excel.RequestContext): ExcelContext {
  return context;
}

/**
 * How the adapter reaches Excel: `Excel.run` in the add-in, the test host
 * elsewhere. With `continuing`, the batch runs on that earlier context, as
 * Excel.run(context, batch) does: an event handler is removed so.
 */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>, continuing?: OfficeExtension.ClientRequestContext) => Promise<T>;
