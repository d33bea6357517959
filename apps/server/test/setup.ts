import { afterEach, beforeEach, vi } from 'vitest';

// Unexpected console errors fail the test (STYLE 8); a test that expects one mocks console itself.
beforeEach(() => {
  for (const method of ['error', 'warn'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      throw new Error(`unexpected console.${method}: ${args.map(String).join(' ')}`);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
});
