/** Errors the task pane shows: Vietnamese message, Excel's code and original error kept. */
import { EXCEL_ERROR_TEXT } from '../text/excel-errors';

export class ExcelOperationError extends Error {
  constructor(
    message: string,
    /** Excel's error code (OfficeExtension.Error.code) when Excel raised it. */
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ExcelOperationError';
  }
}

/** Excel refuses every request while a cell is being edited. */
export const CELL_EDIT = 'InvalidOperationInCellEditMode';

/** The code of an OfficeExtension.Error, recognised by shape so tests need no Office globals. */
export function officeErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function isCellEditError(error: unknown): boolean {
  return officeErrorCode(error) === CELL_EDIT;
}

/** Our own errors pass through; Excel's get a Vietnamese message, Excel's error (code, English text) kept as cause. */
function toExcelOperationError(error: unknown): Error {
  if (error instanceof ExcelOperationError) return error;
  const code = officeErrorCode(error);
  if (code === undefined) return error instanceof Error ? error : new Error(String(error));
  const known = EXCEL_ERROR_TEXT.errorCodes[code] ?? EXCEL_ERROR_TEXT.unknownError;
  return new ExcelOperationError(known, code, { cause: error });
}

/**
 * Runs `attempt`, again while Excel refuses it because a cell is being edited,
 * up to `attempts` tries in all, waiting `delayMs` times the try's number
 * between them. Any other failure, or the last refusal, is thrown.
 */
export async function retryOnCellEdit<T>(attempt: () => Promise<T>, delayMs: number, attempts = 2): Promise<T> {
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      if (tried >= attempts || !isCellEditError(error)) throw toExcelOperationError(error);
    }
    await new Promise((resolve) => setTimeout(resolve, delayMs * tried));
  }
}
