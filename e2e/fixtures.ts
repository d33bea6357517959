import { test as base, expect } from '@playwright/test';

interface Fixtures {
  /** Console errors and uncaught exceptions of the page; CSP violations show up here too. */
  pageErrors: string[];
}

/** Every test fails on browser console errors it did not expect (STYLE 8). */
export const test = base.extend<Fixtures>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      await use(errors);
      expect(errors, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
