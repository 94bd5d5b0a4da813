/**
 * @jest-environment jsdom
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { builtinRubric } from '../../src/rubric';
import { DEFAULT_SETTINGS } from '../../src/taskpane/settings';
import { FakeOperations, MemorySettings } from './fake-operations';
import { enabledButton, renderPane } from './render-pane';

const builtin = builtinRubric();

function withOurSheet(): FakeOperations {
  const ops = new FakeOperations();
  ops.sheet = { exists: true, ours: true, meta: { unitName: 'Hội LHPN huyện Hà Quảng' } };
  return ops;
}

async function openTab() {
  fireEvent.click(await screen.findByRole('tab', { name: 'In' }));
  return screen.findByRole('textbox', { name: 'Người ký' });
}

const textbox = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const dateBox = (name: 'Ngày' | 'Tháng' | 'Năm') =>
  within(screen.getByRole('group', { name: 'Ngày lập' })).getByRole('textbox', { name }) as HTMLInputElement;
const preview = () => screen.getByLabelText('Dòng địa danh, ngày tháng').textContent;

/** Keys typed one at a time into whichever box has focus, as a user types them. */
function typeKeys(keys: string) {
  for (const key of keys) {
    const box = document.activeElement as HTMLInputElement;
    fireEvent.change(box, { target: { value: box.value + key } });
  }
}

function enterDate(day: string, month: string, year: string) {
  fireEvent.change(dateBox('Ngày'), { target: { value: day } });
  fireEvent.change(dateBox('Tháng'), { target: { value: month } });
  fireEvent.change(dateBox('Năm'), { target: { value: year } });
}

