import type { RouteObject } from 'react-router';
import { LandingPage } from '../features/landing/pages/LandingPage';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorPage } from './RouteErrorPage';

export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    children: [
      {
        // Inside the shell, so a page that throws keeps the header and its way home.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <LandingPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
