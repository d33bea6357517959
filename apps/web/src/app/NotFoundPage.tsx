import { Link } from 'react-router';
import { buttonVariants } from '../components/ui/button-variants';

/** Any client route the router does not know; the server answers 200 with the app for deep links. */
export function NotFoundPage() {
  return (
    <section aria-labelledby="not-found-title" className="mx-auto max-w-md py-12 text-center">
      <title>Page not found · Spanner CRM</title>
      <p className="text-sm font-semibold text-muted-foreground">404</p>
      <h1 id="not-found-title" className="mt-2 text-3xl font-semibold tracking-tight">
        Page not found
      </h1>
      <p className="mt-3 text-muted-foreground">This page does not exist or has moved.</p>
      <Link to="/" className={buttonVariants({ className: 'mt-8' })}>
        Go to the home page
      </Link>
    </section>
  );
}
