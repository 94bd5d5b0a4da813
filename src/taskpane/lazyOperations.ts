import type { ExcelOperations } from '../app/operations';
import { loadOnce } from './loadOnce';

export interface LazyOperations extends ExcelOperations {
  /** Starts loading the implementation now, ahead of its first use. */
  preload(): void;
}

/**
 * Operations whose implementation is loaded on first use, so the Office.js
 * adapter and the sheet plan are not part of what the pane waits for. The
 * sheet's status, which the first tab needs at once, comes from `status`,
 * small enough to load with the pane. A failed load (e.g. the network
 * dropped) is retried on the next call.
 */
export function lazyOperations(load: () => Promise<ExcelOperations>, status: ExcelOperations['status']): LazyOperations {
  const get = loadOnce(load);
  return {
    preload: () => void get().catch(() => undefined),
    status,
    generate: async (request) => (await get()).generate(request),
    check: async (loaded) => (await get()).check(loaded),
    select: async (address) => (await get()).select(address),
    onChanged: async (callback) => (await get()).onChanged(callback),
    writeMerge: async (request) => (await get()).writeMerge(request),
    applyPrint: async (request) => (await get()).applyPrint(request),
    rubricSheets: async () => (await get()).rubricSheets(),
    writeRubric: async (rubric) => (await get()).writeRubric(rubric),
    readRubric: async (sheets) => (await get()).readRubric(sheets),
    selectIn: async (sheet, address) => (await get()).selectIn(sheet, address),
    onSheetsChanged: async (sheets, callback) => (await get()).onSheetsChanged(sheets, callback),
  };
}
