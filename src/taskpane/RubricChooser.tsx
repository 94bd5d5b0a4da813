import { useRef, useState } from 'react';
import { Button, Field, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { allCriteria, loadRubric, RubricError } from '../app/rubric';
import type { LoadedRubric } from '../rubric';
import { ErrorBar, type ShownError } from './ErrorBar';
import { builtinLoaded } from './rubricChoice';
import type { RubricSetting } from './settings';
import { PANE_TEXT } from '../text/messages';

const TEXT = PANE_TEXT.rubric;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  fileRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hiddenInput: { display: 'none' },
  summary: { color: tokens.colorNeutralForeground2 },
});

function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(TEXT.cannotReadFile(file.name)));
    reader.readAsText(file, 'utf-8');
  });
}

export function describeRubric({ rubric, fingerprint }: LoadedRubric): string {
  return TEXT.describe(rubric.id, rubric.version, rubric.year, allCriteria(rubric).length, fingerprint.slice(0, 12));
}

export function RubricChooser({
  setting,
  loaded,
  onChange,
}: {
  setting: RubricSetting;
  loaded: LoadedRubric;
  onChange: (setting: RubricSetting) => void;
}) {
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState(setting.source);
  const [failure, setFailure] = useState<ShownError | null>(null);
  const builtin = builtinLoaded().rubric;

  const chooseSource = (value: string) => {
    setFailure(null);
    if (value === 'builtin') {
      setSource('builtin');
      onChange({ source: 'builtin' });
    } else {
      // Nothing changes until a valid file is loaded, and the file dialog
      // opens only from its button: arrow keys move between the radios.
      setSource('file');
    }
  };

  const loadFile = async (file: File) => {
    setFailure(null);
    const title = TEXT.cannotUseFile(file.name);
    let data: unknown;
    try {
      data = JSON.parse(await readText(file));
    } catch (error) {
      const message = error instanceof SyntaxError ? TEXT.notJson : undefined;
      setFailure({ title, error: message ? new Error(message) : error, issues: message ? [(error as Error).message] : undefined });
      return;
    }
    try {
      loadRubric(data);
    } catch (error) {
      setFailure({ title, error, issues: error instanceof RubricError ? error.issues : undefined });
      return;
    }
    onChange({ source: 'file', fileName: file.name, data });
  };

  return (
    <div className={styles.root}>
      <Field label={TEXT.label}>
        <RadioGroup value={source} onChange={(_, d) => chooseSource(d.value)}>
          <Radio value="builtin" label={TEXT.builtin(builtin.year, builtin.version)} />
          <Radio value="file" label={TEXT.fromFile} />
        </RadioGroup>
      </Field>
      {source === 'file' && (
        <div className={styles.fileRow}>
          <Button icon={<DocumentArrowUpRegular />} onClick={() => fileInput.current?.click()}>
            {TEXT.pickFile}
          </Button>
          {setting.source === 'file' && <Text>{setting.fileName}</Text>}
        </div>
      )}
      <input
        ref={fileInput}
        className={styles.hiddenInput}
        type="file"
        accept=".json,application/json"
        aria-label={TEXT.pickFileLabel}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Reset so choosing the same file again after fixing it reloads it.
          event.target.value = '';
          if (file) void loadFile(file);
        }}
      />
      {failure && <ErrorBar shown={failure} onDismiss={() => setFailure(null)} />}
      <Text size={200} className={styles.summary}>
        {TEXT.inUse} {describeRubric(loaded)}
      </Text>
    </div>
  );
}
