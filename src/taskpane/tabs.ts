import type { Settings } from './settings';

/** What the shell hands to every tab panel. */
export interface TabProps {
  settings: Settings;
  onSettingsChange: (patch: Partial<Settings>) => void;
  /**
   * Whether the tab is shown. An opened tab stays mounted while hidden, so
   * what was typed or picked there survives a tab switch; hidden, it does
   * no work against the workbook and reads it afresh when shown again.
   */
  active: boolean;
}
