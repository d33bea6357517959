import { expect, test } from './fixtures';

test('the landing page shows that the server is up', async ({ page }) => {
  await page.goto('/');

  await expect(page.getByRole('link', { name: 'Spanner CRM' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Spanner CRM' })).toBeVisible();
  await expect(page.getByText('status: ok')).toBeVisible();
  await expect(page).toHaveTitle('Spanner CRM');
});

test('the landing page loads under the CSP without violations or console errors', async ({ page, pageErrors }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (violation: string) => violations.push(violation));
  // Init scripts run before the page's own and are not subject to its CSP.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation(violation: string): void }).reportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'}`);
    });
  });

  const response = await page.goto('/');

  // The check means something only if the strict policy is really in force.
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByText('status: ok')).toBeVisible();
  expect(violations).toEqual([]);
  expect(pageErrors).toEqual([]);
});
