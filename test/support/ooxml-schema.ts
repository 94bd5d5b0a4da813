/**
 * Validation of a package's parts against the OOXML schemas
 * (../shared/ooxml-schemas, ISO/IEC 29500-4 transitional) with xmllint, as
 * that folder's README says: each part reduced first as a consumer applies
 * markup compatibility, xml:space dropped, the schema picked by the root
 * element's namespace.
 */
import { spawnSync } from 'child_process';
import { unzipSync, strFromU8 } from 'fflate';
import * as fs from 'fs';
import { JSDOM } from 'jsdom';
import * as os from 'os';
import * as path from 'path';

export const SCHEMA_DIR = path.resolve(__dirname, '../../../shared/ooxml-schemas');

const ISO = path.join(SCHEMA_DIR, 'ISO-IEC29500-4_2016');
const OPC = path.join(SCHEMA_DIR, 'ecma/fouth-edition');
const SCHEMA_OF: Record<string, string> = {
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main': path.join(ISO, 'sml.xsd'),
  'http://schemas.openxmlformats.org/drawingml/2006/main': path.join(ISO, 'dml-main.xsd'),
  'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties': path.join(ISO, 'shared-documentPropertiesExtended.xsd'),
  'http://schemas.openxmlformats.org/package/2006/content-types': path.join(OPC, 'opc-contentTypes.xsd'),
  'http://schemas.openxmlformats.org/package/2006/relationships': path.join(OPC, 'opc-relationships.xsd'),
};
/** docProps/core.xml: its Dublin Core schemas are not in the folder. */
const NOT_COVERED = new Set(['http://schemas.openxmlformats.org/package/2006/metadata/core-properties']);

const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const { DOMParser, XMLSerializer } = new JSDOM().window;

/** The element as a consumer sees it: ignorable markup and xml:space gone, alternate content replaced by its fallback. */
function reduceElement(el: Element, ignorable: ReadonlySet<string>): void {
  const own = new Set(ignorable);
  const listed = el.getAttributeNS(MC, 'Ignorable');
  for (const prefix of listed ? listed.split(/\s+/).filter(Boolean) : []) {
    const ns = el.lookupNamespaceURI(prefix);
    if (ns) own.add(ns);
  }
  for (const attr of Array.from(el.attributes)) {
    const ns = attr.namespaceURI;
    if (ns === MC || ns === XML_NS || (ns !== null && own.has(ns))) el.removeAttributeNode(attr);
  }
  for (const child of Array.from(el.children)) {
    if (child.namespaceURI === MC && child.localName === 'AlternateContent') {
      const fallback = Array.from(child.children).find((c) => c.namespaceURI === MC && c.localName === 'Fallback');
      for (const kept of fallback ? Array.from(fallback.childNodes) : []) el.insertBefore(kept, child);
      child.remove();
    } else if (child.namespaceURI !== null && own.has(child.namespaceURI)) {
      child.remove();
    }
  }
  for (const child of Array.from(el.children)) reduceElement(child, own);
}

export interface PartReport {
  part: string;
  /** What xmllint said; empty when the part validates. */
  errors: string;
}

/** Every XML part of an .xlsx package, validated; parts no schema here covers are only parsed. */
export function validatePackage(bytes: Uint8Array): PartReport[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ooxml-schema-'));
  try {
    const bySchema = new Map<string, { part: string; file: string }[]>();
    const reports: PartReport[] = [];
    let written = 0;
    for (const [part, data] of Object.entries(unzipSync(bytes))) {
      if (part.endsWith('/')) continue;
      const doc = new DOMParser().parseFromString(strFromU8(data), 'application/xml');
      const broken = doc.getElementsByTagName('parsererror')[0];
      if (broken) {
        reports.push({ part, errors: `not well-formed: ${broken.textContent}` });
        continue;
      }
      const ns = doc.documentElement.namespaceURI ?? '';
      if (NOT_COVERED.has(ns)) continue;
      const schema = SCHEMA_OF[ns];
      if (!schema) {
        reports.push({ part, errors: `no schema for the namespace ${ns}` });
        continue;
      }
      reduceElement(doc.documentElement, new Set());
      const file = path.join(dir, `${++written}-${part.replace(/[^A-Za-z0-9.]+/g, '_')}`);
      fs.writeFileSync(file, new XMLSerializer().serializeToString(doc));
      bySchema.set(schema, [...(bySchema.get(schema) ?? []), { part, file }]);
    }
    for (const [schema, parts] of bySchema) {
      const r = spawnSync('xmllint', ['--noout', '--schema', schema, ...parts.map((p) => p.file)], { encoding: 'utf8' });
      const lines = r.stderr.split('\n');
      for (const { part, file } of parts) {
        const valid = lines.includes(`${file} validates`);
        const said = lines.filter((line) => line.startsWith(`${file}:`)).map((line) => line.slice(file.length + 1));
        reports.push({ part, errors: valid ? '' : said.join('\n') || r.stderr || `xmllint exited ${r.status}` });
      }
    }
    return reports.sort((a, b) => a.part.localeCompare(b.part));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
