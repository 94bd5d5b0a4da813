import { useEffect, useState } from 'react';
import type { RubricSetting } from './settings';
import { loadOnce } from './loadOnce';
import type { ChosenRubric } from './rubricChoice';

type RubricCode = typeof import('./rubricChoice');

let markRequested: () => void = () => undefined;
const requested = new Promise<void>((resolve) => (markRequested = resolve));

const loadRubricCode = loadOnce((): Promise<RubricCode> => import(/* webpackChunkName: "rubric" */ './rubricChoice'));

/** The rubric code, loaded once; a failed load (the network dropped) is tried again on the next call. */
export function rubricCode(): Promise<RubricCode> {
  markRequested();
  return loadRubricCode();
}

/** The rubric code once something asked for it (the shell, when the first tab works; a click): showing a rubric never starts the load. */
const whenRequested = () => requested.then(rubricCode);

/** The chosen rubric; null until its code has been asked for and loaded (and again while another setting's is being checked). */
export function useChosenRubric(setting: RubricSetting): { chosen: ChosenRubric | null; loadFailure: unknown } {
  const [state, setState] = useState<{ setting: RubricSetting; chosen: ChosenRubric } | null>(null);
  const [loadFailure, setLoadFailure] = useState<unknown>(undefined);
  useEffect(() => {
    let current = true;
    whenRequested().then(
      (code) => current && setState({ setting, chosen: code.chosenRubric(setting) }),
      (error: unknown) => current && setLoadFailure(error),
    );
    return () => {
      current = false;
    };
  }, [setting]);
  return { chosen: state?.setting === setting ? state.chosen : null, loadFailure };
}
