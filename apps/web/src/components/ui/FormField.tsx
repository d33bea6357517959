import { cx } from 'class-variance-authority';
import { useId, type ComponentProps, type ReactNode } from 'react';
import { Input } from './Input';
import { Select } from './Select';

/** What a field's control needs to be named by its label and described by its hint and error. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FormFieldProps {
  label: ReactNode;
  /** Shown under the control in place of the description, and read out with it. */
  error?: string | undefined;
  description?: ReactNode;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** A label, a control and its hint or error, wired together for assistive technology. */
export function FormField({ label, error, description, className, children }: FormFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const hasHint = error !== undefined || description !== undefined;
  return (
    <div className={cx('flex flex-col gap-1.5', className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children({ id, 'aria-invalid': error !== undefined || undefined, 'aria-describedby': hasHint ? hintId : undefined })}
      {error !== undefined ? (
        <p id={hintId} className="text-sm text-danger-text">
          {error}
        </p>
      ) : (
        description !== undefined && (
          <p id={hintId} className="text-sm text-muted-foreground">
            {description}
          </p>
        )
      )}
    </div>
  );
}

type FieldChrome = Pick<FormFieldProps, 'label' | 'error' | 'description'>;

export function TextField({ label, error, description, className, ...inputProps }: FieldChrome & ComponentProps<'input'>) {
  return (
    <FormField label={label} error={error} description={description} className={className}>
      {(control) => <Input {...inputProps} {...control} />}
    </FormField>
  );
}

export function SelectField({ label, error, description, className, ...selectProps }: FieldChrome & ComponentProps<'select'>) {
  return (
    <FormField label={label} error={error} description={description} className={className}>
      {(control) => <Select {...selectProps} {...control} />}
    </FormField>
  );
}
