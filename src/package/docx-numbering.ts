/**
 * Word's automatic paragraph numbering ("I.", "1.", "a)"), as Word shows
 * it: numbering.xml's lists and levels, a paragraph's own numPr or its
 * style's, and counters that run through the document. Lists sharing an
 * abstract definition share their counters unless a w:num restarts them.
 */
import { attribute, scanXml } from './xml';

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
}

interface NumDef {
  abstractId: string;
  starts: Map<number, number>;
}

export interface Numbering {
  /** The label of the next paragraph numbered (numId, ilvl), or of its style's list; '' when none. */
  label(numId: string | undefined, ilvl: number | undefined, style: string | undefined): string;
}

const value = (attrs: string) => attribute(attrs, 'val');

function parseNumbering(xml: string): { abstracts: Map<string, Map<number, Level>>; nums: Map<string, NumDef> } {
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, NumDef>();
  let abstract: Map<number, Level> | null = null;
  let level: Level | null = null;
  let num: NumDef | null = null;
  let overrideLevel: number | null = null;
  scanXml(xml, {
    open(name, attrs) {
      if (name === 'abstractNum') {
        abstract = new Map();
        abstracts.set(attribute(attrs, 'abstractNumId') ?? '', abstract);
      } else if (name === 'lvl' && abstract && !num) {
        level = { start: 1, format: 'decimal', text: '', suffix: '\t' };
        abstract.set(Number(attribute(attrs, 'ilvl') ?? 0), level);
      } else if (name === 'start' && level) level.start = Number(value(attrs) ?? 1);
      else if (name === 'numFmt' && level) level.format = value(attrs) ?? 'decimal';
      else if (name === 'lvlText' && level) level.text = value(attrs) ?? '';
      else if (name === 'suff' && level) level.suffix = { space: ' ', nothing: '' }[value(attrs) ?? ''] ?? '\t';
      else if (name === 'num') {
        num = { abstractId: '', starts: new Map() };
        nums.set(attribute(attrs, 'numId') ?? '', num);
      } else if (name === 'abstractNumId' && num) num.abstractId = value(attrs) ?? '';
      else if (name === 'lvlOverride' && num) overrideLevel = Number(attribute(attrs, 'ilvl') ?? 0);
      else if (name === 'startOverride' && num && overrideLevel !== null) num.starts.set(overrideLevel, Number(value(attrs) ?? 1));
    },
    close(name) {
      if (name === 'abstractNum') abstract = null;
      else if (name === 'lvl') level = null;
      else if (name === 'num') num = null;
      else if (name === 'lvlOverride') overrideLevel = null;
    },
    text() {},
  });
  return { abstracts, nums };
}

/** Each paragraph style's own numbering, following basedOn. */
function parseStyles(xml: string): Map<string, { numId?: string; ilvl?: number; basedOn?: string }> {
  const styles = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  let style: { numId?: string; ilvl?: number; basedOn?: string } | null = null;
  scanXml(xml, {
    open(name, attrs) {
      if (name === 'style') {
        style = {};
        styles.set(attribute(attrs, 'styleId') ?? '', style);
      } else if (style && name === 'basedOn') style.basedOn = value(attrs);
      else if (style && name === 'numId') style.numId = value(attrs);
      else if (style && name === 'ilvl') style.ilvl = Number(value(attrs) ?? 0);
    },
    close(name) {
      if (name === 'style') style = null;
    },
    text() {},
  });
  return styles;
}

function letters(n: number): string {
  // Word repeats the letter: a … z, aa … zz.
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let out = '';
  for (const [v, l] of table) while (n >= v) (out += l), (n -= v);
  return out;
}

function formatCount(n: number, format: string): string {
  switch (format) {
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Symbol-font bullets sit in the private use area; they are shown as a bullet. */
const bullet = (text: string) => text.replace(/[\uF000-\uF0FF]/g, '•');

export function readNumbering(numberingXml: string | undefined, stylesXml: string | undefined): Numbering {
  const { abstracts, nums } = numberingXml ? parseNumbering(numberingXml) : { abstracts: new Map(), nums: new Map<string, NumDef>() };
  const styles = stylesXml ? parseStyles(stylesXml) : new Map();
  const counters = new Map<string, Map<number, number>>();
  const restarted = new Set<string>();

  const styleNumbering = (style: string | undefined) => {
    for (let depth = 0, id = style; id && depth < 20; depth++) {
      const s = styles.get(id);
      if (!s) return undefined;
      if (s.numId !== undefined) return { numId: s.numId, ilvl: s.ilvl };
      id = s.basedOn;
    }
    return undefined;
  };

  return {
    label(numId, ilvl, style) {
      const fromStyle = numId === undefined ? styleNumbering(style) : undefined;
      const id = numId ?? fromStyle?.numId;
      const lvl = ilvl ?? fromStyle?.ilvl ?? 0;
      const num = id === undefined || id === '0' ? undefined : nums.get(id);
      const levels = num ? abstracts.get(num.abstractId) : undefined;
      const level = levels?.get(lvl);
      if (!num || !levels || !level) return '';
      // A list with its own start values counts on its own, from its first paragraph.
      const key = num.starts.size > 0 ? `num:${id}` : `abstract:${num.abstractId}`;
      const count = counters.get(key) ?? new Map<number, number>();
      counters.set(key, count);
      if (num.starts.has(lvl) && !restarted.has(`${key}:${lvl}`)) {
        restarted.add(`${key}:${lvl}`);
        count.set(lvl, num.starts.get(lvl)! - 1);
      }
      count.set(lvl, (count.get(lvl) ?? level.start - 1) + 1);
      for (const deeper of [...count.keys()]) if (deeper > lvl) count.delete(deeper);
      if (level.format === 'bullet') return bullet(level.text) + level.suffix;
      const text = level.text.replace(/%(\d)/g, (_: string, d: string) => {
        const k = Number(d) - 1;
        const def = levels.get(k);
        return def ? formatCount(count.get(k) ?? def.start, def.format) : '';
      });
      return text + level.suffix;
    },
  };
}
