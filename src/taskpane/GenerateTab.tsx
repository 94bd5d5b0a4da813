import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from '@fluentui/react-components';
import type { LoadedRubric } from '../rubric';
import { ErrorBar, type ShownError } from './ErrorBar';
import { SHEET_NAME, type GenerateResult, type SheetStatus } from '../app/operations';
import { RubricChooser } from './RubricChooser';
import { useServices } from './services';
import { SHELL_CSS as CSS } from './shellCss';
import type { TabProps } from './tabs';
import { rubricCode, useChosenRubric } from './useRubric';
import { PANE_TEXT } from '../text/pane';
import { INPUT_LABELS, rubricLabel } from '../text/labels';

const TEXT = PANE_TEXT.generate;
const COMMON = PANE_TEXT.common;


/** What the workbook holds; `loaded` (the chosen rubric) is undefined until its code has loaded. */
function statusLine(status: SheetStatus, loaded: LoadedRubric | undefined): { intent: 'info' | 'warning'; title: string; text: string } {
  if (!status.exists) {
    return { intent: 'info', title: COMMON.noSheetTitle, text: TEXT.noSheet(SHEET_NAME) };
  }
  if (status.recoverable) {
    return { intent: 'warning', title: TEXT.recoverTitle, text: TEXT.recover(SHEET_NAME) };
  }
  if (!status.ours) {
    return {
      intent: 'warning',
      title: TEXT.clashTitle,
      text: TEXT.clash(SHEET_NAME),
    };
  }
  const meta = status.meta ?? {};
  const current = rubricLabel(meta.rubricId ?? '?', meta.rubricVersion ?? '?');
  const text = !loaded
    ? TEXT.anyRubric(current)
    : meta.rubricFingerprint === loaded.fingerprint
      ? TEXT.sameRubric(current)
      : TEXT.otherRubric(current, rubricLabel(loaded.rubric.id, loaded.rubric.version));
  return { intent: 'info', title: meta.unitName ? TEXT.sheetOf(meta.unitName) : TEXT.sheetExists, text };
}

/** What generate did; its code (with the repairs' wording) loads with the operation, started by the click. */
const resultCode = () => import(/* webpackChunkName: "generate-result" */ './GenerateResult');
const ResultView = lazy(resultCode);

/** A rubric refusal's sentences, each naming its criterion; by shape, since RubricError's module loads after this tab. */
function issuesOf(error: unknown): string[] | undefined {
  const issues = (error as { issues?: unknown } | null)?.issues;
  return Array.isArray(issues) && issues.every((i) => typeof i === 'string') ? issues : undefined;
}

/**
 * The first tab, on the path every user waits for: it works once the
 * workbook's status is read, with no rubric code loaded; the rubric (schema,
 * data, fingerprint) and the Office.js adapter load after that, or on the click.
 */
export default function GenerateTab({ settings, onSettingsChange, active, onReady, settingsReady, offerSettings }: TabProps) {
  const { operations } = useServices();
  const [status, setStatus] = useState<SheetStatus | null>(null);
  const [statusError, setStatusError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<GenerateResult | null>(null);
  const [failure, setFailure] = useState<ShownError | null>(null);
  const [unitTouched, setUnitTouched] = useState(false);
  const { chosen, loadFailure } = useChosenRubric(settings.rubric);
  const fallbackReason = chosen?.fallbackReason;
  const fallback = useMemo<ShownError | null>(
    () => (fallbackReason === undefined ? null : { title: PANE_TEXT.rubric.savedInvalid, error: fallbackReason, issues: issuesOf(fallbackReason) }),
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

  // Once the tab shows it can be used (or why not), and not before, the rest may load.
  const settled = status !== null || statusError !== null;
  useEffect(() => {
    if (settled) onReady();
  }, [settled, onReady]);

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
    offerSettings({ unitName: sheetUnit });
  }, [sheetUnit, offerSettings]);

  const unitName = settings.unitName.trim();
  const printed = chosen?.loaded.rubric.document;
  const hint = (labels: string[] | undefined) => (labels ? TEXT.signerHint(labels.join(' – ')) : TEXT.signerHintAny);
  const upgrading = status?.ours === true || status?.recoverable === true;
  const foreign = status?.exists === true && !upgrading;

  const submit = async () => {
    resultCode().catch(() => undefined);
    // What was stored comes in shortly after the tab works (typed fields win over it).
    const current = await settingsReady();
    setUnitTouched(true);
    if (!current.unitName.trim()) return;
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      const { loaded } = (await rubricCode()).chosenRubric(current.rubric);
      // Blank names leave those on an existing sheet as they are.
      setResult(
        await operations.generate({
          loaded,
          unitName: current.unitName.trim(),
          preparer: current.preparer.trim() || undefined,
          signer: current.signer.trim() || undefined,
        }),
      );
    } catch (error) {
      setFailure({ title: upgrading ? TEXT.cannotUpgrade : TEXT.cannotCreate, error });
    } finally {
      setBusy(false);
    }
    await readStatus();
  };

  const line = status && statusLine(status, chosen?.loaded);

  return (
    <div className={CSS.stack}>
      {fallback && <ErrorBar shown={fallback} />}
      {loadFailure !== undefined && <ErrorBar shown={{ title: PANE_TEXT.rubric.cannotLoad, error: loadFailure }} />}
      <RubricChooser setting={settings.rubric} chosen={chosen} onChange={(rubric) => onSettingsChange({ rubric })} />
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
      <Field label={COMMON.preparer} hint={hint(printed?.preparer.labels)}>
        <Input value={settings.preparer} maxLength={200} onChange={(_, d) => onSettingsChange({ preparer: d.value })} />
      </Field>
      <Field label={COMMON.signer} hint={hint(printed?.signer.labels)}>
        <Input value={settings.signer} maxLength={200} onChange={(_, d) => onSettingsChange({ signer: d.value })} />
      </Field>
      <hr className={CSS.rule} />
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
      <div className={CSS.row}>
        {/* Only focusable while busy, so focus stays on it through the work. */}
        <Button appearance="primary" disabled={!status || foreign} disabledFocusable={busy} onClick={() => void submit()}>
          {upgrading ? TEXT.upgrade : TEXT.create}
        </Button>
        {busy && <Spinner size="tiny" label={upgrading ? TEXT.upgrading : TEXT.creating} />}
      </div>
      {failure && <ErrorBar shown={failure} onDismiss={() => setFailure(null)} />}
      {result && (
        <Suspense fallback={null}>
          <ResultView result={result} />
        </Suspense>
      )}
      {!result && !failure && <p className={CSS.note}>{TEXT.writesTo(SHEET_NAME)}</p>}
    </div>
  );
}
