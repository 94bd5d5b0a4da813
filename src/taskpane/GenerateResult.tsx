/**
 * What "Tạo bảng" or "Cập nhật" did: loaded with the operation, not with the
 * tab, as the names it repaired are described by the application layer.
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { GenerateResult } from '../app/operations';
import { describeRepair } from '../app/repair';
import { formatExactNumber } from '../text/format';
import { NAME_TEXT } from '../text/messages';
import { PANE_TEXT } from '../text/pane';
import { Notices } from './Notices';
import { SHELL_CSS as CSS } from './shellCss';

const TEXT = PANE_TEXT.generate;

export default function ResultView({ result }: { result: GenerateResult }) {
  return (
    <>
      <MessageBar intent="success" politeness="polite" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{result.mode === 'created' ? TEXT.created : result.mode === 'recovered' ? TEXT.recovered : TEXT.upgraded}</MessageBarTitle>
          {result.mode === 'created' ? TEXT.nextStep : TEXT.kept(result.keptEntries)}
        </MessageBarBody>
      </MessageBar>
      {result.repairs.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{NAME_TEXT.repairsTitle(result.repairs.length)}</MessageBarTitle>
            <ul className={CSS.list} aria-label={NAME_TEXT.repairsList}>
              {result.repairs.map((r) => (
                <li key={r.name}>{describeRepair(r)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {result.orphans.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{TEXT.orphansTitle(result.orphans.length)}</MessageBarTitle>
            {TEXT.orphans}
            <ul className={CSS.list} aria-label={TEXT.orphansLabel}>
              {result.orphans.map((o) => (
                <li key={o.name}>
                  {o.name}: {typeof o.value === 'number' ? formatExactNumber(o.value) : o.value}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Notices notices={result.notices} />
    </>
  );
}
