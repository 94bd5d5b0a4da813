import { useCallback, useEffect, useRef, useState } from 'react';
import type { ShownError } from './ErrorBar';
import { DEFAULT_SETTINGS, type Settings, type SettingsStore } from './settings';
import { PANE_TEXT } from '../text/pane';

export interface SettingsState {
  settings: Settings;
  /** A change the user made; saved. */
  update: (patch: Partial<Settings>) => void;
  /** A default for text fields that are empty once the stored settings are in (the unit named on the sheet). */
  offer: (patch: Partial<Pick<Settings, 'unitName' | 'preparer' | 'signer' | 'place'>>) => void;
  /** Resolves with the settings once the stored ones (and any offer) are in; at once after that. */
  ready: () => Promise<Settings>;
  failure: ShownError | null;
  dismissFailure: () => void;
}

type TextField = 'unitName' | 'preparer' | 'signer' | 'place';

/** `settings` with each offered field filled where it is empty; the same object when nothing changes. */
function withOffers(settings: Settings, offers: Partial<Pick<Settings, TextField>>): Settings {
  const filled = (Object.keys(offers) as TextField[]).filter((key) => settings[key] === '' && offers[key]);
  return filled.length === 0 ? settings : { ...settings, ...Object.fromEntries(filled.map((key) => [key, offers[key]])) };
}

/**
 * The settings, read from `store` only once `load` is true (the first tab
 * works by then) and saved on every change after that. Until they are in,
 * the pane shows the defaults; a field the user changes meanwhile keeps
 * the user's value over the stored one, and is saved with the rest.
 */
export function useSettings(store: SettingsStore, load: boolean): SettingsState {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [failure, setFailure] = useState<ShownError | null>(null);
  const latest = useRef<Settings>(DEFAULT_SETTINGS);
  const touched = useRef(new Set<keyof Settings>());
  const offers = useRef<Partial<Pick<Settings, TextField>>>({});
  const loaded = useRef(false);
  const waiting = useRef<((settings: Settings) => void)[]>([]);

  const save = useCallback(
    (next: Settings) => store.save(next).catch((error: unknown) => setFailure({ title: PANE_TEXT.app.settingsUnsaved, error })),
    [store],
  );

  const show = useCallback((next: Settings) => {
    latest.current = next;
    setSettings(next);
  }, []);

  useEffect(() => {
    if (!load || loaded.current) return;
    let current = true;
    const arrive = (stored: Settings) => {
      loaded.current = true;
      const typed = Object.fromEntries([...touched.current].map((key) => [key, latest.current[key]]));
      const kept = { ...stored, ...typed };
      const merged = withOffers(kept, offers.current);
      show(merged);
      if (touched.current.size > 0 || merged !== kept) void save(merged);
      waiting.current.splice(0).forEach((resolve) => resolve(merged));
    };
    store.load().then(
      (stored) => current && arrive(stored),
      (error: unknown) => {
        if (!current) return;
        setFailure({ title: PANE_TEXT.app.settingsUnreadable, error });
        arrive(DEFAULT_SETTINGS);
      },
    );
    return () => {
      current = false;
    };
  }, [store, load, save, show]);

  const update = useCallback(
    (patch: Partial<Settings>) => {
      show({ ...latest.current, ...patch });
      if (loaded.current) void save(latest.current);
      else for (const key of Object.keys(patch) as (keyof Settings)[]) touched.current.add(key);
    },
    [save, show],
  );

  const offer = useCallback<SettingsState['offer']>(
    (patch) => {
      if (!loaded.current) {
        offers.current = { ...offers.current, ...patch };
        return;
      }
      const next = withOffers(latest.current, patch);
      if (next === latest.current) return;
      show(next);
      void save(next);
    },
    [save, show],
  );

  const ready = useCallback(
    () => (loaded.current ? Promise.resolve(latest.current) : new Promise<Settings>((resolve) => waiting.current.push(resolve))),
    [],
  );

  return { settings, update, offer, ready, failure, dismissFailure: useCallback(() => setFailure(null), []) };
}
