import { cx } from 'class-variance-authority';
import { useId, type ReactNode } from 'react';

interface CardProps {
  title: string;
  description?: ReactNode;
  /** Danger zone: a red edge for what cannot be undone. */
  tone?: 'default' | 'danger';
  children: ReactNode;
}

/** A titled section of a page, named by its heading. */
export function Card({ title, description, tone = 'default', children }: CardProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={cx('rounded-lg border p-5', tone === 'danger' ? 'border-danger-text/50' : 'border-border')}>
      <h2 id={headingId} className="text-base font-semibold">
        {title}
      </h2>
      {description !== undefined && <p className="mt-1 text-sm text-muted-foreground">{description}</p>}
      <div className="mt-4">{children}</div>
    </section>
  );
}
