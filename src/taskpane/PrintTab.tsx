import { useCallback, useEffect, useMemo, useState } from 'react';
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
import { placeDateLine } from '../app/print';
import { DateFields, NO_DATE, readDate, type DayMonthYear } from './DateFields';
import { ErrorBar, type ShownError } from './ErrorBar';
import { SHEET_NAME, type PrintBlocked, type PrintResult, type SheetStatus } from '../app/operations';
import { chosenRubric } from './rubricChoice';
import { useServices } from './services';
import type { TabProps } from './tabs';
import { PANE_TEXT } from '../text/pane';
import { INPUT_LABELS } from '../text/labels';
import { EXCEL_TEXT, TAB_TEXT } from '../text/messages';

const TEXT = TAB_TEXT.print;
const COMMON = PANE_TEXT.common;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  preview: { fontStyle: 'italic' },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

function AppliedView({ result }: { result: PrintResult }) {
  const styles = useStyles();
  const written = result.written.map((name) => TEXT.fieldNames[name] ?? name).join(', ');
  return (
    <>
      <MessageBar intent="success" politeness="polite" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{result.notSet.length === 0 ? TEXT.applied : TEXT.namesWritten}</MessageBarTitle>
          {TEXT.wrote(written, SHEET_NAME)}
          {result.notSet.length === 0 && TEXT.pageSet} {TEXT.counts(result.errors, result.warnings)}
        </MessageBarBody>
      </MessageBar>
      {result.clipped.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{TEXT.clippedTitle(result.clipped.length)}</MessageBarTitle>
            <ul className={styles.list} aria-label={TEXT.clippedLabel}>
              {result.clipped.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {result.notSet.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{TEXT.noLayoutTitle}</MessageBarTitle>
            {TEXT.noLayout}
            <ul className={styles.list} aria-label={TEXT.notSetLabel}>
              {result.notSet.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** The sheet has errors: nothing was set; the user fixes them, or confirms printing them. */
function BlockedView({ blocked, busy, onForce }: { blocked: PrintBlocked['blocked']; busy: boolean; onForce: () => void }) {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" politeness="assertive" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{TEXT.blockedTitle(blocked.errors)}</MessageBarTitle>
        {TEXT.blocked(blocked.errors, blocked.warnings)}
        <div className={styles.actions}>
          <Button disabledFocusable={busy} onClick={onForce}>
            {TEXT.force}
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

/** How to print from Excel once the layout is applied. */
function PrintSteps({ manual }: { manual: boolean }) {
  const styles = useStyles();
  return (
    <>
      <Text weight="semibold">{TEXT.howTitle}</Text>
      <ol className={styles.steps}>
        <li>{TEXT.stepApply(SHEET_NAME)}</li>
        {manual && <li>{TEXT.stepByHand}</li>}
        <li>{TEXT.stepOpen}</li>
        <li>{TEXT.stepSettings}</li>
        <li>{TEXT.stepPreview}</li>
        <li>{TEXT.stepSign}</li>
      </ol>
      <Text size={200}>{TEXT.pdf}</Text>
    </>
  );
}

export default function PrintTab({ settings, onSettingsChange, active }: TabProps) {
  const styles = useStyles();
  const { operations } = useServices();
  const { loaded } = useMemo(() => chosenRubric(settings.rubric), [settings.rubric]);
  const [status, setStatus] = useState<SheetStatus | null>(null);
  const [statusError, setStatusError] = useState<ShownError | null>(null);
  const [dateParts, setDateParts] = useState<DayMonthYear>(NO_DATE);
  // Only a name typed here replaces the sheet's own: a name kept from another workbook never does.
  const [unitName, setUnitName] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PrintResult | null>(null);
  const [blocked, setBlocked] = useState<PrintBlocked['blocked'] | null>(null);
  const [failure, setFailure] = useState<ShownError | null>(null);

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

  const doc = loaded.rubric.document;
  const reading = readDate(dateParts);
  const date = 'date' in reading ? reading.date : undefined;
  const dateWrong = 'problem' in reading;
  const place = settings.place.trim() || doc.place;
  const ready = status?.ours === true;

  const apply = async (force: boolean) => {
    setBusy(true);
    setFailure(null);
    setResult(null);
    setBlocked(null);
    try {
      const outcome = await operations.applyPrint({
        loaded,
        unitName,
        preparer: settings.preparer,
        signer: settings.signer,
        place: settings.place,
        date,
        ...(force ? { force } : {}),
      });
      if ('blocked' in outcome) setBlocked(outcome.blocked);
      else setResult(outcome);
    } catch (error) {
      setFailure({ title: TEXT.cannotApply, error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.root}>
      {statusError && <ErrorBar shown={statusError} onRetry={() => void readStatus()} />}
      {!status && !statusError && <Spinner size="tiny" label={COMMON.readingWorkbook} />}
      {status && !status.exists && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{COMMON.noSheetTitle}</MessageBarTitle>
            {EXCEL_TEXT.noSheet(SHEET_NAME)}
          </MessageBarBody>
        </MessageBar>
      )}
      {status?.exists && !status.ours && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{COMMON.notOursTitle}</MessageBarTitle>
            {TEXT.notOurs(SHEET_NAME)}
          </MessageBarBody>
        </MessageBar>
      )}
      <Text>{TEXT.intro}</Text>
      <Field label={INPUT_LABELS.unitName} hint={TEXT.unitHint}>
        <Input value={unitName} placeholder={status?.meta?.unitName} maxLength={200} onChange={(_, d) => setUnitName(d.value)} />
      </Field>
      <Field label={COMMON.preparer} hint={TEXT.signerHint(doc.preparer.labels.join(' – '))}>
        <Input value={settings.preparer} maxLength={200} onChange={(_, d) => onSettingsChange({ preparer: d.value })} />
      </Field>
      <Field label={COMMON.signer} hint={TEXT.signerHint(doc.signer.labels.join(' – '))}>
        <Input value={settings.signer} maxLength={200} onChange={(_, d) => onSettingsChange({ signer: d.value })} />
      </Field>
      <Field label={TEXT.place}>
        <Input value={settings.place} placeholder={doc.place} maxLength={60} onChange={(_, d) => onSettingsChange({ place: d.value })} />
      </Field>
      <DateFields value={dateParts} onChange={setDateParts} />
      <Text className={styles.preview} aria-label={TEXT.previewLabel}>
        {placeDateLine(place, date)}
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!ready || dateWrong} disabledFocusable={busy} onClick={() => void apply(false)}>
          {TEXT.apply}
        </Button>
        {busy && <Spinner size="tiny" label={TEXT.applying} />}
      </div>
      {failure && <ErrorBar shown={failure} onDismiss={() => setFailure(null)} />}
      {blocked && <BlockedView blocked={blocked} busy={busy} onForce={() => void apply(true)} />}
      {result && <AppliedView result={result} />}
      <Divider />
      <PrintSteps manual={(result?.notSet.length ?? 0) > 0} />
    </div>
  );
}
