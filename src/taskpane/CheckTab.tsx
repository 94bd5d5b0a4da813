import { useEffect, useMemo, useState } from 'react';
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
  useAnnounce,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, ChevronDownRegular, ChevronUpRegular, ErrorCircleRegular, WarningRegular } from '@fluentui/react-icons';
import { ErrorBar, type ShownError } from './ErrorBar';
import { SHEET_NAME, type LiveProblem } from '../app/operations';
import { chosenRubric } from './rubricChoice';
import { useServices } from './services';
import type { TabProps } from './tabs';
import { useLiveCheck } from './useLiveCheck';
import { PANE_TEXT } from '../text/pane';
import { EXCEL_TEXT, NAME_TEXT, TAB_TEXT } from '../text/messages';

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
  unscored: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
});

/** Unscored criteria named in the one-line summary before "và N tiêu chí khác". */
const UNSCORED_PREVIEW = 12;

const TEXT = TAB_TEXT.check;

/** Problems of names off their cells or gone, which Cập nhật repairs. */
const NAME_CONTRACT = new Set<LiveProblem['code']>(['NAME_MISSING', 'NAME_SHARED', 'NAME_MOVED', 'NAME_NOT_FORMULA']);

function ProblemItem({ problem, onSelect }: { problem: LiveProblem; onSelect: (address: string) => void }) {
  const styles = useStyles();
  const Icon = problem.severity === 'error' ? ErrorCircleRegular : WarningRegular;
  const content = (
    <>
      <Icon className={mergeClasses(styles.icon, styles[problem.severity])} aria-label={PANE_TEXT.common[problem.severity]} />
      <span>
        {problem.message}
        {problem.address && <span className={styles.where}>{TEXT.cell(problem.address)}</span>}
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

/** "Chưa chấm: 1, 2, 3 …" with a button that lists each one. */
function UnscoredList({ problems, onSelect }: { problems: LiveProblem[]; onSelect: (address: string) => void }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const owners = problems.map((p) => p.owner).filter((o): o is string => o !== undefined);
  const shown = owners.slice(0, UNSCORED_PREVIEW);
  return (
    <div className={styles.unscored}>
      <Text>{TEXT.unscored(shown, owners.length - shown.length)}</Text>
      <Button appearance="subtle" icon={open ? <ChevronUpRegular /> : <ChevronDownRegular />} onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? TEXT.collapse : TEXT.showUnscored(problems.length)}
      </Button>
      {open && (
        <ul className={styles.list} aria-label={TEXT.unscoredLabel}>
          {problems.map((problem, i) => (
            <ProblemItem key={`${problem.name ?? ''}:${i}`} problem={problem} onSelect={onSelect} />
          ))}
        </ul>
      )}
    </div>
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
    operations.select(address).catch((error: unknown) => setSelectFailure({ title: TEXT.cannotSelect(address), error }));
  };

  // Unscored criteria are the work still to do, not faults: one line for all
  // of them, opened on demand, so a fresh sheet does not bury real problems.
  const problems = check?.problems ?? [];
  const unscored = problems.filter((p) => p.code === 'UNSCORED');
  const faults = problems.filter((p) => p.code !== 'UNSCORED');
  const errors = faults.filter((p) => p.severity === 'error').length;
  const warnings = faults.length - errors;
  const counts = [errors > 0 && TEXT.errors(errors), warnings > 0 && TEXT.warnings(warnings), unscored.length > 0 && TEXT.unscoredCount(unscored.length)]
    .filter(Boolean)
    .join(', ');

  // Each check's outcome is said once; a new one replaces one not yet read out.
  const { announce } = useAnnounce();
  const outcome = check && TEXT.outcome(TEXT.scored(check.scoredCount, check.criterionCount), check.total, counts);
  useEffect(() => {
    if (outcome && active) announce(outcome, { batchId: 'check' });
  }, [outcome, active, announce]);

  return (
    <div className={styles.root}>
      {failure && <ErrorBar shown={failure} onRetry={refresh} />}
      {selectFailure && <ErrorBar shown={selectFailure} onDismiss={() => setSelectFailure(null)} />}
      {status && !status.exists && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{PANE_TEXT.common.noSheetTitle}</MessageBarTitle>
            {EXCEL_TEXT.noSheet(SHEET_NAME)}
          </MessageBarBody>
        </MessageBar>
      )}
      {status?.exists && !status.ours && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{PANE_TEXT.common.notOursTitle}</MessageBarTitle>
            {TEXT.notOurs(SHEET_NAME)}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.toolbar}>
        <Button icon={<ArrowClockwiseRegular />} onClick={refresh} disabledFocusable={checking}>
          {TEXT.again}
        </Button>
        {checking && <Spinner size="tiny" label={TEXT.checking} />}
      </div>
      {check && (
        <>
          <Field
            label={
              <span className={styles.summary}>
                <span>{TEXT.scored(check.scoredCount, check.criterionCount)}</span>
                <span className={styles.total}>{TEXT.total(check.total)}</span>
              </span>
            }
          >
            <ProgressBar value={check.criterionCount > 0 ? check.scoredCount / check.criterionCount : 0} thickness="large" />
          </Field>
          {problems.length === 0 ? (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>{TEXT.noProblems}</MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <Text weight="semibold">{TEXT.clickToSelect(counts)}</Text>
              <ul className={styles.list} aria-label={TEXT.problemsLabel}>
                {faults.map((problem, i) => (
                  <ProblemItem key={`${problem.code}:${problem.name ?? ''}:${i}`} problem={problem} onSelect={select} />
                ))}
              </ul>
              {unscored.length > 0 && <UnscoredList problems={unscored} onSelect={select} />}
              {faults.some((p) => NAME_CONTRACT.has(p.code)) && (
                <MessageBar intent="info" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>{NAME_TEXT.repairHintTitle}</MessageBarTitle>
                    {NAME_TEXT.repairHint}
                  </MessageBarBody>
                </MessageBar>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
