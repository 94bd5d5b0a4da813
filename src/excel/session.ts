/** What every Office.js operation shares: the host's Excel.run, what it supports, one retry on cell-edit mode. */
import { EXCEL_ERROR_TEXT } from '../text/excel-errors';
import { asExcelContext, type ExcelContext, type ExcelRun } from './api';
import { ExcelOperationError, retryOnCellEdit } from './errors';
import { EXCEL_API } from './requirements';

export interface ExcelOperationsOptions {
  /** Whether the host supports ExcelApi `version`; defaults to Office.context.requirements. */
  isSetSupported?: (version: string) => boolean;
  /** Written to the metadata sheet. */
  generatorVersion?: string;
  /** Creation time written to the metadata; fixed in tests for reproducible sheets. */
  now?: () => string;
  /** Wait before the one retry when Excel is in cell-edit mode. */
  retryDelayMs?: number;
  /** Estimated bytes per request when writing a merge; below Excel's 5 MB limit. */
  mergeChunkBytes?: number;
}

export interface Session {
  /** One Excel.run, retried once on cell-edit mode; `sync` counts the round trips of the attempt. */
  batch<T>(work: (context: ExcelContext, sync: () => Promise<number>) => Promise<T>): Promise<T>;
  supports(version: string): boolean;
  options: ExcelOperationsOptions;
  retryDelayMs: number;
}

export function session(run: ExcelRun, options: ExcelOperationsOptions = {}): Session {
  const supports = options.isSetSupported ?? ((version: string) => Office.context.requirements.isSetSupported('ExcelApi', version));
  const retryDelayMs = options.retryDelayMs ?? 500;
  const batch: Session['batch'] = (work) => {
    if (!supports(EXCEL_API.minimum)) return Promise.reject(new ExcelOperationError(EXCEL_ERROR_TEXT.tooOld));
    return retryOnCellEdit(
      () =>
        run(async (excelContext) => {
          const context = asExcelContext(excelContext);
          let syncs = 0;
          return work(context, async () => {
            await context.sync();
            return ++syncs;
          });
        }),
      retryDelayMs,
    );
  };
  return { batch, supports, options, retryDelayMs };
}
