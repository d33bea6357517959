import { Link, NavLink, Outlet, useNavigation } from 'react-router';
import { buttonVariants } from '../components/ui/button-variants';
import { UserMenu } from '../features/auth/components/UserMenu';
import { VerifyEmailBanner } from '../features/auth/components/VerifyEmailBanner';
import { OrganizationSwitcher } from '../features/organizations/components/OrganizationSwitcher';
import { useSessionState } from '../lib/auth-session';
import { CommandCenter } from './CommandCenter';

const mainLinks: { to: string; label: string; end?: boolean }[] = [
  { to: '/companies', label: 'Companies' },
  { to: '/contacts', label: 'Contacts' },
  // `end`: the board (/deals/board) is a link of its own, not a part of the list.
  { to: '/deals', label: 'Deals', end: true },
  { to: '/deals/board', label: 'Board' },
  { to: '/tasks', label: 'Tasks' },
  { to: '/trash', label: 'Trash' },
  { to: '/settings', label: 'Settings' },
];

/** The page you are on reads as chosen (and aria-current says so). */
const navLinkClasses = ({ isActive }: { isActive: boolean }) => buttonVariants({ variant: 'ghost', size: 'sm', className: isActive ? 'bg-muted' : undefined });

/** The frame around every page: skip link, header (with the account once signed in), main content. */
export function AppShell() {
  const session = useSessionState();
  // Pages download their code when first opened (routes.tsx); until it arrives the old page stays.
  const loadingPage = useNavigation().state === 'loading';

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only rounded-md bg-background px-3 py-2 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:outline-2 focus:outline-ring"
      >
        Skip to content
      </a>
      {loadingPage && <div aria-hidden="true" className="fixed inset-x-0 top-0 h-0.5 animate-pulse bg-primary" />}
      <p role="status" className="sr-only">
        {loadingPage ? 'Loading the page…' : ''}
      </p>
      <header className="border-b border-border">
        <div className="mx-auto flex min-h-14 max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
          <Link to="/" className="flex items-center gap-2 rounded-md font-semibold focus-visible:outline-2 focus-visible:outline-ring">
            <img src="/favicon.svg" alt="" className="size-6" />
            Spanner CRM
          </Link>
          {session.status === 'signedIn' && <OrganizationSwitcher />}
          <div className="ml-auto flex items-center gap-2">
            {session.status === 'signedIn' && (
              <>
                <CommandCenter />
                <nav aria-label="Main" className="flex flex-wrap items-center gap-1">
                  {mainLinks.map((link) => (
                    <NavLink key={link.to} to={link.to} end={link.end} className={navLinkClasses}>
                      {link.label}
                    </NavLink>
                  ))}
                </nav>
                <UserMenu />
              </>
            )}
            {session.status === 'signedOut' && (
              <>
                <Link to="/login" className={buttonVariants({ variant: 'ghost', size: 'sm' })}>
                  Sign in
                </Link>
                <Link to="/signup" className={buttonVariants({ size: 'sm' })}>
                  Create account
                </Link>
              </>
            )}
          </div>
        </div>
      </header>
      {session.status === 'signedIn' && <VerifyEmailBanner />}
      {/* Focusable so the skip link moves keyboard focus here, not just the scroll position. */}
      <main id="main" tabIndex={-1} aria-busy={loadingPage} className="mx-auto w-full max-w-6xl flex-1 px-4 py-10 focus:outline-none">
        <Outlet />
      </main>
    </div>
  );
}
