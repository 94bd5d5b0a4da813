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
import { parseIsoDate, placeDateLine } from '../app/print';
import { ErrorBar, type ShownError } from './ErrorBar';
import { SHEET_NAME, type PrintResult, type SheetStatus } from '../app/operations';
import { chosenRubric } from './rubricChoice';
import { useServices } from './services';
import type { TabProps } from './tabs';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  preview: { fontStyle: 'italic' },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

const NAMES = {
  TenDonVi: 'tên đơn vị',
  NgayLap: 'dòng địa danh – ngày tháng',
  NguoiLap: 'người lập biểu',
  NguoiKy: 'người ký',
} as Record<string, string>;

function AppliedView({ result }: { result: PrintResult }) {
  const styles = useStyles();
  const written = result.written.map((name) => NAMES[name] ?? name).join(', ');
  return (
    <>
      <MessageBar intent="success" politeness="polite" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{result.notSet.length === 0 ? 'Đã áp dụng trang in' : 'Đã ghi các ô của khối chữ ký'}</MessageBarTitle>
          Đã ghi {written} vào trang “{SHEET_NAME}”.
          {result.notSet.length === 0 && ' Khổ A4 ngang, lề theo Nghị định 30, dòng tiêu đề cột lặp lại và số trang từ trang 2 đã được đặt.'}
        </MessageBarBody>
      </MessageBar>
      {result.notSet.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Excel này chưa hỗ trợ ExcelApi 1.9: chưa đặt được trang in</MessageBarTitle>
            Hãy đặt bằng tay trong thẻ Bố trí Trang (Page Layout) trước khi in:
            <ul className={styles.list} aria-label="Chưa đặt được">
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

/** How to print from Excel once the layout is applied. */
function PrintSteps({ manual }: { manual: boolean }) {
  const styles = useStyles();
  return (
    <>
      <Text weight="semibold">Cách in từ Excel</Text>
      <ol className={styles.steps}>
        <li>Bấm “Áp dụng trang in” ở trên; trang “{SHEET_NAME}” được mở sẵn.</li>
        {manual && (
          <li>
            Vì Excel này chưa tự đặt được, vào thẻ Bố trí Trang: Hướng › Ngang; Kích thước › A4; Lề › Lề Tùy chỉnh (trên 2 cm, dưới 2
            cm, trái 3 cm, phải 1,5 cm); In Tiêu đề › Hàng lặp lại ở trên cùng: dòng tiêu đề cột đã nêu; Co giãn › Chiều rộng: 1 trang.
          </li>
        )}
        <li>Mở Tệp › In (Ctrl+P).</li>
        <li>
          Chọn máy in. Ở phần Cài đặt: “In Trang tính Hiện hoạt”, “Hướng Ngang”, khổ “A4”, co giãn “Vừa Tất cả Cột trên Một Trang”.
        </li>
        <li>Xem trước từng trang: dòng tiêu đề cột lặp lại ở mọi trang, số trang ở đầu trang từ trang 2, khối chữ ký nằm trọn ở trang cuối.</li>
        <li>Bấm In, rồi ký, ghi rõ họ tên và đóng dấu vào khối chữ ký.</li>
      </ol>
      <Text size={200}>
        Cần bản PDF để gửi hoặc lưu trữ: Tệp › Xuất › Tạo PDF/XPS (Excel trên máy tính), hoặc Tệp › In › In rồi chọn “Lưu dưới dạng PDF”
        (Excel trên web).
      </Text>
    </>
  );
}

export default function PrintTab({ settings, onSettingsChange, active }: TabProps) {
  const styles = useStyles();
  const { operations } = useServices();
  const { loaded } = useMemo(() => chosenRubric(settings.rubric), [settings.rubric]);
  const [status, setStatus] = useState<SheetStatus | null>(null);
  const [statusError, setStatusError] = useState<ShownError | null>(null);
  const [dateText, setDateText] = useState('');
  // Only a name typed here replaces the sheet's own: a name kept from another workbook never does.
  const [unitName, setUnitName] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PrintResult | null>(null);
  const [failure, setFailure] = useState<ShownError | null>(null);

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

  const doc = loaded.rubric.document;
  const date = dateText ? parseIsoDate(dateText) : undefined;
  const place = settings.place.trim() || doc.place;
  const ready = status?.ours === true;

  const apply = async () => {
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      setResult(
        await operations.applyPrint({
          loaded,
          unitName,
          preparer: settings.preparer,
          signer: settings.signer,
          place: settings.place,
          date: date ?? undefined,
        }),
      );
    } catch (error) {
      setFailure({ title: 'Không áp dụng được trang in', error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.root}>
      {statusError && <ErrorBar shown={statusError} onRetry={() => void readStatus()} />}
      {!status && !statusError && <Spinner size="tiny" label="Đang đọc sổ làm việc…" />}
      {status && !status.exists && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Chưa có bảng</MessageBarTitle>
            Sổ làm việc chưa có trang “{SHEET_NAME}”. Hãy tạo bảng ở thẻ “Tạo bảng” trước.
          </MessageBarBody>
        </MessageBar>
      )}
      {status?.exists && !status.ours && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Không phải bảng của tiện ích</MessageBarTitle>
            Trang “{SHEET_NAME}” không do tiện ích tạo nên không đặt trang in được.
          </MessageBarBody>
        </MessageBar>
      )}
      <Text>Bản in theo thể thức Nghị định 30/2020/NĐ-CP: khổ A4 ngang, có khối chữ ký để ký và đóng dấu.</Text>
      <Field label="Tên đơn vị" hint="Để trống thì giữ tên đang có trên bảng.">
        <Input value={unitName} placeholder={status?.meta?.unitName} maxLength={200} onChange={(_, d) => setUnitName(d.value)} />
      </Field>
      <Field label="Người lập biểu" hint={`Họ tên in dưới dòng “${doc.preparer.labels.join(' – ')}”; để trống thì giữ tên trên bảng.`}>
        <Input value={settings.preparer} maxLength={200} onChange={(_, d) => onSettingsChange({ preparer: d.value })} />
      </Field>
      <Field label="Người ký" hint={`Họ tên in dưới dòng “${doc.signer.labels.join(' – ')}”; để trống thì giữ tên trên bảng.`}>
        <Input value={settings.signer} maxLength={200} onChange={(_, d) => onSettingsChange({ signer: d.value })} />
      </Field>
      <Field label="Địa danh">
        <Input value={settings.place} placeholder={doc.place} maxLength={60} onChange={(_, d) => onSettingsChange({ place: d.value })} />
      </Field>
      <Field
        label="Ngày lập"
        hint="Để trống để điền ngày bằng tay sau khi in."
        validationState={dateText && !date ? 'error' : 'none'}
        validationMessage={dateText && !date ? 'Ngày không hợp lệ.' : undefined}
      >
        <Input type="date" value={dateText} onChange={(_, d) => setDateText(d.value)} />
      </Field>
      <Text className={styles.preview} aria-label="Dòng địa danh, ngày tháng">
        {placeDateLine(place, date ?? undefined)}
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!ready || Boolean(dateText && !date)} disabledFocusable={busy} onClick={() => void apply()}>
          Áp dụng trang in
        </Button>
        {busy && <Spinner size="tiny" label="Đang áp dụng…" />}
      </div>
      {failure && <ErrorBar shown={failure} onDismiss={() => setFailure(null)} />}
      {result && <AppliedView result={result} />}
      <Divider />
      <PrintSteps manual={(result?.notSet.length ?? 0) > 0} />
    </div>
  );
}
