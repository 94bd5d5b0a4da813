import type { Settings } from './settings';

/** What the shell hands to every tab panel. */
export interface TabProps {
  settings: Settings;
  onSettingsChange: (patch: Partial<Settings>) => void;
}
