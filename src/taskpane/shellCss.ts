/**
 * Class names of the styles in taskpane.html's <style>. What the pane shows
 * first (the frame, the tab bar, the first tab, message details) is laid out
 * by that CSS, with Fluent's token variables, because Griffel's runtime
 * (makeStyles) would add about 8 kB gzipped to the JavaScript every user
 * waits for; tabs opened later use makeStyles. test/taskpane/shell-css.test.ts
 * holds each name to a rule in the page.
 */
export const SHELL_CSS = {
  frame: 'cd-frame',
  main: 'cd-main',
  title: 'cd-title',
  /** One line of a message, on its own line. */
  line: 'cd-line',
  /** A column with the pane's usual gap. */
  stack: 'cd-stack',
  /** A column with a small gap. */
  stackTight: 'cd-stack-tight',
  /** Controls side by side, wrapping in a narrow pane. */
  row: 'cd-row',
  list: 'cd-list',
  rule: 'cd-rule',
  note: 'cd-note',
  muted: 'cd-muted',
  breakAll: 'cd-break-all',
  detail: 'cd-detail',
  issues: 'cd-issues',
  tabs: 'cd-tabs',
  tab: 'cd-tab',
} as const;
