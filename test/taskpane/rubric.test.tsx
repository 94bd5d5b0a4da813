/**
 * @jest-environment jsdom
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import rubric2024 from '../../src/rubric/data/2024.json';
import { builtinRubric, type Rubric } from '../../src/rubric';
import { docxOf, headingOf, print2024, rubricRows } from '../support/rubric-docx';
import { FakeOperations, MemorySettings } from './fake-operations';
import { enabledButton, renderPane } from './render-pane';

const r2024 = rubric2024 as unknown as Rubric;

async function openTab() {
  fireEvent.click(await screen.findByRole('tab', { name: 'Bộ tiêu chí' }));
  return (await screen.findByLabelText('Văn bản bộ tiêu chí (.docx)')) as HTMLInputElement;
}

function pick(input: HTMLInputElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

const docx2024 = async () => new File([Uint8Array.from(await docxOf(headingOf(r2024), print2024(rubricRows(r2024))))], 'tieu-chi-2024.docx');

describe('Bộ tiêu chí', () => {
  test('pick the Word document, review what was mended and read, write the rubric sheet, use it in Tạo bảng', async () => {
    const ops = new FakeOperations();
    const store = new MemorySettings();
    renderPane(ops, store);
    pick(await openTab(), await docx2024());

    expect(await screen.findByText('Đã đọc bộ tiêu chí từ tieu-chi-2024.docx')).toBeTruthy();
    const review = screen.getByRole('region', { name: 'Những chỗ cần xem lại' });
    expect(within(review).getByText('Cần xem lại (11):')).toBeTruthy();
    expect(within(review).getByText(/in "11", đã sửa thành "21"\. Số thứ tự in nhầm: tiêu chí nằm giữa 20 và 22\./)).toBeTruthy();
    expect(within(review).getByText('Số lần chậm tiến độ báo cáo (ô TC_48_Cham): 0–1 → 7; 2 → 5; 3–4 → 3; 5 → 1; từ 6 → 0 điểm')).toBeTruthy();

    fireEvent.click(await enabledButton('Ghi bảng tiêu chí vào sổ'));
    expect(await screen.findByText('Đã ghi bảng tiêu chí')).toBeTruthy();
    // With the current (built-in) rubric as base, the document gives the built-in rubric itself.
    expect(ops.rubricsWritten).toEqual([r2024]);
    expect(await screen.findByText('Bảng tiêu chí hợp lệ')).toBeTruthy();

    fireEvent.click(await enabledButton('Dùng để tạo bảng'));
    expect(await screen.findByText('Thẻ “Tạo bảng” sẽ dùng bộ tiêu chí hlhpn-caobang-huyen phiên bản 2024.1.')).toBeTruthy();
    expect(store.saved.rubric).toEqual({ source: 'file', fileName: 'Bộ tiêu chí (bảng tiêu chí)', data: r2024 });
    const save = screen.getByRole('link', { name: 'Lưu tệp JSON' }) as HTMLAnchorElement;
    expect(save.download).toBe('hlhpn-caobang-huyen-2024.1.json');
    expect(JSON.parse(decodeURIComponent(save.href.replace(/^data:application\/json;charset=utf-8,/, '')))).toEqual(r2024);
  });

  test('errors of the edited sheet, each a button that selects its cell, re-read on every change', async () => {
    const ops = new FakeOperations();
    ops.rubricSets = [{ rows: 'Bộ tiêu chí', info: 'Thông tin bộ tiêu chí', corrections: 'Sửa lỗi văn bản' }];
    ops.rubricReading = { rubric: null, isRubricWorkbook: true, errors: [{ sheet: 'Bộ tiêu chí', address: 'F7', message: 'phải là một số (đang là "ba")' }] };
    renderPane(ops);
    await openTab();
    const problem = await screen.findByRole('button', { name: 'phải là một số (đang là "ba") (ô Bộ tiêu chí!F7)' });
    expect(screen.getByText('1 lỗi trong bảng tiêu chí: bấm vào một lỗi để chọn ô của nó.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Dùng để tạo bảng' })).toBeNull();
    fireEvent.click(problem);
    await waitFor(() => expect(ops.selected).toEqual(['Bộ tiêu chí!F7']));

    ops.rubricReading = { rubric: builtinRubric().rubric, isRubricWorkbook: true, errors: [] };
    ops.changeRubric();
    expect(await screen.findByText('Bảng tiêu chí hợp lệ')).toBeTruthy();
    expect(await enabledButton('Dùng để tạo bảng')).toBeTruthy();
  });

  test('a legacy .doc is refused with what to do', async () => {
    renderPane(new FakeOperations());
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    pick(await openTab(), new File([ole], 'tieu-chi.doc'));
    expect(await screen.findByText('Không nhập được tieu-chi.doc')).toBeTruthy();
    expect(screen.getByText(/Đây là tệp Word cũ \(\.doc\), chamdiem chỉ đọc được \.docx\./)).toBeTruthy();
  });
});
