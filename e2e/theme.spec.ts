import { expect, test } from './fixtures';

const backgroundOf = (page: import('@playwright/test').Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

/** 0 (black) to 1 (white), from a computed `oklch(L C H)` or `rgb(r, g, b)` colour. */
function lightness(color: string): number {
  const numbers = (color.match(/[\d.]+/g) ?? []).map(Number);
  if (color.startsWith('oklch')) return numbers[0] ?? Number.NaN;
  return numbers.slice(0, 3).reduce((sum, value) => sum + value, 0) / (3 * 255);
}

test('the app follows the system colour scheme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await expect(page.getByText('status: ok')).toBeVisible();
  const light = await backgroundOf(page);

  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await backgroundOf(page);

  expect(dark).not.toBe(light);
  expect(lightness(dark)).toBeLessThan(0.3);
  expect(lightness(light)).toBeGreaterThan(0.9);
});
