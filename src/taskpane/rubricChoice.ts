import { builtinRubric, loadRubric } from '../app/rubric';
import type { LoadedRubric } from '../rubric';
import type { RubricSetting } from './settings';

let builtin: LoadedRubric | undefined;
export function builtinLoaded(): LoadedRubric {
  return (builtin ??= builtinRubric());
}

export interface ChosenRubric {
  loaded: LoadedRubric;
  /** Set when the saved rubric file no longer validates and the built-in one is used instead. */
  fallbackReason?: unknown;
}

export function chosenRubric(setting: RubricSetting): ChosenRubric {
  if (setting.source === 'builtin') return { loaded: builtinLoaded() };
  try {
    return { loaded: loadRubric(setting.data) };
  } catch (error) {
    return { loaded: builtinLoaded(), fallbackReason: error };
  }
}
