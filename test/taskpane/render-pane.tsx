import { configure, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { FakeMergeReader, FakeOperations, MemorySettings } from './fake-operations';

// The first render of a tab loads its module (rubric, zod, sheet plan): allow for a slow machine.
configure({ asyncUtilTimeout: 10000 });

export function renderPane(ops = new FakeOperations(), store = new MemorySettings(), reader = new FakeMergeReader()) {
  const logged: unknown[] = [];
  const view = render(
    <App services={{ operations: ops, settings: store, readMergeFile: reader.read, logError: (e) => logged.push(e) }} />,
  );
  return { ops, store, reader, logged, view };
}

/** A button once it can be pressed (actions wait until the workbook's state is known; busy buttons stay focusable but aria-disabled). */
export async function enabledButton(name: string | RegExp): Promise<HTMLButtonElement> {
  let button: HTMLButtonElement | undefined;
  await waitFor(() => {
    button = screen.getByRole('button', { name }) as HTMLButtonElement;
    expect(button.disabled).toBe(false);
    expect(button.getAttribute('aria-disabled')).not.toBe('true');
  });
  return button!;
}
