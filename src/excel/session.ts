/** What every Office.js operation shares: the host's Excel.run, what it supports, one retry on cell-edit mode. */
import { EXCEL_ERROR_TEXT } from '../text/excel-errors';
import { asExcelContext, type ExcelContext, type ExcelRun } from './api';
import { ExcelOperationError, officeErrorCode, retryOnCellEdit } from './errors';
import type { MultiArea } from './ops';
import { EXCEL_API } from './requirements';

const LIST_SEPARATORS = [',', ';'] as const;
const INVALID_ARGUMENT = 'InvalidArgument';

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
  /** The list separator getRanges takes (false: none), when known beforehand; otherwise found by the first write. */
  listSeparator?: MultiArea;
}

export interface Session {
  /** One Excel.run, retried once on cell-edit mode; `sync` counts the round trips of the attempt. */
  batch<T>(work: (context: ExcelContext, sync: () => Promise<number>) => Promise<T>): Promise<T>;
  /**
   * A batch that writes ranges many at a call where the host can (ExcelApi
   * 1.9). `multiArea()` tells how, once the work's first request (which must
   * only read) has come back: the list separator getRanges takes, or false.
   */
  batchWithAreas<T>(work: (context: ExcelContext, sync: () => Promise<number>, multiArea: () => MultiArea) => Promise<T>): Promise<T>;
  supports(version: string): boolean;
  /** The host's Excel.run, for a batch on an earlier context (removing an event handler). */
  run: ExcelRun;
  options: ExcelOperationsOptions;
  retryDelayMs: number;
}

/**
 * Runs `work` while finding, the first time, which separator getRanges
 * takes. Documented as ",", some desktop builds take only the locale's list
 * separator (";" where the decimal mark is a comma, as in vi-VN): office-js
 * #1167, #1985. A read of two cells rides along with the work's first
 * request, so a host that takes "," costs nothing more; one that refuses it
 * fails that request as a whole, which only read, and the work starts again
 * with ";", then with none (one call per range).
 */
async function probing<T>(
  batch: Session['batch'],
  found: (separator: MultiArea) => void,
  work: (context: ExcelContext, sync: () => Promise<number>, multiArea: () => MultiArea) => Promise<T>,
): Promise<T> {
  for (const separator of LIST_SEPARATORS) {
    let answered = false;
    let result: MultiArea = false;
    try {
      return await batch(async (context, sync) => {
        const probe = context.workbook.worksheets.getActiveWorksheet().getRanges(`A1${separator}A2`);
        probe.load('areaCount');
        let first = true;
        const probedSync = async () => {
          const n = await sync();
          if (first) {
            first = false;
            answered = true;
            result = probe.areaCount === 2 ? separator : false;
            found(result);
          }
          return n;
        };
        return work(context, probedSync, () => result);
      });
    } catch (error) {
      // Only a refusal of the first request is the probe's; anything later is the work's own failure.
      if (answered || officeErrorCode(error) !== INVALID_ARGUMENT) throw error;
    }
  }
  found(false);
  return batch((context, sync) => work(context, sync, () => false));
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
  let separator: MultiArea | undefined = supports(EXCEL_API.pageLayout) ? options.listSeparator : false;
  const batchWithAreas: Session['batchWithAreas'] = (work) =>
    separator !== undefined
      ? batch((context, sync) => work(context, sync, () => separator as MultiArea))
      : probing(batch, (found) => (separator = found), work);
  return { batch, batchWithAreas, supports, run, options, retryDelayMs };
}
