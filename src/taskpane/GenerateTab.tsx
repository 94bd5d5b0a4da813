import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  Divider,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { LoadedRubric } from '../rubric';
import { ErrorBar, type ShownError } from './ErrorBar';
import { SHEET_NAME, type GenerateResult, type SheetStatus } from '../app/operations';
import { describeRepair } from '../app/repair';
import { RubricChooser } from './RubricChooser';
import { chosenRubric } from './rubricChoice';
import { useServices } from './services';
import type { TabProps } from './tabs';
import { INPUT_LABELS, NAME_TEXT, PANE_TEXT, rubricLabel } from '../text/messages';

const TEXT = PANE_TEXT.generate;
const COMMON = PANE_TEXT.common;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL, maxHeight: '14em', overflowY: 'auto' },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

function statusLine(status: SheetStatus, loaded: LoadedRubric): { intent: 'info' | 'warning'; title: string; text: string } {
  if (!status.exists) {
    return { intent: 'info', title: COMMON.noSheetTitle, text: TEXT.noSheet(SHEET_NAME) };
  }
  if (!status.ours) {
    return {
      intent: 'warning',
      title: TEXT.clashTitle,
      text: TEXT.clash(SHEET_NAME),
    };
  }
  const meta = status.meta ?? {};
  const { rubric, fingerprint } = loaded;
  const current = rubricLabel(meta.rubricId ?? '?', meta.rubricVersion ?? '?');
  const text =
    meta.rubricFingerprint === fingerprint
      ? TEXT.sameRubric(current)
      : TEXT.otherRubric(current, rubricLabel(rubric.id, rubric.version));
  return { intent: 'info', title: meta.unitName ? TEXT.sheetOf(meta.unitName) : TEXT.sheetExists, text };
}

function ResultView({ result }: { result: GenerateResult }) {
  const styles = useStyles();
  return (
    <>
      <MessageBar intent="success" politeness="polite" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{result.mode === 'created' ? TEXT.created : TEXT.upgraded}</MessageBarTitle>
          {result.mode === 'upgraded'
            ? TEXT.kept(result.keptEntries)
            : TEXT.nextStep}
        </MessageBarBody>
      </MessageBar>
      {result.repairs.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{NAME_TEXT.repairsTitle(result.repairs.length)}</MessageBarTitle>
            <ul className={styles.list} aria-label={NAME_TEXT.repairsList}>
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
            <ul className={styles.list} aria-label={TEXT.orphansLabel}>
              {result.orphans.map((o) => (
                <li key={o.name}>
                  {o.name}: {String(o.value)}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {result.notices.map((notice) => (
        <MessageBar key={notice} intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{COMMON.notice}</MessageBarTitle>
            {notice}
          </MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}

export default function GenerateTab({ settings, onSettingsChange, active }: TabProps) {
  const styles = useStyles();
  const { operations } = useServices();
  const [status, setStatus] = useState<SheetStatus | null>(null);
  const [statusError, setStatusError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<GenerateResult | null>(null);
  const [failure, setFailure] = useState<ShownError | null>(null);
  const [unitTouched, setUnitTouched] = useState(false);
  const { loaded, fallbackReason } = useMemo(() => chosenRubric(settings.rubric), [settings.rubric]);
  const fallback = useMemo<ShownError | null>(
    () =>
      fallbackReason === undefined
        ? null
        : { title: PANE_TEXT.rubric.savedInvalid, error: fallbackReason },
    [fallbackReason],
  );

  const readStatus = useCallback(async () => {
    setStatusError(null);
    try {
      setStatus(await operations.status());
    } catch (error) {
      setStatusError({ title: COMMON.cannotReadWorkbook, error });
    }
  }, [operations]);

  // Read again each time the tab is shown: the workbook may have changed meanwhile.
  useEffect(() => {
    if (active) void readStatus();
  }, [readStatus, active]);

  // A sheet made earlier already names its unit: offer that once instead of an empty field
  // (not again when the user clears the field to type another).
  const sheetUnit = status?.meta?.unitName;
  const unitOffered = useRef(false);
  useEffect(() => {
    if (unitOffered.current || !sheetUnit) return;
    unitOffered.current = true;
    if (settings.unitName === '') onSettingsChange({ unitName: sheetUnit });
  }, [sheetUnit, settings.unitName, onSettingsChange]);

  const unitName = settings.unitName.trim();
  const { preparer: preparerText, signer: signerText } = loaded.rubric.document;
  const upgrading = status?.ours === true;
  const foreign = status?.exists === true && !status.ours;

  const submit = async () => {
    setUnitTouched(true);
    if (!unitName) return;
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      // Blank names leave those on an existing sheet as they are.
      setResult(
        await operations.generate({
          loaded,
          unitName,
          preparer: settings.preparer.trim() || undefined,
          signer: settings.signer.trim() || undefined,
        }),
      );
    } catch (error) {
      setFailure({ title: upgrading ? TEXT.cannotUpgrade : TEXT.cannotCreate, error });
    } finally {
      setBusy(false);
    }
    await readStatus();
  };

  const line = status && statusLine(status, loaded);

  return (
    <div className={styles.root}>
      {fallback && <ErrorBar shown={fallback} />}
      <RubricChooser setting={settings.rubric} loaded={loaded} onChange={(rubric) => onSettingsChange({ rubric })} />
      <Field
        label={INPUT_LABELS.unitName}
        required
        validationState={unitTouched && !unitName ? 'error' : 'none'}
        validationMessage={unitTouched && !unitName ? TEXT.unitNameNeeded : undefined}
      >
        <Input
          value={settings.unitName}
          maxLength={200}
          onChange={(_, d) => onSettingsChange({ unitName: d.value })}
          onBlur={() => setUnitTouched(true)}
        />
      </Field>
      <Field label={COMMON.preparer} hint={TEXT.signerHint(preparerText.labels.join(' – '))}>
        <Input value={settings.preparer} maxLength={200} onChange={(_, d) => onSettingsChange({ preparer: d.value })} />
      </Field>
      <Field label={COMMON.signer} hint={TEXT.signerHint(signerText.labels.join(' – '))}>
        <Input value={settings.signer} maxLength={200} onChange={(_, d) => onSettingsChange({ signer: d.value })} />
      </Field>
      <Divider />
      {statusError && <ErrorBar shown={statusError} onRetry={() => void readStatus()} />}
      {!status && !statusError && <Spinner size="tiny" label={COMMON.readingWorkbook} />}
      {line && (
        <MessageBar intent={line.intent} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{line.title}</MessageBarTitle>
            {line.text}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        {/* Only focusable while busy, so focus stays on it through the work. */}
        <Button appearance="primary" disabled={!status || foreign} disabledFocusable={busy} onClick={() => void submit()}>
          {upgrading ? TEXT.upgrade : TEXT.create}
        </Button>
        {busy && <Spinner size="tiny" label={upgrading ? TEXT.upgrading : TEXT.creating} />}
      </div>
      {failure && <ErrorBar shown={failure} onDismiss={() => setFailure(null)} />}
      {result && <ResultView result={result} />}
      {!result && !failure && <Text size={200}>{TEXT.writesTo(SHEET_NAME)}</Text>}
    </div>
  );
}
