/** An operation's notices (what it could not do, or did differently), one warning bar each. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { PANE_TEXT } from '../text/pane';

export function Notices({ notices }: { notices: readonly string[] }) {
  return (
    <>
      {notices.map((notice) => (
        <MessageBar key={notice} intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{PANE_TEXT.common.notice}</MessageBarTitle>
            {notice}
          </MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
