import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signUp } from './identity-api';
import { recordsApi } from './records-api';

const table = (page: Page, name: string) => page.getByRole('table', { name });
/** The names in the list, top to bottom (the first cell after the checkbox links to the record). */
const namesIn = (page: Page, name: string) => table(page, name).getByRole('row').getByRole('link').allTextContents();

test('filter and sort the contacts list and reload with the view kept', async ({ page }) => {
  const { session } = await signUp(page.request, { name: 'Ada Lovelace', organizationName: 'Analytical Engines', label: 'contacts-view' });
  const api = recordsApi(page.request, session);
  await api.createContact({ firstName: 'Grace', lastName: 'Hopper', lifecycleStage: 'lead' });
  await api.createContact({ firstName: 'Alan', lastName: 'Turing', lifecycleStage: 'customer' });
  await api.createContact({ firstName: 'Katherine', lastName: 'Johnson', lifecycleStage: 'lead' });
  await api.createContact({ firstName: 'Charles', lastName: 'Babbage', lifecycleStage: 'lead' });

  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  // The default order is by last name.
  await expect.poll(() => namesIn(page, 'Contacts')).toEqual(['Charles Babbage', 'Grace Hopper', 'Katherine Johnson', 'Alan Turing']);

  await page.getByRole('button', { name: 'Add filter' }).click();
  const filterForm = page.getByRole('form', { name: 'Add a filter' });
  await filterForm.getByLabel('Field').selectOption({ label: 'Lifecycle stage' });
  await filterForm.getByLabel('Operator').selectOption({ label: 'is' });
  await filterForm.getByLabel('Value').selectOption({ label: 'Lead' });
  await filterForm.getByRole('button', { name: 'Apply filter' }).click();
  await expect(page.getByRole('list', { name: 'Filters' })).toContainText('Lifecycle stage is Lead');
  await expect.poll(() => namesIn(page, 'Contacts')).toEqual(['Charles Babbage', 'Grace Hopper', 'Katherine Johnson']);

  const nameHeader = table(page, 'Contacts').getByRole('columnheader', { name: 'Name' });
  await nameHeader.getByRole('button', { name: 'Name' }).click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await nameHeader.getByRole('button', { name: 'Name' }).click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => namesIn(page, 'Contacts')).toEqual(['Katherine Johnson', 'Grace Hopper', 'Charles Babbage']);

  // `/` jumps to the search box from anywhere on the page.
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).click();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search contacts' })).toBeFocused();
  await page.keyboard.type('hop');
  await expect.poll(() => namesIn(page, 'Contacts')).toEqual(['Grace Hopper']);
  await expect(page).toHaveURL(/\?q=hop&lifecycleStage=lead&sort=-lastName$/);

  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search contacts' })).toHaveValue('hop');
  await expect(page.getByRole('list', { name: 'Filters' })).toContainText('Lifecycle stage is Lead');
  await expect(table(page, 'Contacts').getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => namesIn(page, 'Contacts')).toEqual(['Grace Hopper']);

  // Without the search, the filter and the sort still hold.
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill('');
  await expect.poll(() => namesIn(page, 'Contacts')).toEqual(['Katherine Johnson', 'Grace Hopper', 'Charles Babbage']);
});

test('delete a company and restore it from the trash', async ({ page }) => {
  const { session } = await signUp(page.request, { name: 'Grace Hopper', organizationName: 'Compilers Inc', label: 'trash' });
  const api = recordsApi(page.request, session);
  await api.createCompany({ name: 'Acme Corporation', domain: 'acme.example' });
  await api.createCompany({ name: 'Globex', domain: 'globex.example' });

  await page.goto('/companies');
  await expect.poll(() => namesIn(page, 'Companies')).toEqual(['Acme Corporation', 'Globex']);
  await page.getByRole('checkbox', { name: 'Select Acme Corporation' }).check();
  const bulkActions = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(bulkActions).toContainText('1 selected');
  await bulkActions.getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.getByText('1 company moved to the trash.')).toBeVisible();
  await expect.poll(() => namesIn(page, 'Companies')).toEqual(['Globex']);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trash' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trash' })).toBeVisible();
  const trash = table(page, 'Deleted companies');
  await expect(trash.getByRole('row', { name: /Acme Corporation/ })).toBeVisible();
  await trash.getByRole('button', { name: 'Restore Acme Corporation' }).click();
  await expect(page.getByText('Acme Corporation is restored.')).toBeVisible();
  await expect(page.getByText('No deleted companies')).toBeVisible();

  await page.getByRole('link', { name: 'Back to companies' }).click();
  await expect.poll(() => namesIn(page, 'Companies')).toEqual(['Acme Corporation', 'Globex']);
});

