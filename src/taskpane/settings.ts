/** What the user typed or chose, kept between openings of the task pane. */

export type RubricSetting =
  | { source: 'builtin' }
  /** The raw file content, validated again on every load. */
  | { source: 'file'; fileName: string; data: unknown };

export interface Settings {
  unitName: string;
  rubric: RubricSetting;
}

export const DEFAULT_SETTINGS: Settings = { unitName: '', rubric: { source: 'builtin' } };

export interface SettingsStore {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
}

/** Stored data may come from an older version or be damaged: keep only what has the right shape. */
export function sanitizeSettings(stored: unknown): Settings {
  if (stored === null || typeof stored !== 'object') return DEFAULT_SETTINGS;
  const { unitName, rubric } = stored as Record<string, unknown>;
  const file = rubric as { source?: unknown; fileName?: unknown; data?: unknown } | null | undefined;
  return {
    unitName: typeof unitName === 'string' ? unitName : '',
    rubric:
      file?.source === 'file' && typeof file.fileName === 'string' && file.data !== undefined
        ? { source: 'file', fileName: file.fileName, data: file.data }
        : { source: 'builtin' },
  };
}
