import type { ReactNode } from 'react';
import {
  AriaLiveAnnouncer,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  webLightTheme,
} from '@fluentui/react-components';
import { describeError } from './errors';
import { SHELL_CSS } from './shellCss';
import { STARTUP_TEXT } from '../text/pane';
import { SUPPORT_TEXT } from '../text/excel-errors';

/** What the pane shows until it can show its tabs. */
export type StartState =
  | { kind: 'connecting' }
  /** Past the deadline: office.js still loading (the network), or Office not answering (not in Excel). */
  | { kind: 'slow'; stage: 'loading' | 'answering' }
  | { kind: 'unreachable' }
  | { kind: 'elsewhere' }
  | { kind: 'tooOld' }
  | { kind: 'failed'; error: unknown };


/** The pane's frame: theme, announcer, one main landmark with the add-in's name as h1. */
export function PaneFrame({ children }: { children: ReactNode }) {
  return (
    <FluentProvider theme={webLightTheme} className={SHELL_CSS.frame}>
      {/* Message bars announce themselves through it; tabs announce progress with useAnnounce. */}
      <AriaLiveAnnouncer>
        <main className={SHELL_CSS.main} tabIndex={-1}>
          <h1 className={SHELL_CSS.title}>{STARTUP_TEXT.appName}</h1>
          {children}
        </main>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}

function Notice({ intent, title, lines }: { intent: 'warning' | 'error'; title: string; lines: string[] }) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {lines.map((line) => (
          <span key={line} className={SHELL_CSS.line}>
            {line}
          </span>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

function StartMessage({ state }: { state: StartState }) {
  switch (state.kind) {
    case 'connecting':
      return <Spinner size="small" label={STARTUP_TEXT.connecting} />;
    case 'slow': {
      const { title, text } = state.stage === 'loading' ? STARTUP_TEXT.unreachable : STARTUP_TEXT.silent;
      return <Notice intent="warning" title={title} lines={[text, STARTUP_TEXT.stillWaiting]} />;
    }
    case 'unreachable':
      return <Notice intent="error" title={STARTUP_TEXT.unreachable.title} lines={[STARTUP_TEXT.unreachable.text]} />;
    case 'elsewhere':
      return <Notice intent="warning" title={STARTUP_TEXT.elsewhere.title} lines={[STARTUP_TEXT.elsewhere.text]} />;
    case 'tooOld':
      return <Notice intent="warning" title={STARTUP_TEXT.tooOldTitle} lines={[SUPPORT_TEXT.tooOld, SUPPORT_TEXT.runsIn, SUPPORT_TEXT.withoutAddin]} />;
    case 'failed': {
      const { message, detail } = describeError(state.error);
      return <Notice intent="error" title={STARTUP_TEXT.failedTitle} lines={detail ? [message, detail] : [message]} />;
    }
  }
}

export function StartScreen({ state }: { state: StartState }) {
  return (
    <PaneFrame>
      <StartMessage state={state} />
    </PaneFrame>
  );
}
