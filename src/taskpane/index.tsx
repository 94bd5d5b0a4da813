/**
 * Task pane entry: waits for Office, checks the host can run the add-in,
 * then renders the pane with the real Excel operations. Whatever stops
 * Office from coming up is said within seconds, with what to do about it.
 */
import { createRoot } from 'react-dom/client';
import { startOffice } from '../excel/startup';
import { statusReader } from '../excel/status';
import { App } from './App';
import { lazyOperations } from './lazyOperations';
import { lazyMergeReader } from './mergeReader';
import { lazyRubricReader } from './rubricReader';
import { localSettingsStore, logWithOfficeHelpers } from './officeServices';
import { StartScreen, type StartState } from './StartScreen';

const root = createRoot(document.getElementById('root')!);
let started = false;
const show = (state: StartState) => root.render(<StartScreen state={state} />);

show({ kind: 'connecting' });

startOffice({ onSlow: (stage) => started || show({ kind: 'slow', stage }) }).then(
  (office) => {
    started = true;
    if (office.kind !== 'excel') return show({ kind: office.kind });
    if (!office.minimumMet) return show({ kind: 'tooOld' });
    const operations = lazyOperations(async () => {
      const { createExcelOperations } = await import(/* webpackChunkName: "excel" */ '../excel');
      return createExcelOperations(office.run);
    }, statusReader(office.run));
    const services = {
      operations,
      settings: localSettingsStore(),
      readMergeFile: lazyMergeReader(),
      readRubricDocument: lazyRubricReader(),
      logError: logWithOfficeHelpers,
      prefetch: operations.preload,
    };
    root.render(<App services={services} />);
  },
  (error: unknown) => {
    started = true;
    logWithOfficeHelpers(error);
    show({ kind: 'failed', error });
  },
);