test('select contacts and add a tag in bulk', async ({ page }) => {
  const { session } = await signUp(page.request, { name: 'Katherine Johnson', organizationName: 'Trajectories', label: 'bulk-tag' });
  const api = recordsApi(page.request, session);
  await api.createTag({ name: 'VIP', color: 'purple' });
  await api.createContact({ firstName: 'Dorothy', lastName: 'Vaughan' });
  await api.createContact({ firstName: 'Mary', lastName: 'Jackson' });
  await api.createContact({ firstName: 'John', lastName: 'Glenn' });

  await page.goto('/contacts');
  const contacts = table(page, 'Contacts');
  await expect(contacts.getByRole('row', { name: /Dorothy Vaughan/ })).toBeVisible();
  await contacts.getByRole('checkbox', { name: 'Select Dorothy Vaughan' }).check();
  await contacts.getByRole('checkbox', { name: 'Select Mary Jackson' }).check();

  const bulkActions = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(bulkActions).toContainText('2 selected');
  await bulkActions.getByRole('button', { name: 'Add tag' }).click();
  await page.getByRole('menuitem', { name: 'VIP' }).click();
  await expect(page.getByText('Tag VIP added to 2 contacts.')).toBeVisible();

  await expect(contacts.getByRole('row', { name: /Dorothy Vaughan/ })).toContainText('VIP');
  await expect(contacts.getByRole('row', { name: /Mary Jackson/ })).toContainText('VIP');
  await expect(contacts.getByRole('row', { name: /John Glenn/ })).not.toContainText('VIP');

  // The tag filters the list too.
  await page.getByRole('button', { name: 'Add filter' }).click();
  const filterForm = page.getByRole('form', { name: 'Add a filter' });
  await filterForm.getByLabel('Field').selectOption({ label: 'Tags' });
  await filterForm.getByLabel('Value').selectOption({ label: 'VIP' });
  await filterForm.getByRole('button', { name: 'Apply filter' }).click();
  await expect.poll(() => namesIn(page, 'Contacts')).toEqual(['Mary Jackson', 'Dorothy Vaughan']);
});

test('scroll the companies list to load the next pages, with only the rows in view in the page', async ({ page }) => {
  const { session } = await signUp(page.request, { name: 'Hedy Lamarr', organizationName: 'Frequency Hopping', label: 'scroll' });
  const api = recordsApi(page.request, session);
  const names = Array.from({ length: 120 }, (_, index) => `Company ${String(index + 1).padStart(3, '0')}`);
  for (let start = 0; start < names.length; start += 10) {
    await Promise.all(names.slice(start, start + 10).map((name) => api.createCompany({ name })));
  }

  await page.goto('/companies');
  const companies = table(page, 'Companies');
  await expect(companies.getByRole('link', { name: 'Company 001' })).toBeVisible();
  // 50 rows a page, more to come; far fewer than 50 rows are in the DOM.
  await expect(companies).toHaveAttribute('aria-rowcount', '-1');
  expect(await companies.getByRole('link').count()).toBeLessThan(50);

  const scrollBox = companies.locator('xpath=..');
  await expect(async () => {
    await scrollBox.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(companies.getByRole('link', { name: 'Company 120' })).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(companies).toHaveAttribute('aria-rowcount', '121');
  await expect(companies.getByRole('link', { name: 'Company 001' })).toHaveCount(0);
});
