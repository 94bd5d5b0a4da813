import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { HOST_WORK } from '../fakes/excel-host/host';
import type { AddinBuild } from './build';
import { launchChromium, serveDirectory } from './browser';

export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** How office.js is answered: by the fake Excel host, refused, never, or with a script of the test's own. */
export type OfficeAnswer = 'fake' | 'blocked' | 'silent' | { script: string };

export interface PaneEnvironment {
  build: AddinBuild;
  server: Awaited<ReturnType<typeof serveDirectory>>;
  browser: Awaited<ReturnType<typeof launchChromium>>;
}

/** The build served and a Chromium started before a describe's tests, both closed after them. */
export function paneEnvironment(build: () => AddinBuild): () => PaneEnvironment {
  let env: PaneEnvironment | undefined;
  beforeAll(async () => {
    env = { build: build(), server: await serveDirectory(build().dir), browser: await launchChromium() };
  });
  afterAll(async () => {
    await env?.browser.close();
    await env?.server.close();
  });
  return () => {
    if (env === undefined) throw new Error('the pane environment is not started');
    return env;
  };
}

/** Page-side records the init script keeps. */
interface PaneWindow {
  /** What Fluent's announcer handed the screen reader (document.ariaNotify, which Chromium has). */
  announced: string[];
  /** performance.now() when the first tab's action button was first enabled. */
  firstTabReadyAt?: number;
}

function recordInPage() {
  const win = window as unknown as PaneWindow;
  win.announced = [];
  const proto = Document.prototype as unknown as { ariaNotify?: (message: string, options?: unknown) => void };
  const native = proto.ariaNotify;
  proto.ariaNotify = function (this: Document, message: string, options?: unknown) {
    win.announced.push(message);
    native?.call(this, message, options);
  };
  // The moment the first tab's button ("Tạo bảng", or "Cập nhật" on our sheet) can be pressed.
  const enabled = () =>
    Array.from(document.querySelectorAll<HTMLButtonElement>('[role="tabpanel"] button')).some(
      (b) => /^(Tạo bảng|Cập nhật)$/.test(b.textContent ?? '') && !b.disabled && b.getAttribute('aria-disabled') !== 'true',
    );
  const observer = new MutationObserver(() => {
    if (win.firstTabReadyAt === undefined && enabled()) {
      win.firstTabReadyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

/**
 * A page on the built task pane: office.js answered as `office` says, any
 * other request off this machine refused and recorded, every script error
 * recorded, and announcements and the first tab's readiness kept in the page.
 */
export async function openPane({ build, server, browser }: PaneEnvironment, query = '', office: OfficeAnswer = 'fake') {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  const outside: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.addInitScript(recordInPage);
  const fakeOffice = fs.readFileSync(path.join(build.dir, 'fake-office.js'));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) {
      if (office === 'blocked') return route.abort('connectionrefused');
      // Left unanswered: the request hangs, as on a link that drops it.
      if (office === 'silent') return undefined;
      const body = office === 'fake' ? fakeOffice : office.script;
      return route.fulfill({ status: 200, contentType: 'text/javascript', body });
    }
    if (url.startsWith(server.url)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  // The load event waits for office.js, which may never come.
  await page.goto(`${server.url}taskpane.html${query}`, { waitUntil: 'domcontentloaded' });
  const requested = () => server.requested.slice();
  return { page, errors, outside, requested };
}

/** Waits until something announced contains `text`, and returns it. */
export async function announcement(page: Page, text: string): Promise<string> {
  const found = await page.waitForFunction((part) => (window as unknown as PaneWindow).announced.find((m) => m.includes(part)), text);
  return (await found.jsonValue()) as string;
}

/**
 * The JavaScript files the page had started to fetch by the time the first
 * tab's button was enabled (resource timing: every chunk, initial or loaded
 * on demand), once that has happened.
 */
export async function scriptsBeforeFirstTab(page: Page): Promise<string[]> {
  await page.waitForFunction(() => (window as unknown as PaneWindow).firstTabReadyAt !== undefined);
  return page.evaluate(() => {
    const readyAt = (window as unknown as PaneWindow).firstTabReadyAt!;
    return performance
      .getEntriesByType('resource')
      .filter((e) => {
        const url = new URL(e.name);
        // The pane's own scripts; office.js comes from Microsoft and is not counted.
        return url.origin === location.origin && e.startTime <= readyAt && url.pathname.endsWith('.js');
      })
      .map((e) => new URL(e.name).pathname.slice(1));
  });
}

/** A task over 50 ms, the scripts Chromium says ran in it, and how much of it went to style, layout and paint. */
export interface LongTask {
  start: number;
  duration: number;
  /** Each script entry point over 5 ms in it: its file's URL ("http://127.0.0.1:…/merge-read.1a2b3c4d.js"), what called it, its duration. */
  scripts: { source: string; invoker: string; duration: number }[];
  /** From its long animation frame: time from the start of style and layout to the frame's end. */
  rendering: number;
  /** Of its duration, the fake Excel host's applying requests (real Excel does that outside the page). */
  hostWork: number;
}

interface FrameEntry extends PerformanceEntry {
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: { sourceURL: string; invoker: string; duration: number; startTime: number }[];
}

/**
 * Starts recording the page's long tasks (PerformanceObserver 'longtask',
 * with Long Animation Frames for what ran in them); `collect()` returns
 * those since, longest first.
 */
export async function recordLongTasks(page: Page): Promise<{ collect: () => Promise<LongTask[]> }> {
  const hostWork = HOST_WORK;
  const since = await page.evaluate(() => {
    const win = window as unknown as { longTasks: PerformanceEntry[]; frames: PerformanceEntry[] };
    win.longTasks = [];
    win.frames = [];
    new PerformanceObserver((list) => win.longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => win.frames.push(...list.getEntries())).observe({ type: 'long-animation-frame', buffered: true });
    return performance.now();
  });
  const collect = () =>
    page.evaluate(([from, hostName]) => {
      const win = window as unknown as { longTasks: PerformanceEntry[]; frames: FrameEntry[] };
      const host = performance.getEntriesByName(hostName, 'measure');
      return win.longTasks
        .filter((t) => t.startTime >= from)
        .map((t) => {
          const end = t.startTime + t.duration;
          // A long task is the script part of a long frame; the frame says what ran in it and when rendering began.
          const frame = win.frames.find((f) => f.startTime <= t.startTime + 1 && f.startTime + f.duration >= end - 1);
          const scripts = (frame?.scripts ?? [])
            .filter((s) => s.startTime >= t.startTime - 1 && s.startTime <= end)
            .map((s) => ({ source: s.sourceURL, invoker: s.invoker, duration: Math.round(s.duration) }));
          const rendering = frame && frame.styleAndLayoutStart > 0 ? Math.round(frame.startTime + frame.duration - frame.styleAndLayoutStart) : 0;
          const overlap = host.reduce((n, m) => n + Math.max(0, Math.min(end, m.startTime + m.duration) - Math.max(t.startTime, m.startTime)), 0);
          return { start: Math.round(t.startTime), duration: Math.round(t.duration), scripts, rendering, hostWork: Math.round(overlap) };
        })
        .sort((a, b) => b.duration - a.duration);
    }, [since, hostWork] as const);
  return { collect };
}
