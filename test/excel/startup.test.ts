/**
 * @jest-environment jsdom
 */
import { OFFICE_DEADLINE_MS, startOffice, type SlowStage, type StartupWindow } from '../../src/excel/startup';

type Host = 'Excel' | 'Word' | null;

/** office.js as far as startup sees it: onReady answering for `host`, or never. */
function fakeOffice(host: Host | 'never', supported = ['1.1', '1.7', '1.8', '1.9']) {
  return {
    HostType: { Excel: 'Excel' },
    onReady: () => (host === 'never' ? new Promise(() => undefined) : Promise.resolve({ host, platform: null })),
    context: { requirements: { isSetSupported: (_name: string, version: string) => supported.includes(version) } },
  } as unknown as typeof Office;
}

/** A page whose head holds the office.js script element, and whose Office global appears when the test says. */
function page() {
  document.head.innerHTML = '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js" async></script>';
  const script = document.head.querySelector('script')!;
  const win: { Office?: typeof Office; document: Document } = { document };
  return {
    win: win as StartupWindow,
    load(office: typeof Office) {
      win.Office = office;
      script.dispatchEvent(new Event('load'));
    },
    fail() {
      script.dispatchEvent(new Event('error'));
    },
  };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

/** Starts at `pageAgeMs` after the page opened, recording when the deadline fired and at which stage. */
function start(win: StartupWindow, pageAgeMs = 300) {
  const slow: { stage: SlowStage; at: number }[] = [];
  const startedAt = Date.now();
  const result = startOffice({ win, now: () => pageAgeMs + (Date.now() - startedAt), onSlow: (stage) => slow.push({ stage, at: pageAgeMs + Date.now() - startedAt }) });
  return { result, slow };
}

test('in Excel with ExcelApi 1.8 it is ready, with no message, whether office.js ran before or after the pane', async () => {
  const early = page();
  early.load(fakeOffice('Excel'));
  const before = start(early.win);
  await expect(before.result).resolves.toMatchObject({ kind: 'excel', minimumMet: true });

  const late = page();
  const after = start(late.win);
  jest.advanceTimersByTime(1000);
  late.load(fakeOffice('Excel'));
  await expect(after.result).resolves.toMatchObject({ kind: 'excel', minimumMet: true });
  jest.advanceTimersByTime(10_000);
  expect([...before.slow, ...after.slow]).toEqual([]);
});

test('an Excel without ExcelApi 1.8 is told apart (volume-licensed 2019 has 1.7)', async () => {
  const p = page();
  p.load(fakeOffice('Excel', ['1.1', '1.7']));
  await expect(start(p.win).result).resolves.toMatchObject({ kind: 'excel', minimumMet: false });
});

test('office.js that fails to load is said at once, also when it failed before the pane’s code ran', async () => {
  const p = page();
  const { result, slow } = start(p.win);
  p.fail();
  await expect(result).resolves.toEqual({ kind: 'unreachable' });

  const earlier = page();
  // What taskpane.html's onerror does.
  document.head.querySelector('script')!.setAttribute('data-failed', '');
  await expect(start(earlier.win).result).resolves.toEqual({ kind: 'unreachable' });
  jest.advanceTimersByTime(10_000);
  expect(slow).toEqual([]);
});

test('office.js that never answers: the deadline comes 4 s after the page opened, and a late load still starts the pane', async () => {
  const p = page();
  const { result, slow } = start(p.win, 700);
  jest.advanceTimersByTime(OFFICE_DEADLINE_MS - 700 - 1);
  expect(slow).toEqual([]);
  jest.advanceTimersByTime(1);
  expect(slow).toEqual([{ stage: 'loading', at: 4000 }]);
  p.load(fakeOffice('Excel'));
  await expect(result).resolves.toMatchObject({ kind: 'excel' });
});

test('office.js loaded but Office never answering (the page opened outside Excel) reaches the deadline at the answering stage', async () => {
  const p = page();
  p.load(fakeOffice('never'));
  const { slow } = start(p.win);
  await jest.advanceTimersByTimeAsync(OFFICE_DEADLINE_MS);
  expect(slow.map((s) => s.stage)).toEqual(['answering']);
});

test('a browser or another Office program is “elsewhere”', async () => {
  for (const host of [null, 'Word'] as const) {
    const p = page();
    p.load(fakeOffice(host));
    await expect(start(p.win).result).resolves.toEqual({ kind: 'elsewhere' });
  }
});
