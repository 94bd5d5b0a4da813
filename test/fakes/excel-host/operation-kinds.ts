/** Queued Office.js operations by kind, from the API path the fake host logs for each. */
export const OPERATION_KINDS = ['reads', 'names', 'contents', 'formatting', 'validation', 'conditionalFormats'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

export function kindOf(location: string): OperationKind {
  if (location.includes('.load(')) return 'reads';
  if (location.startsWith('names.') || location.startsWith('workbook.names')) return 'names';
  if (location.includes('.dataValidation.')) return 'validation';
  if (location.includes('.conditionalFormats')) return 'conditionalFormats';
  if (location.includes('.format.')) return 'formatting';
  // Values, formulas, number formats, merges, sheets, protection, page setup.
  return 'contents';
}

export function operationsByKind(locations: readonly string[]): Record<OperationKind, number> & { total: number } {
  const tally = { total: 0, reads: 0, names: 0, contents: 0, formatting: 0, validation: 0, conditionalFormats: 0 };
  for (const location of locations) {
    tally[kindOf(location)]++;
    tally.total++;
  }
  return tally;
}
