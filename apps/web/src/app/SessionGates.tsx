import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { LoadingState } from '../components/ui/QueryState';
import { useSessionState } from '../lib/auth-session';
import { safeReturnPath, withReturnPath } from '../lib/return-path';

const restoring = <LoadingState label="Restoring your session…" />;

/** Pages for signed-in users. Anyone else goes to sign in, and comes back here after. */
export function RequireSession() {
  const state = useSessionState();
  const location = useLocation();
  if (state.status === 'restoring') return restoring;
  if (state.status === 'signedOut') {
    // After an explicit sign-out, "come back here" would hand the page to whoever signs in next.
    const returnTo = state.reason === 'signedOut' ? null : `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={withReturnPath('/login', returnTo)} replace />;
  }
  return <Outlet />;
}

/** Sign-in and sign-up: a signed-in user goes on to `?next=` (or home) instead. */
export function GuestOnly() {
  const state = useSessionState();
  const [searchParams] = useSearchParams();
  if (state.status === 'restoring') return restoring;
  if (state.status === 'signedIn') return <Navigate to={safeReturnPath(searchParams.get('next'))} replace />;
  return <Outlet />;
}
