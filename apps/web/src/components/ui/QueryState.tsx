import { Button } from './Button';
import { Spinner } from './Spinner';

/** A view waiting for its data; the label says what is loading. */
export function LoadingState({ label }: { label: string }) {
  return (
    <p role="status" className="flex items-center gap-2 py-6 text-muted-foreground">
      <Spinner />
      {label}
    </p>
  );
}

interface ErrorStateProps {
  /** What could not be done ("Could not load the members."). */
  title: string;
  /** Why, usually the server's words. */
  detail: string;
  onRetry: () => void;
}

/** A view whose data failed to load, with a way to ask again. */
export function ErrorState({ title, detail, onRetry }: ErrorStateProps) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-border p-4">
      <div role="alert">
        <p className="font-medium">{title}</p>
        <p className="text-sm text-muted-foreground">{detail}</p>
      </div>
      <Button variant="secondary" size="sm" onClick={onRetry}>
        Retry
      </Button>
    </div>
  );
}
