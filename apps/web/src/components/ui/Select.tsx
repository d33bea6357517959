import { cx } from 'class-variance-authority';
import type { ComponentProps } from 'react';
import { controlClasses } from './control-classes';

/** A native select: keyboard, screen reader and mobile pickers work as the platform makes them. */
export function Select({ className, ...props }: ComponentProps<'select'>) {
  return <select {...props} className={cx(controlClasses, 'pr-8', className)} />;
}
