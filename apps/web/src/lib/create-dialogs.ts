import { useSyncExternalStore } from 'react';

export type CreatableKind = 'company' | 'contact' | 'deal';

/**
 * Which "New …" dialog is open, app-wide: the command palette and any page's call to action open one
 * with `openCreateDialog`, and the shell shows it (app/CreateDialogs.tsx). A tiny store rather than a
 * context, so the shell needs no provider around its pages.
 */
let requested: CreatableKind | null = null;
const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

export function openCreateDialog(kind: CreatableKind): void {
  requested = kind;
  notify();
}

export function closeCreateDialog(): void {
  requested = null;
  notify();
}

export function useRequestedCreateDialog(): CreatableKind | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => requested,
  );
}
