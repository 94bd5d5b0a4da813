/**
 * Cell text as SpreadsheetML stores it: the shared-strings part, and the
 * same <t> runs inside an inline string.
 */
import { decodeXml, scanXml } from './xml';

/** OOXML writes characters XML cannot carry as _xHHHH_. */
function decodeEscapes(text: string): string {
  return text.indexOf('_x') < 0 ? text : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Collects the text of <t> elements inside `container` (<si> or <is>),
 * leaving out phonetic runs (<rPh>), as Excel displays them.
 */
export class StringCollector {
  private depthInPhonetic = 0;
  private inT = false;
  private parts: string[] = [];

  open(name: string, selfClosing: boolean): void {
    if (name === 'rPh' && !selfClosing) this.depthInPhonetic++;
    else if (name === 't' && !selfClosing && this.depthInPhonetic === 0) this.inT = true;
  }

  close(name: string): void {
    if (name === 'rPh') this.depthInPhonetic = Math.max(0, this.depthInPhonetic - 1);
    else if (name === 't') this.inT = false;
  }

  text(raw: string, cdata: boolean): void {
    if (this.inT) this.parts.push(cdata ? raw : decodeXml(raw));
  }

  take(): string {
    const text = decodeEscapes(this.parts.join(''));
    this.parts = [];
    this.inT = false;
    this.depthInPhonetic = 0;
    return text;
  }
}

/** The shared strings in order; null when the package has no shared-strings part. */
export function sharedStrings(xml: string | undefined): string[] | null {
  if (xml === undefined) return null;
  const strings: string[] = [];
  const collector = new StringCollector();
  let inItem = false;
  scanXml(xml, {
    open(name, _attributes, selfClosing) {
      if (name === 'si') {
        if (selfClosing) return;
        inItem = true;
        collector.take();
      } else if (inItem) collector.open(name, selfClosing);
    },
    close(name) {
      if (name === 'si') {
        // A self-closing <si/> is an empty string, as its open-and-close pair shows.
        strings.push(inItem ? collector.take() : '');
        inItem = false;
      } else if (inItem) collector.close(name);
    },
    text(raw, cdata) {
      if (inItem) collector.text(raw, cdata);
    },
  });
  return strings;
}
