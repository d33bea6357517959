import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { PASSWORD, linkFromMail, signUp, uniqueEmail } from './identity-api';

const switcher = (page: Page) => page.getByRole('button', { name: /^Organization: / });
const verifyBanner = (page: Page) => page.getByRole('region', { name: 'Email verification' });

test('an owner signs up, verifies, invites a teammate who joins through the link, and a role change shows on both sides', async ({ page, newPersonPage }) => {
  const ownerEmail = uniqueEmail('owner');
  await page.goto('/signup');
  await page.getByLabel('Your name').fill('Ada Lovelace');
  await page.getByLabel('Email', { exact: true }).fill(ownerEmail);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Organization name', { exact: true }).fill('Analytical Engines');
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page).toHaveURL('/');
  await expect(switcher(page)).toHaveAccessibleName('Organization: Analytical Engines Owner');
  await expect(verifyBanner(page)).toContainText(ownerEmail);

  await page.goto(await linkFromMail(ownerEmail, '/verify-email'));
  await expect(page.getByText('Your email address is verified.')).toBeVisible();
  await expect(switcher(page)).toBeVisible();
  await expect(verifyBanner(page)).toHaveCount(0);

  const teammateEmail = uniqueEmail('teammate');
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Members' }).click();
  await expect(page.getByText('No pending invitations')).toBeVisible();
  await page.getByLabel('Email to invite').fill(teammateEmail);
  await page.getByLabel('Role').selectOption('member');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${teammateEmail}.`)).toBeVisible();
  const invitations = page.getByRole('table', { name: 'Pending invitations' });
  await expect(invitations.getByRole('row', { name: new RegExp(teammateEmail) })).toContainText('Pending');

  // The teammate, in a browser of their own, opens the emailed link and signs up through it.
  const teammate = await newPersonPage();
  await teammate.goto(await linkFromMail(teammateEmail, '/accept-invitation'));
  await expect(teammate.getByRole('heading', { level: 1, name: 'Join Analytical Engines' })).toBeVisible();
  await expect(teammate.getByLabel('Email', { exact: true })).toHaveValue(teammateEmail);
  await teammate.getByLabel('Your name').fill('Grace Hopper');
  await teammate.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await teammate.getByRole('button', { name: 'Create account and join' }).click();
  await expect(teammate).toHaveURL('/');
  await expect(switcher(teammate)).toHaveAccessibleName('Organization: Analytical Engines Member');
  // The link proved the address: nothing left to verify.
  await expect(verifyBanner(teammate)).toHaveCount(0);

  // Opening the page again asks again: the invitation is taken, the teammate is in.
  const settingsNav = page.getByRole('navigation', { name: 'Settings' });
  await settingsNav.getByRole('link', { name: 'Profile' }).click();
  await settingsNav.getByRole('link', { name: 'Members' }).click();
  await expect(invitations).toHaveCount(0);
  await expect(page.getByText('No pending invitations')).toBeVisible();
  await page.getByRole('combobox', { name: 'Role of Grace Hopper' }).selectOption('admin');
  await expect(page.getByText('Grace Hopper is now admin.')).toBeVisible();

  // The teammate's next page shows the new role: in the switcher, and in what the page offers.
  await teammate.getByRole('link', { name: 'Settings' }).click();
  await teammate.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Members' }).click();
  await expect(switcher(teammate)).toHaveAccessibleName('Organization: Analytical Engines Admin');
  await expect(teammate.getByRole('button', { name: 'Send invitation' })).toBeVisible();
  await expect(teammate.getByRole('row', { name: /Grace Hopper/ })).toContainText('Admin');
});

test('signing in brings you to the page you asked for; signing out ends the session', async ({ page, request, expectConsoleError }) => {
  const { email } = await signUp(request, { name: 'Katherine Johnson', organizationName: 'Trajectories', label: 'signin' });

  await page.goto('/settings/profile');
  await expect(page).toHaveURL('/login?next=%2Fsettings%2Fprofile');

  expectConsoleError({ text: /status of 401/, url: /\/api\/v1\/auth\/login$/ });
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill('not the right password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL('/settings/profile');
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Katherine Johnson');

  await page.getByRole('button', { name: 'Account: Katherine Johnson' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL('/login');
  await expect(page.getByText('You are signed out.')).toBeVisible();

  // A fresh load: the cookie is gone with the session, so nothing restores it.
  await page.goto('/settings/members');
  await expect(page).toHaveURL('/login?next=%2Fsettings%2Fmembers');
});

test('a forgotten password is reset through the emailed link', async ({ page, request }) => {
  const { email } = await signUp(request, { name: 'Hedy Lamarr', organizationName: 'Frequency Hopping', label: 'reset' });
  const newPassword = 'a different long passphrase';

  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your inbox' })).toBeVisible();

  await page.goto(await linkFromMail(email, '/reset-password'));
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page).toHaveURL('/login');
  await expect(page.getByText('Your password has changed. Sign in with the new one.')).toBeVisible();

  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('button', { name: 'Account: Hedy Lamarr' })).toBeVisible();
});

test('an API key shows its secret once, works, and stops working when revoked', async ({ page, request }) => {
  const { session } = await signUp(page.request, { name: 'Margaret Hamilton', organizationName: 'Apollo Guidance', label: 'apikey' });
  const membersPath = `/api/v1/organizations/${session.organization!.id}/members`;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);

  await page.goto('/settings/api-keys');
  await expect(page.getByText('No API keys yet')).toBeVisible();
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create API key' });
  await dialog.getByLabel('Key name').fill('Zapier sync');
  await dialog.getByLabel('Role').selectOption('viewer');
  await dialog.getByRole('button', { name: 'Create key' }).click();

  const secretDialog = page.getByRole('dialog', { name: 'Copy your new API key' });
  const secret = await secretDialog.getByLabel('Secret of Zapier sync').inputValue();
  expect(secret).toMatch(/^spk_/);
  await secretDialog.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByText('The secret is copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  expect((await request.get(membersPath, { headers: { authorization: `Bearer ${secret}` } })).status()).toBe(200);

  await secretDialog.getByRole('button', { name: 'Done' }).click();
  await expect(secretDialog).toHaveCount(0);
  const row = page.getByRole('table', { name: 'API keys' }).getByRole('row', { name: /Zapier sync/ });
  await expect(row).toContainText('Viewer');
  await expect(row).toContainText(secret.slice(0, 8));
  // Shown once: after the dialog, the page holds no trace of the secret, and opening it again shows none.
  expect(await page.content()).not.toContain(secret);
  const settingsNav = page.getByRole('navigation', { name: 'Settings' });
  await settingsNav.getByRole('link', { name: 'Profile' }).click();
  await settingsNav.getByRole('link', { name: 'API keys' }).click();
  await expect(row).toBeVisible();
  expect(await page.content()).not.toContain(secret);

  await row.getByRole('button', { name: 'Revoke Zapier sync' }).click();
  await page.getByRole('dialog', { name: 'Revoke Zapier sync?' }).getByRole('button', { name: 'Revoke key' }).click();
  await expect(page.getByText('Zapier sync is revoked.')).toBeVisible();
  await expect(page.getByText('No API keys yet')).toBeVisible();
  expect((await request.get(membersPath, { headers: { authorization: `Bearer ${secret}` } })).status()).toBe(401);
});

test('the organization switcher creates an organization and moves between them', async ({ page }) => {
  await signUp(page.request, { name: 'Annie Easley', organizationName: 'Centaur Rockets', label: 'switcher' });

  await page.goto('/settings/organization');
  await expect(page.getByLabel('Organization name', { exact: true })).toHaveValue('Centaur Rockets');

  await switcher(page).click();
  await page.getByRole('menuitem', { name: 'New organization' }).click();
  const dialog = page.getByRole('dialog', { name: 'New organization' });
  await dialog.getByLabel('Organization name', { exact: true }).fill('Battery Research');
  await dialog.getByRole('button', { name: 'Create organization' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(switcher(page)).toHaveAccessibleName('Organization: Battery Research Owner');
  await expect(page.getByLabel('Organization name', { exact: true })).toHaveValue('Battery Research');

  await switcher(page).click();
  await expect(page.getByRole('menuitemradio', { name: /Battery Research/ })).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('menuitemradio', { name: /Centaur Rockets/ }).click();
  await expect(switcher(page)).toHaveAccessibleName('Organization: Centaur Rockets Owner');
  await expect(page.getByLabel('Organization name', { exact: true })).toHaveValue('Centaur Rockets');
});

test('a reload restores the session from the refresh cookie, in the organization last chosen', async ({ page }) => {
  const { session } = await signUp(page.request, { name: 'Mary Jackson', organizationName: 'Wind Tunnels', label: 'reload' });
  const second = await page.request.post('/api/v1/organizations', {
    data: { name: 'Supersonic Flow' },
    headers: { authorization: `Bearer ${session.accessToken}` },
  });
  expect(second.status()).toBe(201);

  await page.goto('/settings/profile');
  await switcher(page).click();
  await page.getByRole('menuitemradio', { name: /Supersonic Flow/ }).click();
  await expect(switcher(page)).toHaveAccessibleName('Organization: Supersonic Flow Owner');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  await expect(switcher(page)).toHaveAccessibleName('Organization: Supersonic Flow Owner');
  // The access token was only ever in memory.
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))).toBe('{}');
});
