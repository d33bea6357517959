import { CircleAlert } from 'lucide-react';

/** A form's own error (not a field's): announced as soon as it appears. */
export function FormAlert({ message }: { message: string | undefined }) {
  if (message === undefined) return null;
  return (
    <div role="alert" className="flex items-start gap-2 rounded-md border border-danger-text/40 bg-danger-text/10 px-3 py-2 text-sm">
      <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-danger-text" />
      <p>{message}</p>
    </div>
  );
}
