/**
 * @jest-environment jsdom
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { builtinRubric } from '../../src/rubric';
import { CHECK_DEBOUNCE_MS } from '../../src/taskpane/useLiveCheck';
import type { LiveCheck } from '../../src/app/operations';
import { FakeOperations, MemorySettings } from './fake-operations';
import { enabledButton, renderPane } from './render-pane';

const builtin = builtinRubric();

const report: LiveCheck = {
  scoredCount: 3,
  criterionCount: 49,
  total: 12.5,
  problems: [
    {
      code: 'INVALID_VALUE',
      severity: 'error',
      name: 'TC_07',
      owner: '7',
      message: 'Tiêu chí 7: Điểm tự chấm phải là số từ 0 đến 2 (đang là "hai").',
      address: 'H15',
    },
    {
      code: 'MISSING_EVIDENCE',
      severity: 'warning',
      name: 'MC_03',
      owner: '3',
      message: 'Tiêu chí 3 có điểm nhưng chưa ghi minh chứng.',
      address: 'I11',
    },
    { code: 'RUBRIC_MISMATCH', severity: 'error', message: 'Tệp được tạo theo bộ tiêu chí khác.' },
  ],
};

function ourSheet(): FakeOperations {
  const ops = new FakeOperations();
  ops.sheet = {
    exists: true,
    ours: true,
    meta: { rubricId: builtin.rubric.id, rubricVersion: builtin.rubric.version, rubricFingerprint: builtin.fingerprint },
  };
  ops.checkResult = report;
  return ops;
}

async function openCheckTab(ops: FakeOperations) {
  const rendered = renderPane(ops, new MemorySettings());
  // The first tab stays mounted behind: let it finish reading the workbook.
  await enabledButton(ops.sheet.ours ? 'Cập nhật' : 'Tạo bảng');
  const tab = await screen.findByRole('tab', { name: 'Kiểm tra' });
  // The tab's code may be loaded already: its first reads then start at once.
  await act(async () => {
    fireEvent.click(tab);
  });
  return rendered;
}

afterEach(() => {
  jest.useRealTimers();
});

describe('Kiểm tra', () => {
  test('lists the problems with progress and the current total; clicking one selects its cell', async () => {
    const ops = ourSheet();
    await openCheckTab(ops);

    expect(await screen.findByText('Đã chấm 3/49')).toBeTruthy();
    expect(screen.getByText('Tổng điểm: 12,5')).toBeTruthy();
    expect(screen.getByText(/2 lỗi, 1 cảnh báo/)).toBeTruthy();
    const items = within(screen.getByRole('list', { name: 'Các vấn đề' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringContaining('Tiêu chí 7: Điểm tự chấm phải là số từ 0 đến 2'),
      expect.stringContaining('Tiêu chí 3 có điểm nhưng chưa ghi minh chứng.'),
      expect.stringContaining('Tệp được tạo theo bộ tiêu chí khác.'),
    ]);
    expect(ops.checked[0].fingerprint).toBe(builtin.fingerprint);

    fireEvent.click(screen.getByRole('button', { name: /Tiêu chí 3 có điểm nhưng chưa ghi minh chứng/ }));
    await waitFor(() => expect(ops.selected).toEqual(['I11']));
    // A problem without a cell is not a button.
    expect(screen.queryByRole('button', { name: /bộ tiêu chí khác/ })).toBeNull();
  });

  test('names off their cells come with the way to repair them; other problems do not', async () => {
    const ops = ourSheet();
    await openCheckTab(ops);
    expect(await screen.findByText('Đã chấm 3/49')).toBeTruthy();
    expect(screen.queryByText('Tên ô không đúng chỗ')).toBeNull();

    const moved = {
      code: 'NAME_MOVED' as const,
      severity: 'error' as const,
      name: 'TC_05',
      owner: '5',
      message: 'Tên ô TC_05 (Điểm tự chấm, tiêu chí 5) trỏ vào ô H17 trên dòng của tiêu chí 6, không phải ô H16 trên dòng của tiêu chí 5; có thể do cắt–dán ô hoặc sửa tên ô.',
      address: 'H17',
    };
    ops.checkResult = { ...report, problems: [moved] };
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra lại' }));
    expect(await screen.findByText('Tên ô không đúng chỗ')).toBeTruthy();
    expect(screen.getByText(/“Cập nhật” đặt lại mọi tên ô vào đúng ô của nó/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Tên ô TC_05/ }));
    await waitFor(() => expect(ops.selected).toEqual(['H17']));
  });

  test('unscored criteria are one line after the real problems, listed one by one on demand', async () => {
    const ops = ourSheet();
    const unscored = Array.from({ length: 15 }, (_, i) => ({
      code: 'UNSCORED' as const,
      severity: 'warning' as const,
      name: `TC_${i + 1}`,
      owner: String(i + 1),
      message: `Tiêu chí ${i + 1} chưa chấm: chưa nhập Điểm tự chấm.`,
      address: `H${10 + i}`,
    }));
    ops.checkResult = { ...report, scoredCount: 0, problems: [...unscored, report.problems[0]] };
    await openCheckTab(ops);

    expect(await screen.findByText(/1 lỗi, 15 tiêu chí chưa chấm/)).toBeTruthy();
    const faults = within(screen.getByRole('list', { name: 'Các vấn đề' })).getAllByRole('listitem');
    expect(faults.map((li) => li.textContent)).toEqual([expect.stringContaining('Tiêu chí 7: Điểm tự chấm phải là số từ 0 đến 2')]);
    expect(screen.getByText('Chưa chấm: tiêu chí 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 và 3 tiêu chí khác.')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Các tiêu chí chưa chấm' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Xem từng tiêu chí chưa chấm (15)' }));
    const each = within(screen.getByRole('list', { name: 'Các tiêu chí chưa chấm' })).getAllByRole('listitem');
    expect(each).toHaveLength(15);
    fireEvent.click(screen.getByRole('button', { name: /Tiêu chí 14 chưa chấm/ }));
    await waitFor(() => expect(ops.selected).toEqual(['H23']));
    fireEvent.click(screen.getByRole('button', { name: 'Thu gọn' }));
    expect(screen.queryByRole('list', { name: 'Các tiêu chí chưa chấm' })).toBeNull();
  });

  test('changes in the sheet refresh the list once, after a quiet of 400 ms', async () => {
    jest.useFakeTimers();
    const ops = ourSheet();
    await openCheckTab(ops);
    await screen.findByText('Đã chấm 3/49');
    await waitFor(() => expect(ops.listeners.size).toBe(1));
    expect(ops.checked).toHaveLength(1);

    ops.checkResult = { ...report, scoredCount: 4, total: 14, problems: [] };
    await act(async () => {
      ops.change();
      jest.advanceTimersByTime(CHECK_DEBOUNCE_MS - 100);
      ops.change();
      jest.advanceTimersByTime(CHECK_DEBOUNCE_MS - 100);
      ops.change();
      jest.advanceTimersByTime(CHECK_DEBOUNCE_MS - 1);
    });
    expect(ops.checked).toHaveLength(1);
    expect(screen.getByText('Đã chấm 3/49')).toBeTruthy();

    await act(async () => {
      jest.advanceTimersByTime(1);
    });
    expect(await screen.findByText('Đã chấm 4/49')).toBeTruthy();
    expect(ops.checked).toHaveLength(2);
    expect(screen.getByText('Tổng điểm: 14')).toBeTruthy();
    expect(screen.getByText('Không phát hiện vấn đề nào.')).toBeTruthy();
  });

  test('stops listening when the tab closes', async () => {
    const ops = ourSheet();
    await openCheckTab(ops);
    await waitFor(() => expect(ops.listeners.size).toBe(1));
    fireEvent.click(screen.getByRole('tab', { name: 'Tạo bảng' }));
    await waitFor(() => expect(ops.listeners.size).toBe(0));
  });

  test('without our sheet it says to create one and checks nothing', async () => {
    const ops = new FakeOperations();
    await openCheckTab(ops);
    expect(await screen.findByText(/Hãy tạo bảng ở thẻ “Tạo bảng”/)).toBeTruthy();
    expect(ops.checked).toHaveLength(0);
    expect(ops.listeners.size).toBe(0);
  });

  test('a failed selection is shown in Vietnamese', async () => {
    const ops = ourSheet();
    ops.selectError = new Error('Không tìm thấy ô H15 trên trang “Tự chấm điểm”.');
    await openCheckTab(ops);
    fireEvent.click(await screen.findByRole('button', { name: /Tiêu chí 7/ }));
    expect(await screen.findByText('Không chọn được ô H15')).toBeTruthy();
    expect(screen.getByText('Không tìm thấy ô H15 trên trang “Tự chấm điểm”.')).toBeTruthy();
  });
});
