import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { format } from 'node:util';
import { afterEach, beforeEach, vi, type MockInstance } from 'vitest';

// findBy… waits up to 1 s by default; on a busy two-core machine a first render can take longer.
configure({ asyncUtilTimeout: 3000 });

// jsdom has no matchMedia; the toaster asks it for the colour scheme. A light-scheme answer will do.
Object.defineProperty(window, 'matchMedia', {
  configurable: true,
  value: (query: string): MediaQueryList =>
    Object.assign(new EventTarget(), { matches: false, media: query, onchange: null, addListener: () => {}, removeListener: () => {} }),
});

// Unexpected console.error or console.warn output (React warnings included) fails the test. The
// spies still print. A test that expects output says so by silencing it:
// `vi.spyOn(console, 'error').mockImplementation(() => {})`.
const watchedMethods = ['error', 'warn'] as const;
let consoleSpies: [method: string, spy: MockInstance][] = [];

beforeEach(() => {
  consoleSpies = watchedMethods.map((method) => [method, vi.spyOn(console, method)]);
});

afterEach(() => {
  // Explicit: Testing Library registers its own cleanup only when test globals are enabled.
  cleanup();
  const unexpected = consoleSpies
    .filter(([, spy]) => spy.getMockImplementation() === undefined)
    .flatMap(([method, spy]) => spy.mock.calls.map((args) => `console.${method}: ${format(...args)}`));
  for (const [, spy] of consoleSpies) spy.mockRestore();
  if (unexpected.length > 0) throw new Error(`Unexpected console output:\n${unexpected.join('\n')}`);
});
