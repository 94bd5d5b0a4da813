/**
 * Many returned workbooks for distinct units, fully filled: generated once,
 * filled in a few variants, and each copy differs in the unit name only,
 * patched into the shared strings, so making hundreds takes seconds.
 */
import JSZip from 'jszip';
import { builtinRubric } from '../../src/rubric';
import { completeEntries } from './fixtures';
import { fillByName, generated } from './workbooks';

const VARIANTS = 8;
const placeholder = (k: number) => `Đơn vị mẫu số ${k}`;

export interface ReturnedWorkbook {
  /** "don-vi-0001.xlsx" */
  name: string;
  unit: string;
  bytes: Buffer;
}

export async function returnedWorkbooks(count: number): Promise<ReturnedWorkbook[]> {
  const loaded = builtinRubric();
  const blank = await generated({ createdAt: '2026-01-15T08:00:00.000Z' }, loaded);
  const variants: { bytes: Buffer; strings: string }[] = [];
  for (let k = 0; k < Math.min(VARIANTS, count); k++) {
    const bytes = await fillByName(blank, completeEntries(placeholder(k), k + 1, loaded));
    const strings = await ((await JSZip.loadAsync(bytes)).file('xl/sharedStrings.xml') as JSZip.JSZipObject).async('string');
    variants.push({ bytes, strings });
  }
  const files: ReturnedWorkbook[] = [];
  for (let i = 0; i < count; i++) {
    const k = i % VARIANTS;
    const number = String(i + 1).padStart(4, '0');
    const unit = `Hội LHPN đơn vị số ${number}`;
    const patched = variants[k].strings.replace(`<t>${placeholder(k)}</t>`, `<t>${unit}</t>`);
    if (patched === variants[k].strings) throw new Error('unit name not found in the shared strings');
    // Only the patched entry is compressed again; JSZip copies the others as they are.
    const copy = await JSZip.loadAsync(variants[k].bytes);
    copy.file('xl/sharedStrings.xml', patched);
    files.push({ name: `don-vi-${number}.xlsx`, unit, bytes: await copy.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }) });
  }
  return files;
}
