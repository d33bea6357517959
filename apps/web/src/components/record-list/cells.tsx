import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime, formatDay } from '../../lib/format';

/** The record's name, linking to its page. */
export function RecordLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="rounded-sm font-medium text-foreground hover:underline focus-visible:outline-2 focus-visible:outline-ring">
      {children}
    </Link>
  );
}

/** A cell's value, or a quiet dash when there is none. */
export function Maybe({ children }: { children: ReactNode }) {
  if (children === null || children === undefined || children === '') {
    return (
      <span className="text-muted-foreground">
        <span aria-hidden="true">—</span>
        <span className="sr-only">None</span>
      </span>
    );
  }
  return <>{children}</>;
}

export function DateTimeCell({ value }: { value: string | null }) {
  return <Maybe>{value && <time dateTime={value}>{formatDateTime(value)}</time>}</Maybe>;
}

export function DayCell({ value }: { value: string | null }) {
  return <Maybe>{value && <time dateTime={value}>{formatDay(value)}</time>}</Maybe>;
}
