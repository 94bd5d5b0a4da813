/**
 * Bringing up Office.js: office.js is loaded by taskpane.html (async, so a
 * CDN that never answers cannot hold the whole page blank), then
 * Office.onReady says which host opened the pane. The pane needs to know
 * soon when either does not happen, to tell the user what to do.
 */
import type { ExcelRun } from './api';
import { EXCEL_API } from './requirements';

/** How Office came up. */
export type OfficeStart =
  /** In Excel; `minimumMet` tells whether it has the ExcelApi set the add-in needs. */
  | { kind: 'excel'; minimumMet: boolean; run: ExcelRun }
  /** office.js answered, but not from Excel: a plain browser, or another Office program. */
  | { kind: 'elsewhere' }
  /** office.js did not load at all (offline, blocked). */
  | { kind: 'unreachable' };

/** Where startup is when the deadline passes: still fetching office.js, or waiting for Office to answer. */
export type SlowStage = 'loading' | 'answering';

/** Measured from the page's start, so that a message is on screen within 5 seconds of opening the pane. */
export const OFFICE_DEADLINE_MS = 4000;

/** The window as startup reads it; a test passes its own. */
export interface StartupWindow {
  readonly Office?: typeof Office;
  readonly Excel?: typeof Excel;
  readonly document: Pick<Document, 'querySelector'>;
}

export interface StartOptions {
  /** Called once if startup has not finished by the deadline; startup goes on waiting. */
  onSlow: (stage: SlowStage) => void;
  win?: StartupWindow;
  /** Milliseconds since the page started. */
  now?: () => number;
  deadlineMs?: number;
}

/** Resolves when office.js has run (true) or failed to load (false); pending while it loads. */
function libraryLoaded(win: StartupWindow): Promise<boolean> {
  if (win.Office) return Promise.resolve(true);
  const script = win.document.querySelector<HTMLScriptElement>('script[src$="/office.js"]');
  // taskpane.html marks a load that failed before this ran.
  if (!script || script.hasAttribute('data-failed')) return Promise.resolve(false);
  return new Promise((resolve) => {
    script.addEventListener('load', () => resolve(win.Office !== undefined), { once: true });
    script.addEventListener('error', () => resolve(false), { once: true });
  });
}

export async function startOffice({
  onSlow,
  win = window as unknown as StartupWindow,
  now = () => performance.now(),
  deadlineMs = OFFICE_DEADLINE_MS,
}: StartOptions): Promise<OfficeStart> {
  let stage: SlowStage = 'loading';
  const timer = setTimeout(() => onSlow(stage), Math.max(0, deadlineMs - now()));
  try {
    if (!(await libraryLoaded(win))) return { kind: 'unreachable' };
    stage = 'answering';
    const office = win.Office!;
    const info = await office.onReady();
    if (info.host !== office.HostType.Excel) return { kind: 'elsewhere' };
    return {
      kind: 'excel',
      minimumMet: office.context.requirements.isSetSupported('ExcelApi', EXCEL_API.minimum),
      run: (batch, continuing) => (continuing ? win.Excel!.run(continuing, batch) : win.Excel!.run(batch)),
    };
  } finally {
    clearTimeout(timer);
  }
}
