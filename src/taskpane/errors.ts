/**
 * Turns anything thrown into Vietnamese for the message bar, keeping the
 * original text as detail. The Excel adapter already translates the Office
 * errors of its operations; this covers what reaches the pane otherwise.
 */
import { EXCEL_ERROR_TEXT } from '../text/excel-errors';
import { PANE_TEXT } from '../text/pane';

export interface DescribedError {
  message: string;
  /** The original text (often English), so nothing is hidden. */
  detail?: string;
}

/** Programming faults from the JavaScript runtime: their messages are English and not for users. */
const RUNTIME_FAULTS = new Set(['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'EvalError', 'URIError']);

/** A raw OfficeExtension.Error, recognised by shape: components never touch the Office globals. */
function isRawOfficeError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && 'debugInfo' in error && typeof (error as { code?: unknown }).code === 'string';
}

/** The adapter's error for a refusal by Excel: Vietnamese message, Excel's code, Excel's (English) error as cause. */
function isTranslatedExcelError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && error.name === 'ExcelOperationError' && typeof (error as { code?: unknown }).code === 'string';
}

const messageOf = (value: unknown) => (value instanceof Error ? value.message : value === undefined ? '' : String(value));

export function describeError(error: unknown): DescribedError {
  if (isRawOfficeError(error)) {
    return { message: PANE_TEXT.errors.excelCode(error.code), detail: EXCEL_ERROR_TEXT.codeDetail(error.code, error.message) };
  }
  if (isTranslatedExcelError(error)) {
    return { message: error.message, detail: EXCEL_ERROR_TEXT.codeDetail(error.code, messageOf(error.cause)) };
  }
  if (error instanceof Error) {
    if (error.name === 'ChunkLoadError') {
      return {
        message: PANE_TEXT.errors.chunkLoad,
        detail: error.message,
      };
    }
    if (RUNTIME_FAULTS.has(error.name)) {
      return { message: PANE_TEXT.errors.unexpected, detail: `${error.name}: ${error.message}` };
    }
    // Our own modules throw errors with Vietnamese messages, the underlying failure as cause.
    const cause = error.cause === undefined ? '' : error.cause instanceof Error ? error.cause.message : String(error.cause);
    return cause && !error.message.includes(cause) ? { message: error.message, detail: cause } : { message: error.message };
  }
  return { message: PANE_TEXT.errors.unexpected, detail: String(error) };
}
