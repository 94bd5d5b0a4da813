/**
 * @jest-environment jsdom
 */
import { builtinRubric } from '../../src/rubric';
import { readPickedFile } from '../../src/taskpane/readPickedFile';

const loaded = builtinRubric();

function picked(name: string, size: number): File {
  const file = new File([new Uint8Array(8)], name);
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

describe('reading a picked file in the browser', () => {
  test('a file above 20 MB is refused by its size, without reading it', async () => {
    const read = jest.spyOn(FileReader.prototype, 'readAsArrayBuffer');
    try {
      const reading = await readPickedFile(picked('qua-lon.xlsx', 21 * 1024 * 1024), loaded);
      expect(reading).toMatchObject({ file: 'qua-lon.xlsx', unit: null, problems: [{ code: 'FILE_TOO_LARGE', severity: 'error' }] });
      expect(read).not.toHaveBeenCalled();
    } finally {
      read.mockRestore();
    }
  });

  test('a file gone since it was picked is reported, not thrown', async () => {
    const read = jest.spyOn(FileReader.prototype, 'readAsArrayBuffer').mockImplementation(function (this: FileReader) {
      Object.defineProperty(this, 'error', { value: new DOMException('The requested file could not be read.', 'NotReadableError') });
      setTimeout(() => this.onerror?.(new ProgressEvent('error') as ProgressEvent<FileReader>));
    });
    try {
      const reading = await readPickedFile(picked('da-xoa.xlsx', 12_000), loaded);
      expect(reading.problems).toEqual([
        expect.objectContaining({ code: 'UNREADABLE', message: expect.stringMatching(/^Không đọc được tệp \(The requested file could not be read\.\)\. Hãy chọn lại tệp\.$/) }),
      ]);
    } finally {
      read.mockRestore();
    }
  });

  test('bytes that are no workbook get the merge’s own verdict', async () => {
    const reading = await readPickedFile(new File(['Danh sách hội viên'], 'ghi-chu.xlsx'), loaded);
    expect(reading.problems.map((p) => p.code)).toEqual(['NOT_XLSX']);
  });
});
