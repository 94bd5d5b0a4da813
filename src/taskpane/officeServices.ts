/**
 * Production services around @microsoft/office-js-helpers: its Storage keeps
 * the settings in localStorage (JSON, one namespaced key) and Utilities.log
 * unpacks Office errors' debugInfo into the console. Loaded on first use
 * (the shell reads the settings once the first tab works), so the helpers
 * stay off what the pane waits for.
 */
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings, type SettingsStore } from './settings';
import { PANE_TEXT } from '../text/pane';

const CONTAINER = 'chamdiem';
const KEY = 'settings';

const helpers = () => import(/* webpackChunkName: "office-helpers" */ '@microsoft/office-js-helpers');

export function localSettingsStore(): SettingsStore {
  type Store = InstanceType<Awaited<ReturnType<typeof helpers>>['Storage']>;
  let opening: Promise<Store> | undefined;
  const open = () =>
    (opening ??= helpers().then(({ Storage, StorageType }) => {
      try {
        return new Storage<unknown>(CONTAINER, StorageType.LocalStorage);
      } catch (cause) {
        throw new Error(PANE_TEXT.errors.noStorage, { cause });
      }
    }));
  return {
    async load() {
      const stored = (await open()).get(KEY);
      return stored === undefined || stored === null ? DEFAULT_SETTINGS : sanitizeSettings(stored);
    },
    async save(settings: Settings) {
      const store = await open();
      try {
        store.set(KEY, settings);
      } catch (cause) {
        throw new Error(PANE_TEXT.errors.storageFull, { cause });
      }
    },
  };
}

export function logWithOfficeHelpers(error: unknown): void {
  helpers().then(
    ({ Utilities }) => Utilities.log(error instanceof Error ? error : String(error)),
    // The helpers chunk itself failed to load: the console is all that is left.
    (loadError) => console.error(error, loadError),
  );
}
