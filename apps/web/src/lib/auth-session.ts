import type { SessionResponse } from '@spanner/contracts';
import { useSyncExternalStore } from 'react';

/**
 * Where the browser's session stands. `restoring` until the refresh cookie has been tried at start;
 * `signedOut` says why, so an explicit sign-out does not send the user back where they were.
 */
export type SessionState =
  | { status: 'restoring' }
  | { status: 'signedIn'; session: SessionResponse }
  | { status: 'signedOut'; reason: 'noSession' | 'signedOut' };

// In memory only: never localStorage, where any script on the origin could read the access token.
let state: SessionState = { status: 'restoring' };
const listeners = new Set<() => void>();

function update(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function getSessionState(): SessionState {
  return state;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** After sign-in, sign-up, a refresh or a switch of organization: the session the API answered. */
export function startSession(session: SessionResponse): void {
  update({ status: 'signedIn', session });
}

export function endSession(reason: 'noSession' | 'signedOut'): void {
  update({ status: 'signedOut', reason });
}

export function getAccessToken(): string | null {
  return state.status === 'signedIn' ? state.session.accessToken : null;
}

export function useSessionState(): SessionState {
  return useSyncExternalStore(subscribeSession, getSessionState);
}
