/**
 * Opens a returned file in one pass: the gate (kind of file, size, zip
 * directory), then every entry unpacked within its declared size and the
 * package limit, so a lie anywhere in the package is caught. The XML parts
 * are kept as text for the reader, which never touches the zip again.
 */
import type { MergeProblem } from '../merge/problems';
import { damaged, directoryOf, INPUT_LIMITS, sniffFile, unpackedMoreThanDeclared, zipDirectoryProblem } from './guard';
import { ZIP_TEXT } from '../text/messages';
import { PartTexts } from './parts';
import { partText } from './xml';
import { unpackEntry } from './zip';

export interface OpenedPackage {
  /** dcterms:modified of the core properties: when the workbook was last saved. */
  savedAt: string | null;
  /** The text of every XML part (.xml and .rels), by its name in the zip. */
  parts: Map<string, string>;
}

const isXmlName = (name: string) => /\.(xml|rels)$/i.test(name);

/** When the core properties the package's relationship points at say it was last saved. */
function savedAtOf(parts: PartTexts): string | null {
  const core = parts.relationships('').find((r) => r.kind === 'coreProperties');
  const xml = core === undefined ? undefined : parts.text(core.target);
  const m = xml === undefined ? null : /<dcterms:modified[^>]*>([^<]+)</.exec(xml);
  return m ? m[1].trim() : null;
}

export function openPackage(bytes: Uint8Array): { problem: MergeProblem } | OpenedPackage {
  const sniffed = sniffFile(bytes);
  if (sniffed) return { problem: sniffed };
  const directory = directoryOf(bytes);
  if ('problem' in directory) return directory;
  const claimed = zipDirectoryProblem(directory.entries);
  if (claimed) return { problem: claimed };

  let budget = INPUT_LIMITS.maxUnpackedBytes;
  const parts = new Map<string, string>();
  for (const entry of directory.entries) {
    if (entry.name.endsWith('/')) continue;
    const limit = Math.min(budget, entry.uncompressedSize);
    const unpacked = unpackEntry(bytes, entry, limit);
    if ('over' in unpacked) return { problem: unpackedMoreThanDeclared(entry.name, limit) };
    if ('damaged' in unpacked) return { problem: damaged(ZIP_TEXT.partDamaged(entry.name)) };
    budget -= unpacked.data.length;
    if (isXmlName(entry.name)) parts.set(entry.name, partText(unpacked.data));
  }
  return { savedAt: savedAtOf(new PartTexts(parts)), parts };
}
