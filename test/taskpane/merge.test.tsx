/**
 * @jest-environment jsdom
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mergeProblem } from '../../src/merge/problems';
import { builtinRubric } from '../../src/rubric';
import { formatTimestamp } from '../../src/text/format';
import { cleanReading, FakeMergeReader, FakeOperations, MemorySettings } from './fake-operations';
import { enabledButton, renderPane } from './render-pane';

const builtin = builtinRubric();

function xlsx(name: string, size = 12_000, lastModified = 1_700_000_000_000): File {
  const file = new File([new Uint8Array(4)], name, { lastModified });
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

async function openTab() {
  fireEvent.click(await screen.findByRole('tab', { name: 'Tổng hợp' }));
  return (await screen.findByLabelText('Chọn các tệp cần tổng hợp')) as HTMLInputElement;
}

function pick(input: HTMLInputElement, files: File[]) {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

/** The status table's rows as "file | status" text, header left out. */
function statusRows(): string[][] {
  const table = screen.getByRole('table', { name: 'Trạng thái các tệp' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent ?? ''));
}

describe('Tổng hợp', () => {
  test('reads the picked files one by one with a progress bar, lists their statuses, then writes the merge', async () => {
    const reader = new FakeMergeReader();
    reader.held = true;
    const { ops } = renderPane(new FakeOperations(), new MemorySettings(), reader);
    const input = await openTab();
    pick(input, [xlsx('ha-quang.xlsx'), xlsx('bao-lac.xlsx'), xlsx('hoa-an.xlsx')]);

    expect(await screen.findByText('Đã đọc 0/3 tệp')).toBeTruthy();
    expect(screen.getByText('Đang đọc ha-quang.xlsx…')).toBeTruthy();
    // Nothing can be written before every file is read.
    expect(screen.queryByRole('button', { name: 'Ghi kết quả vào sổ làm việc' })).toBeNull();
    await waitFor(() => expect(reader.waitingCount).toBe(1));
    act(() => reader.releaseOne());
    expect(await screen.findByText('Đã đọc 1/3 tệp')).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: 'Đã đọc 1/3 tệp' });
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeCloseTo(1 / 3);
    for (let i = 0; i < 2; i++) {
      await waitFor(() => expect(reader.waitingCount).toBe(1));
      act(() => reader.releaseOne());
    }
    expect(await screen.findByText('Đã đọc 3/3 tệp')).toBeTruthy();
    expect(reader.reads).toEqual(['ha-quang.xlsx', 'bao-lac.xlsx', 'hoa-an.xlsx']);
    expect(reader.rubrics.every((r) => r.fingerprint === builtin.fingerprint)).toBe(true);

    expect(screen.getByText(/3 tệp: 3 hợp lệ, 0 cảnh báo, 0 bị loại — 3 đơn vị được tổng hợp\./)).toBeTruthy();
    expect(statusRows()).toEqual([
      ['ha-quang.xlsxHội LHPN ha-quang', 'Hợp lệ'],
      ['bao-lac.xlsxHội LHPN bao-lac', 'Hợp lệ'],
      ['hoa-an.xlsxHội LHPN hoa-an', 'Hợp lệ'],
    ]);

    fireEvent.click(await enabledButton('Ghi kết quả vào sổ làm việc'));
    expect(await screen.findByText('Đã ghi kết quả tổng hợp')).toBeTruthy();
    expect(screen.getByText(/3 đơn vị vào các trang “Tổng hợp”, “Xếp hạng”, “Kiểm tra”, “Minh chứng”/)).toBeTruthy();
    expect(ops.merges).toHaveLength(1);
    const request = ops.merges[0];
    expect(request.loaded.fingerprint).toBe(builtin.fingerprint);
    expect(request.result.units.map((u) => u.unitName)).toEqual(['Hội LHPN bao-lac', 'Hội LHPN ha-quang', 'Hội LHPN hoa-an']);
    expect(request.mergedAt).toMatch(/^\d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}$/);
    // Written once: a second click would add another copy of the sheets.
    expect((screen.getByRole('button', { name: 'Ghi kết quả vào sổ làm việc' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('the picked files and their statuses survive a visit to another tab', async () => {
    renderPane();
    pick(await openTab(), [xlsx('ha-quang.xlsx'), xlsx('bao-lac.xlsx')]);
    expect(await screen.findByText('Đã đọc 2/2 tệp')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Kiểm tra' }));
    expect(await screen.findByText(/Hãy tạo bảng ở thẻ “Tạo bảng”/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Trạng thái các tệp' })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Tổng hợp' }));
    expect(statusRows()).toEqual([
      ['ha-quang.xlsxHội LHPN ha-quang', 'Hợp lệ'],
      ['bao-lac.xlsxHội LHPN bao-lac', 'Hợp lệ'],
    ]);
    expect(await enabledButton('Ghi kết quả vào sổ làm việc')).toBeTruthy();
  });

  test('shows why a file is rejected or warned, and decides duplicates over the whole set', async () => {
    const reader = new FakeMergeReader();
    reader.readings.set('hong.xlsx', {
      file: 'hong.xlsx',
      savedAt: null,
      unit: null,
      problems: [mergeProblem('ZIP_CORRUPT', 'Tệp .xlsx bị hỏng, không mở được. Hãy xin đơn vị gửi lại.')],
    });
    const warned = cleanReading('thach-an.xlsx', 'Hội LHPN huyện Thạch An');
    warned.problems = Array.from({ length: 6 }, (_, i) =>
      mergeProblem('MISSING_EVIDENCE', `Tiêu chí ${i + 1}: có điểm tự chấm nhưng chưa ghi minh chứng.`),
    );
    reader.readings.set('thach-an.xlsx', warned);
    const older = cleanReading('hoa-an-cu.xlsx', 'Hội LHPN huyện Hòa An');
    older.unit!.createdAt = '2026-01-10T07:00:00.000Z';
    reader.readings.set('hoa-an-cu.xlsx', older);
    reader.readings.set('hoa-an-moi.xlsx', cleanReading('hoa-an-moi.xlsx', 'Hội LHPN huyện Hòa An'));
    const { ops } = renderPane(new FakeOperations(), new MemorySettings(), reader);
    pick(await openTab(), ['hong.xlsx', 'thach-an.xlsx', 'hoa-an-cu.xlsx', 'hoa-an-moi.xlsx'].map((n) => xlsx(n)));

    expect(await screen.findByText(/4 tệp: 1 hợp lệ, 1 cảnh báo, 2 bị loại — 2 đơn vị được tổng hợp\./)).toBeTruthy();
    const rows = statusRows();
    expect(rows[0]).toEqual(['hong.xlsxTệp .xlsx bị hỏng, không mở được. Hãy xin đơn vị gửi lại.', 'Bị loại']);
    expect(rows[1][1]).toBe('Cảnh báo');
    expect(rows[1][0]).toContain('Tiêu chí 1: có điểm tự chấm nhưng chưa ghi minh chứng.');
    expect(rows[1][0]).toContain('… và 2 vấn đề khác');
    expect(rows[2]).toEqual([
      // In local time, as the formatter writes it (test/text/format.test.ts holds the fixed-zone text).
      `hoa-an-cu.xlsxHội LHPN huyện Hòa AnĐơn vị "Hội LHPN huyện Hòa An" có tệp mới hơn: hoa-an-moi.xlsx (tạo lúc ${formatTimestamp('2026-01-15T08:00:00.000Z')}). Tệp này không được tổng hợp.`,
      'Bị loại',
    ]);
    expect(rows[3][1]).toBe('Hợp lệ');

    fireEvent.click(await enabledButton('Ghi kết quả vào sổ làm việc'));
    await screen.findByText('Đã ghi kết quả tổng hợp');
    expect(ops.merges[0].result.units.map((u) => u.file)).toEqual(['hoa-an-moi.xlsx', 'thach-an.xlsx']);
  });

  test('when every file is rejected there is nothing to write', async () => {
    const reader = new FakeMergeReader();
    reader.readings.set('bang-khac.xlsx', {
      file: 'bang-khac.xlsx',
      savedAt: null,
      unit: null,
      problems: [mergeProblem('METADATA_MISSING', 'Tệp không phải bảng tự chấm điểm do chamdiem tạo.')],
    });
    renderPane(new FakeOperations(), new MemorySettings(), reader);
    pick(await openTab(), [xlsx('bang-khac.xlsx')]);
    expect(await screen.findByText(/không có đơn vị nào tổng hợp được/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Ghi kết quả vào sổ làm việc' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('writing shows its progress sheet by sheet, part by part, and says each sheet’s turn to a screen reader', async () => {
    const said: string[] = [];
    Object.defineProperty(document, 'ariaNotify', { configurable: true, value: (message: string) => said.push(message) });
    const ops = new FakeOperations();
    ops.mergeProgress = [
      { stage: 'planning' },
      { stage: 'writing', sheet: 'Tổng hợp', done: 0, total: 12 },
      { stage: 'writing', sheet: 'Tổng hợp', done: 1, total: 12 },
      { stage: 'writing', sheet: 'Minh chứng', done: 9, total: 12 },
    ];
    try {
      renderPane(ops);
      pick(await openTab(), [xlsx('ha-quang.xlsx'), xlsx('bao-lac.xlsx')]);
      const write = await enabledButton('Ghi kết quả vào sổ làm việc');
      write.focus();
      fireEvent.click(write);
      // While the sheets are planned the bar moves without a share.
      const planning = await screen.findByRole('progressbar', { name: 'Đang lập các trang tổng hợp…' });
      expect(planning.getAttribute('aria-valuenow')).toBeNull();
      // The pane's own turn comes between steps: the request carries it.
      expect(typeof ops.merges[0].yieldToHost).toBe('function');
      act(() => ops.releaseMergeStep());
      await screen.findByRole('progressbar', { name: 'Đang ghi trang “Tổng hợp” (0/12)' });
      act(() => ops.releaseMergeStep());
      const bar = await screen.findByRole('progressbar', { name: 'Đang ghi trang “Tổng hợp” (1/12)' });
      expect(Number(bar.getAttribute('aria-valuenow'))).toBeCloseTo(1 / 12);
      act(() => ops.releaseMergeStep());
      await screen.findByRole('progressbar', { name: 'Đang ghi trang “Minh chứng” (9/12)' });
      // Focus stays on the write button, which does nothing while it writes.
      expect(document.activeElement).toBe(write);
      expect(write.getAttribute('aria-disabled')).toBe('true');
      act(() => ops.releaseMergeStep());
      expect(await screen.findByText('Đã ghi kết quả tổng hợp')).toBeTruthy();
      expect(screen.queryByRole('progressbar', { name: /Đang ghi/ })).toBeNull();
      // Said once as planning starts and once as each sheet's turn comes, not at every part.
      await waitFor(() =>
        expect(said.filter((m) => m.startsWith('Đang'))).toEqual([
          'Đang đọc 2 tệp…',
          'Đang lập các trang tổng hợp…',
          'Đang ghi trang “Tổng hợp” (0/12)',
          'Đang ghi trang “Minh chứng” (9/12)',
        ]),
      );
    } finally {
      delete (document as { ariaNotify?: unknown }).ariaNotify;
    }
  });

  test('files added later are read on their own; a file picked twice is read once; the list can be cleared', async () => {
    const { reader } = renderPane();
    const input = await openTab();
    pick(input, [xlsx('a.xlsx'), xlsx('b.xlsx')]);
    expect(await screen.findByText('Đã đọc 2/2 tệp')).toBeTruthy();
    pick(input, [xlsx('b.xlsx'), xlsx('c.xlsx')]);
    expect(await screen.findByText('Đã đọc 1/1 tệp')).toBeTruthy();
    expect(reader.reads).toEqual(['a.xlsx', 'b.xlsx', 'c.xlsx']);
    expect(statusRows()).toHaveLength(3);
    // Same name, changed since: a new file (the merge keeps the newer unit).
    pick(input, [xlsx('c.xlsx', 13_000, 1_700_000_100_000)]);
    await waitFor(() => expect(statusRows()).toHaveLength(4));

    // Once it is read: while reading, the button stays where focus is but does nothing.
    fireEvent.click(await enabledButton('Xoá danh sách'));
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('button', { name: 'Chọn tệp…' })).toBeTruthy();
  });

  test('a workbook that holds an earlier merge gets the new sheets beside it, and notices are shown', async () => {
    const ops = new FakeOperations();
    ops.mergeResult = {
      sheets: ['Tổng hợp (2)', 'Xếp hạng (2)', 'Kiểm tra (2)', 'Minh chứng (2)'],
      renamed: true,
      notices: ['Excel này chưa hỗ trợ ExcelApi 1.9 nên chưa đặt được khổ in.'],
      syncs: 2,
      chunkBytes: [300_000],
    };
    renderPane(ops);
    pick(await openTab(), [xlsx('a.xlsx')]);
    fireEvent.click(await enabledButton('Ghi kết quả vào sổ làm việc'));
    expect(await screen.findByText(/1 đơn vị vào các trang “Tổng hợp \(2\)”, “Xếp hạng \(2\)”/)).toBeTruthy();
    expect(screen.getByText(/Sổ làm việc đã có trang cùng tên, nên kết quả mới ghi vào các trang trên; các trang cũ giữ nguyên\./)).toBeTruthy();
    expect(screen.getByText('Excel này chưa hỗ trợ ExcelApi 1.9 nên chưa đặt được khổ in.')).toBeTruthy();
  });

  test('a failed write is reported in Vietnamese and the files stay listed for another try', async () => {
    const ops = new FakeOperations();
    ops.mergeError = new Error('Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để rời ô đang sửa rồi thử lại.');
    renderPane(ops);
    pick(await openTab(), [xlsx('a.xlsx')]);
    fireEvent.click(await enabledButton('Ghi kết quả vào sổ làm việc'));
    expect(await screen.findByText('Không ghi được kết quả tổng hợp')).toBeTruthy();
    expect(screen.getByText(/Excel đang ở chế độ sửa ô/)).toBeTruthy();
    expect(statusRows()).toHaveLength(1);
    ops.mergeError = undefined;
    fireEvent.click(await enabledButton('Ghi kết quả vào sổ làm việc'));
    expect(await screen.findByText('Đã ghi kết quả tổng hợp')).toBeTruthy();
  });

  test('when the reader itself cannot load, the pane says so and the files can be picked again', async () => {
    const reader = new FakeMergeReader();
    let fail = true;
    const read = reader.read;
    const { logged } = renderPane(
      new FakeOperations(),
      new MemorySettings(),
      Object.assign(reader, {
        read: async (file: File, loaded: typeof builtin) => {
          if (fail) throw Object.assign(new Error('Loading chunk merge-read failed.'), { name: 'ChunkLoadError' });
          return read(file, loaded);
        },
      }),
    );
    const input = await openTab();
    pick(input, [xlsx('a.xlsx')]);
    expect(await screen.findByText('Không đọc được các tệp')).toBeTruthy();
    expect(screen.getByText(/Không tải được một phần của tiện ích/)).toBeTruthy();
    expect(logged).toHaveLength(1);
    fail = false;
    pick(input, [xlsx('a.xlsx')]);
    expect(await screen.findByText('Đã đọc 1/1 tệp')).toBeTruthy();
    expect(statusRows()).toEqual([['a.xlsxHội LHPN a', 'Hợp lệ']]);
  });
});
