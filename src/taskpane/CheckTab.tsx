import { useMemo, useState } from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, ErrorCircleRegular, WarningRegular } from '@fluentui/react-icons';
import { SHEET_NAME } from '../layout/plan';
import { ErrorBar, type ShownError } from './ErrorBar';
import { formatPoints } from './format';
import type { LiveProblem } from './operations';
import { chosenRubric } from './rubricChoice';
import { useServices } from './services';
import type { TabProps } from './tabs';
import { useLiveCheck } from './useLiveCheck';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  summary: { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: tokens.spacingHorizontalM },
  total: { fontWeight: tokens.fontWeightSemibold },
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, minHeight: '32px' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  problem: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-start',
    width: '100%',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    textAlign: 'left',
  },
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  icon: { flexShrink: 0, fontSize: '16px', marginTop: '2px' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  where: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

function ProblemItem({ problem, onSelect }: { problem: LiveProblem; onSelect: (address: string) => void }) {
  const styles = useStyles();
  const Icon = problem.severity === 'error' ? ErrorCircleRegular : WarningRegular;
  const content = (
    <>
      <Icon className={mergeClasses(styles.icon, styles[problem.severity])} aria-label={problem.severity === 'error' ? 'Lỗi' : 'Cảnh báo'} />
      <span>
        {problem.message}
        {problem.address && <span className={styles.where}>Ô {problem.address}</span>}
      </span>
    </>
  );
  const { address } = problem;
  return (
    <li>
      {address ? (
        <button type="button" className={mergeClasses(styles.problem, styles.clickable)} onClick={() => onSelect(address)}>
          {content}
        </button>
      ) : (
        <div className={styles.problem}>{content}</div>
      )}
    </li>
  );
}

export default function CheckTab({ settings, active }: TabProps) {
  const styles = useStyles();
  const { operations } = useServices();
  const { loaded } = useMemo(() => chosenRubric(settings.rubric), [settings.rubric]);
  const { status, check, checking, failure, refresh } = useLiveCheck(loaded, active);
  const [selectFailure, setSelectFailure] = useState<ShownError | null>(null);

  const select = (address: string) => {
    setSelectFailure(null);
    operations.select(address).catch((error: unknown) => setSelectFailure({ title: `Không chọn được ô ${address}`, error }));
  };

  const errors = check?.problems.filter((p) => p.severity === 'error').length ?? 0;
  const warnings = (check?.problems.length ?? 0) - errors;

  return (
    <div className={styles.root}>
      {failure && <ErrorBar shown={failure} onRetry={refresh} />}
      {selectFailure && <ErrorBar shown={selectFailure} onDismiss={() => setSelectFailure(null)} />}
      {status && !status.exists && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Chưa có bảng</MessageBarTitle>
            Sổ làm việc chưa có trang “{SHEET_NAME}”. Hãy tạo bảng ở thẻ “Tạo bảng”.
          </MessageBarBody>
        </MessageBar>
      )}
      {status?.exists && !status.ours && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Không phải bảng của tiện ích</MessageBarTitle>
            Trang “{SHEET_NAME}” không do tiện ích tạo nên không kiểm tra được.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.toolbar}>
        <Button icon={<ArrowClockwiseRegular />} onClick={refresh} disabled={checking}>
          Kiểm tra lại
        </Button>
        {checking && <Spinner size="tiny" label="Đang kiểm tra…" />}
      </div>
      {check && (
        <>
          <Field
            label={
              <span className={styles.summary}>
                <span>
                  Đã chấm {check.scoredCount}/{check.criterionCount}
                </span>
                <span className={styles.total}>Tổng điểm: {formatPoints(check.total)}</span>
              </span>
            }
          >
            <ProgressBar value={check.criterionCount > 0 ? check.scoredCount / check.criterionCount : 0} thickness="large" />
          </Field>
          {check.problems.length === 0 ? (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>Không phát hiện vấn đề nào.</MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <Text weight="semibold">
                {[errors > 0 && `${errors} lỗi`, warnings > 0 && `${warnings} cảnh báo`].filter(Boolean).join(', ')} — bấm vào một dòng để
                chọn ô.
              </Text>
              <ul className={styles.list} aria-label="Các vấn đề">
                {check.problems.map((problem, i) => (
                  <ProblemItem key={`${problem.code}:${problem.name ?? ''}:${i}`} problem={problem} onSelect={select} />
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  );
}
