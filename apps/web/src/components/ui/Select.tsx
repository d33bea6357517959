import { cx } from 'class-variance-authority';
import type { ComponentProps } from 'react';
import { controlClasses } from './control-classes';

/** A native select: keyboard, screen reader and mobile pickers work as the platform makes them. */
export function Select({ className, ...props }: ComponentProps<'select'>) {
  return <select {...props} className={cx(controlClasses, 'pr-8', className)} />;
}

export interface SelectOption {
  value: string;
  label: string;
}

/** The `<option>`s of a list of values and labels. */
export function SelectOptions({ options }: { options: readonly SelectOption[] }) {
  return options.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ));
}
