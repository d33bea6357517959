import { Navigate, type RouteObject } from 'react-router';
import { LoadingState } from '../components/ui/QueryState';
import { LandingPage } from '../features/landing/pages/LandingPage';
import { AccountGate, PermissionGate } from './AccountGate';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorPage } from './RouteErrorPage';
import { GuestOnly, RequireSession } from './SessionGates';
import { SettingsLayout } from './SettingsLayout';

// Every page but the landing and not-found pages is `lazy`: its code (and the libraries only it
// uses, such as the board's drag and drop and charts or the record pages' Markdown) downloads when
// it is first opened. The router waits for it before it shows the page: AppShell shows that
// navigation, and on the first load the page's place shows `HydrateFallback`.
export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    children: [
      {
        // Inside the shell, so a page that throws (or whose code fails to download) keeps the header and its way home.
        errorElement: <RouteErrorPage />,
        HydrateFallback: PageLoading,
        children: [
          { index: true, element: <LandingPage /> },
          {
            element: <GuestOnly />,
            children: [
              {
                path: 'login',
                lazy: async () => {
                  const { LoginPage } = await import('../features/auth/pages/LoginPage');
                  return { Component: LoginPage };
                },
              },
              {
                path: 'signup',
                lazy: async () => {
                  const { SignupPage } = await import('../features/auth/pages/SignupPage');
                  return { Component: SignupPage };
                },
              },
            ],
          },
          // From emailed links: they work signed in or not.
          {
            path: 'forgot-password',
            lazy: async () => {
              const { ForgotPasswordPage } = await import('../features/auth/pages/ForgotPasswordPage');
              return { Component: ForgotPasswordPage };
            },
          },
          {
            path: 'reset-password',
            lazy: async () => {
              const { ResetPasswordPage } = await import('../features/auth/pages/ResetPasswordPage');
              return { Component: ResetPasswordPage };
            },
          },
          {
            path: 'verify-email',
            lazy: async () => {
              const { VerifyEmailPage } = await import('../features/auth/pages/VerifyEmailPage');
              return { Component: VerifyEmailPage };
            },
          },
          {
            path: 'accept-invitation',
            lazy: async () => {
              const { AcceptInvitationPage } = await import('../features/auth/pages/AcceptInvitationPage');
              return { Component: AcceptInvitationPage };
            },
          },
          {
            element: <RequireSession />,
            children: [
              {
                path: 'companies',
                lazy: async () => {
                  const { CompaniesPage } = await import('../features/companies/pages/CompaniesPage');
                  return {
                    element: (
                      <PermissionGate permission="records.read">
                        {(organization, me) => <CompaniesPage key={organization.id} organization={organization} currentUserId={me.user.id} />}
                      </PermissionGate>
                    ),
                  };
                },
              },
              {
                path: 'contacts',
                lazy: async () => {
                  const { ContactsPage } = await import('../features/contacts/pages/ContactsPage');
                  return {
                    element: (
                      <PermissionGate permission="records.read">
                        {(organization, me) => <ContactsPage key={organization.id} organization={organization} currentUserId={me.user.id} />}
                      </PermissionGate>
                    ),
                  };
                },
              },
              {
                path: 'deals',
                lazy: async () => {
                  const { DealsPage } = await import('../features/deals/pages/DealsPage');
                  return {
                    element: (
                      <PermissionGate permission="records.read">
                        {(organization, me) => <DealsPage key={organization.id} organization={organization} currentUserId={me.user.id} />}
                      </PermissionGate>
                    ),
                  };
                },
              },
              {
                path: 'companies/:id',
                lazy: async () => {
                  const { CompanyRecordPage } = await import('../features/companies/pages/CompanyRecordPage');
                  return {
                    element: (
                      <PermissionGate permission="records.read">
                        {(organization, me) => <CompanyRecordPage key={organization.id} organization={organization} currentUserId={me.user.id} />}
                      </PermissionGate>
                    ),
                  };
                },
              },
              {
                path: 'contacts/:id',
                lazy: async () => {
                  const { ContactRecordPage } = await import('../features/contacts/pages/ContactRecordPage');
                  return {
                    element: (
                      <PermissionGate permission="records.read">
                        {(organization, me) => <ContactRecordPage key={organization.id} organization={organization} currentUserId={me.user.id} />}
                      </PermissionGate>
                    ),
                  };
                },
              },
              {
                path: 'deals/:id',
                lazy: async () => {
                  const { DealRecordPage } = await import('../features/deals/pages/DealRecordPage');
                  return {
                    element: (
                      <PermissionGate permission="records.read">
                        {(organization, me) => <DealRecordPage key={organization.id} organization={organization} currentUserId={me.user.id} />}
                      </PermissionGate>
                    ),
                  };
                },
              },
              {
                path: 'deals/board',
                lazy: async () => {
                  const { DealsBoardPage } = await import('../features/deals-board/pages/DealsBoardPage');
                  return {
                    element: <PermissionGate permission="records.read">{(organization) => <DealsBoardPage key={organization.id} organization={organization} />}</PermissionGate>,
                  };
                },
              },
              {
                path: 'tasks',
                lazy: async () => {
                  const { MyTasksPage } = await import('../features/tasks/pages/MyTasksPage');
                  return {
                    element: (
                      <PermissionGate permission="records.read">
                        {(organization, me) => <MyTasksPage key={organization.id} organization={organization} currentUserId={me.user.id} />}
                      </PermissionGate>
                    ),
                  };
                },
              },
              {
                path: 'trash',
                lazy: async () => {
                  const { TrashPage } = await import('../features/trash/pages/TrashPage');
                  return {
                    element: <PermissionGate permission="records.read">{(organization) => <TrashPage key={organization.id} organization={organization} />}</PermissionGate>,
                  };
                },
              },
              {
                path: 'settings',
                element: <SettingsLayout />,
                children: [
                  { index: true, element: <Navigate to="profile" replace /> },
                  {
                    path: 'profile',
                    lazy: async () => {
                      const { ProfilePage } = await import('../features/profile/pages/ProfilePage');
                      return { element: <AccountGate>{(me) => <ProfilePage user={me.user} />}</AccountGate> };
                    },
                  },
                  {
                    path: 'organization',
                    lazy: async () => {
                      const { OrganizationSettingsPage } = await import('../features/organizations/pages/OrganizationSettingsPage');
                      return {
                        element: (
                          <PermissionGate permission="organization.read">
                            {(organization) => <OrganizationSettingsPage key={organization.id} organization={organization} />}
                          </PermissionGate>
                        ),
                      };
                    },
                  },
                  {
                    path: 'members',
                    lazy: async () => {
                      const { MembersPage } = await import('../features/members/pages/MembersPage');
                      return {
                        element: (
                          <PermissionGate permission="members.read">
                            {(organization, me) => <MembersPage key={organization.id} organization={organization} currentUserId={me.user.id} />}
                          </PermissionGate>
                        ),
                      };
                    },
                  },
                  {
                    path: 'api-keys',
                    lazy: async () => {
                      const { ApiKeysPage } = await import('../features/api-keys/pages/ApiKeysPage');
                      return {
                        element: <PermissionGate permission="apiKeys.manage">{(organization) => <ApiKeysPage key={organization.id} organization={organization} />}</PermissionGate>,
                      };
                    },
                  },
                  {
                    path: 'audit-log',
                    lazy: async () => {
                      const { AuditLogPage } = await import('../features/audit-log/pages/AuditLogPage');
                      return {
                        element: <PermissionGate permission="auditLog.read">{(organization) => <AuditLogPage key={organization.id} organization={organization} />}</PermissionGate>,
                      };
                    },
                  },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

/** The page's place while its code downloads on the first load. */
function PageLoading() {
  return <LoadingState label="Loading the page…" />;
}
