import { cx } from 'class-variance-authority';
import type { ComponentProps } from 'react';
import { controlClasses } from './control-classes';

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input {...props} className={cx(controlClasses, className)} />;
}
