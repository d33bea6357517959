import { Link, Outlet } from 'react-router';

/** The frame around every page: skip link, header with the product name, main content. */
export function AppShell() {
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only rounded-md bg-background px-3 py-2 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:outline-2 focus:outline-ring"
      >
        Skip to content
      </a>
      <header className="border-b border-border">
        <div className="mx-auto flex h-14 max-w-5xl items-center px-4">
          <Link to="/" className="flex items-center gap-2 rounded-md font-semibold focus-visible:outline-2 focus-visible:outline-ring">
            <img src="/favicon.svg" alt="" className="size-6" />
            Spanner CRM
          </Link>
        </div>
      </header>
      {/* Focusable so the skip link moves keyboard focus here, not just the scroll position. */}
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10 focus:outline-none">
        <Outlet />
      </main>
    </div>
  );
}
