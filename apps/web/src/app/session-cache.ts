import type { MeResponse } from '@spanner/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { getSessionState, subscribeSession, type SessionState } from '../lib/auth-session';
import { meQueryKey } from '../lib/current-user';

/**
 * Cached answers belong to one user acting in one organization. A sign-in after a sign-out starts
 * from an empty cache (whoever signs in, and wherever the server puts them); a switch of organization
 * starts every view afresh, keeping only the profile, which the new session already updates (so the
 * header and the permissions follow at once). Signing out leaves the clearing to the next sign-in:
 * clearing then would cancel requests in flight on public pages and leave them loading forever.
 */
export function keepCacheWithSession(queryClient: QueryClient): () => void {
  let previous = getSessionState();
  return subscribeSession(() => {
    const state = getSessionState();
    if (state.status === 'signedIn') {
      if (previous.status === 'signedOut' || (previous.status === 'signedIn' && previous.session.user.id !== state.session.user.id)) {
        queryClient.clear();
      } else if (previous.status === 'signedIn' && organizationIdOf(previous) !== organizationIdOf(state)) {
        const { user, organization } = state.session;
        queryClient.setQueryData<MeResponse>(meQueryKey, (me) => me && { ...me, user, organization });
        void queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
        void queryClient.invalidateQueries({ queryKey: meQueryKey });
      }
    }
    previous = state;
  });
}

function organizationIdOf(state: SessionState & { status: 'signedIn' }): string | null {
  return state.session.organization?.id ?? null;
}
