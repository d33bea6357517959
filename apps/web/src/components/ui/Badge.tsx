import { cva, type VariantProps } from 'class-variance-authority';
import type { ReactNode } from 'react';

const badgeVariants = cva('inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap', {
  variants: {
    tone: {
      neutral: 'border-border bg-muted text-foreground',
      primary: 'border-primary/30 bg-primary/10 text-foreground',
      success: 'border-success/40 bg-success/10 text-foreground',
      warning: 'border-warning/50 bg-warning/15 text-foreground',
      danger: 'border-danger-text/40 bg-danger-text/10 text-foreground',
    },
  },
  defaultVariants: { tone: 'neutral' },
});

interface BadgeProps extends VariantProps<typeof badgeVariants> {
  children: ReactNode;
  className?: string;
}

export function Badge({ tone, className, children }: BadgeProps) {
  return <span className={badgeVariants({ tone, className })}>{children}</span>;
}
