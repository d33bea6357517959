import { cx } from 'class-variance-authority';
import type { ComponentProps, ReactNode } from 'react';

interface TableProps {
  /** Names the table for assistive technology (visually hidden). */
  caption: string;
  children: ReactNode;
}

/** A data table that scrolls sideways on narrow screens instead of squeezing its columns. */
export function Table({ caption, children }: TableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function TableHead({ children }: { children: ReactNode }) {
  return (
    <thead className="border-b border-border bg-muted text-xs font-medium text-muted-foreground">
      <tr>{children}</tr>
    </thead>
  );
}

export function HeaderCell({ className, ...props }: ComponentProps<'th'>) {
  return <th scope="col" {...props} className={cx('px-3 py-2 font-medium whitespace-nowrap', className)} />;
}

/** The header of a column of row buttons: named for screen readers, blank on screen. */
export function ActionsHeaderCell() {
  return (
    <HeaderCell>
      <span className="sr-only">Actions</span>
    </HeaderCell>
  );
}

export function TableBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-border">{children}</tbody>;
}

export function Cell({ className, ...props }: ComponentProps<'td'>) {
  return <td {...props} className={cx('px-3 py-2 align-middle', className)} />;
}
