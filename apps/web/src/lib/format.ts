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
