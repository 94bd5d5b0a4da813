import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Checkbox, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens, useAnnounce } from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import type { RubricSheetNames, RubricWriteResult } from '../app/operations';
import { loadRubric } from '../app/rubric';
import type { ImportOutcome } from '../app/rubric-import';
import type { LoadedRubric } from '../rubric';
import { ErrorBar, type ShownError } from './ErrorBar';
import { describeRubric } from './rubricChoice';
import { RubricReview } from './RubricReview';
import { RubricSheetCheck } from './RubricSheetCheck';
import { chosenRubric } from './rubricChoice';
import { useServices } from './services';
import type { TabProps } from './tabs';
import { rubricLabel } from '../text/messages';
import { RUBRIC_PANE_TEXT as TEXT } from '../text/rubric-pane';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hiddenInput: { display: 'none' },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Imported = Extract<ImportOutcome, { imported: unknown }>['imported'];

/** The imported rubric when it validates as it is (its sums add up). */
function usable(imported: Imported | null): LoadedRubric | null {
  if (!imported) return null;
  try {
    return loadRubric(imported.rubric);
  } catch {
    return null;
  }
}

const jsonOf = (loaded: LoadedRubric) => `${JSON.stringify(loaded.rubric, null, 2)}\n`;

/** Use in Tạo bảng, save as a file (a link; the text to copy where the host blocks downloads). */
function RubricActions({ loaded, onUse, used }: { loaded: LoadedRubric; onUse: () => void; used: boolean }) {
  const styles = useStyles();
  const [copyFailure, setCopyFailure] = useState<ShownError | null>(null);
  const [copied, setCopied] = useState(false);
  const json = jsonOf(loaded);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(json);
      setCopied(true);
    } catch (error) {
      setCopyFailure({ title: TEXT.cannotCopy, error });
    }
  };
  const label = rubricLabel(loaded.rubric.id, loaded.rubric.version);
  return (
    <>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onUse}>
          {TEXT.use}
        </Button>
        <Button as="a" href={`data:application/json;charset=utf-8,${encodeURIComponent(json)}`} download={TEXT.fileName(loaded.rubric.id, loaded.rubric.version)}>
          {TEXT.save}
        </Button>
        <Button appearance="subtle" onClick={() => void copy()}>
          {TEXT.copy}
        </Button>
      </div>
      {used && (
        <MessageBar intent="success" politeness="polite" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{TEXT.usedTitle}</MessageBarTitle>
            {TEXT.used(label)}
          </MessageBarBody>
        </MessageBar>
      )}
      {copied && <Text size={200}>{TEXT.copied}</Text>}
      {copyFailure && <ErrorBar shown={copyFailure} onDismiss={() => setCopyFailure(null)} />}
    </>
  );
}

