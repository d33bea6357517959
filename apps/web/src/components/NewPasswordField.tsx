import { MIN_PASSWORD_LENGTH } from '@spanner/contracts';
import type { ComponentProps } from 'react';
import { TextField } from './ui/FormField';

type NewPasswordFieldProps = Omit<ComponentProps<typeof TextField>, 'type' | 'autoComplete' | 'description'>;

/** A password being chosen: the rule is said before the user trips over it, and password managers offer one. */
export function NewPasswordField(props: NewPasswordFieldProps) {
  return (
    <TextField
      type="password"
      autoComplete="new-password"
      description={`At least ${MIN_PASSWORD_LENGTH} characters; a passphrase of a few words works well.`}
      {...props}
    />
  );
}
