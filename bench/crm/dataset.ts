// What the generator creates and the scenarios log in with: one place, so both agree.

/** The bench database; the generator drops and recreates it. */
export const benchDatabaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/spanner_bench';

/** Every generated user has this password (not a common one: the server would refuse it at sign-up). */
export const benchPassword = 'Spanner-bench-2026!';

export const bigOrganizationName = 'Big Bench Corp';
export const bigOrganizationOwnerEmail = 'owner@big.bench.test';

/** Rows of the big organization at scale 1 (`--scale` multiplies them); the small ones stay small. */
export const bigOrganizationRows = { companies: 100_000, contacts: 1_000_000, deals: 200_000, notes: 500_000, members: 4, tags: 24 };
export const smallOrganizationRows = { companies: 60, contacts: 300, deals: 80, notes: 150, members: 2, tags: 8 };
export const smallOrganizationCount = 9;

/** The database name in a postgres:// URL, and the URL of the maintenance database next to it. */
export function databaseOf(url: string): { name: string; maintenanceUrl: string } {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_DATABASE_URL must name a plain database (letters, digits, _), got "${name}"`);
  parsed.pathname = '/postgres';
  return { name, maintenanceUrl: parsed.toString() };
}
