/**
 * XML for the package parts, both ways. Reading: a small, tolerant scanner
 * for the few parts the reader needs. It never throws and is linear in
 * its input whatever that holds: every search moves forward, damaged markup
 * ends the scan instead of being repaired, and DTDs are skipped, never
 * expanded. Element and attribute names are seen without their namespace
 * prefix. Writing: the one escape every written text and attribute goes
 * through, and SpreadsheetML's own escape for cell text.
 */

export interface XmlVisitor {
  /** `attributes` is the raw text after the name; read it with `attribute`. */
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw character data: decode it with `decodeXml` unless it came from CDATA. */
  text(raw: string, cdata: boolean): void;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The index of the '>' ending a tag that starts at `from`, quotes respected; -1 when there is none. */
function tagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === 62) {
      return i;
    }
  }
  return -1;
}

export function scanXml(xml: string, visitor: XmlVisitor): void {
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      visitor.text(xml.slice(i), false);
      return;
    }
    if (lt > i) visitor.text(xml.slice(i, lt), false);
    const next = xml.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) return;
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) return;
        visitor.text(xml.slice(lt + 9, end), true);
        i = end + 3;
      } else {
        // A DOCTYPE, with or without an internal subset; its entities are never used.
        const bracket = xml.indexOf('[', lt);
        const close = xml.indexOf('>', lt);
        if (close < 0) return;
        const end = bracket >= 0 && bracket < close ? xml.indexOf(']>', bracket) : close - 1;
        if (end < 0) return;
        i = end + 2;
      }
    } else if (next === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) return;
      i = end + 2;
    } else if (next === 47 /* / */) {
      const end = xml.indexOf('>', lt + 2);
      if (end < 0) return;
      visitor.close(localName(xml.slice(lt + 2, end).trim()));
      i = end + 1;
    } else {
      const end = tagEnd(xml, lt + 1);
      if (end < 0) return;
      let body = xml.slice(lt + 1, end);
      const selfClosing = body.endsWith('/');
      if (selfClosing) body = body.slice(0, -1);
      let nameEnd = 0;
      while (nameEnd < body.length && !isSpace(body.charCodeAt(nameEnd))) nameEnd++;
      const name = localName(body.slice(0, nameEnd));
      if (name) {
        visitor.open(name, body.slice(nameEnd), selfClosing);
        if (selfClosing) visitor.close(name);
      }
      i = end + 1;
    }
  }
}

/**
 * Whether the XML declares a document type (<!DOCTYPE …>), which no part of
 * a package may (ECMA-376 part 2, M1.18): its entities are what XML bombs
 * and external-entity attacks are made of. Comments and CDATA may mention
 * one; markup outside them cannot hide "<!" otherwise.
 */
export function declaresDoctype(xml: string): boolean {
  for (let i = xml.indexOf('<!'); i >= 0; ) {
    const [open, close] = xml.startsWith('<!--', i) ? ['<!--', '-->'] : xml.startsWith('<![CDATA[', i) ? ['<![CDATA[', ']]>'] : [null, null];
    if (open === null) return /^<!DOCTYPE/i.test(xml.slice(i, i + 9));
    const end = xml.indexOf(close, i + open.length);
    if (end < 0) return false;
    i = xml.indexOf('<!', end + close.length);
  }
  return false;
}

/** The decoded value of the attribute with this local name, if present. */
export function attribute(raw: string, name: string): string | undefined {
  if (raw.indexOf(name) < 0) return undefined;
  let i = 0;
  while (i < raw.length) {
    while (i < raw.length && isSpace(raw.charCodeAt(i))) i++;
    const start = i;
    while (i < raw.length && raw[i] !== '=' && !isSpace(raw.charCodeAt(i))) i++;
    const key = raw.slice(start, i);
    while (i < raw.length && isSpace(raw.charCodeAt(i))) i++;
    if (raw[i] !== '=') {
      if (i === start) i++;
      continue;
    }
    i++;
    while (i < raw.length && isSpace(raw.charCodeAt(i))) i++;
    const quote = raw[i];
    if (quote !== '"' && quote !== "'") continue;
    const end = raw.indexOf(quote, i + 1);
    if (end < 0) return undefined;
    if (localName(key) === name) return decodeXml(raw.slice(i + 1, end));
    i = end + 1;
  }
  return undefined;
}

const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The five predefined entities and character references; anything else stays as written. */
export function decodeXml(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(ENTITY, (whole, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (named) return NAMED[named];
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

/** Bytes of a package part as text: UTF-8, or UTF-16 when a byte-order mark says so. */
export function partText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder().decode(bytes);
}

/**
 * Characters XML 1.0 cannot carry at all, not even as references: C0
 * controls other than tab, LF and CR, U+FFFE/U+FFFF and unpaired surrogates.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NEEDS_WORK = /[&<>"\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
/** A parser folds CR into LF in content, and tab, LF and CR into spaces in attributes: references keep them. */
const CONTENT_MARKUP = /[&<>"\r]/g;
const ATTRIBUTE_MARKUP = /[&<>"\t\n\r]/g;
const ESCAPED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

function escape(text: string, markup: RegExp): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(NOT_XML, '').replace(markup, (c) => ESCAPED[c]);
}

/** Text as element content: markup escaped, characters XML cannot hold dropped so the part always parses. */
export function escapeXml(text: string): string {
  return escape(text, CONTENT_MARKUP);
}

/** Text as a double-quoted attribute value, its tabs and line breaks kept. */
export function escapeAttribute(text: string): string {
  return escape(text, ATTRIBUTE_MARKUP);
}

/**
 * A cell's text as SpreadsheetML stores it. Readers turn "_xHHHH_" into the
 * character HHHH, so a literal one has its underscore escaped; a carriage
 * return is written that way too, as Excel writes it.
 */
export function escapeCellText(text: string): string {
  const coded =
    text.indexOf('_x') < 0 && text.indexOf('\r') < 0
      ? text
      : text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_').replace(/\r/g, '_x000D_');
  return escapeXml(coded);
}
