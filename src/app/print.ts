/** The printed document: its place–date line, and the dates hosts take for it. */
export { parseIsoDate, placeDateLine } from '../layout/document';

/** A day of the calendar, as the place–date line prints it. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}
