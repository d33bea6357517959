import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { Toaster } from 'sonner';
import { createQueryClient } from './query-client';
import { keepCacheWithSession } from './session-cache';

interface AppProvidersProps {
  children: ReactNode;
  /** Tests pass their own client (no retries, fresh cache). */
  queryClient?: QueryClient;
}

export function AppProviders({ children, queryClient }: AppProvidersProps) {
  // One client for the app's lifetime; creating it in render would drop the cache on every render.
  const [client] = useState(() => queryClient ?? createQueryClient());
  useEffect(() => keepCacheWithSession(client), [client]);
  return (
    <QueryClientProvider client={client}>
      {children}
      <Toaster theme="system" position="bottom-right" closeButton />
    </QueryClientProvider>
  );
}
