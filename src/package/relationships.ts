/**
 * Relationship parts (_rels/*.rels): which part a relationship id points at.
 */
import { attribute, scanXml } from './xml';

/** "worksheets/sheet1.xml" from xl/, or "/xl/worksheets/sheet1.xml" from the package root. */
function resolveTarget(target: string): string {
  const t = target.trim().replace(/\\/g, '/');
  const segments = (t.startsWith('/') ? t.slice(1) : `xl/${t}`).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

/** Internal relationships by id, each to the part name it targets. */
export function relationships(xml: string | undefined): Map<string, string> {
  const targets = new Map<string, string>();
  if (xml === undefined) return targets;
  scanXml(xml, {
    open(name, attributes) {
      if (name !== 'Relationship') return;
      const id = attribute(attributes, 'Id');
      const target = attribute(attributes, 'Target');
      if (id !== undefined && target !== undefined && attribute(attributes, 'TargetMode') !== 'External') {
        targets.set(id, resolveTarget(target));
      }
    },
    close() {},
    text() {},
  });
  return targets;
}
