/**
 * What the task pane's components depend on, provided through context so
 * tests can render them with doubles.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { MergeFileReader } from './mergeReader';
import type { RubricDocumentReader } from './rubricReader';
import type { ExcelOperations } from '../app/operations';
import type { SettingsStore } from './settings';

export interface TaskpaneServices {
  operations: ExcelOperations;
  settings: SettingsStore;
  /** Reads the returned workbooks picked in the Tổng hợp tab. */
  readMergeFile: MergeFileReader;
  /** Imports the rubric from the Word document picked in the Bộ tiêu chí tab. */
  readRubricDocument: RubricDocumentReader;
  /** Keeps the full error for diagnosis; the user already sees it in a message bar. */
  logError(error: unknown): void;
  /** Starts loading what later actions need, once the first tab can be used (not before: it would compete for the line). */
  prefetch?(): void;
}

const ServicesContext = createContext<TaskpaneServices | null>(null);

export function ServicesProvider({ services, children }: { services: TaskpaneServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): TaskpaneServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside <ServicesProvider>');
  return services;
}
