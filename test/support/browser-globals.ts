/**
 * jsdom lacks TextEncoder and TextDecoder, which every browser the task pane
 * runs in has (and which the rubric fingerprint and the package reader use);
 * the pane's tests get Node's, the same WHATWG implementation.
 */
import { TextDecoder, TextEncoder } from 'util';

const scope = globalThis as Record<string, unknown>;
scope.TextEncoder ??= TextEncoder;
scope.TextDecoder ??= TextDecoder;
