import { useRef, type KeyboardEvent } from 'react';
import { SHELL_CSS } from './shellCss';

export interface TabItem {
  value: string;
  label: string;
}

/** Ids that tie a tab to its panel (aria-controls, aria-labelledby). */
export const tabId = (value: string) => `tab-${value}`;
export const panelId = (value: string) => `panel-${value}`;


/**
 * The pane's tabs, after the WAI-ARIA tabs pattern: one tab stop, arrow keys
 * (and Home, End) move between tabs, Enter, Space or a click opens one; a
 * tab's code loads when it opens, so moving past it loads nothing. It wraps
 * onto a second line in a narrow pane rather than hiding tabs. Fluent's
 * TabList is not used: its focus library adds focusable aria-hidden
 * elements around the list (which screen readers trip on) and about 22 kB
 * gzipped to what every user waits for before the first tab works.
 */
export function TabBar({
  tabs,
  selected,
  opened,
  label,
  onSelect,
}: {
  tabs: TabItem[];
  selected: string;
  /** Tabs whose panels exist, which aria-controls may point at. */
  opened: readonly string[];
  label: string;
  onSelect: (value: string) => void;
}) {
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = tabs.length - 1;
    const target = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[
      event.key
    ];
    if (target === undefined) return;
    event.preventDefault();
    buttons.current.get(tabs[target].value)?.focus();
  };

  return (
    <div role="tablist" aria-label={label} className={SHELL_CSS.tabs}>
      {tabs.map((tab, index) => {
        const isSelected = tab.value === selected;
        return (
          <button
            key={tab.value}
            ref={(element) => {
              if (element) buttons.current.set(tab.value, element);
              else buttons.current.delete(tab.value);
            }}
            type="button"
            role="tab"
            id={tabId(tab.value)}
            aria-selected={isSelected}
            aria-controls={opened.includes(tab.value) ? panelId(tab.value) : undefined}
            tabIndex={isSelected ? 0 : -1}
            // Styled in taskpane.html, the selected one by its aria-selected.
            className={SHELL_CSS.tab}
            onClick={() => onSelect(tab.value)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
