import { useId, useRef, useState, type ChangeEvent, type FocusEvent, type Ref } from 'react';
import { Input, Label, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatDayMonthYear } from '../text/format';
import { TAB_TEXT } from '../text/messages';

const TEXT = TAB_TEXT.print;

/** What was typed in the three boxes, as typed. */
export interface DayMonthYear {
  day: string;
  month: string;
  year: string;
}

export const NO_DATE: DayMonthYear = { day: '', month: '', year: '' };

export type CalendarDate = { year: number; month: number; day: number };

type Part = keyof DayMonthYear;

/** The date the boxes hold (none when all three are empty), or why it is not one, and which box is wrong. */
export type DateReading = { date?: CalendarDate } | { problem: string; wrong: Part[] };

const daysIn = (month: number, year: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function readDate({ day, month, year }: DayMonthYear): DateReading {
  const parts = { day: day.trim(), month: month.trim(), year: year.trim() };
  const empty = (Object.keys(parts) as Part[]).filter((p) => parts[p] === '');
  if (empty.length === 3) return {};
  if (empty.length > 0) return { problem: TEXT.dateIncomplete, wrong: empty };
  const notDigits = (Object.keys(parts) as Part[]).filter((p) => !/^\d+$/.test(parts[p]));
  if (notDigits.length > 0) return { problem: TEXT.dateDigits, wrong: notDigits };
  const [d, m, y] = [Number(parts.day), Number(parts.month), Number(parts.year)];
  if (parts.year.length !== 4 || y < 1000) return { problem: TEXT.badYear, wrong: ['year'] };
  if (m < 1 || m > 12) return { problem: TEXT.badMonth(m), wrong: ['month'] };
  const days = daysIn(m, y);
  if (d < 1 || d > days) return { problem: TEXT.badDay(formatDayMonthYear(d, m, y), m, y, days), wrong: ['day'] };
  return { date: { year: y, month: m, day: d } };
}

/** A whole date typed or pasted into the day box: "05/02/2025", "5.2.2025", "05022025". */
function wholeDate(text: string): DayMonthYear | null {
  const t = text.trim();
  const separated = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})$/.exec(t);
  if (separated) return { day: separated[1], month: separated[2], year: separated[3] };
  const run = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  return run ? { day: run[1], month: run[2], year: run[3] } : null;
}

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  boxes: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  two: { width: '4.5em' },
  four: { width: '6em' },
  hint: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * The date as Vietnamese write it, day first, in three boxes that cannot be
 * misread the way a browser's date box (mm/dd/yyyy in an English Office) is.
 * Typing moves on from a full day or month, so "05022025" typed in one go
 * is 5 February; a whole date pasted into the day box fills all three.
 */
export function DateFields({ value, onChange }: { value: DayMonthYear; onChange: (value: DayMonthYear) => void }) {
  const styles = useStyles();
  const id = useId();
  const month = useRef<HTMLInputElement>(null);
  const year = useRef<HTMLInputElement>(null);
  // A problem is said once focus has left the boxes, or when a full year is typed: not at the first digit of the day.
  const [left, setLeft] = useState(false);
  const reading = readDate(value);
  const problem = 'problem' in reading && (left || (value.year.trim().length >= 4 && reading.problem !== TEXT.dateIncomplete)) ? reading : null;
  const wrong = problem ? problem.wrong : [];
  const describedBy = `${id}-hint${problem ? ` ${id}-error` : ''}`;
  const leave = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setLeft(true);
  };

  const change = (part: Part, max: number, next?: HTMLInputElement | null) => (event: ChangeEvent<HTMLInputElement>) => {
    const text = event.target.value;
    const whole = part === 'day' ? wholeDate(text) : null;
    if (whole) {
      onChange(whole);
      year.current?.focus();
      return;
    }
    onChange({ ...value, [part]: text.slice(0, max) });
    // Only a box filled by typing its last digit hands on: a value set otherwise does not move focus.
    if (next && /^\d+$/.test(text) && text.length === max && text.length > value[part].length) next.focus();
  };

  const box = (part: Part, label: string, max: number, className: string, ref?: Ref<HTMLInputElement>, next?: () => HTMLInputElement | null) => (
    <div className={styles.box}>
      <Label htmlFor={`${id}-${part}`} size="small">
        {label}
      </Label>
      <Input
        id={`${id}-${part}`}
        ref={ref}
        className={className}
        inputMode="numeric"
        autoComplete="off"
        value={value[part]}
        aria-invalid={wrong.includes(part) || undefined}
        aria-describedby={describedBy}
        onChange={(event) => change(part, max, next?.())(event)}
      />
    </div>
  );

  return (
    <div role="group" aria-labelledby={`${id}-label`} className={styles.group} onBlur={leave}>
      <Label id={`${id}-label`}>{TEXT.date}</Label>
      <div className={styles.boxes}>
        {box('day', TEXT.day, 2, styles.two, undefined, () => month.current)}
        {box('month', TEXT.month, 2, styles.two, month, () => year.current)}
        {box('year', TEXT.year, 4, styles.four, year)}
      </div>
      <Text id={`${id}-hint`} size={200} className={styles.hint}>
        {TEXT.dateHint}
      </Text>
      {problem && (
        <Text id={`${id}-error`} size={200} className={styles.error} role="alert">
          {problem.problem}
        </Text>
      )}
    </div>
  );
}
