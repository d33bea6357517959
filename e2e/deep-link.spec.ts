import { expect, test } from './fixtures';

test('a deep link answers 200 with the app, which shows its not-found page', async ({ page }) => {
  const response = await page.goto('/some/deep/link');

  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page).toHaveTitle('Page not found · Spanner CRM');
});

test('the not-found page leads back to the landing page', async ({ page }) => {
  await page.goto('/some/deep/link');

  await page.getByRole('link', { name: 'Go to the home page' }).click();

  await expect(page).toHaveURL('/');
  await expect(page.getByText('status: ok')).toBeVisible();
});
