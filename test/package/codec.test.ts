/**
 * The two package codecs, fflate (the task pane's) and Node's zlib (the
 * command line's), must make the same package readings: the same refusal for
 * every damaged file, the same parts for every readable one, and workbooks
 * that read back alike.
 */
import fc from 'fast-check';
import * as zlib from 'zlib';
import { fflateCodec } from '../../src/package/codec';
import { nodeCodec } from '../../src/package/node-codec';
import { openPackage } from '../../src/package/open';
import { builtinRubric } from '../../src/rubric';
import { buildSheetPlan } from '../../src/layout';
import { writeWorkbook } from '../../src/xlsx/write';
import { generated } from '../support/workbooks';
import { applyZipCase, unzipEntries, zipCaseArb } from '../fuzz/zip-mutations';

const outcome = (bytes: Uint8Array, codec: typeof fflateCodec) => {
  const opened = openPackage(bytes, codec);
  return 'problem' in opened ? { refused: opened.problem.code } : { parts: [...opened.parts].sort() };
};

describe('fflate and zlib as the package codec', () => {
  let base: Buffer;
  beforeAll(async () => {
    base = await generated();
  });

  test('refuse or read every damaged package alike', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(zipCaseArb(1), async (c) => {
        const bytes = await applyZipCase(base, c);
        const byFflate = outcome(bytes, fflateCodec);
        seen.add('refused' in byFflate ? String(byFflate.refused) : 'read');
        expect(outcome(bytes, nodeCodec)).toEqual(byFflate);
      }),
      { numRuns: 60, seed: 20_261_201 },
    );
    // The cases reached both readings and refusals.
    expect(seen.has('read')).toBe(true);
    expect(seen.size).toBeGreaterThan(1);
  });

  test('stop an entry that inflates past what it declares, and refuse data that is not DEFLATE', () => {
    const packed = zlib.deflateRawSync(Buffer.alloc(1_000_000, 0x41));
    for (const codec of [fflateCodec, nodeCodec]) {
      expect(codec.inflate(packed, 1_000)).toEqual({ over: true });
      expect(codec.inflate(Uint8Array.from([0xff, 0xff, 1, 2]), 100)).toEqual({ damaged: true });
      expect(codec.inflate(zlib.deflateRawSync(Buffer.alloc(0)), 0)).toEqual({ data: expect.any(Uint8Array) });
    }
    expect(nodeCodec.inflate(packed, 1_000_000)).toEqual({ data: new Uint8Array(Buffer.alloc(1_000_000, 0x41)) });
  });

  test('write workbooks whose parts read back the same, through either codec', async () => {
    const plan = buildSheetPlan(builtinRubric(), { unitName: 'Hội LHPN huyện Hòa An' });
    const byFflate = writeWorkbook(plan, undefined, fflateCodec);
    const byZlib = writeWorkbook(plan, undefined, nodeCodec);
    const parts = (bytes: Uint8Array) => outcome(bytes, fflateCodec);
    expect(parts(byZlib)).toEqual(parts(byFflate));
    expect(outcome(byZlib, nodeCodec)).toEqual(parts(byFflate));
    // And as a zip reader of its own (JSZip) unpacks it.
    const entries = await unzipEntries(Buffer.from(byZlib));
    expect(entries.map((e) => e.name).sort()).toEqual((parts(byFflate) as { parts: [string, string][] }).parts.map(([n]) => n).sort());
  });
});
