/** How every host takes what the user typed, so the CLI and the pane agree. */

/** A name as typed: NFC, trimmed, and blank meaning "not given". */
export function typedName(text: string | undefined): string | undefined {
  return text?.normalize('NFC').trim() || undefined;
}

/** A day of the calendar, as the place–date line prints it. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}
