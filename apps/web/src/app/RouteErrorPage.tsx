import { Button } from '../components/ui/Button';

/** Shown in the shell when a page throws while rendering, instead of a blank screen. */
export function RouteErrorPage() {
  return (
    <section aria-labelledby="route-error-title" className="mx-auto max-w-md py-12 text-center">
      <title>Something went wrong · Spanner CRM</title>
      <h1 id="route-error-title" className="text-3xl font-semibold tracking-tight">
        Something went wrong
      </h1>
      <p className="mt-3 text-muted-foreground">An unexpected error stopped this page. Reloading usually helps.</p>
      <Button className="mt-8" onClick={() => window.location.reload()}>
        Reload the page
      </Button>
    </section>
  );
}
