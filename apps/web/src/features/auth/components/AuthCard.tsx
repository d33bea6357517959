import type { ReactNode } from 'react';

interface AuthCardProps {
  /** The page's h1 and, with the product name, its document title. */
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Links to the neighbouring pages (sign up, forgot password…). */
  footer?: ReactNode;
}

/** The narrow, centred frame of the pages that get someone into an account. */
export function AuthCard({ title, description, children, footer }: AuthCardProps) {
  return (
    <section aria-labelledby="auth-title" className="mx-auto w-full max-w-sm py-4">
      <title>{`${title} · Spanner CRM`}</title>
      <h1 id="auth-title" className="text-2xl font-semibold tracking-tight">
        {title}
      </h1>
      {description !== undefined && <p className="mt-2 text-muted-foreground">{description}</p>}
      <div className="mt-6">{children}</div>
      {footer !== undefined && <div className="mt-6 flex flex-col gap-2 text-sm text-muted-foreground">{footer}</div>}
    </section>
  );
}
