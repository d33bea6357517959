import { Navigate, type RouteObject } from 'react-router';
import { ApiKeysPage } from '../features/api-keys/pages/ApiKeysPage';
import { AuditLogPage } from '../features/audit-log/pages/AuditLogPage';
import { AcceptInvitationPage } from '../features/auth/pages/AcceptInvitationPage';
import { ForgotPasswordPage } from '../features/auth/pages/ForgotPasswordPage';
import { LoginPage } from '../features/auth/pages/LoginPage';
import { ResetPasswordPage } from '../features/auth/pages/ResetPasswordPage';
import { SignupPage } from '../features/auth/pages/SignupPage';
import { VerifyEmailPage } from '../features/auth/pages/VerifyEmailPage';
import { CompaniesPage } from '../features/companies/pages/CompaniesPage';
import { CompanyRecordPage } from '../features/companies/pages/CompanyRecordPage';
import { ContactRecordPage } from '../features/contacts/pages/ContactRecordPage';
import { ContactsPage } from '../features/contacts/pages/ContactsPage';
import { DealRecordPage } from '../features/deals/pages/DealRecordPage';
import { DealsPage } from '../features/deals/pages/DealsPage';
import { DealsBoardPage } from '../features/deals-board/pages/DealsBoardPage';
import { LandingPage } from '../features/landing/pages/LandingPage';
import { MembersPage } from '../features/members/pages/MembersPage';
import { OrganizationSettingsPage } from '../features/organizations/pages/OrganizationSettingsPage';
import { ProfilePage } from '../features/profile/pages/ProfilePage';
import { MyTasksPage } from '../features/tasks/pages/MyTasksPage';
import { TrashPage } from '../features/trash/pages/TrashPage';
import { AccountGate, PermissionGate } from './AccountGate';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorPage } from './RouteErrorPage';
import { GuestOnly, RequireSession } from './SessionGates';
import { SettingsLayout } from './SettingsLayout';

export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    children: [
      {
        // Inside the shell, so a page that throws keeps the header and its way home.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <LandingPage /> },
          {
            element: <GuestOnly />,
            children: [
              { path: 'login', element: <LoginPage /> },
              { path: 'signup', element: <SignupPage /> },
            ],
          },
          // From emailed links: they work signed in or not.
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'reset-password', element: <ResetPasswordPage /> },
          { path: 'verify-email', element: <VerifyEmailPage /> },
          { path: 'accept-invitation', element: <AcceptInvitationPage /> },
          {
            element: <RequireSession />,
            children: [
              {
                path: 'companies',
                element: (
                  <PermissionGate permission="records.read">
                    {(organization, me) => <CompaniesPage key={organization.id} organization={organization} currentUserId={me.user.id} />}
                  </PermissionGate>
                ),
              },
              {
                path: 'contacts',
                element: (
                  <PermissionGate permission="records.read">
                    {(organization, me) => <ContactsPage key={organization.id} organization={organization} currentUserId={me.user.id} />}
                  </PermissionGate>
                ),
              },
              {
                path: 'deals',
                element: (
                  <PermissionGate permission="records.read">
                    {(organization, me) => <DealsPage key={organization.id} organization={organization} currentUserId={me.user.id} />}
                  </PermissionGate>
                ),
              },
              {
                path: 'companies/:id',
                element: (
                  <PermissionGate permission="records.read">
                    {(organization, me) => <CompanyRecordPage key={organization.id} organization={organization} currentUserId={me.user.id} />}
                  </PermissionGate>
                ),
              },
              {
                path: 'contacts/:id',
                element: (
                  <PermissionGate permission="records.read">
                    {(organization, me) => <ContactRecordPage key={organization.id} organization={organization} currentUserId={me.user.id} />}
                  </PermissionGate>
                ),
              },
              {
                path: 'deals/:id',
                element: (
                  <PermissionGate permission="records.read">
                    {(organization, me) => <DealRecordPage key={organization.id} organization={organization} currentUserId={me.user.id} />}
                  </PermissionGate>
                ),
              },
              {
                path: 'deals/board',
                element: <PermissionGate permission="records.read">{(organization) => <DealsBoardPage key={organization.id} organization={organization} />}</PermissionGate>,
              },
              {
                path: 'tasks',
                element: (
                  <PermissionGate permission="records.read">
                    {(organization, me) => <MyTasksPage key={organization.id} organization={organization} currentUserId={me.user.id} />}
                  </PermissionGate>
                ),
              },
              {
                path: 'trash',
                element: <PermissionGate permission="records.read">{(organization) => <TrashPage key={organization.id} organization={organization} />}</PermissionGate>,
              },
              {
                path: 'settings',
                element: <SettingsLayout />,
                children: [
                  { index: true, element: <Navigate to="profile" replace /> },
                  { path: 'profile', element: <AccountGate>{(me) => <ProfilePage user={me.user} />}</AccountGate> },
                  {
                    path: 'organization',
                    element: (
                      <PermissionGate permission="organization.read">
                        {(organization) => <OrganizationSettingsPage key={organization.id} organization={organization} />}
                      </PermissionGate>
                    ),
                  },
                  {
                    path: 'members',
                    element: (
                      <PermissionGate permission="members.read">
                        {(organization, me) => <MembersPage key={organization.id} organization={organization} currentUserId={me.user.id} />}
                      </PermissionGate>
                    ),
                  },
                  {
                    path: 'api-keys',
                    element: <PermissionGate permission="apiKeys.manage">{(organization) => <ApiKeysPage key={organization.id} organization={organization} />}</PermissionGate>,
                  },
                  {
                    path: 'audit-log',
                    element: <PermissionGate permission="auditLog.read">{(organization) => <AuditLogPage key={organization.id} organization={organization} />}</PermissionGate>,
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
