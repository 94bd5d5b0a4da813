import type { FileReading } from '../../src/merge/consolidate';
import type { LoadedRubric } from '../../src/rubric';
import type { MergeFileReader } from '../../src/taskpane/mergeReader';
import type {
  ExcelOperations,
  GenerateRequest,
  GenerateResult,
  LiveCheck,
  MergeWriteProgress,
  MergeWriteRequest,
  MergeWriteResult,
  PrintRequest,
  PrintOutcome,
  PrintResult,
  RubricSheetNames,
  RubricWorkbookReading,
  RubricWriteResult,
  SheetStatus,
} from '../../src/app/operations';
import type { Rubric } from '../../src/rubric';
import { RUBRIC_SHEETS } from '../../src/layout/rubric-sheet';
import type { Settings, SettingsStore } from '../../src/taskpane/settings';
import { DEFAULT_SETTINGS } from '../../src/taskpane/settings';

/** A scriptable ExcelOperations that records what the pane asked for. */
export class FakeOperations implements ExcelOperations {
  sheet: SheetStatus = { exists: false, ours: false };
  generateResult: GenerateResult = { mode: 'created', keptEntries: 0, orphans: [], repairs: [], notices: [], syncs: 2 };
  generateError: unknown;
  checkResult: LiveCheck = { problems: [], scoredCount: 0, criterionCount: 49, total: 0 };
  selectError: unknown;
  mergeResult: MergeWriteResult = {
    sheets: ['Tổng hợp', 'Xếp hạng', 'Kiểm tra', 'Minh chứng'],
    renamed: false,
    notices: [],
    syncs: 2,
    chunkBytes: [200_000],
  };
  mergeError: unknown;
  printResult: PrintOutcome = { dateLine: '', written: [], notSet: [], errors: 0, warnings: 0, clipped: [], syncs: 2 };
  /** What the sheet holds after the user confirmed printing its errors. */
  forcedResult?: PrintResult;
  /** Progress the write reports, each step waiting for `releaseMergeStep()`. */
  mergeProgress: MergeWriteProgress[] = [];
  private mergeStepRelease: (() => void) | undefined;
  printError: unknown;

  readonly generated: GenerateRequest[] = [];
  readonly checked: LoadedRubric[] = [];
  readonly selected: string[] = [];
  readonly merges: MergeWriteRequest[] = [];
  readonly prints: PrintRequest[] = [];
  readonly listeners = new Set<() => void>();
  statusCalls = 0;
  /** The rubric sheet sets in the workbook, and what reading them gives (by default the rubric written last, valid). */
  rubricSets: RubricSheetNames[] = [];
  rubricReading: RubricWorkbookReading | null = null;
  readonly rubricsWritten: Rubric[] = [];
  readonly rubricListeners = new Set<() => void>();

  async status(): Promise<SheetStatus> {
    this.statusCalls++;
    return this.sheet;
  }

  async generate(request: GenerateRequest): Promise<GenerateResult> {
    this.generated.push(request);
    if (this.generateError !== undefined) throw this.generateError;
    this.sheet = {
      exists: true,
      ours: true,
      meta: {
        rubricId: request.loaded.rubric.id,
        rubricVersion: request.loaded.rubric.version,
        rubricFingerprint: request.loaded.fingerprint,
        unitName: request.unitName,
      },
    };
    return this.generateResult;
  }

  async check(loaded: LoadedRubric): Promise<LiveCheck> {
    this.checked.push(loaded);
    return this.checkResult;
  }

  async select(address: string): Promise<void> {
    if (this.selectError !== undefined) throw this.selectError;
    this.selected.push(address);
  }

  async onChanged(callback: () => void): Promise<() => Promise<void>> {
    this.listeners.add(callback);
    return async () => {
      this.listeners.delete(callback);
    };
  }

  async writeMerge(request: MergeWriteRequest): Promise<MergeWriteResult> {
    this.merges.push(request);
    for (const progress of this.mergeProgress) {
      request.onProgress?.(progress);
      await new Promise<void>((resolve) => (this.mergeStepRelease = resolve));
    }
    if (this.mergeError !== undefined) throw this.mergeError;
    return this.mergeResult;
  }

  releaseMergeStep(): void {
    const release = this.mergeStepRelease;
    this.mergeStepRelease = undefined;
    release?.();
  }

  async applyPrint(request: PrintRequest): Promise<PrintOutcome> {
    this.prints.push(request);
    if (this.printError !== undefined) throw this.printError;
    return request.force && this.forcedResult ? this.forcedResult : this.printResult;
  }

  async rubricSheets(): Promise<RubricSheetNames[]> {
    return this.rubricSets;
  }

  async writeRubric(rubric: Rubric): Promise<RubricWriteResult> {
    this.rubricsWritten.push(rubric);
    this.rubricSets = [RUBRIC_SHEETS, ...this.rubricSets];
    return { sheets: RUBRIC_SHEETS, syncs: 2 };
  }

  async readRubric(): Promise<RubricWorkbookReading> {
    return this.rubricReading ?? { rubric: this.rubricsWritten.at(-1) ?? null, errors: [], isRubricWorkbook: true };
  }

  async selectIn(sheet: string, address: string): Promise<void> {
    this.selected.push(`${sheet}!${address}`);
  }

  async onSheetsChanged(_sheets: string[], callback: () => void): Promise<() => Promise<void>> {
    this.rubricListeners.add(callback);
    return async () => {
      this.rubricListeners.delete(callback);
    };
  }

  /** What Excel does when the user edits a rubric sheet. */
  changeRubric(): void {
    this.rubricListeners.forEach((listener) => listener());
  }

  /** What Excel does when the user edits the sheet. */
  change(): void {
    this.listeners.forEach((listener) => listener());
  }
}

export class MemorySettings implements SettingsStore {
  constructor(public saved: Settings = DEFAULT_SETTINGS) {}

  async load(): Promise<Settings> {
    return this.saved;
  }

  async save(settings: Settings): Promise<void> {
    this.saved = settings;
  }
}

/**
 * Reads picked files as scripted: a reading per file name (a clean unit
 * named after the file otherwise). While `held`, each read waits for
 * release(), so a test can look at the pane between files.
 */
export class FakeMergeReader {
  readonly readings = new Map<string, FileReading>();
  readonly reads: string[] = [];
  readonly rubrics: LoadedRubric[] = [];
  held = false;
  private readonly waiting: (() => void)[] = [];

  readonly read: MergeFileReader = async (file, loaded) => {
    this.reads.push(file.name);
    this.rubrics.push(loaded);
    if (this.held) await new Promise<void>((resolve) => this.waiting.push(resolve));
    return this.readings.get(file.name) ?? cleanReading(file.name);
  };

  /** Lets the oldest waiting read finish. */
  releaseOne(): void {
    this.waiting.shift()?.();
  }

  get waitingCount(): number {
    return this.waiting.length;
  }
}

export function cleanReading(file: string, unitName = `Hội LHPN ${file.replace(/\.xlsx$/i, '')}`): FileReading {
  return {
    file,
    savedAt: null,
    unit: {
      unitName,
      createdAt: '2026-01-15T08:00:00.000Z',
      selfScores: {},
      invalidScores: {},
      totals: { sections: { I: 50 }, bonus: 0, deduction: 0, total: 50 },
      evidence: [],
      problems: [],
    },
    problems: [],
  };
}
