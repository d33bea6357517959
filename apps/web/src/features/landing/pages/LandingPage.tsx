import { Button } from '../../../components/ui/Button';
import { Spinner } from '../../../components/ui/Spinner';
import { useHealth } from '../api';

export function LandingPage() {
  return (
    <section aria-labelledby="landing-title" className="mx-auto max-w-2xl">
      <title>Spanner CRM</title>
      <h1 id="landing-title" className="text-3xl font-semibold tracking-tight">
        Welcome to Spanner CRM
      </h1>
      <p className="mt-2 text-muted-foreground">Contacts, deals and project delivery in one place.</p>

      <div className="mt-8 rounded-lg border border-border p-5">
        <h2 className="text-sm font-medium text-muted-foreground">Server</h2>
        <div className="mt-2">
          <ServerHealth />
        </div>
      </div>
    </section>
  );
}

function ServerHealth() {
  const health = useHealth();

  // Also while Retry asks again: a query without data goes back to pending when it refetches.
  if (health.isPending) {
    return (
      <p role="status" className="flex items-center gap-2 text-muted-foreground">
        <Spinner />
        Checking the server…
      </p>
    );
  }

  if (health.isError) {
    return (
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div role="alert">
          <p className="font-medium">Could not reach the server.</p>
          <p className="text-sm text-muted-foreground">{health.error.message}</p>
        </div>
        <Button variant="secondary" size="sm" onClick={() => void health.refetch()}>
          Retry
        </Button>
      </div>
    );
  }

  return (
    <p className="flex items-center gap-2 font-mono">
      <span aria-hidden="true" className="size-2 rounded-full bg-success" />
      {`status: ${health.data.status}`}
    </p>
  );
}
