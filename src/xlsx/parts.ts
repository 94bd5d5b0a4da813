/**
 * The workbook-wide parts gathered while the sheets are written: the style
 * sheet (cell formats and conditional-format looks) and the shared strings.
 * Elements follow the schema's order (ECMA-376 CT_Stylesheet).
 */
import { BODY_SIZE, FLAG_STYLES, FONT_NAME, STYLES, type CellStyle, type FlagStyle } from '../layout/styles';
import { numberFormatOf, type SheetCell } from '../layout/model';
import { escapeAttribute, escapeCellText } from '../package/xml';

export const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Borders are thin grey, as the sheets draw them. */
const BORDER_RGB = '808080';
/** Formats Excel knows by number; any other gets its own entry from 164 up. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

/** Values in first-seen order, each once; a value's index is its id in the part. */
class Table {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(initial: string[] = []) {
    for (const item of initial) this.id(item);
  }

  id(item: string): number {
    let id = this.index.get(item);
    if (id === undefined) {
      id = this.items.length;
      this.items.push(item);
      this.index.set(item, id);
    }
    return id;
  }

  xml(tag: string): string {
    return `<${tag} count="${this.items.length}">${this.items.join('')}</${tag}>`;
  }
}

const argb = (rgb: string) => `FF${rgb}`;

/** The cell formats and conditional-format looks the sheets use, gathered as they are written. */
export class StyleSheet {
  private readonly formats = new Table();
  // The default font, which column widths are counted in: Calibri, Excel's own, is
  // DejaVu Sans to LibreOffice on Linux and prints the sheet 25 % smaller there;
  // Times New Roman (Liberation Serif, metric-compatible, where it is missing)
  // measures alike everywhere. Then the two fills every workbook starts with.
  private readonly fonts = new Table([`<font><sz val="11"/><name val="${escapeAttribute(FONT_NAME)}"/><family val="1"/></font>`]);
  private readonly fills = new Table(['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']);
  private readonly borders = new Table(['<border><left/><right/><top/><bottom/><diagonal/></border>']);
  private readonly xfs = new Table(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  private readonly dxfs = new Table();
  private readonly xfOf = new Map<string, number>();
  private readonly dxfOf = new Map<FlagStyle, number>();

  /** The cell format of a cell: its style, its number format, and whether it takes typing on a protected sheet. */
  xf(cell: SheetCell): number {
    const format = numberFormatOf(cell);
    const unlocked = cell.unlocked === true;
    const key = `${cell.style ?? ''}|${format ?? ''}|${unlocked}`;
    let id = this.xfOf.get(key);
    if (id === undefined) this.xfOf.set(key, (id = this.xfs.id(this.xfXml(cell.style ? STYLES[cell.style] : undefined, format, unlocked))));
    return id;
  }

  dxf(flag: FlagStyle): number {
    let id = this.dxfOf.get(flag);
    if (id === undefined) {
      const look = FLAG_STYLES[flag];
      const edge = 'edge' in look ? look.edge : undefined;
      const xml =
        `<dxf><font><b/><color rgb="${argb(look.color)}"/></font>` +
        `<fill><patternFill patternType="solid"><bgColor rgb="${argb(look.fill)}"/></patternFill></fill>` +
        (edge ? `<border>${['left', 'right', 'top', 'bottom'].map((side) => `<${side} style="${edge}"><color rgb="FF000000"/></${side}>`).join('')}</border>` : '') +
        '</dxf>';
      this.dxfOf.set(flag, (id = this.dxfs.id(xml)));
    }
    return id;
  }

  private numFmtId(format: string | undefined): number {
    if (format === undefined) return 0;
    return BUILTIN_FORMATS[format] ?? 164 + this.formats.id(format);
  }

  private fontId(style: CellStyle): number {
    return this.fonts.id(
      '<font>' +
        (style.bold ? '<b/>' : '') +
        (style.italic ? '<i/>' : '') +
        (style.underline ? '<u/>' : '') +
        `<sz val="${style.size ?? BODY_SIZE}"/>` +
        (style.color ? `<color rgb="${argb(style.color)}"/>` : '') +
        `<name val="${escapeAttribute(FONT_NAME)}"/></font>`,
    );
  }

  private xfXml(style: CellStyle | undefined, format: string | undefined, unlocked: boolean): string {
    const numFmt = this.numFmtId(format);
    const protection = unlocked ? '<protection locked="0"/>' : '';
    const applied = (numFmt ? ' applyNumberFormat="1"' : '') + (unlocked ? ' applyProtection="1"' : '');
    if (!style) return `<xf numFmtId="${numFmt}" fontId="0" fillId="0" borderId="0" xfId="0"${applied}>${protection}</xf>`;
    const font = this.fontId(style);
    const fill = style.fill ? this.fills.id(`<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/></patternFill></fill>`) : 0;
    const side = (edge: string) => `<${edge} style="thin"><color rgb="${argb(BORDER_RGB)}"/></${edge}>`;
    const border = style.border ? this.borders.id(`<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`) : 0;
    const vertical = style.vertical === 'middle' ? 'center' : (style.vertical ?? 'top');
    const alignment =
      '<alignment' +
      (style.horizontal ? ` horizontal="${style.horizontal}"` : '') +
      ` vertical="${vertical}"` +
      (style.wrap ? ' wrapText="1"' : '') +
      '/>';
    return (
      `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applied} applyFont="1"` +
      (fill ? ' applyFill="1"' : '') +
      (border ? ' applyBorder="1"' : '') +
      ` applyAlignment="1">${alignment}${protection}</xf>`
    );
  }

  xml(): string {
    const formats = this.formats.items.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeAttribute(f)}"/>`);
    return (
      `${DECLARATION}<styleSheet xmlns="${MAIN_NS}">` +
      (formats.length ? `<numFmts count="${formats.length}">${formats.join('')}</numFmts>` : '') +
      this.fonts.xml('fonts') +
      this.fills.xml('fills') +
      this.borders.xml('borders') +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      this.xfs.xml('cellXfs') +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      this.dxfs.xml('dxfs') +
      '</styleSheet>'
    );
  }
}

/** Every text cell's string, once; cells point at it by index. Text is never a formula here. */
export class SharedStrings {
  private readonly table = new Table();
  private references = 0;

  id(text: string): number {
    this.references++;
    return this.table.id(text);
  }

  *xml(): Generator<string> {
    yield `${DECLARATION}<sst xmlns="${MAIN_NS}" count="${this.references}" uniqueCount="${this.table.items.length}">`;
    for (const text of this.table.items) {
      // Excel trims unmarked leading and trailing spaces.
      const space = /^\s|\s$|[\t\n\r]/.test(text) ? ' xml:space="preserve"' : '';
      yield `<si><t${space}>${escapeCellText(text)}</t></si>`;
    }
    yield '</sst>';
  }
}
