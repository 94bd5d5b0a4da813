/**
 * @jest-environment jsdom
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import rubric2024 from '../../src/rubric/data/2024.json';
import { builtinRubric } from '../../src/rubric';
import { DEFAULT_SETTINGS, type Settings } from '../../src/taskpane/settings';
import { FakeOperations, MemorySettings } from './fake-operations';
import { enabledButton, renderPane } from './render-pane';

const builtin = builtinRubric();

const unitInput = () => screen.findByRole('textbox', { name: /Tên đơn vị/ });

function rubricFile(data: unknown, name = 'tieu-chi.json'): File {
  return new File([typeof data === 'string' ? data : JSON.stringify(data)], name, { type: 'application/json' });
}

function chooseFile(file: File) {
  const input = screen.getByLabelText('Chọn tệp bộ tiêu chí') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('Tạo bảng', () => {
  test('creates the sheet for the typed unit with the built-in rubric, then offers "Cập nhật"', async () => {
    const { ops } = renderPane();
    fireEvent.change(await unitInput(), { target: { value: 'Hội LHPN huyện Hà Quảng' } });
    expect(await screen.findByText(/Sổ làm việc chưa có trang “Tự chấm điểm”/)).toBeTruthy();
    fireEvent.click(await enabledButton('Tạo bảng'));

    expect(await screen.findByText('Đã tạo bảng tự chấm điểm')).toBeTruthy();
    expect(ops.generated).toHaveLength(1);
    expect(ops.generated[0].unitName).toBe('Hội LHPN huyện Hà Quảng');
    expect(ops.generated[0].loaded.fingerprint).toBe(builtin.fingerprint);
    expect(await screen.findByRole('button', { name: 'Cập nhật' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Tạo bảng' })).toBeNull();
  });

  test('shows "Cập nhật" for our existing sheet and takes the unit name from it', async () => {
    const ops = new FakeOperations();
    ops.sheet = {
      exists: true,
      ours: true,
      meta: { rubricId: builtin.rubric.id, rubricVersion: '2023.1', rubricFingerprint: 'old', unitName: 'Hội LHPN huyện Bảo Lạc' },
    };
    renderPane(ops);
    expect(await screen.findByRole('button', { name: 'Cập nhật' })).toBeTruthy();
    const unit = (await unitInput()) as HTMLInputElement;
    await waitFor(() => expect(unit.value).toBe('Hội LHPN huyện Bảo Lạc'));
    // Cleared on purpose, it stays cleared.
    fireEvent.change(unit, { target: { value: '' } });
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(unit.value).toBe('');
    expect(screen.getByText(/Bảng đang theo bộ tiêu chí hlhpn-caobang-huyen phiên bản 2023\.1/)).toBeTruthy();
  });

  test('lists the entries the new rubric has no place for, the entries kept, the names put back and the host notices', async () => {
    const ops = new FakeOperations();
    ops.sheet = { exists: true, ours: true, meta: { unitName: 'Hội LHPN thành phố Cao Bằng' } };
    ops.generateResult = {
      mode: 'upgraded',
      keptEntries: 57,
      orphans: [
        { name: 'TC_50', value: 1.5, earlier: false },
        { name: 'MC_50', value: 'Báo cáo số 12/BC-HPN', earlier: true },
      ],
      repairs: [
        { name: 'TC_05', cell: 'H16', from: 'H17', followed: true },
        { name: 'TC_06', cell: 'H17', followed: false },
      ],
      notices: ['Excel này chưa hỗ trợ ExcelApi 1.9: chưa thiết lập trang in.'],
      syncs: 2,
    };
    renderPane(ops);
    fireEvent.click(await enabledButton('Cập nhật'));

    expect(await screen.findByText('Đã cập nhật bảng tự chấm điểm')).toBeTruthy();
    expect(screen.getByText('Giữ lại 57 mục đã nhập.')).toBeTruthy();
    expect(screen.getByText('2 mục đã nhập không còn tiêu chí tương ứng')).toBeTruthy();
    const orphans = within(screen.getByRole('list', { name: 'Mục không còn tiêu chí' })).getAllByRole('listitem');
    expect(orphans.map((li) => li.textContent)).toEqual(['TC_50: 1,5', 'MC_50: Báo cáo số 12/BC-HPN']);
    expect(screen.getByText('Đã đặt lại 2 tên ô về đúng chỗ')).toBeTruthy();
    const repairs = within(screen.getByRole('list', { name: 'Tên ô đã đặt lại' })).getAllByRole('listitem');
    expect(repairs.map((li) => li.textContent)).toEqual([
      'TC_05: đặt lại vào ô H16, giữ nội dung đã được cắt–dán sang ô H17 của bảng cũ.',
      'TC_06: đặt lại vào ô H17; không còn nội dung cũ để giữ (có thể đã bị dán đè), hãy kiểm tra và nhập lại.',
    ]);
    expect(screen.getByText('Excel này chưa hỗ trợ ExcelApi 1.9: chưa thiết lập trang in.')).toBeTruthy();
  });

  test('an error from generate appears in a Vietnamese message bar and is logged', async () => {
    const ops = new FakeOperations();
    const refusal = new Error('Trang “Tự chấm điểm” đã có và không do tiện ích tạo; không ghi đè.');
    ops.generateError = refusal;
    const { logged } = renderPane(ops, new MemorySettings({ ...DEFAULT_SETTINGS, unitName: 'Hội LHPN huyện Hòa An' }));
    fireEvent.click(await enabledButton('Tạo bảng'));

    expect(await screen.findByText('Không tạo được bảng')).toBeTruthy();
    expect(screen.getByText(refusal.message)).toBeTruthy();
    expect(logged).toContain(refusal);
    // Nothing claims success.
    expect(screen.queryByText('Đã tạo bảng tự chấm điểm')).toBeNull();
  });

  test('a programming fault is reported in Vietnamese with the original text as detail', async () => {
    const ops = new FakeOperations();
    ops.generateError = new TypeError("Cannot read properties of undefined (reading 'values')");
    renderPane(ops, new MemorySettings({ ...DEFAULT_SETTINGS, unitName: 'Hội LHPN huyện Hòa An' }));
    fireEvent.click(await enabledButton('Tạo bảng'));

    expect(await screen.findByText('Lỗi không mong đợi trong tiện ích.')).toBeTruthy();
    // The English original only behind "Chi tiết kỹ thuật".
    const details = screen.getByText('Chi tiết kỹ thuật').closest('details')!;
    expect(details.open).toBe(false);
    expect(details.textContent).toMatch(/TypeError: Cannot read properties of undefined/);
  });

  test('refuses to generate without a unit name', async () => {
    const { ops } = renderPane();
    fireEvent.click(await enabledButton('Tạo bảng'));
    expect(await screen.findByText('Nhập tên đơn vị, ví dụ: Hội LHPN huyện Hà Quảng.')).toBeTruthy();
    expect(ops.generated).toHaveLength(0);
  });

  test('never offers to overwrite a foreign sheet of the same name', async () => {
    const ops = new FakeOperations();
    ops.sheet = { exists: true, ours: false };
    renderPane(ops, new MemorySettings({ ...DEFAULT_SETTINGS, unitName: 'Hội LHPN huyện Hòa An' }));
    expect(await screen.findByText(/không do tiện ích tạo. Tiện ích không ghi đè trang đó/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Tạo bảng' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('offers "Cập nhật" for a sheet that lost its metadata sheet, and says what it recovered', async () => {
    const ops = new FakeOperations();
    ops.sheet = { exists: true, ours: false, recoverable: true };
    ops.generateResult = { ...ops.generateResult, mode: 'recovered', keptEntries: 120 };
    renderPane(ops, new MemorySettings({ ...DEFAULT_SETTINGS, unitName: 'Hội LHPN huyện Hòa An' }));
    expect(await screen.findByText('Bảng mất trang thông tin ẩn')).toBeTruthy();
    expect(screen.getByText(/“Cập nhật” khôi phục bảng theo bộ tiêu chí đã chọn và giữ mọi mục đã nhập/)).toBeTruthy();
    fireEvent.click(await enabledButton('Cập nhật'));
    expect(await screen.findByText('Đã khôi phục bảng tự chấm điểm')).toBeTruthy();
    expect(screen.getByText('Giữ lại 120 mục đã nhập.')).toBeTruthy();
    expect(ops.generated).toHaveLength(1);
  });

  test('keeps the unit and signer names between openings', async () => {
    const store = new MemorySettings();
    const first = renderPane(new FakeOperations(), store);
    fireEvent.change(await unitInput(), { target: { value: 'Hội LHPN huyện Trùng Khánh' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Người lập biểu' }), { target: { value: 'Nông Thị Hoa' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Người ký' }), { target: { value: 'Lương Thị Mai' } });
    await waitFor(() =>
      expect(store.saved).toMatchObject({ unitName: 'Hội LHPN huyện Trùng Khánh', preparer: 'Nông Thị Hoa', signer: 'Lương Thị Mai' }),
    );
    first.view.unmount();

    renderPane(new FakeOperations(), store);
    // The stored names come in once the tab works.
    const unit = (await unitInput()) as HTMLInputElement;
    await waitFor(() => expect(unit.value).toBe('Hội LHPN huyện Trùng Khánh'));
    expect((screen.getByRole('textbox', { name: 'Người lập biểu' }) as HTMLInputElement).value).toBe('Nông Thị Hoa');
    expect((screen.getByRole('textbox', { name: 'Người ký' }) as HTMLInputElement).value).toBe('Lương Thị Mai');
  });

  test('passes the signer names, and leaves blank ones to the sheet', async () => {
    const ops = new FakeOperations();
    renderPane(ops, new MemorySettings({ ...DEFAULT_SETTINGS, unitName: 'Hội LHPN huyện Hòa An', signer: '  Lương Thị Mai ' }));
    fireEvent.click(await enabledButton('Tạo bảng'));
    await screen.findByText('Đã tạo bảng tự chấm điểm');
    expect(ops.generated[0]).toMatchObject({ unitName: 'Hội LHPN huyện Hòa An', preparer: undefined, signer: 'Lương Thị Mai' });
  });
});

describe('choosing the rubric', () => {
  const settings: Settings = { ...DEFAULT_SETTINGS, unitName: 'Hội LHPN huyện Hà Quảng' };

  test('a valid rubric file is used for the sheet and remembered', async () => {
    const store = new MemorySettings(settings);
    const { ops } = renderPane(new FakeOperations(), store);
    fireEvent.click(await screen.findByRole('radio', { name: 'Từ tệp bộ tiêu chí (JSON)' }));
    chooseFile(rubricFile({ ...rubric2024, id: 'hlhpn-caobang-thu-nghiem', version: '2025.1' }, 'tieu-chi-2025.json'));

    expect(await screen.findByText(/Đang dùng: Bộ tiêu chí năm 2024, phiên bản 2025\.1/)).toBeTruthy();
    expect(screen.getByText(/^Mã bộ tiêu chí: hlhpn-caobang-thu-nghiem · mã kiểm tra: [0-9a-f]{12}$/)).toBeTruthy();
    expect(screen.getByText('tieu-chi-2025.json')).toBeTruthy();
    expect(store.saved.rubric).toMatchObject({ source: 'file', fileName: 'tieu-chi-2025.json' });

    fireEvent.click(await enabledButton('Tạo bảng'));
    await screen.findByText('Đã tạo bảng tự chấm điểm');
    expect(ops.generated[0].loaded.rubric.id).toBe('hlhpn-caobang-thu-nghiem');
  });

  test('an invalid rubric file is refused with its Vietnamese issues and the built-in rubric stays in use', async () => {
    const bad = JSON.parse(JSON.stringify(rubric2024));
    bad.sections[0].points = 25;
    const store = new MemorySettings(settings);
    renderPane(new FakeOperations(), store);
    fireEvent.click(await screen.findByRole('radio', { name: 'Từ tệp bộ tiêu chí (JSON)' }));
    chooseFile(rubricFile(bad, 'sai.json'));

    expect(await screen.findByText('Không dùng được tệp sai.json')).toBeTruthy();
    expect(screen.getByText(/Bộ tiêu chí không hợp lệ \(1 lỗi\)/)).toBeTruthy();
    expect(screen.getByText('Mục I: điểm chuẩn 25 nhưng tổng các mục con là 20')).toBeTruthy();
    expect(screen.getByText(/Đang dùng: Bộ tiêu chí năm 2024, phiên bản 2024\.1, 49 tiêu chí/)).toBeTruthy();
    expect(store.saved.rubric).toEqual({ source: 'builtin' });
  });

  test('the rubric in use is said in words; its code and fingerprint are on a details line of their own', async () => {
    renderPane(new FakeOperations(), new MemorySettings(settings));
    const details = await screen.findByText(`Mã bộ tiêu chí: hlhpn-caobang-huyen · mã kiểm tra: ${builtin.fingerprint.slice(0, 12)}`);
    const line = details.parentElement!;
    expect(line.textContent).toBe(`Đang dùng: Bộ tiêu chí năm 2024, phiên bản 2024.1, 49 tiêu chí${details.textContent}`);
    // The sentence itself names neither.
    expect(line.firstChild?.textContent).not.toMatch(/hlhpn|mã kiểm tra|[0-9a-f]{12}/);
  });

  test('an inconsistent rubric file names the criterion of each problem, never a path such as "sections.0"', async () => {
    const bad = JSON.parse(JSON.stringify(rubric2024));
    type Row = { id: string; children?: Row[]; subItems?: { points: number }[] };
    const rows = (nodes: Row[]): Row[] => nodes.flatMap((n) => [n, ...rows(n.children ?? [])]);
    const c14 = rows(bad.sections).find((c) => c.id === '14')! as Required<Row>;
    c14.subItems[1].points = 3;
    bad.sections[0].children[0].points = '3';
    renderPane(new FakeOperations(), new MemorySettings(settings));
    fireEvent.click(await screen.findByRole('radio', { name: 'Từ tệp bộ tiêu chí (JSON)' }));
    chooseFile(rubricFile(bad, 'sai.json'));
    expect(await screen.findByText('Không dùng được tệp sai.json')).toBeTruthy();
    const bar = screen.getByText('Không dùng được tệp sai.json').closest('[role="group"]') ?? document.body;
    const issues = within(bar as HTMLElement).getAllByRole('listitem').map((li) => li.textContent);
    expect(issues).toContain('Tiêu chí 1, điểm chuẩn: phải là một số (đang là "3").');
    expect(issues.join('\n')).not.toMatch(/sections\.|children\.|\b\d+\.points|invalid_|Expected/);
    c14.subItems[1].points = 2;
    bad.sections[0].children[0].points = 3;
    chooseFile(rubricFile(bad, 'sai.json'));
    await waitFor(() => expect(screen.queryByText('Không dùng được tệp sai.json')).toBeNull());
    c14.subItems[1].points = 3;
    chooseFile(rubricFile(bad, 'sai-14.json'));
    expect(await screen.findByText('Tiêu chí 14: điểm chuẩn 4 khác tổng các mục con (5)')).toBeTruthy();
  });

  test('a stored rubric file that no longer validates says which criterion is wrong, and the built-in rubric is used', async () => {
    const bad = JSON.parse(JSON.stringify(rubric2024));
    bad.sections[0].children[0].points = '3';
    renderPane(new FakeOperations(), new MemorySettings({ ...settings, rubric: { source: 'file', fileName: 'cu.json', data: bad } }));
    expect(await screen.findByText('Tệp bộ tiêu chí đã lưu không còn hợp lệ; đang dùng bộ có sẵn')).toBeTruthy();
    expect(screen.getByText('Tiêu chí 1, điểm chuẩn: phải là một số (đang là "3").')).toBeTruthy();
    expect(await screen.findByText(/Đang dùng: Bộ tiêu chí năm 2024, phiên bản 2024\.1, 49 tiêu chí/)).toBeTruthy();
  });

  test('a broken JSON file reads in Vietnamese, naming where it breaks; the engine’s English only behind “Chi tiết kỹ thuật”', async () => {
    const text = JSON.stringify(rubric2024, null, 2);
    renderPane(new FakeOperations(), new MemorySettings(settings));
    fireEvent.click(await screen.findByRole('radio', { name: 'Từ tệp bộ tiêu chí (JSON)' }));
    chooseFile(rubricFile(text.slice(0, text.indexOf('"id": "14"') + 40), 'hong.json'));
    expect(await screen.findByText('Không dùng được tệp hong.json')).toBeTruthy();
    expect(screen.getByText('Tệp không phải JSON hợp lệ')).toBeTruthy();
    expect(screen.getByText(/^Tệp dừng giữa chừng ở Tiêu chí 14, nội dung: thiếu phần cuối/)).toBeTruthy();
    const details = screen.getByText('Chi tiết kỹ thuật').closest('details')!;
    expect(details.open).toBe(false);
    expect(details.textContent).toMatch(/JSON/);
    // Outside the closed details, nothing English.
    const bar = details.closest('[role="group"]') as HTMLElement;
    const shown = bar.textContent!.replace(details.textContent!, '');
    expect(shown).not.toMatch(/Unexpected|JSON input|position/);
  });
});
