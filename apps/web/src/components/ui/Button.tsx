import type { ComponentProps, ReactNode } from 'react';
import { buttonVariants, type ButtonVariantProps } from './button-variants';
import { Spinner } from './Spinner';

type NativeButtonProps = Omit<ComponentProps<'button'>, 'children' | 'aria-label'>;

interface ButtonOwnProps {
  variant?: ButtonVariantProps['variant'];
  size?: ButtonVariantProps['size'];
  /** Shows a spinner in place of the icon, sets aria-busy and disables the button. */
  loading?: boolean;
  /** Drawn before the label and hidden from assistive technology. */
  icon?: ReactNode;
}

/** Every button has an accessible name: its text, or for an icon-only button an aria-label. */
type ButtonNameProps =
  | { children: ReactNode; 'aria-label'?: string }
  | { children?: never; icon: ReactNode; 'aria-label': string };

export type ButtonProps = NativeButtonProps & ButtonOwnProps & ButtonNameProps;

export function Button({
  variant,
  size,
  loading = false,
  icon,
  disabled,
  className,
  children,
  type = 'button',
  ...props
}: ButtonProps) {
  const decoration = loading ? <Spinner /> : icon;
  return (
    <button
      {...props}
      // `button`, not the HTML default `submit`: a form is submitted only by a button that says so.
      type={type}
      className={buttonVariants({ variant, size, iconOnly: children === undefined, className })}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
    >
      {decoration && (
        <span aria-hidden="true" className="inline-flex shrink-0 [&_svg]:size-4">
          {decoration}
        </span>
      )}
      {children}
    </button>
  );
}
