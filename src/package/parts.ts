/**
 * How an Open Packaging Conventions package (ECMA-376 part 2) says what its
 * parts are and how they refer to each other: part names compared without
 * ASCII case, content types from [Content_Types].xml, and relationships from
 * the _rels parts. Spreadsheet programs find the workbook this way, never by
 * a fixed path, and so does the reader.
 */
import { attribute, scanXml } from './xml';

/** A part's name as packages compare them: no leading slash, ASCII letters folded (M1.12). */
export const partKey = (name: string) => name.replace(/^\/+/, '').replace(/[A-Z]/g, (c) => c.toLowerCase());

export const CONTENT_TYPES_PART = '[content_types].xml';

export interface ContentTypes {
  /** By lower-case extension. */
  defaults: Map<string, string>;
  /** By part key. */
  overrides: Map<string, string>;
}

/** The Default and Override entries of [Content_Types].xml. */
export function contentTypes(xml: string): ContentTypes {
  const types: ContentTypes = { defaults: new Map(), overrides: new Map() };
  scanXml(xml, {
    open(name, attributes) {
      const type = attribute(attributes, 'ContentType');
      if (type === undefined) return;
      if (name === 'Default') {
        const extension = attribute(attributes, 'Extension');
        if (extension !== undefined) types.defaults.set(extension.toLowerCase(), type.trim());
      } else if (name === 'Override') {
        const part = attribute(attributes, 'PartName');
        if (part !== undefined) types.overrides.set(partKey(part), type.trim());
      }
    },
    close() {},
    text() {},
  });
  return types;
}

/** A part's content type: its Override, else the Default of its extension. */
export function contentTypeOf(types: ContentTypes, part: string): string | undefined {
  const key = partKey(part);
  const override = types.overrides.get(key);
  if (override !== undefined) return override;
  const dot = key.lastIndexOf('.');
  return dot < 0 || dot < key.lastIndexOf('/') ? undefined : types.defaults.get(key.slice(dot + 1));
}

/** A part holds XML when its content type says so (…+xml, …/xml). */
export const isXmlType = (type: string | undefined) => type !== undefined && /[+/]xml$/i.test(type);

export const CONTENT_TYPE = {
  /** A workbook, a template, and their macro-enabled forms: what Excel opens as a workbook. */
  workbook: [
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
    'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
    'application/vnd.ms-excel.template.macroEnabled.main+xml',
  ],
  worksheet: ['application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml'],
  sharedStrings: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml'],
  coreProperties: ['application/vnd.openxmlformats-package.core-properties+xml'],
} as const;

/** Relationship types, in the transitional and the strict namespace alike. */
const OFFICE_RELATIONSHIP = /^(?:http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006|http:\/\/purl\.oclc\.org\/ooxml\/officeDocument)\/relationships\/(\w+)$/;
const CORE_PROPERTIES = /^http:\/\/schemas\.openxmlformats\.org\/package\/2006\/relationships\/metadata\/core-properties$/;

export type RelationshipKind = 'officeDocument' | 'worksheet' | 'sharedStrings' | 'coreProperties' | 'other';

function kindOf(type: string): RelationshipKind {
  if (CORE_PROPERTIES.test(type)) return 'coreProperties';
  const m = OFFICE_RELATIONSHIP.exec(type);
  return m && (m[1] === 'officeDocument' || m[1] === 'worksheet' || m[1] === 'sharedStrings') ? m[1] : 'other';
}

export interface Relationship {
  id: string;
  kind: RelationshipKind;
  /** The relationship type as written, for kinds this list does not name (a document's images, numbering, styles). */
  type: string;
  /** The part it points at, as a part key. */
  target: string;
}

/** Where a part's relationships are: xl/workbook.xml → xl/_rels/workbook.xml.rels; the package's own ('') → _rels/.rels. */
export function relationshipsPartOf(source: string): string {
  const key = partKey(source);
  const slash = key.lastIndexOf('/');
  return `${key.slice(0, slash + 1)}_rels/${key.slice(slash + 1)}.rels`;
}

/** A target URI resolved against the folder of the part it belongs to, or from the root when it starts with "/". */
function resolveTarget(source: string, target: string): string {
  let t = target.trim().replace(/\\/g, '/');
  try {
    t = decodeURIComponent(t);
  } catch {
    // Not percent-encoded after all: the name stands as written.
  }
  const folder = partKey(source).split('/').slice(0, -1);
  const out = t.startsWith('/') ? [] : folder;
  for (const s of t.split('/')) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return partKey(out.join('/'));
}

/** The internal relationships of `source` ('' for the package itself), in file order. */
export function relationships(xml: string | undefined, source: string): Relationship[] {
  const found: Relationship[] = [];
  if (xml === undefined) return found;
  scanXml(xml, {
    open(name, attributes) {
      if (name !== 'Relationship') return;
      const id = attribute(attributes, 'Id');
      const type = attribute(attributes, 'Type');
      const target = attribute(attributes, 'Target');
      if (id === undefined || type === undefined || target === undefined || attribute(attributes, 'TargetMode') === 'External') return;
      found.push({ id, kind: kindOf(type.trim()), type: type.trim(), target: resolveTarget(source, target) });
    },
    close() {},
    text() {},
  });
  return found;
}

/** XML parts by name, looked up as packages compare names. */
export class PartTexts {
  private readonly byKey = new Map<string, string>();

  constructor(parts: ReadonlyMap<string, string>) {
    for (const [name, xml] of parts) this.byKey.set(partKey(name), xml);
  }

  text(part: string): string | undefined {
    return this.byKey.get(partKey(part));
  }

  /** The relationships of `part` ('' for the package itself). */
  relationships(part: string): Relationship[] {
    return relationships(this.text(relationshipsPartOf(part)), part);
  }
}
