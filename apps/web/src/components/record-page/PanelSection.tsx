import { useId, type ReactNode } from 'react';

interface PanelSectionProps {
  title: string;
  /** A button or two beside the title ("Link contact"). */
  actions?: ReactNode;
  children: ReactNode;
}

/** A titled part of a record page (details, related records, tasks), named by its heading. */
export function PanelSection({ title, actions, children }: PanelSectionProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-lg border border-border p-4">
      <div className="flex min-h-8 flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold">
          {title}
        </h2>
        {actions !== undefined && <div className="flex items-center gap-1">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
