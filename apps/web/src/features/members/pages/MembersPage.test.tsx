import type { Member, Role } from '@spanner/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { startSession } from '../../../lib/auth-session';
import { ada, engines, meAs, sessionAs, stubApi } from '../../../test/api-stub';
import { jsonResponse, renderApp } from '../../../test/render';

const joinedAt = '2025-02-01T09:00:00.000Z';
const olivia: Member = { userId: '01920000-0000-7000-8000-0000000000b1', email: 'olivia@example.com', name: 'Olivia Owner', role: 'owner', joinedAt };
const grace: Member = { userId: '01920000-0000-7000-8000-0000000000b2', email: 'grace@example.com', name: 'Grace Hopper', role: 'member', joinedAt };
const membersPath = `/api/v1/organizations/${engines.id}/members`;

function renderMembersAs(role: Role) {
  startSession(sessionAs(role));
  const self: Member = { userId: ada.id, email: ada.email, name: ada.name, role, joinedAt };
  const fetchMock = stubApi({
    'GET /api/v1/me': jsonResponse(meAs(role)),
    [`GET ${membersPath}`]: jsonResponse({ data: [olivia, self, grace] }),
    'GET /api/v1/invitations': jsonResponse({ data: [] }),
    [`PATCH ${membersPath}/${grace.userId}`]: ({ body }) => jsonResponse({ ...grace, ...(body as object) }),
  });
  renderApp('/settings/members');
  return fetchMock;
}

const requestedPaths = (fetchMock: ReturnType<typeof stubApi>) => fetchMock.mock.calls.map(([url]) => new URL(String(url), 'http://localhost').pathname);
const optionsOf = (select: HTMLElement) => within(select).getAllByRole('option').map((option) => option.textContent);

describe('MembersPage permissions', () => {
  it('shows a member the list only: no inviting, no role changes, no removing, and no admin links', async () => {
    const fetchMock = renderMembersAs('member');

    const table = await screen.findByRole('table', { name: 'Members' });
    expect(within(table).getByRole('row', { name: /Grace Hopper/ })).toHaveTextContent('Member');
    expect(within(table).queryAllByRole('combobox')).toEqual([]);
    expect(within(table).queryAllByRole('button')).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Send invitation' })).not.toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Pending invitations' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Leave organization' })).toBeInTheDocument();

    const nav = screen.getByRole('navigation', { name: 'Settings' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(['Profile', 'Organization', 'Members']);
    // Not even asked: the server would refuse a member.
    expect(requestedPaths(fetchMock)).not.toContain('/api/v1/invitations');
  });

  it('lets an admin manage members and invitations, but not owners nor make anyone owner', async () => {
    renderMembersAs('admin');

    const table = await screen.findByRole('table', { name: 'Members' });
    const graceRole = within(table).getByRole('combobox', { name: 'Role of Grace Hopper' });
    expect(optionsOf(graceRole)).toEqual(['Admin', 'Member', 'Viewer']);
    expect(within(table).getByRole('button', { name: 'Remove Grace Hopper' })).toBeInTheDocument();
    // The owner's row and the admin's own row stay read-only.
    expect(within(table).queryByRole('combobox', { name: 'Role of Olivia Owner' })).not.toBeInTheDocument();
    expect(within(table).queryByRole('button', { name: 'Remove Olivia Owner' })).not.toBeInTheDocument();
    expect(within(table).queryByRole('combobox', { name: 'Role of Ada Lovelace' })).not.toBeInTheDocument();

    expect(optionsOf(screen.getByRole('combobox', { name: 'Role' }))).toEqual(['Admin', 'Member', 'Viewer']);
    expect(await screen.findByText('No pending invitations')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Settings' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(['Profile', 'Organization', 'Members', 'API keys', 'Audit log']);
  });

  it('lets an owner make owners, and changes a role from its select', async () => {
    renderMembersAs('owner');

    const graceRole = await screen.findByRole('combobox', { name: 'Role of Grace Hopper' });
    expect(optionsOf(graceRole)).toEqual(['Owner', 'Admin', 'Member', 'Viewer']);
    expect(screen.getByRole('combobox', { name: 'Role of Olivia Owner' })).toBeInTheDocument();

    await userEvent.selectOptions(graceRole, 'admin');

    expect(await screen.findByText('Grace Hopper is now admin.')).toBeInTheDocument();
  });

  it('tells a member who opens an admin page why they cannot, without asking the server for it', async () => {
    startSession(sessionAs('member'));
    const fetchMock = stubApi({ 'GET /api/v1/me': jsonResponse(meAs('member')) });

    renderApp('/settings/api-keys');

    expect(await screen.findByRole('heading', { level: 1, name: 'You cannot open this page' })).toBeInTheDocument();
    expect(screen.getByText(/You are member in Analytical Engines/)).toBeInTheDocument();
    // A set: the shell and the page (whose code arrives later) may each ask for /me.
    expect(new Set(requestedPaths(fetchMock))).toEqual(new Set(['/api/v1/me']));
  });
});
