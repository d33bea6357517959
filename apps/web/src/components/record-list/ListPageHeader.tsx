import { Plus } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from '../ui/Button';

interface ListPageHeaderProps {
  title: string;
  description: string;
  /** "New company"; left out for those who may not create. */
  createLabel?: string;
  onCreate?: () => void;
  /** Links or buttons beside the create button (the deals board). */
  actions?: ReactNode;
}

export function ListPageHeader({ title, description, createLabel, onCreate, actions }: ListPageHeaderProps) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <title>{`${title} · Spanner CRM`}</title>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{description}</p>
      </div>
      <div className="flex items-center gap-2">
        {actions}
        {createLabel && onCreate && (
          <Button icon={<Plus />} onClick={onCreate}>
            {createLabel}
          </Button>
        )}
      </div>
    </div>
  );
}