describe('In', () => {
  test('applies the layout with the signers, place and date, and keeps them for next time', async () => {
    const ops = withOurSheet();
    ops.printResult = { dateLine: 'Hà Quảng, ngày 05 tháng 02 năm 2025', written: ['NgayLap', 'NguoiLap', 'NguoiKy'], notSet: [], errors: 0, warnings: 49, clipped: [], syncs: 2 };
    const store = new MemorySettings({ ...DEFAULT_SETTINGS, unitName: 'Hội LHPN huyện Hà Quảng' });
    renderPane(ops, store);
    await openTab();
    // The line as it will print, dotted until a date is chosen.
    expect(screen.getByLabelText('Dòng địa danh, ngày tháng').textContent).toBe('Cao Bằng, ngày ..... tháng ..... năm ..........');
    // The sheet's unit is shown, and kept unless another is typed.
    await waitFor(() => expect(textbox('Tên đơn vị').placeholder).toBe('Hội LHPN huyện Hà Quảng'));
    fireEvent.change(textbox('Người lập biểu'), { target: { value: 'Nông Thị Hoa' } });
    fireEvent.change(textbox('Người ký'), { target: { value: 'Lương Thị Mai' } });
    fireEvent.change(textbox('Địa danh'), { target: { value: 'Hà Quảng' } });
    enterDate('05', '02', '2025');
    expect(preview()).toBe('Hà Quảng, ngày 05 tháng 02 năm 2025');

    fireEvent.click(await enabledButton('Áp dụng trang in'));
    expect(await screen.findByText('Đã áp dụng trang in')).toBeTruthy();
    expect(screen.getByText(/Đã ghi dòng địa danh – ngày tháng, người lập biểu, người ký vào trang “Tự chấm điểm”/)).toBeTruthy();
    // What the check found before printing.
    expect(screen.getByText(/Bảng không có lỗi, 49 cảnh báo \(ô chưa chấm, chưa ghi minh chứng được đóng khung nét đứt trên bản in\)/)).toBeTruthy();
    expect(ops.prints).toEqual([
      {
        loaded: expect.objectContaining({ fingerprint: builtin.fingerprint }),
        unitName: '',
        preparer: 'Nông Thị Hoa',
        signer: 'Lương Thị Mai',
        place: 'Hà Quảng',
        date: { year: 2025, month: 2, day: 5 },
      },
    ]);
    await waitFor(() => expect(store.saved).toMatchObject({ preparer: 'Nông Thị Hoa', signer: 'Lương Thị Mai', place: 'Hà Quảng' }));
    fireEvent.change(textbox('Tên đơn vị'), { target: { value: 'Hội LHPN huyện Hà Quảng (mới)' } });
    fireEvent.click(await enabledButton('Áp dụng trang in'));
    await waitFor(() => expect(ops.prints).toHaveLength(2));
    expect(ops.prints[1].unitName).toBe('Hội LHPN huyện Hà Quảng (mới)');
  });

  test('the date is typed day first in three boxes: "05022025" typed in one go is 5 February', async () => {
    const ops = withOurSheet();
    renderPane(ops);
    await openTab();
    dateBox('Ngày').focus();
    typeKeys('05022025');
    expect([dateBox('Ngày').value, dateBox('Tháng').value, dateBox('Năm').value]).toEqual(['05', '02', '2025']);
    expect(document.activeElement).toBe(dateBox('Năm'));
    expect(preview()).toBe('Cao Bằng, ngày 05 tháng 02 năm 2025');
    fireEvent.click(await enabledButton('Áp dụng trang in'));
    await waitFor(() => expect(ops.prints).toHaveLength(1));
    expect(ops.prints[0].date).toEqual({ year: 2025, month: 2, day: 5 });
  });

  test('a whole date pasted into the day box fills the three boxes', async () => {
    renderPane(withOurSheet());
    await openTab();
    for (const pasted of ['05/02/2025', '5.2.2025', '05022025']) {
      fireEvent.change(dateBox('Ngày'), { target: { value: pasted } });
      expect(preview()).toBe('Cao Bằng, ngày 05 tháng 02 năm 2025');
      enterDate('', '', '');
    }
  });

  test('an impossible date is refused in Vietnamese, the box marked, nothing applied', async () => {
    const ops = withOurSheet();
    renderPane(ops);
    await openTab();
    await enabledButton('Áp dụng trang in');
    enterDate('31', '02', '2025');
    expect(screen.getByRole('alert').textContent).toBe('Không có ngày 31/02/2025: tháng 2 năm 2025 chỉ có 28 ngày.');
    expect(dateBox('Ngày').getAttribute('aria-invalid')).toBe('true');
    expect(dateBox('Ngày').getAttribute('aria-describedby')).toContain(screen.getByRole('alert').id);
    expect((screen.getByRole('button', { name: 'Áp dụng trang in' }) as HTMLButtonElement).disabled).toBe(true);
    // Dotted blanks, never a date the user did not mean.
    expect(preview()).toBe('Cao Bằng, ngày ..... tháng ..... năm ..........');

    enterDate('29', '02', '2024');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(preview()).toBe('Cao Bằng, ngày 29 tháng 02 năm 2024');
    enterDate('12', '13', '2025');
    expect(screen.getByRole('alert').textContent).toBe('Không có tháng 13: tháng phải từ 1 đến 12.');
    expect(dateBox('Tháng').getAttribute('aria-invalid')).toBe('true');
    enterDate('1', 'hai', '2025');
    expect(screen.getByRole('alert').textContent).toBe('Ngày, tháng và năm chỉ gồm chữ số.');
    expect(ops.prints).toEqual([]);
  });

  test('a date left half typed is said once focus leaves the boxes, not at the first digit', async () => {
    renderPane(withOurSheet());
    await openTab();
    const day = dateBox('Ngày');
    day.focus();
    typeKeys('0');
    expect(screen.queryByRole('alert')).toBeNull();
    expect((screen.getByRole('button', { name: 'Áp dụng trang in' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.blur(document.activeElement!, { relatedTarget: screen.getByRole('textbox', { name: 'Người ký' }) });
    expect(screen.getByRole('alert').textContent).toBe('Hãy nhập đủ ngày, tháng và năm, hoặc để trống cả ba.');
    expect([dateBox('Tháng'), dateBox('Năm')].map((b) => b.getAttribute('aria-invalid'))).toEqual(['true', 'true']);
    enterDate('', '', '');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await enabledButton('Áp dụng trang in')).toBeTruthy();
  });

  test('says how to print from Excel', async () => {
    renderPane(withOurSheet());
    await openTab();
    expect(screen.getByText('Cách in từ Excel')).toBeTruthy();
    expect(screen.getByText('Mở Tệp › In (Ctrl+P).')).toBeTruthy();
    expect(screen.getByText(/“Hướng Ngang”, khổ “A4”, co giãn “Vừa Tất cả Cột trên Một Trang”/)).toBeTruthy();
    expect(screen.getByText(/Tệp › Xuất › Tạo PDF\/XPS/)).toBeTruthy();
  });

  test('on ExcelApi 1.8 it lists what could not be set and how to set it by hand', async () => {
    const ops = withOurSheet();
    ops.printResult = {
      dateLine: 'Cao Bằng, ngày ..... tháng ..... năm ..........',
      written: ['NgayLap'],
      notSet: ['Khổ giấy A4, hướng ngang', 'Lề trên 20 mm, dưới 20 mm, trái 30 mm, phải 15 mm'],
      errors: 0,
      warnings: 0,
      clipped: [],
      syncs: 2,
    };
    renderPane(ops);
    await openTab();
    fireEvent.click(await enabledButton('Áp dụng trang in'));
    expect(await screen.findByText('Excel này chưa hỗ trợ ExcelApi 1.9: chưa đặt được trang in')).toBeTruthy();
    const list = within(screen.getByRole('list', { name: 'Chưa đặt được' })).getAllByRole('listitem');
    expect(list.map((li) => li.textContent)).toEqual(['Khổ giấy A4, hướng ngang', 'Lề trên 20 mm, dưới 20 mm, trái 30 mm, phải 15 mm']);
    expect(screen.getByText(/vào thẻ Bố trí Trang: Hướng › Ngang; Kích thước › A4; Lề › Lề Tùy chỉnh/)).toBeTruthy();
    expect(screen.queryByText('Đã áp dụng trang in')).toBeNull();
  });

  test('without our sheet there is nothing to apply to', async () => {
    const ops = new FakeOperations();
    renderPane(ops);
    await openTab();
    expect(await screen.findByText(/Sổ làm việc chưa có trang “Tự chấm điểm”. Hãy tạo bảng ở thẻ “Tạo bảng” trước\./)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Áp dụng trang in' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('a refusal from Excel is shown in Vietnamese', async () => {
    const ops = withOurSheet();
    ops.printError = new Error('Bảng đang theo bộ tiêu chí hlhpn-caobang-huyen phiên bản 2023.1, khác bộ đang chọn.');
    renderPane(ops);
    await openTab();
    fireEvent.click(await enabledButton('Áp dụng trang in'));
    expect(await screen.findByText('Không áp dụng được trang in')).toBeTruthy();
    expect(screen.getByText(/khác bộ đang chọn/)).toBeTruthy();
  });

  test('a sheet with errors: nothing is set, the errors and warnings are counted, and printing them needs a confirmation', async () => {
    const ops = withOurSheet();
    ops.printResult = { blocked: { errors: 2, warnings: 47 }, syncs: 1 };
    ops.forcedResult = { dateLine: 'Cao Bằng, ngày ..... tháng ..... năm ..........', written: ['NgayLap'], notSet: [], errors: 2, warnings: 47, clipped: [], syncs: 2 };
    renderPane(ops);
    await openTab();
    fireEvent.click(await enabledButton('Áp dụng trang in'));
    expect(await screen.findByText('Bảng có 2 lỗi: chưa áp dụng trang in')).toBeTruthy();
    expect(screen.getByText(/Bảng có 2 lỗi \(giá trị không hợp lệ, công thức bị thay hoặc tên ô sai chỗ\) và 47 cảnh báo\..*thẻ Kiểm tra/)).toBeTruthy();
    expect(screen.queryByText('Đã áp dụng trang in')).toBeNull();
    expect(ops.prints).toHaveLength(1);
    expect(ops.prints[0].force).toBeUndefined();

    fireEvent.click(await enabledButton('Vẫn áp dụng, in kèm lỗi'));
    expect(await screen.findByText('Đã áp dụng trang in')).toBeTruthy();
    expect(ops.prints).toHaveLength(2);
    expect(ops.prints[1].force).toBe(true);
    expect(screen.getByText(/Bảng có 2 lỗi và 47 cảnh báo; trang in vẫn được áp dụng theo yêu cầu/)).toBeTruthy();
    expect(screen.queryByText('Bảng có 2 lỗi: chưa áp dụng trang in')).toBeNull();
  });

  test('names each cell whose text the printout clips', async () => {
    const ops = withOurSheet();
    const clipped = 'Tiêu chí 3, Ghi chú (GC_03), ô H14: dài 748 ký tự, quá dòng cao nhất của bảng (409 pt): màn hình và bản in chỉ hiện khoảng 520 ký tự đầu.';
    ops.printResult = { dateLine: '', written: ['NgayLap'], notSet: [], errors: 0, warnings: 3, clipped: [clipped], syncs: 2 };
    renderPane(ops);
    await openTab();
    fireEvent.click(await enabledButton('Áp dụng trang in'));
    expect(await screen.findByText('1 ô có chữ dài quá dòng cao nhất: bản in chỉ hiện phần đầu')).toBeTruthy();
    const list = within(screen.getByRole('list', { name: 'Ô bị cắt chữ khi in' })).getAllByRole('listitem');
    expect(list.map((li) => li.textContent)).toEqual([clipped]);
  });
});
