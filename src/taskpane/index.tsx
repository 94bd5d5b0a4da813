/**
 * Task pane entry: waits for Office, checks the host can run the add-in,
 * then renders the pane with the real Excel operations.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Spinner, webLightTheme } from '@fluentui/react-components';
import { App, preloadFirstTab } from './App';
import { lazyOperations } from './lazyOperations';
import { lazyMergeReader } from './mergeReader';
import { localSettingsStore, logWithOfficeHelpers } from './officeServices';

const root = createRoot(document.getElementById('root')!);

function Notice({ title, text }: { title: string; text: string }) {
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 12 }}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {text}
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}

root.render(
  <FluentProvider theme={webLightTheme} style={{ padding: 12 }}>
    <Spinner size="small" label="Đang kết nối với Excel…" />
  </FluentProvider>,
);
// Fetched while office.js starts up, not after.
preloadFirstTab();
const settings = localSettingsStore();

Office.onReady().then(
  (info) => {
    if (info.host !== Office.HostType.Excel) {
      root.render(<Notice title="Chỉ dùng trong Excel" text="Hãy mở tiện ích Chấm điểm thi đua từ thẻ Trang đầu trong Excel." />);
      return;
    }
    if (!Office.context.requirements.isSetSupported('ExcelApi', '1.8')) {
      root.render(
        <Notice
          title="Phiên bản Excel quá cũ"
          text="Tiện ích cần ExcelApi 1.8 trở lên: Excel 2019, Excel trong Microsoft 365 hoặc Excel trên web. Hãy cập nhật Excel rồi mở lại."
        />,
      );
      return;
    }
    const operations = lazyOperations(async () => {
      const { createExcelOperations } = await import(/* webpackChunkName: "excel" */ '../excel');
      return createExcelOperations((batch) => Excel.run(batch));
    });
    root.render(<App services={{ operations, settings, readMergeFile: lazyMergeReader(), logError: logWithOfficeHelpers }} />);
  },
  (error: unknown) => {
    logWithOfficeHelpers(error);
    root.render(<Notice title="Không khởi động được" text={`Không kết nối được với Excel: ${String(error)}`} />);
  },
);