/** What the import found, the review list, and the button that writes the rubric sheets. */
function ImportedView({ picked, written, writing, onWrite }: { picked: { file: string; imported: Imported }; written: RubricWriteResult | null; writing: boolean; onWrite: () => void }) {
  const styles = useStyles();
  const { rubric, review, notes } = picked.imported;
  return (
    <>
      <MessageBar intent={review.length > 0 ? 'warning' : 'success'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{TEXT.imported(picked.file)}</MessageBarTitle>
          {rubricLabel(rubric.id, rubric.version)}
          {notes.map((n) => (
            <Text as="p" block size={200} key={n}>
              {n}
            </Text>
          ))}
        </MessageBarBody>
      </MessageBar>
      <RubricReview review={review} />
      <div className={styles.actions}>
        {/* Written once per document: another click would add a second set of sheets. */}
        <Button appearance="primary" disabled={written !== null} disabledFocusable={writing} onClick={onWrite}>
          {TEXT.write}
        </Button>
        {writing && <Spinner size="tiny" label={TEXT.writing} />}
      </div>
      {written && (
        <MessageBar intent="success" politeness="polite" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{TEXT.writtenTitle}</MessageBarTitle>
            {TEXT.written(Object.values(written.sheets))}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

export default function RubricTab({ settings, onSettingsChange, active }: TabProps) {
  const styles = useStyles();
  const { operations, readRubricDocument } = useServices();
  const { announce } = useAnnounce();
  const input = useRef<HTMLInputElement>(null);
  const current = useMemo(() => chosenRubric(settings.rubric).loaded, [settings.rubric]);
  const [useBase, setUseBase] = useState(true);
  const [reading, setReading] = useState<string | null>(null);
  const [failure, setFailure] = useState<ShownError | null>(null);
  const [picked, setPicked] = useState<{ file: string; imported: Imported } | null>(null);
  const [writing, setWriting] = useState(false);
  const [written, setWritten] = useState<RubricWriteResult | null>(null);
  const [sheets, setSheets] = useState<RubricSheetNames | null>(null);
  const [fromSheet, setFromSheet] = useState<LoadedRubric | null>(null);
  const [used, setUsed] = useState<string | null>(null);

  // A rubric sheet already in the workbook is checked at once.
  useEffect(() => {
    if (!active || sheets) return;
    operations.rubricSheets().then(
      (found) => found[0] && setSheets(found[0]),
      (error: unknown) => setFailure({ title: TEXT.cannotCheck, error }),
    );
  }, [active, sheets, operations]);

  const pick = async (file: File) => {
    setFailure(null);
    setPicked(null);
    setWritten(null);
    setReading(file.name);
    try {
      const outcome = await readRubricDocument(file, useBase ? current.rubric : undefined);
      if ('refused' in outcome) setFailure({ title: TEXT.refused(file.name), error: new Error(outcome.refused.message) });
      else {
        setPicked({ file: file.name, imported: outcome.imported });
        announce(TEXT.imported(file.name), { batchId: 'rubric-read' });
      }
    } catch (error) {
      setFailure({ title: TEXT.cannotRead, error });
    } finally {
      setReading(null);
    }
  };

  const write = async () => {
    if (!picked) return;
    setWriting(true);
    setFailure(null);
    try {
      const result = await operations.writeRubric(picked.imported.rubric);
      setWritten(result);
      setSheets(result.sheets);
      setFromSheet(null);
    } catch (error) {
      setFailure({ title: TEXT.cannotWrite, error });
    } finally {
      setWriting(false);
    }
  };

  const onValid = useCallback((loaded: LoadedRubric | null) => setFromSheet(loaded), []);
  // The sheet, once written, is what the office edits: it is the rubric to use.
  const chosen = sheets ? fromSheet : usable(picked?.imported ?? null);
  const use = () => {
    if (!chosen) return;
    const source = sheets ? TEXT.source(sheets.rows) : picked!.file;
    onSettingsChange({ rubric: { source: 'file', fileName: source, data: chosen.rubric } });
    setUsed(chosen.fingerprint);
  };

  return (
    <div className={styles.root}>
      <Text>{TEXT.intro}</Text>
      <Checkbox checked={useBase} onChange={(_e, data) => setUseBase(data.checked === true)} label={TEXT.useBase(describeRubric(current).summary)} />
      <div className={styles.actions}>
        <Button appearance={picked ? 'secondary' : 'primary'} icon={<DocumentArrowUpRegular />} disabledFocusable={reading !== null || writing} onClick={() => input.current?.click()}>
          {picked ? TEXT.pickAnother : TEXT.pick}
        </Button>
        {reading && <Spinner size="tiny" label={TEXT.reading(reading)} />}
      </div>
      <input
        ref={input}
        className={styles.hiddenInput}
        type="file"
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.doc"
        aria-label={TEXT.pickLabel}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void pick(file);
        }}
      />
      {failure && <ErrorBar shown={failure} onDismiss={() => setFailure(null)} />}
      {picked && <ImportedView picked={picked} written={written} writing={writing} onWrite={() => void write()} />}
      {sheets && <RubricSheetCheck sheets={sheets} active={active} onValid={onValid} />}
      {chosen && <RubricActions loaded={chosen} onUse={use} used={used === chosen.fingerprint} />}
    </div>
  );
}
