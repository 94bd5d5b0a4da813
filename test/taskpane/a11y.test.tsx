/**
 * @jest-environment jsdom
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeMergeReader, FakeOperations, MemorySettings } from './fake-operations';
import { enabledButton, renderPane } from './render-pane';

/**
 * What Fluent's announcer says, through document.ariaNotify (the path
 * Chromium takes; jsdom has none, so the test provides it).
 */
function recordAnnouncements(): string[] {
  const said: string[] = [];
  Object.defineProperty(document, 'ariaNotify', { configurable: true, value: (message: string) => said.push(message) });
  return said;
}

afterEach(() => {
  delete (document as { ariaNotify?: unknown }).ariaNotify;
});

function xlsx(name: string): File {
  return new File([new Uint8Array(4)], name, { lastModified: 1_700_000_000_000 });
}

function pick(input: HTMLInputElement, files: File[]) {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

describe('the pane’s structure', () => {
  test('one main landmark with an h1, and tabs tied to their panels', async () => {
    renderPane();
    await enabledButton('Tạo bảng');
    expect(screen.getAllByRole('main')).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Chấm điểm thi đua');
    const tab = screen.getByRole('tab', { name: 'Tạo bảng' });
    const panel = screen.getByRole('tabpanel', { name: 'Tạo bảng' });
    expect(tab.getAttribute('aria-controls')).toBe(panel.id);
    // Tabs never opened have no panel to point at.
    expect(screen.getByRole('tab', { name: 'Tổng hợp' }).getAttribute('aria-controls')).toBeNull();
  });

  test('arrow keys move focus between the tabs without opening them; Enter (a click on the button) opens one', async () => {
    renderPane();
    await enabledButton('Tạo bảng');
    const first = screen.getByRole('tab', { name: 'Tạo bảng' });
    expect(first.tabIndex).toBe(0);
    expect(screen.getByRole('tab', { name: 'Kiểm tra' }).tabIndex).toBe(-1);
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Kiểm tra' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Bộ tiêu chí' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Tổng hợp' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'End' });
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Bộ tiêu chí' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    // Moving focus opened nothing.
    expect(screen.getAllByRole('tabpanel')).toHaveLength(1);
    expect(screen.getByRole('tab', { name: 'Tổng hợp' }).getAttribute('aria-selected')).toBe('false');
    // A native button: Enter is a click.
    fireEvent.click(document.activeElement!);
    expect(screen.getByRole('tab', { name: 'Tổng hợp' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByLabelText('Chọn các tệp cần tổng hợp')).toBeTruthy();
  });
});

describe('the rubric radios', () => {
  test('choosing “Từ tệp” opens no file dialog; its button does', async () => {
    const opened: string[] = [];
    const click = jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      opened.push(this.getAttribute('aria-label') ?? '');
    });
    try {
      renderPane();
      await enabledButton('Tạo bảng');
      // An arrow key on a radio group checks the next radio: the same change event as a click.
      fireEvent.click(screen.getByRole('radio', { name: 'Từ tệp bộ tiêu chí (JSON)' }));
      expect((screen.getByRole('radio', { name: 'Từ tệp bộ tiêu chí (JSON)' }) as HTMLInputElement).checked).toBe(true);
      expect(opened).toEqual([]);
      fireEvent.click(screen.getByRole('button', { name: 'Chọn tệp…' }));
      expect(opened).toEqual(['Chọn tệp bộ tiêu chí']);
    } finally {
      click.mockRestore();
    }
  });
});

describe('focus after each action', () => {
  test('closing an error puts focus back on the button whose action failed', async () => {
    const ops = new FakeOperations();
    ops.generateError = new Error('Sổ làm việc đang được bảo vệ.');
    renderPane(ops);
    fireEvent.change(await screen.findByRole('textbox', { name: /Tên đơn vị/ }), { target: { value: 'Hội LHPN huyện Hà Quảng' } });
    const button = await enabledButton('Tạo bảng');
    button.focus();
    fireEvent.click(button);
    await screen.findByText('Không tạo được bảng');
    // Busy, the button kept focus.
    expect(document.activeElement).toBe(button);
    screen.getByRole('button', { name: 'Đóng thông báo' }).focus();
    fireEvent.click(screen.getByRole('button', { name: 'Đóng thông báo' }));
    await waitFor(() => expect(screen.queryByText('Không tạo được bảng')).toBeNull());
    expect(document.activeElement).toBe(button);
  });

  test('picking files keeps focus on the pick button; clearing the list too; writing the merge moves it to the result', async () => {
    const reader = new FakeMergeReader();
    reader.held = true;
    renderPane(new FakeOperations(), new MemorySettings(), reader);
    fireEvent.click(await screen.findByRole('tab', { name: 'Tổng hợp' }));
    const input = (await screen.findByLabelText('Chọn các tệp cần tổng hợp')) as HTMLInputElement;
    const pickButton = screen.getByRole('button', { name: 'Chọn tệp…' });
    pickButton.focus();
    pick(input, [xlsx('a.xlsx'), xlsx('b.xlsx')]);
    await screen.findByText('Đã đọc 0/2 tệp');
    // While the files are read the button refuses clicks but keeps focus.
    expect(pickButton.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(pickButton);
    for (let i = 0; i < 2; i++) {
      await waitFor(() => expect(reader.waitingCount).toBe(1));
      act(() => reader.releaseOne());
    }
    await screen.findByText('Đã đọc 2/2 tệp');
    expect(document.activeElement).toBe(pickButton);

    const write = await enabledButton('Ghi kết quả vào sổ làm việc');
    write.focus();
    fireEvent.click(write);
    await screen.findByText('Đã ghi kết quả tổng hợp');
    expect((write as HTMLButtonElement).disabled).toBe(true);
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Đã ghi kết quả tổng hợp'));

    fireEvent.click(screen.getByRole('button', { name: 'Xoá danh sách' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Chọn tệp…' }));
  });
});

describe('announcements', () => {
  test('a created sheet, an error and a merge’s reading are announced', async () => {
    const said = recordAnnouncements();
    const ops = new FakeOperations();
    renderPane(ops);
    fireEvent.change(await screen.findByRole('textbox', { name: /Tên đơn vị/ }), { target: { value: 'Hội LHPN huyện Hà Quảng' } });
    fireEvent.click(await enabledButton('Tạo bảng'));
    await screen.findByText('Đã tạo bảng tự chấm điểm');
    await waitFor(() => expect(said.some((m) => m.includes('Đã tạo bảng tự chấm điểm'))).toBe(true));

    ops.generateError = new Error('Sổ làm việc đang được bảo vệ.');
    fireEvent.click(await enabledButton('Cập nhật'));
    await screen.findByText('Không cập nhật được bảng');
    await waitFor(() => expect(said.some((m) => m.includes('Không cập nhật được bảng') && m.includes('Sổ làm việc đang được bảo vệ.'))).toBe(true));

    fireEvent.click(screen.getByRole('tab', { name: 'Tổng hợp' }));
    pick((await screen.findByLabelText('Chọn các tệp cần tổng hợp')) as HTMLInputElement, [xlsx('a.xlsx'), xlsx('b.xlsx')]);
    await screen.findByText('Đã đọc 2/2 tệp');
    await waitFor(() => expect(said).toContain('2 tệp: 2 hợp lệ, 0 cảnh báo, 0 bị loại — 2 đơn vị được tổng hợp.'));
    expect(said).toContain('Đang đọc 2 tệp…');
  });

  test('each check’s outcome is announced while Kiểm tra is shown', async () => {
    const said = recordAnnouncements();
    const ops = new FakeOperations();
    ops.sheet = { exists: true, ours: true, meta: {} };
    ops.checkResult = { problems: [], scoredCount: 49, criterionCount: 49, total: 171.5 };
    renderPane(ops);
    await enabledButton('Cập nhật');
    fireEvent.click(screen.getByRole('tab', { name: 'Kiểm tra' }));
    await waitFor(() => expect(said).toContain('Đã chấm 49/49, tổng điểm 171,5. Không phát hiện vấn đề nào.'));
  });
});
