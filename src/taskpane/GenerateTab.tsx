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
import { RubricChooser } from './RubricChooser';
import { chosenRubric } from './rubricChoice';
import { useServices } from './services';
import type { TabProps } from './tabs';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL, maxHeight: '14em', overflowY: 'auto' },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

function statusLine(status: SheetStatus, loaded: LoadedRubric): { intent: 'info' | 'warning'; title: string; text: string } {
  if (!status.exists) {
    return { intent: 'info', title: 'Chưa có bảng', text: `Sổ làm việc chưa có trang “${SHEET_NAME}”. Bấm “Tạo bảng” để tạo.` };
  }
  if (!status.ours) {
    return {
      intent: 'warning',
      title: 'Trùng tên trang tính',
      text: `Sổ làm việc đã có trang “${SHEET_NAME}” không do tiện ích tạo. Tiện ích không ghi đè trang đó: hãy đổi tên hoặc xoá nó rồi tạo bảng.`,
    };
  }
  const meta = status.meta ?? {};
  const { rubric, fingerprint } = loaded;
  const current = `${meta.rubricId ?? '?'} phiên bản ${meta.rubricVersion ?? '?'}`;
  const text =
    meta.rubricFingerprint === fingerprint
      ? `Bảng theo bộ tiêu chí ${current}. “Cập nhật” làm mới bố cục và giữ mọi mục đã nhập.`
      : `Bảng đang theo bộ tiêu chí ${current}. “Cập nhật” chuyển sang ${rubric.id} phiên bản ${rubric.version} và giữ mọi mục đã nhập theo tên ô.`;
  return { intent: 'info', title: meta.unitName ? `Đã có bảng của ${meta.unitName}` : 'Đã có bảng', text };
}

function ResultView({ result }: { result: GenerateResult }) {
  const styles = useStyles();
  return (
    <>
      <MessageBar intent="success" politeness="polite" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{result.mode === 'created' ? 'Đã tạo bảng tự chấm điểm' : 'Đã cập nhật bảng tự chấm điểm'}</MessageBarTitle>
          {result.mode === 'upgraded'
            ? `Giữ lại ${result.keptEntries} mục đã nhập.`
            : `Nhập điểm tự chấm và minh chứng vào các ô trắng; thẻ “Kiểm tra” liệt kê những gì còn thiếu.`}
        </MessageBarBody>
      </MessageBar>
      {result.orphans.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{result.orphans.length} mục đã nhập không còn tiêu chí tương ứng</MessageBarTitle>
            Bộ tiêu chí mới không có các ô dưới đây. Giá trị đã nhập:
            <ul className={styles.list} aria-label="Mục không còn tiêu chí">
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
            <MessageBarTitle>Lưu ý</MessageBarTitle>
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
        : { title: 'Tệp bộ tiêu chí đã lưu không còn hợp lệ; đang dùng bộ có sẵn', error: fallbackReason },
    [fallbackReason],
  );

  const readStatus = useCallback(async () => {
    setStatusError(null);
    try {
      setStatus(await operations.status());
    } catch (error) {
      setStatusError({ title: 'Không đọc được sổ làm việc', error });
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
      setFailure({ title: upgrading ? 'Không cập nhật được bảng' : 'Không tạo được bảng', error });
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
        label="Tên đơn vị"
        required
        validationState={unitTouched && !unitName ? 'error' : 'none'}
        validationMessage={unitTouched && !unitName ? 'Nhập tên đơn vị, ví dụ: Hội LHPN huyện Hà Quảng.' : undefined}
      >
        <Input
          value={settings.unitName}
          maxLength={200}
          onChange={(_, d) => onSettingsChange({ unitName: d.value })}
          onBlur={() => setUnitTouched(true)}
        />
      </Field>
      <Field label="Người lập biểu" hint={`Họ tên in dưới dòng “${preparerText.labels.join(' – ')}”; để trống nếu chưa có.`}>
        <Input value={settings.preparer} maxLength={200} onChange={(_, d) => onSettingsChange({ preparer: d.value })} />
      </Field>
      <Field label="Người ký" hint={`Họ tên in dưới dòng “${signerText.labels.join(' – ')}”; để trống nếu chưa có.`}>
        <Input value={settings.signer} maxLength={200} onChange={(_, d) => onSettingsChange({ signer: d.value })} />
      </Field>
      <Divider />
      {statusError && <ErrorBar shown={statusError} onRetry={() => void readStatus()} />}
      {!status && !statusError && <Spinner size="tiny" label="Đang đọc sổ làm việc…" />}
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
          {upgrading ? 'Cập nhật' : 'Tạo bảng'}
        </Button>
        {busy && <Spinner size="tiny" label={upgrading ? 'Đang cập nhật…' : 'Đang tạo bảng…'} />}
      </div>
      {failure && <ErrorBar shown={failure} onDismiss={() => setFailure(null)} />}
      {result && <ResultView result={result} />}
      {!result && !failure && <Text size={200}>Bảng ghi vào trang “{SHEET_NAME}” của sổ làm việc đang mở.</Text>}
    </div>
  );
}
