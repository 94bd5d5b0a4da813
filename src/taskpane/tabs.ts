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
  /**
   * Called when the tab can be used (or has said why not). The shell then
   * reads the stored settings and loads what later actions need: before
   * that, they would compete with the tab for a slow line.
   */
  onReady: () => void;
  /** The settings once the stored ones are in, with what the user typed before that kept. */
  settingsReady: () => Promise<Settings>;
  /** A default for text fields still empty once the stored settings are in: not the user's change. */
  offerSettings: (patch: Partial<Pick<Settings, 'unitName' | 'preparer' | 'signer' | 'place'>>) => void;
}
