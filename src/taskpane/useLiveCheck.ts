import { useCallback, useEffect, useRef, useState } from 'react';
import type { LoadedRubric } from '../rubric';
import type { ShownError } from './ErrorBar';
import type { LiveCheck, SheetStatus } from '../app/operations';
import { useServices } from './services';
import { TAB_TEXT } from '../text/messages';

/** Typing fires a change per cell; wait for a pause before reading the sheet again. */
export const CHECK_DEBOUNCE_MS = 400;

export interface LiveCheckState {
  status: SheetStatus | null;
  check: LiveCheck | null;
  checking: boolean;
  failure: ShownError | null;
  /** Checks again now (the "Kiểm tra lại" button, or after an error). */
  refresh: () => void;
}

/**
 * Checks our sheet and keeps the result current while `active`: every
 * change in the sheet schedules a new check after CHECK_DEBOUNCE_MS of
 * quiet. Checks never overlap; a change during a check leads to one more
 * check after it. Inactive, it stops listening; active again, it checks anew.
 */
export function useLiveCheck(loaded: LoadedRubric, active: boolean): LiveCheckState {
  const { operations, logError } = useServices();
  const [status, setStatus] = useState<SheetStatus | null>(null);
  const [check, setCheck] = useState<LiveCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<ShownError | null>(null);
  const runRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (!active) return;
    let disposed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = false;
    let again = false;
    let starting = false;
    let unsubscribe: (() => Promise<void>) | undefined;

    const run = async () => {
      clearTimeout(timer);
      if (running) {
        again = true;
        return;
      }
      running = true;
      setChecking(true);
      try {
        const result = await operations.check(loaded);
        if (!disposed) {
          setCheck(result);
          setFailure(null);
        }
      } catch (error) {
        if (!disposed) setFailure({ title: TAB_TEXT.check.cannotCheck, error });
      } finally {
        running = false;
        if (!disposed) setChecking(false);
      }
      if (again && !disposed) {
        again = false;
        void run();
      }
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void run(), CHECK_DEBOUNCE_MS);
    };

    const start = async () => {
      if (starting) return;
      starting = true;
      setFailure(null);
      try {
        const current = await operations.status();
        if (disposed) return;
        setStatus(current);
        if (!current.ours) return;
        const stop = await operations.onChanged(schedule);
        if (disposed) {
          await stop();
          return;
        }
        unsubscribe = stop;
      } catch (error) {
        if (!disposed) setFailure({ title: TAB_TEXT.check.cannotWatch, error });
        return;
      } finally {
        starting = false;
      }
      await run();
    };
    runRef.current = () => void (unsubscribe ? run() : start());
    void start();

    return () => {
      disposed = true;
      clearTimeout(timer);
      unsubscribe?.().catch(logError);
    };
  }, [operations, loaded, logError, active]);

  const refresh = useCallback(() => runRef.current(), []);
  return { status, check, checking, failure, refresh };
}
