import { memo, startTransition, useEffect, useMemo, useRef, useState } from 'react';
import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
  useAnnounce,
} from '@fluentui/react-components';
import { DeleteRegular, DocumentAddRegular } from '@fluentui/react-icons';
import { consolidate, STATUS_LABEL } from '../app/merge';
import type { FileOutcome, FileReading } from '../merge/consolidate';
import type { FileStatus } from '../merge/problems';
import { ErrorBar, type ShownError } from './ErrorBar';
import { Notices } from './Notices';
import type { MergeWriteProgress, MergeWriteResult } from '../app/operations';
import { chosenRubric } from './rubricChoice';
import { SHELL_CSS } from './shellCss';
import { useServices } from './services';
import { slicedYield } from './yieldToHost';
import type { TabProps } from './tabs';
import { formatDateTime } from '../text/format';
import { TAB_TEXT } from '../text/messages';

const TEXT = TAB_TEXT.merge;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hiddenInput: { display: 'none' },
  muted: { color: tokens.colorNeutralForeground3 },
  fileCell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  fileName: { display: 'block', fontWeight: tokens.fontWeightSemibold, wordBreak: 'break-all' },
  unit: { display: 'block', color: tokens.colorNeutralForeground2 },
  problems: { margin: `${tokens.spacingVerticalXXS} 0 0`, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  statusCell: { width: '84px', verticalAlign: 'top', paddingTop: tokens.spacingVerticalS },
});

/** Problems listed per file; the rest are on the "Kiểm tra" sheet. */
const SHOWN_PROBLEMS = 4;

const BADGE: Record<FileStatus, 'success' | 'warning' | 'danger'> = { valid: 'success', warning: 'warning', rejected: 'danger' };

interface PickedEntry {
  /** Name, size and time: picking the same file twice reads it once. */
  key: string;
  file: File;
  reading?: FileReading;
}

const writeLabel = (progress: MergeWriteProgress) =>
  progress.stage === 'planning' ? TEXT.planning : TEXT.writingPart(progress.sheet, progress.done, progress.total);

const keyOf = (f: File) => `${f.name}|${f.size}|${f.lastModified}`;

function WrittenView({ written, units }: { written: MergeWriteResult; units: number }) {
  // The write button is disabled once the merge is written: focus moves to what it did.
  const message = useRef<HTMLDivElement>(null);
  useEffect(() => message.current?.focus(), []);
  return (
    <>
      <MessageBar ref={message} tabIndex={-1} intent="success" politeness="polite" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{TEXT.writtenTitle}</MessageBarTitle>
          {TEXT.written(units, written.sheets)}
          {written.renamed && TEXT.renamed}
        </MessageBarBody>
      </MessageBar>
      <Notices notices={written.notices} />
    </>
  );
}

type Styles = ReturnType<typeof useStyles>;

/**
 * One file's row. Memoised: as each of hundreds of files is read, only its
 * own row renders again, not the whole table.
 */
const FileRow = memo(function FileRow({ entry, outcome }: { entry: PickedEntry; outcome?: FileOutcome }) {
  const styles: Styles = useStyles();
  const problems = outcome?.problems ?? [];
  return (
    <TableRow>
      <TableCell className={styles.fileCell}>
        <span className={styles.fileName}>{entry.file.name}</span>
        {outcome?.unitName && <span className={styles.unit}>{outcome.unitName}</span>}
        {problems.length > 0 && (
          <ul className={styles.problems}>
            {problems.slice(0, SHOWN_PROBLEMS).map((p, k) => (
              <li key={k}>{p.message}</li>
            ))}
            {problems.length > SHOWN_PROBLEMS && <li>{TEXT.moreProblems(problems.length - SHOWN_PROBLEMS)}</li>}
          </ul>
        )}
      </TableCell>
      <TableCell className={styles.statusCell}>
        {outcome ? (
          <Badge appearance="tint" color={BADGE[outcome.status]}>
            {STATUS_LABEL[outcome.status]}
          </Badge>
        ) : (
          // Plain text, not a spinner per row: the bar above shows the reading moves.
          <Text size={200} className={entry.reading ? undefined : styles.muted}>
            {entry.reading ? TEXT.read : TEXT.waiting}
          </Text>
        )}
      </TableCell>
    </TableRow>
  );
});

