/**
 * Opening a package in one pass: what the package standard forbids is
 * refused wherever it hides, and what it allows is not.
 */
import * as zlib from 'zlib';
import { openPackage } from '../../src/package/open';
import { declaresDoctype } from '../../src/package/xml';
import { zipOf } from '../support/fixtures';
import { generated } from '../support/workbooks';
import { packZip, unzipEntries, type ZipEntry } from '../fuzz/zip-mutations';

const problemOf = (bytes: Uint8Array) => {
  const opened = openPackage(bytes);
  return 'problem' in opened ? opened.problem : null;
};

/** The generated workbook with `edit` applied to its entries. */
async function variant(edit: (entries: ZipEntry[]) => ZipEntry[]): Promise<Buffer> {
  return packZip(edit(await unzipEntries(await generated())), 'deflate');
}

const replace = (name: string, data: Buffer) => (es: ZipEntry[]) => es.map((e) => (e.name === name ? { name, data } : e));
const withPng = (es: ZipEntry[]) =>
  es.map((e) =>
    e.name === '[Content_Types].xml' ? { name: e.name, data: Buffer.from(e.data.toString('utf8').replace('<Default ', '<Default Extension="png" ContentType="image/png"/><Default ')) } : e,
  );

describe('a DOCTYPE in a part', () => {
  test('is seen in the prolog, in any case, and not in a comment or CDATA that mentions one', () => {
    expect(declaresDoctype('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')).toBe(true);
    expect(declaresDoctype('<?xml version="1.0"?>\n<!doctype x><x/>')).toBe(true);
    expect(declaresDoctype('<x><!-- <!DOCTYPE x> --><t><![CDATA[<!DOCTYPE y>]]></t></x>')).toBe(false);
    expect(declaresDoctype('<x><!-- never closed <!DOCTYPE x>')).toBe(false);
    expect(declaresDoctype('<x a="1">no declaration</x>')).toBe(false);
  });

  test('refuses the package when the part is written in UTF-16, as a byte search would miss', async () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE styleSheet [<!ENTITY a "a">]><styleSheet/>';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    expect(problemOf(await variant(replace('xl/styles.xml', utf16)))).toMatchObject({ code: 'XML_DOCTYPE', severity: 'error' });
  });

  test('in a part that is not XML by its content type is no refusal: only XML parts are parsed', async () => {
    const png = Buffer.from('\u0089PNG\r\n<!DOCTYPE html> not XML at all');
    const bytes = await variant((es) => [...withPng(es), { name: 'xl/media/image1.png', data: png }]);
    expect(problemOf(bytes)).toBeNull();
  });
});

describe('the entries of the zip', () => {
  test('a CRC-32 that does not match refuses the package, in a part nobody reads too', async () => {
    const es = withPng(await unzipEntries(await generated()));
    const picture = Buffer.from('\u0089PNG picture bytes');
    const bytes = zipOf([
      ...es.map((e) => ({ name: e.name, method: 0 as const, data: e.data, uncompressedSize: e.data.length, crc: zlib.crc32(e.data) })),
      { name: 'xl/media/image1.png', method: 0, data: picture, uncompressedSize: picture.length, crc: zlib.crc32(picture) ^ 1 },
    ]);
    expect(problemOf(bytes)).toMatchObject({ code: 'ZIP_CRC_MISMATCH', message: expect.stringContaining('xl/media/image1.png') });
  });

  test('the same stored package with true CRCs opens, folders and all', async () => {
    const es = await unzipEntries(await generated());
    const stored = zipOf([
      { name: 'xl/', method: 0, data: Buffer.alloc(0), uncompressedSize: 0, crc: 0 },
      ...es.map((e) => ({ name: e.name, method: 0 as const, data: e.data, uncompressedSize: e.data.length, crc: zlib.crc32(e.data) })),
    ]);
    expect(problemOf(stored)).toBeNull();
  });

  test('two names for one part, however they differ in ASCII case or a leading slash, refuse the package', async () => {
    for (const twin of ['xl/styles.xml', 'XL/STYLES.XML', '/xl/styles.xml']) {
      const bytes = await variant((es) => [...es, { name: twin, data: Buffer.from('<styleSheet/>') }]);
      expect(problemOf(bytes)).toMatchObject({ code: 'ZIP_DUPLICATE_ENTRY', message: expect.stringContaining(twin) });
    }
  });
});
