import { Suspense, lazy, useCallback, useEffect, useState, type ComponentType } from 'react';
import { Spinner } from '@fluentui/react-components';
import { ErrorBar } from './ErrorBar';
import { PanelBoundary } from './PanelBoundary';
import { ServicesProvider, useServices, type TaskpaneServices } from './services';
import { SHELL_CSS } from './shellCss';
import { PaneFrame } from './StartScreen';
import { TabBar, panelId, tabId } from './TabBar';
import type { TabProps } from './tabs';
import { rubricCode } from './useRubric';
import { useSettings } from './useSettings';
import { PANE_TEXT } from '../text/pane';
import { TAB_LABELS } from '../text/labels';

const TEXT = PANE_TEXT.app;

interface TabDefinition {
  value: keyof typeof TAB_LABELS;
  load: () => Promise<{ default: ComponentType<TabProps> }>;
}

/**
 * Each tab's code loads when the tab is first opened; the first tab's comes
 * with the pane, as everyone waits for it. Another tab is one more entry.
 */
const TABS: TabDefinition[] = [
  { value: 'generate', load: () => import(/* webpackMode: "eager" */ './GenerateTab') },
  { value: 'check', load: () => import(/* webpackChunkName: "check" */ './CheckTab') },
  { value: 'print', load: () => import(/* webpackChunkName: "print" */ './PrintTab') },
  { value: 'merge', load: () => import(/* webpackChunkName: "merge" */ './MergeTab') },
  { value: 'rubric', load: () => import(/* webpackChunkName: "rubric-tab" */ './RubricTab') },
];
const PANELS = new Map(TABS.map((t) => [t.value, lazy(t.load)]));
const TAB_ITEMS = TABS.map((t) => ({ value: t.value, label: TAB_LABELS[t.value] }));


function Shell() {
  const services = useServices();
  const [tab, setTab] = useState(TABS[0].value);
  const [opened, setOpened] = useState<string[]>([TABS[0].value]);
  // Until a tab works, nothing else loads: the stored settings and later actions' code wait.
  const [warm, setWarm] = useState(false);
  // A new task after the commit that made the tab usable, so nothing starts within it.
  const onReady = useCallback(() => void setTimeout(() => setWarm(true), 0), []);
  const { settings, update, offer, ready, failure, dismissFailure } = useSettings(services.settings, warm);
  const { prefetch } = services;

  useEffect(() => {
    if (!warm) return;
    prefetch?.();
    rubricCode().catch(() => undefined);
  }, [warm, prefetch]);

  const select = (value: TabDefinition['value']) => {
    setTab(value);
    setWarm(true);
    setOpened((list) => (list.includes(value) ? list : [...list, value]));
  };

  return (
    <>
      <TabBar tabs={TAB_ITEMS} selected={tab} opened={opened} label={TEXT.tabsLabel} onSelect={(value) => select(value as TabDefinition['value'])} />
      {failure && <ErrorBar shown={failure} onDismiss={dismissFailure} />}
      {TABS.filter((t) => opened.includes(t.value)).map((t) => {
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
            className={SHELL_CSS.stack}
          >
            <PanelBoundary title={TEXT.cannotOpenTab(TAB_LABELS[t.value])}>
              <Suspense fallback={<Spinner size="small" label={TEXT.loading} />}>
                <Panel
                  settings={settings}
                  onSettingsChange={update}
                  active={active}
                  onReady={onReady}
                  settingsReady={ready}
                  offerSettings={offer}
                />
              </Suspense>
            </PanelBoundary>
          </div>
        );
      })}
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
