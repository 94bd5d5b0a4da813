import { strToU8, unzipSync, zipSync } from 'fflate';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { DocumentReadError, readDocx } from '../../src/package/docx';
import type { WordTable } from '../../src/rubric/import';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

/** A package of hand-written parts: the body goes into word/document.xml. */
function docx(body: string, parts: Record<string, string> = {}, mainType = MAIN): Uint8Array {
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${mainType}"/></Types>`,
    '_rels/.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    ...parts,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const paragraphs = (bytes: Uint8Array) => readDocx(bytes).blocks.map((b) => (b.kind === 'paragraph' ? b.text : '[table]'));
const firstTable = (bytes: Uint8Array): WordTable => {
  const t = readDocx(bytes).blocks.find((b) => b.kind === 'table');
  if (!t || t.kind !== 'table') throw new Error('no table');
  return t.table;
};

function refusal(bytes: Uint8Array): { code: string; message: string } {
  try {
    readDocx(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(DocumentReadError);
    return { code: (e as DocumentReadError).code, message: (e as Error).message };
  }
  throw new Error('read');
}

describe('reading what Word shows', () => {
  test('runs, tabs and line breaks; hidden, deleted and field-code text left out; entities decoded', () => {
    const body = p(
      r('Tổ chức ') +
        r('ẩn ', '<w:vanish/>') +
        r('đủ', '<w:vanish w:val="0"/>') +
        '<w:del w:id="1"><w:r><w:delText>xoá </w:delText></w:r></w:del>' +
        '<w:ins w:id="2">' + r(' 12') + '</w:ins>' +
        '<w:r><w:tab/></w:r>' + r('kỳ &amp; &#272;ủ') +
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r('3') + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' +
        '<w:r><w:br/><w:t>dòng hai</w:t></w:r>',
      '<w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs>',
    );
    expect(paragraphs(docx(body))).toEqual(['Tổ chức đủ 12\tkỳ & Đủ3\ndòng hai']);
  });

  test('a text box and the fallback of alternate content are not body text; a picture is named after its part', () => {
    const rels = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image7.png"/></Relationships>';
    const drawing = '<w:r><w:drawing><wp:inline xmlns:wp="x"><a:graphic xmlns:a="y"><a:blip r:embed="rId9"/><w:txbxContent><w:p><w:r><w:t>trong hộp</w:t></w:r></w:p></w:txbxContent></a:graphic></wp:inline></w:drawing></w:r>';
    const alternate = '<mc:AlternateContent><mc:Choice Requires="w14">' + r('một lần') + '</mc:Choice><mc:Fallback>' + r('một lần') + '</mc:Fallback></mc:AlternateContent>';
    const body = `<w:tbl><w:tr><w:tc>${p(r('Ảnh:') + drawing)}${p(alternate)}</w:tc></w:tr></w:tbl>`;
    const t = firstTable(docx(body, { 'word/_rels/document.xml.rels': rels }));
    expect(t.rows[0][0]).toEqual({ column: 0, span: 1, continuesAbove: false, paragraphs: ['Ảnh:', 'một lần'], images: ['image7'] });
  });

  test('grid columns: gridBefore, gridSpan and a legacy hMerge; vMerge continuations; a nested table read into its cell', () => {
    const tc = (text: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${p(r(text))}</w:tc>`;
    const nested = `<w:tbl><w:tr>${tc('a')}${tc('b')}</w:tr></w:tbl>`;
    const body =
      '<w:tbl>' +
      `<w:tr>${tc('I', '<w:vMerge w:val="restart"/>')}${tc('TIÊU ĐỀ', '<w:gridSpan w:val="3"/>')}</w:tr>` +
      `<w:tr>${tc('', '<w:vMerge/>')}${tc('x')}${tc('y')}${tc('', '<w:hMerge w:val="continue"/>')}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('sau')}<w:tc>${p(r('ngoài'))}${nested}</w:tc></w:tr>` +
      '</w:tbl>';
    const t = firstTable(docx(body));
    const shape = t.rows.map((row) => row.map((c) => `${c.column}+${c.span}${c.continuesAbove ? '^' : ''}:${c.paragraphs.join('/')}`));
    expect(shape).toEqual([['0+1:I', '1+3:TIÊU ĐỀ'], ['0+1^:', '1+1:x', '2+2:y'], ['1+1:sau', '2+1:ngoài/a/b']]);
  });

  test('automatic numbering: Roman section numbers, a style’s list, counters per list, levels restarting', () => {
    const numbering = `<?xml version="1.0"?><w:numbering ${W}>
      <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:suff w:val="space"/></w:lvl></w:abstractNum>
      <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uF0B7"/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
    </w:numbering>`;
    const styles = `<?xml version="1.0"?><w:styles ${W}><w:style w:type="paragraph" w:styleId="Muc"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Muc2"><w:basedOn w:val="Muc"/></w:style></w:styles>`;
    const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/word/styles.xml"/></Relationships>`;
    const num = (id: number, lvl = 0) => `<w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="${id}"/></w:numPr>`;
    const body = [
      p(r('Một'), num(1)),
      p(r('a'), num(1, 1)),
      p(r('b'), num(1, 1)),
      p(r('Hai'), '<w:pStyle w:val="Muc2"/>'),
      p(r('c'), num(1, 1)),
      p(r('gạch'), num(2)),
      p(r('Năm'), num(3)),
      p(r('Sáu'), num(3)),
      p(r('Không'), num(0)),
    ].join('');
    const bytes = docx(body, { 'word/_rels/document.xml.rels': rels, 'word/numbering.xml': numbering, 'word/styles.xml': styles });
    expect(paragraphs(bytes)).toEqual(['I.\tMột', 'I.1 a', 'I.2 b', 'II.\tHai', 'II.1 c', '•\tgạch', 'V.\tNăm', 'VI.\tSáu', 'Không']);
  });

  test('a document the docx package writes: cells of several paragraphs, spans and merges', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('Trước bảng'),
            new Table({
              rows: [
                new TableRow({ children: [new TableCell({ children: [new Paragraph('I')] }), new TableCell({ columnSpan: 2, children: [new Paragraph('A'), new Paragraph({ children: [new TextRun('B'), new TextRun({ text: 'C', break: 1 })] })] })] }),
              ],
            }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    expect(paragraphs(bytes)).toEqual(['Trước bảng', '[table]']);
    expect(firstTable(bytes).rows[0].map((c) => [c.column, c.span, c.paragraphs])).toEqual([
      [0, 1, ['I']],
      [1, 2, ['A', 'B\nC']],
    ]);
  });
});

describe('files that are not a readable .docx', () => {
  test('a legacy .doc is told to be saved as .docx', () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(refusal(ole)).toEqual({
      code: 'LEGACY_DOC',
      message: 'Đây là tệp Word cũ (.doc), chamdiem chỉ đọc được .docx. Hãy mở tệp bằng Word, chọn Tệp → Lưu thành → "Tài liệu Word (*.docx)", rồi nhập tệp .docx vừa lưu.',
    });
  });

  test('a password-protected document, an empty file, a text file', () => {
    const encrypted = new Uint8Array(4096);
    encrypted.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    encrypted.set(Array.from('EncryptedPackage', (c) => [c.charCodeAt(0), 0]).flat(), 1024);
    expect(refusal(encrypted).code).toBe('ENCRYPTED');
    expect(refusal(new Uint8Array(0)).code).toBe('EMPTY');
    expect(refusal(strToU8('STT\tTiêu chí')).code).toBe('NOT_DOCX');
    expect(refusal(strToU8('{\\rtf1 ...')).code).toBe('LEGACY_DOC');
  });

  test('a DOCTYPE in a part is refused, as the standard forbids it', () => {
    const bytes = zipSync({
      '[Content_Types].xml': strToU8(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="${MAIN}"/></Types>`),
      '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
      'word/document.xml': strToU8(`<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x "xxxxxxxx">]><w:document ${W}><w:body>${p(r('&x;'))}</w:body></w:document>`),
    });
    expect(refusal(bytes)).toEqual({ code: 'DOCTYPE', message: 'Tệp chứa một khai báo mà định dạng Word không cho phép, vì nó có thể dùng để tấn công máy đọc tệp (ở phần word/document.xml), nên tệp không được đọc. Hãy mở bằng Word rồi lưu thành một tệp .docx mới.' });
  });

  test('an Excel workbook is named as one; a zip without the relationships is not a document', () => {
    expect(refusal(docx('', {}, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml')).message).toBe(
      'Phần văn bản chính /word/document.xml là một bảng tính Excel, không phải tài liệu Word.',
    );
    expect(refusal(zipSync({ 'a.txt': strToU8('x') })).message).toBe('Tệp không phải tài liệu Word: thiếu phần mô tả cấu trúc của tệp (_rels/.rels).');
  });

  test('a damaged zip', () => {
    const bytes = docx(p(r('x')));
    expect(refusal(bytes.subarray(0, bytes.length - 30)).code).toBe('CORRUPT');
  });
});

describe('a package that lies', () => {
  test('an entry whose bytes do not match its CRC-32, and two entries of one part name', () => {
    // Stored, not deflated, so one changed byte reaches the CRC check rather than the inflater.
    const unzipped = unzipSync(docx(p(r('Tổ chức hội nghị'))));
    const stored = zipSync(Object.fromEntries(Object.entries(unzipped).map(([k, v]) => [k, [v, { level: 0 }]])) as Parameters<typeof zipSync>[0]);
    const at = Buffer.from(stored).indexOf('Tổ chức hội nghị');
    const bad = Uint8Array.from(stored);
    bad[at] ^= 0x20;
    expect(refusal(bad)).toEqual({ code: 'CORRUPT', message: 'Tệp .docx bị hỏng: phần word/document.xml không giải nén được (nội dung không khớp với mã kiểm tra lưu trong tệp, tệp bị hỏng hoặc bị sửa).' });
    const twice = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), '_rels/.rels': strToU8('<Relationships/>'), '_RELS/.rels': strToU8('<Relationships/>') });
    expect(refusal(twice).message).toBe('Tệp .docx bị hỏng, không mở được (hai phần cùng tên _RELS/.rels).');
  });
});
