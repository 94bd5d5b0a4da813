import { Suspense, lazy, useCallback, useEffect, useRef, useState, type ComponentType } from 'react';
import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorBar, type ShownError } from './ErrorBar';
import { PanelBoundary } from './PanelBoundary';
import { ServicesProvider, useServices, type TaskpaneServices } from './services';
import { PaneFrame } from './StartScreen';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { TabBar, panelId, tabId } from './TabBar';
import type { TabProps } from './tabs';
import { PANE_TEXT, TAB_LABELS } from '../text/messages';

const TEXT = PANE_TEXT.app;

interface TabDefinition {
  value: string;
  label: string;
  load: () => Promise<{ default: ComponentType<TabProps> }>;
}

/** Each tab's code loads when the tab is first opened. */
const TABS: TabDefinition[] = [
  { value: 'generate', label: TAB_LABELS.generate, load: () => import(/* webpackChunkName: "generate" */ './GenerateTab') },
  { value: 'check', label: TAB_LABELS.check, load: () => import(/* webpackChunkName: "check" */ './CheckTab') },
  { value: 'print', label: TAB_LABELS.print, load: () => import(/* webpackChunkName: "print" */ './PrintTab') },
  { value: 'merge', label: TAB_LABELS.merge, load: () => import(/* webpackChunkName: "merge" */ './MergeTab') },
  { value: 'rubric', label: TAB_LABELS.rubric, load: () => import(/* webpackChunkName: "rubric" */ './RubricTab') },
];
const PANELS = new Map(TABS.map((t) => [t.value, lazy(t.load)]));

/** Starts loading the first tab while Office is still starting. */
export function preloadFirstTab(): void {
  TABS[0].load().catch(() => {
    // Loaded again when the tab renders; a failure is shown there.
  });
}

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  hiddenPanel: { display: 'none' },
});

function Shell() {
  const styles = useStyles();
  const { settings: store } = useServices();
  const [tab, setTab] = useState(TABS[0].value);
  const [opened, setOpened] = useState<string[]>([TABS[0].value]);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [settingsFailure, setSettingsFailure] = useState<ShownError | null>(null);
  const latest = useRef<Settings>(DEFAULT_SETTINGS);

  useEffect(() => {
    store.load().then(
      (loaded) => {
        latest.current = loaded;
        setSettings(loaded);
      },
      (error: unknown) => {
        setSettingsFailure({ title: TEXT.settingsUnreadable, error });
        setSettings(DEFAULT_SETTINGS);
      },
    );
  }, [store]);

  const updateSettings = useCallback(
    (patch: Partial<Settings>) => {
      const next = { ...latest.current, ...patch };
      latest.current = next;
      setSettings(next);
      store.save(next).catch((error: unknown) => setSettingsFailure({ title: TEXT.settingsUnsaved, error }));
    },
    [store],
  );

  const select = (value: string) => {
    setTab(value);
    setOpened((list) => (list.includes(value) ? list : [...list, value]));
  };

  return (
    <>
      <TabBar tabs={TABS} selected={tab} opened={opened} label={TEXT.tabsLabel} onSelect={select} />
      {settingsFailure && <ErrorBar shown={settingsFailure} onDismiss={() => setSettingsFailure(null)} />}
      {settings ? (
        TABS.filter((t) => opened.includes(t.value)).map((t) => {
          const Panel = PANELS.get(t.value)!;
          const active = t.value === tab;
          return (
            <div
              key={t.value}
              role="tabpanel"
              id={panelId(t.value)}
              aria-labelledby={tabId(t.value)}
              // Focus lands here when the control that had it goes away.
              tabIndex={-1}
              hidden={!active}
              className={active ? styles.panel : styles.hiddenPanel}
            >
              <PanelBoundary title={TEXT.cannotOpenTab(t.label)}>
                <Suspense fallback={<Spinner size="small" label={TEXT.loading} />}>
                  <Panel settings={settings} onSettingsChange={updateSettings} active={active} />
                </Suspense>
              </PanelBoundary>
            </div>
          );
        })
      ) : (
        <Spinner size="small" label={TEXT.loading} />
      )}
    </>
  );
}

export function App({ services }: { services: TaskpaneServices }) {
  return (
    <PaneFrame>
      <ServicesProvider services={services}>
        <Shell />
      </ServicesProvider>
    </PaneFrame>
  );
}
