/**
 * @jest-environment jsdom
 */
import { builtinRubric } from '../../src/rubric';
import { lazyOperations } from '../../src/taskpane/lazyOperations';
import { describeError } from '../../src/taskpane/errors';
import { localSettingsStore } from '../../src/taskpane/officeServices';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from '../../src/taskpane/settings';
import { FakeOperations } from './fake-operations';

describe('settings kept with office-js-helpers Storage', () => {
  beforeEach(() => localStorage.clear());

  test('what one opening saves, the next one loads', async () => {
    const settings: Settings = {
      unitName: 'Hội LHPN huyện Nguyên Bình',
      preparer: 'Nông Thị Hoa',
      signer: '',
      place: 'Hà Quảng',
      rubric: { source: 'file', fileName: 'tieu-chi.json', data: { id: 'x', sections: [] } },
    };
    await localSettingsStore().save(settings);
    expect(await localSettingsStore().load()).toEqual(settings);
    // Kept in the helpers' "chamdiem" container, apart from anything else in localStorage.
    expect(Object.keys(localStorage).sort()).toEqual(['@chamdiem/settings', 'chamdiem']);
  });

  test('a full localStorage is reported in Vietnamese', async () => {
    const store = localSettingsStore();
    await store.load();
    const setItem = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      await expect(store.save(DEFAULT_SETTINGS)).rejects.toThrow('Không lưu được cài đặt vào bộ nhớ của trình duyệt');
    } finally {
      setItem.mockRestore();
    }
  });

  test('a first opening gets the defaults', async () => {
    expect(await localSettingsStore().load()).toEqual(DEFAULT_SETTINGS);
  });

  test('damaged or outdated stored settings fall back field by field', () => {
    expect(sanitizeSettings({ unitName: 42, rubric: { source: 'file' } })).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings({ unitName: 'Hội LHPN huyện Thạch An', rubric: 'builtin' })).toEqual({
      ...DEFAULT_SETTINGS,
      unitName: 'Hội LHPN huyện Thạch An',
    });
    expect(sanitizeSettings('nonsense')).toEqual(DEFAULT_SETTINGS);
  });
});

describe('lazyOperations', () => {
  const noStatus = async () => {
    throw new Error('status comes from its own reader');
  };

  test('loads the implementation once, on first use; the status comes from its own small reader without loading it', async () => {
    const fake = new FakeOperations();
    let loads = 0;
    const ops = lazyOperations(async () => {
      loads++;
      return fake;
    }, async () => ({ exists: true, ours: false }));
    await expect(ops.status()).resolves.toEqual({ exists: true, ours: false });
    expect(loads).toBe(0);
    await ops.select('H12');
    await ops.select('H13');
    expect(loads).toBe(1);
    expect(fake.selected).toEqual(['H12', 'H13']);
  });

  test('preload starts the load ahead of the first use, once', async () => {
    let loads = 0;
    const ops = lazyOperations(async () => {
      loads++;
      return new FakeOperations();
    }, noStatus);
    ops.preload();
    ops.preload();
    await ops.check(builtinRubric());
    expect(loads).toBe(1);
  });

  test('forwards the merge and the printout with their requests', async () => {
    const fake = new FakeOperations();
    const ops = lazyOperations(async () => fake, noStatus);
    const loaded = builtinRubric();
    const result = { rubric: { id: 'x', version: '1', fingerprint: 'f', year: 2024 }, files: [], units: [], ranking: [] };
    await expect(ops.writeMerge({ loaded, result })).resolves.toBe(fake.mergeResult);
    await expect(ops.applyPrint({ loaded, signer: 'Lương Thị Mai' })).resolves.toBe(fake.printResult);
    expect(fake.merges).toEqual([{ loaded, result }]);
    expect(fake.prints).toEqual([{ loaded, signer: 'Lương Thị Mai' }]);
  });

  test('a failed load is reported, then tried again on the next call; a failed preload is tried again too', async () => {
    const fake = new FakeOperations();
    let attempts = 0;
    const ops = lazyOperations(async () => {
      if (++attempts <= 2) throw Object.assign(new Error('Loading chunk excel failed.'), { name: 'ChunkLoadError' });
      return fake;
    }, noStatus);
    ops.preload();
    // The preload's failure is kept quiet: nothing asked for the operations yet.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(ops.select('A1')).rejects.toThrow('Loading chunk excel failed.');
    await expect(ops.select('A1')).resolves.toBeUndefined();
    expect(attempts).toBe(3);
  });
});

describe('describeError', () => {
  test('a raw Office error keeps its code and text', () => {
    const raw = Object.assign(new Error('The requested resource does not exist.'), {
      name: 'RichApi.Error',
      code: 'ItemNotFound',
      debugInfo: { code: 'ItemNotFound' },
    });
    expect(describeError(raw)).toEqual({
      message: 'Excel báo lỗi (mã ItemNotFound).',
      detail: 'Mã lỗi Excel: ItemNotFound — The requested resource does not exist.',
    });
  });

  test('an Excel refusal the adapter translated reads in Vietnamese alone; code and English go to the details', () => {
    const raw = Object.assign(new Error('This operation is not permitted for the current object.'), { code: 'GeneralException' });
    const translated = Object.assign(new Error('Excel gặp lỗi khi thực hiện thao tác.', { cause: raw }), {
      name: 'ExcelOperationError',
      code: 'GeneralException',
    });
    expect(describeError(translated)).toEqual({
      message: 'Excel gặp lỗi khi thực hiện thao tác.',
      detail: 'Mã lỗi Excel: GeneralException — This operation is not permitted for the current object.',
    });
  });

  test('the cause of our own error is kept as detail', () => {
    const error = new Error('Không lưu được cài đặt vào bộ nhớ của trình duyệt (có thể đã đầy).', {
      cause: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    });
    expect(describeError(error)).toEqual({ message: error.message, detail: 'The quota has been exceeded.' });
  });

  test('a chunk that failed to load asks to reopen the pane', () => {
    const error = Object.assign(new Error('Loading chunk 45 failed.'), { name: 'ChunkLoadError' });
    expect(describeError(error).message).toMatch(/Hãy đóng và mở lại ngăn tác vụ/);
  });

  test('our Vietnamese errors pass through unchanged', () => {
    expect(describeError(new Error('Sổ làm việc chưa có trang “Tự chấm điểm”.'))).toEqual({
      message: 'Sổ làm việc chưa có trang “Tự chấm điểm”.',
    });
  });
});
