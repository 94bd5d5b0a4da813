import type { ExcelOperations } from '../app/operations';

/**
 * Operations whose implementation is loaded on first use, so the Office.js
 * adapter and the sheet plan are not part of the initial bundle. A failed
 * load (e.g. the network dropped) is retried on the next call.
 */
export function lazyOperations(load: () => Promise<ExcelOperations>): ExcelOperations {
  let loading: Promise<ExcelOperations> | undefined;
  const get = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  return {
    status: async () => (await get()).status(),
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
