import { configure, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { readPickedRubric } from '../../src/taskpane/readPickedRubric';
import type { RubricDocumentReader } from '../../src/taskpane/rubricReader';
import { FakeMergeReader, FakeOperations, MemorySettings } from './fake-operations';

// The first render of a tab loads its module (rubric, zod, sheet plan): allow for a slow machine.
configure({ asyncUtilTimeout: 10000 });

/** The pane with doubles for Excel and the stored settings; Word documents are read by the real reader and importer. */
export function renderPane(ops = new FakeOperations(), store = new MemorySettings(), reader = new FakeMergeReader(), readRubricDocument: RubricDocumentReader = readPickedRubric) {
  const logged: unknown[] = [];
  const view = render(
    <App services={{ operations: ops, settings: store, readMergeFile: reader.read, readRubricDocument, logError: (e) => logged.push(e) }} />,
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
