/**
 * The ports a file host fills: how a workbook's bytes are read and written.
 * The package layer implements them; the jobs of this layer take them as
 * arguments and so never depend on a reader or writer. The port of a
 * workbook open in Excel is `ExcelOperations` (operations.ts).
 */
import type { WorkbookView } from '../check';
import type { EntryValue } from '../layout/carry';
import type { SheetPlan } from '../layout/plan';
import type { MergePlan } from '../merge/plan';
import type { WorkbookModel } from '../layout/model';
import type { WorkbookCells } from '../layout/rubric-sheet';
import type { MergeProblem, MergeProblemCode } from '../merge/problems';
import type { WordDocument } from '../rubric/import';
import type { NamedSheet } from './repair';

/** Why a file could not be read at all; the message is for the user. */
export class WorkbookReadError extends Error {
  constructor(
    message: string,
    readonly code: 'UNREADABLE' | 'METADATA_MISSING',
    /** The package guard's code when it refused the file (ZIP_BOMB, XML_DOCTYPE, …). */
    readonly reason?: MergeProblemCode,
  ) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

/**
 * A workbook without our metadata sheet, read by its defined names all the
 * same: it may be a sheet of ours copied into a new workbook, which
 * generate can adopt (check/adopt.ts).
 */
export class MetadataMissingError extends WorkbookReadError {
  constructor(
    message: string,
    readonly workbook: ReturnedWorkbook,
  ) {
    super(message, 'METADATA_MISSING');
    this.name = 'MetadataMissingError';
  }
}

/** A returned workbook, seen through its defined names and metadata, and cells by position for an upgrade's repair. */
export interface ReturnedWorkbook extends WorkbookView, NamedSheet {}

/** A package the merge's guard let through, or why it did not. */
export type GuardedPackage =
  | { problem: MergeProblem }
  | {
      /** When the workbook was last saved (docProps/core.xml), if it says. */
      savedAt: string | null;
      /** Reads it from the parts the guard unpacked; throws WorkbookReadError when it is not ours. */
      read(): ReturnedWorkbook;
    };

export interface PackageReader {
  /** Why a file of `size` bytes is refused before it is read; null when it may be read. */
  sizeProblem(size: number): MergeProblem | null;
  /** A workbook as check and generate read it. Throws WorkbookReadError when it is unreadable or not ours. */
  read(bytes: Uint8Array): Promise<ReturnedWorkbook>;
  /** A returned file behind the merge's guard; never throws for a bad package. */
  guard(bytes: Uint8Array): Promise<GuardedPackage>;
  /** Every cell of every worksheet, behind the same gate. Throws WorkbookReadError when it is unreadable. */
  readCells(bytes: Uint8Array): Promise<WorkbookCells>;
}

export interface WorkbookWriter {
  /** The standard sheet with `entries` written over its inputs, as .xlsx. */
  writeSheet(plan: SheetPlan, entries: ReadonlyMap<string, EntryValue>): Promise<Uint8Array>;
  /** The merge workbook, as .xlsx. */
  writeMerge(plan: MergePlan): Promise<Uint8Array>;
  /** Any workbook model (the rubric workbook), as .xlsx. */
  writeModel(model: WorkbookModel): Promise<Uint8Array>;
}

/** Why a document could not be read at all; the message is for the user. */
export class DocumentReadError extends Error {
  constructor(
    readonly code: 'EMPTY' | 'TOO_LARGE' | 'LEGACY_DOC' | 'ENCRYPTED' | 'NOT_DOCX' | 'CORRUPT' | 'DOCTYPE',
    message: string,
  ) {
    super(message);
    this.name = 'DocumentReadError';
  }
}

export interface DocumentReader {
  /** A word-processing document's body. Throws DocumentReadError when it cannot be read. */
  read(bytes: Uint8Array): WordDocument;
}

/**
 * Gives the host's thread back during a long job (planning and writing a
 * merge of hundreds of units), so its page stays responsive: resolves at
 * once while the job has held the thread only briefly, otherwise once the
 * host has had its turn. The task pane passes one; the command line none.
 */
export type YieldToHost = () => Promise<void>;
