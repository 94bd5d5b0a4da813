import { useCallback, useEffect, useState } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { loadRubric } from '../app/rubric';
import type { RubricSheetNames, RubricWorkbookReading } from '../app/operations';
import type { LoadedRubric } from '../rubric';
import { ErrorBar, type ShownError } from './ErrorBar';
import { describeRubric } from './rubricChoice';
import { SHELL_CSS } from './shellCss';
import { useServices } from './services';
import { RUBRIC_PANE_TEXT as TEXT } from '../text/rubric-pane';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, maxHeight: '18em', overflowY: 'auto' },
  problem: { justifyContent: 'flex-start', textAlign: 'left', height: 'auto', paddingTop: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXXS },
});

/** A rubric that validates; null while the sheet has errors. */
function validated(reading: RubricWorkbookReading | null): LoadedRubric | null {
  if (!reading?.rubric || reading.errors.length > 0) return null;
  try {
    return loadRubric(reading.rubric);
  } catch {
    return null;
  }
}

/**
 * The rubric sheets read back live: every problem by its cell (a click
 * selects it), or the valid rubric, handed to `onValid`.
 */
export function RubricSheetCheck({ sheets, active, onValid }: { sheets: RubricSheetNames; active: boolean; onValid: (loaded: LoadedRubric | null) => void }) {
  const styles = useStyles();
  const { operations } = useServices();
  const [reading, setReading] = useState<RubricWorkbookReading | null>(null);
  const [failure, setFailure] = useState<ShownError | null>(null);

  const read = useCallback(async () => {
    try {
      const next = await operations.readRubric(sheets);
      setFailure(null);
      setReading(next);
      onValid(validated(next));
    } catch (error) {
      setFailure({ title: TEXT.cannotCheck, error });
    }
  }, [operations, sheets, onValid]);

  // Read when shown, and again on every change while shown.
  useEffect(() => {
    if (!active) return undefined;
    void read();
    let unsubscribe: (() => Promise<void>) | undefined;
    let gone = false;
    operations.onSheetsChanged(Object.values(sheets), () => void read()).then(
      (off) => (gone ? void off() : (unsubscribe = off)),
      (error: unknown) => setFailure({ title: TEXT.cannotCheck, error }),
    );
    return () => {
      gone = true;
      void unsubscribe?.();
    };
  }, [active, read, operations, sheets]);

  const loaded = validated(reading);
  const description = loaded && describeRubric(loaded);
  return (
    <section className={styles.root} aria-label={TEXT.sheetTitle(sheets.rows)}>
      <Text as="h2" size={400} weight="semibold">
        {TEXT.sheetTitle(sheets.rows)}
      </Text>
      {failure && <ErrorBar shown={failure} onDismiss={() => setFailure(null)} />}
      {!reading && !failure && <Spinner size="tiny" label={TEXT.checking} />}
      {description && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{TEXT.sheetValid}</MessageBarTitle>
            {description.summary}
            <span className={SHELL_CSS.line}>{description.details}</span>
          </MessageBarBody>
        </MessageBar>
      )}
      {reading && reading.errors.length > 0 && (
        <>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{TEXT.sheetErrorsTitle}</MessageBarTitle>
              {TEXT.sheetErrors(reading.errors.length)}
            </MessageBarBody>
          </MessageBar>
          <ul className={styles.list} aria-label={TEXT.errorsList}>
            {reading.errors.map((e, i) => (
              <li key={i}>
                {e.address ? (
                  <Button
                    appearance="subtle"
                    className={styles.problem}
                    onClick={() => void operations.selectIn(e.sheet, e.address!).catch((error: unknown) => setFailure({ title: TEXT.cannotCheck, error }))}
                  >
                    {TEXT.problemAt(e.message, `${e.sheet}!${e.address}`)}
                  </Button>
                ) : (
                  <Text>
                    {e.sheet}: {e.message}
                  </Text>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
