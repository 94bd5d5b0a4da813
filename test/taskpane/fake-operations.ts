import type { LoadedRubric } from '../../src/rubric';
import type {
  ExcelOperations,
  GenerateRequest,
  GenerateResult,
  LiveCheck,
  MergeWriteRequest,
  MergeWriteResult,
  PrintRequest,
  PrintResult,
  SheetStatus,
} from '../../src/taskpane/operations';
import type { Settings, SettingsStore } from '../../src/taskpane/settings';
import { DEFAULT_SETTINGS } from '../../src/taskpane/settings';

/** A scriptable ExcelOperations that records what the pane asked for. */
export class FakeOperations implements ExcelOperations {
  sheet: SheetStatus = { exists: false, ours: false };
  generateResult: GenerateResult = { mode: 'created', keptEntries: 0, orphans: [], notices: [], syncs: 2 };
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
  printResult: PrintResult = { dateLine: '', written: [], notSet: [], syncs: 2 };
  printError: unknown;

  readonly generated: GenerateRequest[] = [];
  readonly checked: LoadedRubric[] = [];
  readonly selected: string[] = [];
  readonly merges: MergeWriteRequest[] = [];
  readonly prints: PrintRequest[] = [];
  readonly listeners = new Set<() => void>();
  statusCalls = 0;

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
    if (this.mergeError !== undefined) throw this.mergeError;
    return this.mergeResult;
  }

  async applyPrint(request: PrintRequest): Promise<PrintResult> {
    this.prints.push(request);
    if (this.printError !== undefined) throw this.printError;
    return this.printResult;
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
