/**
 * The pane's YieldToHost: a long job (a merge of hundreds of units) holds
 * the browser's thread for at most a slice, then lets it handle input and
 * paint before going on, so no task of the pane's runs long.
 */
import type { YieldToHost } from '../app/ports';

/** Under the 50 ms at which a browser calls a task long, with room for the step that passes it. */
const SLICE_MS = 25;

/** The next task of the event loop: a message posted to itself, which no timer clamp delays. */
function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export function slicedYield(sliceMs = SLICE_MS): YieldToHost {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await nextTask();
    since = performance.now();
  };
}
