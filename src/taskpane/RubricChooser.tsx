import { useRef, useState } from 'react';
import { Button, Field, Radio, RadioGroup } from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { ErrorBar, type ShownError } from './ErrorBar';
import type { ChosenRubric } from './rubricChoice';
import type { RubricSetting } from './settings';
import { SHELL_CSS as CSS } from './shellCss';
import { rubricCode } from './useRubric';
import { PANE_TEXT } from '../text/pane';

const TEXT = PANE_TEXT.rubric;


function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(TEXT.cannotReadFile(file.name)));
    reader.readAsText(file, 'utf-8');
  });
}

/**
 * The built-in rubric or a rubric file. Shown before any rubric code has
 * loaded; a file is checked when picked, and the rubric in use is described
 * once it is loaded.
 */
export function RubricChooser({
  setting,
  chosen,
  onChange,
}: {
  setting: RubricSetting;
  /** The rubric in use; null while its code loads. */
  chosen: ChosenRubric | null;
  onChange: (setting: RubricSetting) => void;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState(setting.source);
  const [failure, setFailure] = useState<ShownError | null>(null);
  // The settings arrive after the first render: follow what they say until the user picks.
  const [picked, setPicked] = useState(false);
  const shownSource = picked ? source : setting.source;

  const chooseSource = (value: string) => {
    setFailure(null);
    setPicked(true);
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
    let code: Awaited<ReturnType<typeof rubricCode>>;
    try {
      code = await rubricCode();
    } catch (error) {
      setFailure({ title, error });
      return;
    }
    let data: unknown;
    try {
      // Not JSON, or JSON that is no rubric: said in Vietnamese, the engine's own words only in the details.
      data = code.parseRubricJson(await readText(file));
      code.loadRubric(data);
    } catch (error) {
      setFailure({ title, error, issues: error instanceof code.RubricError ? error.issues : undefined });
      return;
    }
    onChange({ source: 'file', fileName: file.name, data });
  };

  return (
    <div className={CSS.stackTight}>
      <Field label={TEXT.label}>
        <RadioGroup value={shownSource} onChange={(_, d) => chooseSource(d.value)}>
          <Radio value="builtin" label={TEXT.builtin} />
          <Radio value="file" label={TEXT.fromFile} />
        </RadioGroup>
      </Field>
      {shownSource === 'file' && (
        <div className={CSS.row}>
          <Button icon={<DocumentArrowUpRegular />} onClick={() => fileInput.current?.click()}>
            {TEXT.pickFile}
          </Button>
          {setting.source === 'file' && <span className={CSS.breakAll}>{setting.fileName}</span>}
        </div>
      )}
      <input
        ref={fileInput}
        hidden
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
      {chosen && (
        <p className={`${CSS.note} ${CSS.muted}`}>
          {TEXT.inUse} {chosen.description.summary}
          <span className={CSS.line}>{chosen.description.details}</span>
        </p>
      )}
    </div>
  );
}
