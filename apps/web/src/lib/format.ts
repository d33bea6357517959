const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** An ISO timestamp in the reader's locale and time zone, with the time. */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

/** An ISO timestamp in the reader's locale and time zone, the day only. */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** An ISO instant as a `datetime-local` input's value (local time, to the minute). */
export function localInputValue(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A day (`2026-12-31`, no time zone) in the reader's locale. */
export function formatDay(day: string): string {
  return dateFormat.format(new Date(`${day}T00:00:00`));
}

const numberFormat = new Intl.NumberFormat();

/** An amount with its currency (`EUR 12,000.00` in the reader's locale); a bad code falls back to plain digits. */
export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
  } catch {
    return `${currency} ${numberFormat.format(amount)}`;
  }
}
