import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signUp } from './identity-api';
import { recordPagesApi } from './record-pages-api';

/** A signed-in owner of a new organization, with the API to set data up. */
async function owner(page: Page, label: string) {
  const { session } = await signUp(page.request, { name: 'Ada Lovelace', organizationName: 'Analytical Engines', label });
  return recordPagesApi(page.request, session);
}

/** Money as the app writes it, in the browser's locale (en-US in these tests). */
const euros = (amount: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(amount);

test('create a company and two contacts and link them', async ({ page }) => {
  const api = await owner(page, 'link');
  const grace = await api.createContact({ firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' });
  await api.createContact({ firstName: 'Katherine', lastName: 'Johnson', email: 'katherine@example.com' });

  await page.goto('/companies');
  await page.getByRole('button', { name: 'New company' }).click();
  const dialog = page.getByRole('dialog', { name: 'New company' });
  await dialog.getByLabel('Name').fill('Acme Rockets');
  await dialog.getByRole('button', { name: 'Create company' }).click();
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Acme Rockets' })).toBeVisible();

  const contacts = page.getByRole('region', { name: 'Contacts' });
  await expect(contacts.getByText('No contacts linked yet.')).toBeVisible();
  for (const [search, name, role] of [
    ['Hop', 'Grace Hopper', 'Champion'],
    ['kath', 'Katherine Johnson', 'Buyer'],
  ] as const) {
    await contacts.getByRole('button', { name: 'Link contact' }).click();
    await contacts.getByRole('combobox', { name: 'Contact to link' }).fill(search);
    await contacts.getByRole('option', { name: new RegExp(name) }).click();
    await contacts.getByRole('textbox', { name: 'Role' }).fill(role);
    if (name === 'Grace Hopper') await contacts.getByLabel('Acme Rockets is their primary company').check();
    await contacts.getByRole('button', { name: 'Link', exact: true }).click();
    await expect(page.getByText(`${name} is linked to Acme Rockets.`)).toBeVisible();
  }
  const linked = contacts.getByRole('list', { name: 'Contacts of Acme Rockets' });
  await expect(linked.getByRole('listitem')).toHaveCount(2);
  await expect(linked.getByRole('listitem').filter({ hasText: 'Grace Hopper' })).toContainText('Champion');
  await expect(linked.getByRole('listitem').filter({ hasText: 'Katherine Johnson' })).toContainText('Buyer');

  // The other side shows the link too, with the primary flag.
  await linked.getByRole('link', { name: 'Grace Hopper' }).click();
  await expect(page).toHaveURL(`/contacts/${grace.id}`);
  const companies = page.getByRole('list', { name: 'Companies of Grace Hopper' });
  await expect(companies.getByRole('listitem')).toHaveCount(1);
  await expect(companies.getByRole('listitem')).toContainText('Acme Rockets');
  await expect(companies.getByRole('listitem')).toContainText('Primary');

  // Unlinking takes it off both sides.
  await page.goBack();
  await linked.getByRole('button', { name: 'Unlink Katherine Johnson' }).click();
  await expect(linked.getByRole('listitem')).toHaveCount(1);
});

test('find a contact through Cmd+K', async ({ page }) => {
  const api = await owner(page, 'palette');
  const grace = await api.createContact({ firstName: 'Grace', lastName: 'Hopper', email: 'grace@navy.example', jobTitle: 'Rear admiral' });
  await api.createContact({ firstName: 'Alan', lastName: 'Turing', email: 'alan@example.com' });
  await api.createCompany({ name: 'Grace Shipping' });

  await page.goto('/companies');
  await expect(page.getByRole('heading', { level: 1, name: 'Companies' })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Search records and actions' }).fill('grace hop');
  await expect(palette.getByRole('group', { name: 'Contacts' }).getByRole('option', { name: /Grace Hopper/ })).toBeVisible();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(`/contacts/${grace.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Grace Hopper' })).toBeVisible();
  await expect(palette).toBeHidden();
});

test('drag a deal to another stage and see the total change', async ({ page }) => {
  const api = await owner(page, 'board');
  const pipeline = await api.defaultPipeline();
  const [first, second] = pipeline.stages;
  await api.createDeal({ name: 'Rocket engines', amount: 12000, currency: 'EUR', stageId: first!.id });
  await api.createDeal({ name: 'Launch pad', amount: 3000, currency: 'EUR', stageId: second!.id });

  await page.goto('/deals');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Deals board' })).toBeVisible();
  const total = (stage: string) => page.getByLabel(`Total in ${stage}`);
  await expect(total(first!.name)).toHaveText(euros(12000));
  await expect(total(second!.name)).toHaveText(euros(3000));

  // A real mouse drag, in small steps, from the card to the next column.
  const card = page.getByRole('listitem', { name: 'Rocket engines' });
  const target = page.getByRole('region', { name: second!.name });
  const from = (await card.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + 24, from.y + from.height - 12);
  await page.mouse.down();
  await page.mouse.move(from.x + 44, from.y + from.height, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 15 });
  await page.mouse.up();

  await expect(page.getByText(`Rocket engines moved to ${second!.name}.`)).toBeVisible();
  await expect(total(second!.name)).toHaveText(euros(15000));
  await expect(total(first!.name)).toHaveText(euros(0));
  await expect(target.getByRole('listitem', { name: 'Rocket engines' })).toBeVisible();

  // The server has it: a reload shows the same board.
  await page.reload();
  await expect(total(second!.name)).toHaveText(euros(15000));
  await expect(page.getByRole('region', { name: second!.name }).getByRole('listitem', { name: 'Rocket engines' })).toBeVisible();

  // And the keyboard moves it back: pick up, one column left, drop.
  // Each key waits for the board to announce where the card is: the keyboard sensor listens for
  // arrows only once the pick-up has gone through, and the board's code may still be busy loading.
  await page.getByRole('button', { name: 'Move Rocket engines' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByText(`Rocket engines is over ${second!.name}.`)).toBeAttached();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByText(`Rocket engines is over ${first!.name}.`)).toBeAttached();
  await page.keyboard.press('Space');
  await expect(total(first!.name)).toHaveText(euros(12000));
  await expect(total(second!.name)).toHaveText(euros(3000));
});

test('edit the same contact in two tabs and resolve the conflict dialog', async ({ page, context }) => {
  const api = await owner(page, 'conflict');
  const grace = await api.createContact({ firstName: 'Grace', lastName: 'Hopper', jobTitle: 'Engineer' });

  await page.goto(`/contacts/${grace.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Grace Hopper' })).toBeVisible();
  // A second tab of the same browser (same session). Its stale PATCH is answered 412, which Chromium
  // logs as a failed resource: the only console error it may have.
  const other = await context.newPage();
  const otherErrors: string[] = [];
  other.on('console', (message) => {
    if (message.type() === 'error' && !/status of 412/.test(message.text())) otherErrors.push(message.text());
  });
  other.on('pageerror', (error) => otherErrors.push(error.message));
  await other.goto(`/contacts/${grace.id}`);
  await expect(other.getByRole('heading', { level: 1, name: 'Grace Hopper' })).toBeVisible();

  const editJobTitle = async (tab: Page) => {
    await tab.getByRole('button', { name: 'Edit Job title' }).click();
    return tab.getByRole('textbox', { name: 'Job title' });
  };

  // The second tab starts editing; meanwhile the first saves a new title.
  const mine = await editJobTitle(other);
  const theirs = await editJobTitle(page);
  await theirs.fill('Rear admiral');
  await theirs.press('Enter');
  await expect(page.getByRole('button', { name: 'Edit Job title' })).toHaveText('Rear admiral');

  await mine.fill('Chief engineer');
  await mine.press('Enter');
  const dialog = other.getByRole('dialog', { name: 'Someone else changed this contact' });
  const row = dialog.getByRole('row', { name: /Job title/ });
  await expect(row.getByRole('cell').nth(0)).toHaveText('Rear admiral');
  await expect(row.getByRole('cell').nth(1)).toHaveText('Chief engineer');
  await dialog.getByRole('button', { name: 'Apply mine' }).click();
  await expect(dialog).toBeHidden();
  await expect(other.getByRole('button', { name: 'Edit Job title' })).toHaveText('Chief engineer');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Edit Job title' })).toHaveText('Chief engineer');

  // Once more, and this time the second tab keeps the other version.
  const again = await editJobTitle(other);
  const first = await editJobTitle(page);
  await first.fill('Commodore');
  await first.press('Enter');
  await expect(page.getByRole('button', { name: 'Edit Job title' })).toHaveText('Commodore');
  await again.fill('Admiral');
  await again.press('Enter');
  await other.getByRole('dialog', { name: 'Someone else changed this contact' }).getByRole('button', { name: 'Keep theirs' }).click();
  await expect(other.getByRole('button', { name: 'Edit Job title' })).toHaveText('Commodore');
  await other.reload();
  await expect(other.getByRole('button', { name: 'Edit Job title' })).toHaveText('Commodore');
  expect(otherErrors).toEqual([]);
});
