import { useEffect, useRef, useState } from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { describeError } from './errors';
import { useServices } from './services';
import { SHELL_CSS } from './shellCss';
import { PANE_TEXT } from '../text/pane';

export interface ShownError {
  /** What failed, from the user's side: "Không tạo được bảng". */
  title: string;
  error: unknown;
  /** Extra lines to list, e.g. a rubric file's validation issues. */
  issues?: string[];
}


const MAX_ISSUES = 30;

/**
 * Where focus goes when the bar is closed: back to the control that had it
 * when the error appeared (the button whose action failed), or, when that
 * is gone or disabled, to the tab panel, so it never falls to the page.
 */
function focusAfterClose(opener: Element | null, bar: HTMLElement | null): void {
  const usable = opener instanceof HTMLElement && opener.isConnected && !opener.matches(':disabled') && opener !== document.body;
  const target = usable ? opener : bar?.closest<HTMLElement>('[role="tabpanel"], main');
  target?.focus();
}

export function ErrorBar({ shown, onDismiss, onRetry }: { shown: ShownError; onDismiss?: () => void; onRetry?: () => void }) {
  const [opener] = useState(() => document.activeElement);
  const bar = useRef<HTMLDivElement>(null);
  const { logError } = useServices();
  const { message, detail } = describeError(shown.error);
  const issues = shown.issues ?? [];

  useEffect(() => {
    logError(shown.error);
  }, [logError, shown.error]);

  return (
    <MessageBar ref={bar} intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{shown.title}</MessageBarTitle>
        {message}
        {/* The original text, often English, only for whoever opens it. */}
        {detail && (
          <details className={SHELL_CSS.detail}>
            <summary>{PANE_TEXT.errors.detail}</summary>
            {detail}
          </details>
        )}
        {issues.length > 0 && (
          <ul className={SHELL_CSS.issues}>
            {issues.slice(0, MAX_ISSUES).map((issue, i) => (
              <li key={i}>{issue}</li>
            ))}
            {issues.length > MAX_ISSUES && <li>{PANE_TEXT.errors.moreIssues(issues.length - MAX_ISSUES)}</li>}
          </ul>
        )}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          onDismiss && (
            <Button
              appearance="transparent"
              aria-label={PANE_TEXT.errors.dismiss}
              icon={<DismissRegular />}
              onClick={() => {
                focusAfterClose(opener, bar.current);
                onDismiss();
              }}
            />
          )
        }
      >
        {onRetry && (
          <Button
            onClick={() => {
              // A retry usually removes the bar.
              focusAfterClose(opener, bar.current);
              onRetry();
            }}
          >
            {PANE_TEXT.errors.retry}
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
