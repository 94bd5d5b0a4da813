/**
 * The rubric the settings choose, validated and fingerprinted. Its code (the
 * schema, the data) is a chunk of its own: tabs that need a rubric at once
 * import it, the first tab through ./useRubric, once it works.
 */
import { allCriteria, builtinRubric, loadRubric, parseRubricJson, RubricError } from '../app/rubric';
import type { LoadedRubric } from '../rubric';
import type { RubricSetting } from './settings';
import { PANE_TEXT } from '../text/pane';

export { loadRubric, parseRubricJson, RubricError };

let builtin: LoadedRubric | undefined;
export function builtinLoaded(): LoadedRubric {
  return (builtin ??= builtinRubric());
}

export interface ChosenRubric {
  loaded: LoadedRubric;
  /** Set when the saved rubric file no longer validates and the built-in one is used instead. */
  fallbackReason?: unknown;
  /** What the pane says of it. */
  description: RubricDescription;
}

/** The sentence a user reads, and the details line with the rubric's code and fingerprint. */
export interface RubricDescription {
  summary: string;
  details: string;
}

export function describeRubric({ rubric, fingerprint }: LoadedRubric): RubricDescription {
  return {
    summary: PANE_TEXT.rubric.describe(rubric.version, rubric.year, allCriteria(rubric).length),
    details: PANE_TEXT.rubric.details(rubric.id, fingerprint.slice(0, 12)),
  };
}

const chosen = (loaded: LoadedRubric, fallbackReason?: unknown): ChosenRubric => ({
  loaded,
  description: describeRubric(loaded),
  ...(fallbackReason === undefined ? {} : { fallbackReason }),
});

export function chosenRubric(setting: RubricSetting): ChosenRubric {
  if (setting.source === 'builtin') return chosen(builtinLoaded());
  try {
    return chosen(loadRubric(setting.data));
  } catch (error) {
    return chosen(builtinLoaded(), error);
  }
}
