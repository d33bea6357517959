import { test as base, expect, type Page } from '@playwright/test';

interface ExpectedError {
  text: RegExp;
  /** Where the message comes from: the page's script, or for a failed request its URL. */
  url?: RegExp;
}

// Every signed-out visit tries the refresh cookie to restore a session: without one the answer is
// a 401, which Chromium logs as a failed resource. It is how the app starts, not an error.
const expectedOnEveryPage: ExpectedError[] = [{ text: /^Failed to load resource: .* 401 /, url: /\/api\/v1\/auth\/refresh$/ }];

interface Fixtures {
  /** Console errors and uncaught exceptions of the test's pages; CSP violations show up here too. */
  pageErrors: string[];
  /** Says which console errors the test expects (an API answer it provokes, such as a 401 for a wrong password). */
  expectConsoleError: (expected: ExpectedError) => void;
  /** A page in a browser of its own (no shared cookies): another person. Watched for errors like `page`. */
  newPersonPage: () => Promise<Page>;
}

/** Every test fails on browser console errors it did not expect (STYLE 8). */
export const test = base.extend<Fixtures & { expectedErrors: ExpectedError[] }>({
  // Playwright reads the fixtures a fixture needs from this pattern; this one needs none.
  // eslint-disable-next-line no-empty-pattern
  expectedErrors: async ({}, use) => {
    await use([...expectedOnEveryPage]);
  },
  expectConsoleError: async ({ expectedErrors }, use) => {
    await use((expected) => expectedErrors.push(expected));
  },
  pageErrors: [
    async ({ page, expectedErrors }, use) => {
      const errors: string[] = [];
      watchErrors(page, errors, expectedErrors);
      await use(errors);
      expect(errors, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
  newPersonPage: async ({ browser, pageErrors, expectedErrors, baseURL }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async () => {
      const context = await browser.newContext({ baseURL });
      contexts.push(context);
      const page = await context.newPage();
      watchErrors(page, pageErrors, expectedErrors);
      return page;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

function watchErrors(page: Page, errors: string[], expectedErrors: ExpectedError[]): void {
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const url = message.location().url;
    const expected = expectedErrors.some((candidate) => candidate.text.test(text) && (candidate.url === undefined || candidate.url.test(url)));
    if (!expected) errors.push(`console: ${text} (${url})`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
}

export { expect };
