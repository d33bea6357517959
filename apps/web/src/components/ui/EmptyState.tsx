import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
}

/** What a list shows when it has nothing in it: what would be here, and how to add some. */
export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <div className="rounded-lg border border-dashed border-border px-6 py-10 text-center">
      <p className="font-medium">{title}</p>
      {children !== undefined && <div className="mt-2 text-sm text-muted-foreground">{children}</div>}
    </div>
  );
}