export default function MergeTab({ settings }: TabProps) {
  const styles = useStyles();
  const { operations, readMergeFile } = useServices();
  const { loaded, description } = useMemo(() => chosenRubric(settings.rubric), [settings.rubric]);
  const input = useRef<HTMLInputElement>(null);
  const pickButton = useRef<HTMLButtonElement>(null);
  const { announce } = useAnnounce();
  const [entries, setEntries] = useState<PickedEntry[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [reading, setReading] = useState(false);
  const [readFailure, setReadFailure] = useState<ShownError | null>(null);
  const [writing, setWriting] = useState(false);
  const [writeProgress, setWriteProgress] = useState<MergeWriteProgress | null>(null);
  const [written, setWritten] = useState<{ result: MergeWriteResult; units: number } | null>(null);
  const [writeFailure, setWriteFailure] = useState<ShownError | null>(null);

  // Statuses and duplicates are decided over the whole set, once every file is read.
  const result = useMemo(() => {
    const readings = entries.map((e) => e.reading);
    return entries.length > 0 && readings.every((r) => r !== undefined) ? consolidate(readings as FileReading[], loaded) : null;
  }, [entries, loaded]);

  /** Reads the new files one at a time, so the pane stays responsive and the bar moves file by file. */
  const pick = async (files: File[]) => {
    const known = new Set(entries.map((e) => e.key));
    const fresh = files.filter((f, i) => !known.has(keyOf(f)) && files.findIndex((g) => keyOf(g) === keyOf(f)) === i);
    if (fresh.length === 0) return;
    // Every update of the reading is a transition, which React renders in short slices: a list of hundreds
    // of rows never freezes the pane, and the bar, the rows and the buttons change together.
    startTransition(() => {
      setReadFailure(null);
      setWritten(null);
      setWriteFailure(null);
      setEntries((prev) => [...prev, ...fresh.map((file) => ({ key: keyOf(file), file }))]);
      setReading(true);
      setProgress({ done: 0, total: fresh.length });
    });
    // Said at the start and, with the statuses, at the end: not once per file.
    announce(TEXT.readingFiles(fresh.length), { batchId: 'merge-read' });
    try {
      for (const [i, file] of fresh.entries()) {
        const fileReading = await readMergeFile(file, loaded);
        startTransition(() => {
          setEntries((prev) => prev.map((e) => (e.key === keyOf(file) ? { ...e, reading: fileReading } : e)));
          setProgress({ done: i + 1, total: fresh.length });
        });
      }
    } catch (error) {
      // Only the reader itself failing lands here (its code did not load): bad files come back as readings.
      startTransition(() => {
        setReadFailure({ title: TEXT.cannotRead, error });
        setEntries((prev) => prev.filter((e) => e.reading !== undefined));
      });
    } finally {
      startTransition(() => setReading(false));
    }
  };

  const clear = () => {
    // The button pressed disappears with the list.
    pickButton.current?.focus();
    setEntries([]);
    setProgress(null);
    setWritten(null);
    setWriteFailure(null);
    setReadFailure(null);
  };

  const write = async () => {
    if (!result) return;
    setWriting(true);
    setWriteFailure(null);
    setWritten(null);
    setWriteProgress(null);
    // Said when the planning starts and as each sheet's turn comes, not at every part.
    let announcedSheet: string | undefined;
    const onProgress = (progress: MergeWriteProgress) => {
      setWriteProgress(progress);
      const sheet = progress.stage === 'writing' ? progress.sheet : '';
      if (sheet === announcedSheet) return;
      announcedSheet = sheet;
      announce(writeLabel(progress), { batchId: 'merge-write', polite: true });
    };
    try {
      const outcome = await operations.writeMerge({
        loaded,
        result,
        mergedAt: formatDateTime(new Date()),
        onProgress,
        yieldToHost: slicedYield(),
      });
      setWritten({ result: outcome, units: result.units.length });
    } catch (error) {
      setWriteFailure({ title: TEXT.cannotWrite, error });
    } finally {
      setWriting(false);
      setWriteProgress(null);
    }
  };

  const outcomeOf = new Map(result?.files.map((f, i) => [i, f]));
  const tally = (status: FileStatus) => result?.files.filter((f) => f.status === status).length ?? 0;
  const summary =
    result &&
    TEXT.summary(result.files.length, tally('valid'), tally('warning'), tally('rejected'), result.units.length);
  useEffect(() => {
    if (summary && !reading) announce(summary, { batchId: 'merge-read' });
  }, [summary, reading, announce]);

  return (
    <div className={styles.root}>
      <Text>
        {TEXT.intro}
      </Text>
      <Text size={200} className={styles.muted}>
        {TEXT.rubric} {description.summary}
        <span className={SHELL_CSS.line}>{description.details}</span>
      </Text>
      <div className={styles.actions}>
        {/* Focusable while busy, so focus stays on it after the files are picked. */}
        <Button
          ref={pickButton}
          appearance={entries.length === 0 ? 'primary' : 'secondary'}
          icon={<DocumentAddRegular />}
          disabledFocusable={reading || writing}
          onClick={() => input.current?.click()}
        >
          {entries.length === 0 ? TEXT.pick : TEXT.pickMore}
        </Button>
        {entries.length > 0 && (
          <Button appearance="subtle" icon={<DeleteRegular />} disabledFocusable={reading || writing} onClick={clear}>
            {TEXT.clear}
          </Button>
        )}
      </div>
      <input
        ref={input}
        className={styles.hiddenInput}
        type="file"
        multiple
        accept=".xlsx,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={TEXT.pickLabel}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Reset so the same files can be picked again after the list is cleared.
          event.target.value = '';
          void pick(files);
        }}
      />
      {progress && (
        <Field
          label={TEXT.progress(progress.done, progress.total)}
          hint={reading ? TEXT.readingFile(entries.find((e) => !e.reading)?.file.name ?? '') : undefined}
        >
          <ProgressBar value={progress.total > 0 ? progress.done / progress.total : 0} thickness="large" />
        </Field>
      )}
      {readFailure && <ErrorBar shown={readFailure} onDismiss={() => setReadFailure(null)} />}
      {summary && <Text weight="semibold">{summary}</Text>}
      {entries.length > 0 && (
        <Table size="small" aria-label={TEXT.tableLabel}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{TEXT.fileColumn}</TableHeaderCell>
              <TableHeaderCell className={styles.statusCell}>{TEXT.statusColumn}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {entries.map((entry, i) => (
              <FileRow key={entry.key} entry={entry} outcome={outcomeOf.get(i)} />
            ))}
          </TableBody>
        </Table>
      )}
      {result && (
        <div className={styles.actions}>
          {/* Written once per set of files: another click would add a second copy of the sheets. */}
          <Button
            appearance="primary"
            disabled={written !== null || result.units.length === 0}
            disabledFocusable={reading || writing}
            onClick={() => void write()}
          >
            {TEXT.write}
          </Button>
        </div>
      )}
      {writing && (
        <Field label={writeProgress ? writeLabel(writeProgress) : TEXT.writing}>
          {/* Without a value while the sheets are planned: it moves, but says no share. */}
          <ProgressBar
            value={writeProgress?.stage === 'writing' && writeProgress.total > 0 ? writeProgress.done / writeProgress.total : undefined}
            thickness="large"
          />
        </Field>
      )}
      {writeFailure && <ErrorBar shown={writeFailure} onDismiss={() => setWriteFailure(null)} />}
      {written && <WrittenView written={written.result} units={written.units} />}
    </div>
  );
}
