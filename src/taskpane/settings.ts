/** What the user typed or chose, kept between openings of the task pane. */

export type RubricSetting =
  | { source: 'builtin' }
  /** The raw file content, validated again on every load. */
  | { source: 'file'; fileName: string; data: unknown };

export interface Settings {
  unitName: string;
  /** Names printed under the signatures: người lập biểu, and the chair who signs. */
  preparer: string;
  signer: string;
  /** Place of the printed place–date line; blank takes the rubric's ("Cao Bằng"). */
  place: string;
  rubric: RubricSetting;
}

export const DEFAULT_SETTINGS: Settings = { unitName: '', preparer: '', signer: '', place: '', rubric: { source: 'builtin' } };

export interface SettingsStore {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
}

/** Stored data may come from an older version or be damaged: keep only what has the right shape. */
export function sanitizeSettings(stored: unknown): Settings {
  if (stored === null || typeof stored !== 'object') return DEFAULT_SETTINGS;
  const { unitName, preparer, signer, place, rubric } = stored as Record<string, unknown>;
  const file = rubric as { source?: unknown; fileName?: unknown; data?: unknown } | null | undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    unitName: text(unitName),
    preparer: text(preparer),
    signer: text(signer),
    place: text(place),
    rubric:
      file?.source === 'file' && typeof file.fileName === 'string' && file.data !== undefined
        ? { source: 'file', fileName: file.fileName, data: file.data }
        : { source: 'builtin' },
  };
}
