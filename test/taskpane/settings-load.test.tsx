/**
 * @jest-environment jsdom
 *
 * The stored settings come in after the first tab works, not before: what
 * the user types meanwhile is kept, and no action runs on half-loaded settings.
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { DEFAULT_SETTINGS, type Settings } from '../../src/taskpane/settings';
import { FakeOperations, MemorySettings } from './fake-operations';
import { enabledButton, renderPane } from './render-pane';

/** A store whose reads wait until released (before or after they start), and that counts them. */
class HeldSettings extends MemorySettings {
  loads = 0;
  private readonly released: Promise<void>;
  arrive: () => void = () => undefined;

  constructor(saved: Settings) {
    super(saved);
    this.released = new Promise((resolve) => (this.arrive = resolve));
  }

  async load(): Promise<Settings> {
    this.loads++;
    await this.released;
    return super.load();
  }
}

/** A status read that waits until released. */
class HeldStatus extends FakeOperations {
  private release: (() => void) | undefined;

  async status() {
    await new Promise<void>((resolve) => (this.release = resolve));
    return super.status();
  }

  answer(): void {
    this.release?.();
  }
}

const unitInput = () => screen.findByRole('textbox', { name: /Tên đơn vị/ }) as Promise<HTMLInputElement>;

test('nothing is read from storage before the first tab can be used', async () => {
  const ops = new HeldStatus();
  const store = new HeldSettings({ ...DEFAULT_SETTINGS, unitName: 'Hội LHPN huyện Hà Quảng' });
  renderPane(ops, store);
  await unitInput();
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  expect(store.loads).toBe(0);
  act(() => ops.answer());
  await enabledButton('Tạo bảng');
  await waitFor(() => expect(store.loads).toBe(1));
  act(() => store.arrive());
  await waitFor(async () => expect((await unitInput()).value).toBe('Hội LHPN huyện Hà Quảng'));
});

test('a name typed before the stored settings arrive wins over the stored one; the rest come from storage, and all is saved', async () => {
  const store = new HeldSettings({ ...DEFAULT_SETTINGS, unitName: 'Hội LHPN huyện Bảo Lạc', signer: 'Lương Thị Mai' });
  renderPane(new FakeOperations(), store);
  await enabledButton('Tạo bảng');
  fireEvent.change(await unitInput(), { target: { value: 'Hội LHPN huyện Hà Quảng' } });
  // Not saved yet: that would overwrite what is stored with the defaults.
  expect(store.saved.signer).toBe('Lương Thị Mai');
  act(() => store.arrive());
  await waitFor(() => expect((screen.getByRole('textbox', { name: 'Người ký' }) as HTMLInputElement).value).toBe('Lương Thị Mai'));
  expect((await unitInput()).value).toBe('Hội LHPN huyện Hà Quảng');
  await waitFor(() => expect(store.saved).toMatchObject({ unitName: 'Hội LHPN huyện Hà Quảng', signer: 'Lương Thị Mai' }));
});

test('a click before the stored settings arrive waits for them, and uses the stored names and the sheet’s unit', async () => {
  const ops = new FakeOperations();
  ops.sheet = { exists: true, ours: true, meta: { unitName: 'Hội LHPN huyện Hòa An' } };
  ops.generateResult = { ...ops.generateResult, mode: 'upgraded' };
  const store = new HeldSettings({ ...DEFAULT_SETTINGS, preparer: 'Nông Thị Hoa' });
  renderPane(ops, store);
  fireEvent.click(await enabledButton('Cập nhật'));
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  expect(ops.generated).toHaveLength(0);
  act(() => store.arrive());
  await screen.findByText('Đã cập nhật bảng tự chấm điểm');
  expect(ops.generated[0]).toMatchObject({ unitName: 'Hội LHPN huyện Hòa An', preparer: 'Nông Thị Hoa' });
  // The sheet's unit filled the empty field, and is kept for next time.
  expect((await unitInput()).value).toBe('Hội LHPN huyện Hòa An');
  await waitFor(() => expect(store.saved.unitName).toBe('Hội LHPN huyện Hòa An'));
});

test('a stored unit name is not replaced by the sheet’s', async () => {
  const ops = new FakeOperations();
  ops.sheet = { exists: true, ours: true, meta: { unitName: 'Hội LHPN huyện Hòa An' } };
  const store = new HeldSettings({ ...DEFAULT_SETTINGS, unitName: 'Hội LHPN thành phố Cao Bằng' });
  renderPane(ops, store);
  await enabledButton('Cập nhật');
  act(() => store.arrive());
  await waitFor(async () => expect((await unitInput()).value).toBe('Hội LHPN thành phố Cao Bằng'));
});
